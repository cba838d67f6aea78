#!/usr/bin/env bash
# CI check: rebuilds the IG and fails if profiles/ differs from what is committed.
set -euo pipefail
ig=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$ig/.." && pwd)
"$ig/build.sh"
cd "$repo"
if [[ -n "$(git status --porcelain -- profiles)" ]]; then
  echo "profiles/ is out of date with ig/: run ig/build.sh and commit the result" >&2
  git status --short -- profiles >&2
  exit 1
fi
echo "profiles/ is up to date"
