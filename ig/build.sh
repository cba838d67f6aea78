#!/usr/bin/env bash
# Builds Recourse's implementation guide and refreshes ../profiles/ from it.
#   1. installs SUSHI (pinned in package.json / package-lock.json) under ig/node_modules
#   2. installs the offline FHIR packages into target/fhir-home/.fhir/packages
#   3. runs SUSHI with HOME pointed at that cache and the FHIR package registry pointed nowhere
#   4. replaces ../profiles/*.json with one file per generated resource, <ResourceType>-<id>.json
# Nothing here downloads FHIR packages; only npm is contacted, and only for SUSHI itself.
set -euo pipefail

ig=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$ig/.." && pwd)
profiles="$repo/profiles"
fhir_home="$repo/target/fhir-home"
cache="$fhir_home/.fhir/packages"

# The FHIR packages SUSHI needs: the dependencies in sushi-config.yaml plus core R4. "<tarball>@<alias>" installs
# the package under another name, the way PAS itself depends on hl7.fhir.us.core.v610: US Core 7.0.0 (which PAS
# builds on) sits beside US Core 6.1.0 (which our own profiles use) as hl7.fhir.us.core.v700.
needed=(
  hl7.fhir.r4.core-4.0.1
  hl7.fhir.us.core-6.1.0
  hl7.fhir.us.core-7.0.0@hl7.fhir.us.core.v700
  hl7.fhir.us.davinci-pas-2.2.1
  hl7.fhir.us.davinci-dtr-2.0.1
  hl7.fhir.uv.sdc-4.0.0-ballot
  hl7.fhir.uv.extensions.r4-5.2.0
  hl7.terminology.r4-7.0.1
)

find_tarball() {  # $1 = <name>-<version>; the project's copy wins over ../shared
  local dir f
  for dir in "$repo/src/main/resources/fhir-packages" "$repo/../shared/fhir-packages" "${RECOURSE_FHIR_PACKAGES:-/nonexistent}"; do
    for f in "$dir/$1.tgz" "$dir/$1.REBUILT.tgz"; do
      [[ -f $f ]] && { echo "$f"; return 0; }
    done
  done
  return 1
}

install_sushi() {
  if [[ ! -x "$ig/node_modules/.bin/sushi" ]] || ! diff -q "$ig/package-lock.json" "$ig/node_modules/.package-lock.json" >/dev/null 2>&1; then
    (cd "$ig" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_packages() {
  mkdir -p "$cache"
  local entry pkg alias tgz id
  for entry in "${needed[@]}"; do
    pkg=${entry%@*}; alias=${entry#*@}; [[ $alias == "$entry" ]] && alias=""
    tgz=$(find_tarball "$pkg") || { echo "missing FHIR package tarball $pkg.tgz (looked in src/main/resources/fhir-packages and ../shared/fhir-packages)" >&2; exit 1; }
    id=$(tar -xzOf "$tgz" --warning=no-unknown-keyword package/package.json \
         | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["name"]+"#"+p["version"])')
    [[ -n $alias ]] && id="$alias#${id#*#}"
    if [[ ! -f "$cache/$id/package/package.json" ]]; then
      rm -rf "${cache:?}/$id"; mkdir -p "$cache/$id"
      tar -xzf "$tgz" --warning=no-unknown-keyword -C "$cache/$id"
    fi
  done
}

run_sushi() {
  rm -rf "$ig/fsh-generated"
  # HOME decides where SUSHI looks for packages; FPL_REGISTRY points the package loader at a closed port,
  # so a missing package fails fast instead of being fetched.
  (cd "$ig" && HOME="$fhir_home" FHIR_PACKAGE_CACHE="$cache" FPL_REGISTRY="http://127.0.0.1:9" \
     "$ig/node_modules/.bin/sushi" build . 2>&1) | tee "$repo/target/sushi.log"
  grep -qE '[^0-9]0 Errors' "$repo/target/sushi.log" || { echo "SUSHI reported errors" >&2; exit 1; }
}

refresh_profiles() {
  rm -rf "$profiles"; mkdir -p "$profiles"
  python3 - "$ig/fsh-generated/resources" "$profiles" <<'PY'
import json, pathlib, sys
src, dst = map(pathlib.Path, sys.argv[1:])
for f in sorted(src.glob("*.json")):
    r = json.loads(f.read_text())
    if r["resourceType"] == "ImplementationGuide":  # publishing metadata; the server has no use for it
        continue
    out = dst / f"{r['resourceType']}-{r['id']}.json"
    out.write_text(json.dumps(r, indent=2, ensure_ascii=False) + "\n")
PY
  echo "profiles/: $(ls "$profiles" | wc -l) resources"
}

mkdir -p "$repo/target"
install_sushi
install_packages
run_sushi
refresh_profiles
