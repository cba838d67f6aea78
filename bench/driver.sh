#!/usr/bin/env bash
# Runs a benchmark driver that starts the built server itself (bench/pull.sh, bench/criteria.sh): builds, provides a
# throw-away PostgreSQL cluster when asked, and runs dev.recourse.bench.<Driver> <reportDir> <db> <jar> per database.
# Usage: bench/driver.sh <Driver> <name> [h2|postgres|both]   (default h2; <name> names the temp cluster and database)
#        BENCH_SKIP_BUILD=1  BENCH_SERVER_JVM_OPTS="-Xms512m -Xmx1g"
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
driver=${1:?usage: bench/driver.sh <Driver> <name> [h2|postgres|both]}
name=${2:?usage: bench/driver.sh <Driver> <name> [h2|postgres|both]}
which_db=${3:-h2}
out="$repo/target/bench"
mkdir -p "$out"
export BENCH_SERVER_JVM_OPTS=${BENCH_SERVER_JVM_OPTS:--Xms512m -Xmx1g}
export BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
pg_bin=/usr/lib/postgresql/15/bin

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  mvn -q package -DskipTests
  mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
fi
jar=$(ls "$repo"/target/recourse-*.jar | grep -v original | head -1)
driver_cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cleanup() {
  [[ -n "${pg_dir:-}" ]] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -m immediate stop >/dev/null 2>&1 || true
  [[ -n "${pg_dir:-}" ]] && rm -rf "$pg_dir"
  return 0
}
trap cleanup EXIT

start_postgres() {  # as bench/run.sh: a throw-away cluster owned by the postgres user, on a free port
  command -v "$pg_bin/initdb" >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  pg_dir=$(mktemp -d /tmp/recourse-${name}bench-pg.XXXX); chown postgres "$pg_dir"
  local port; port=$(free_port)
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir" -U postgres -A trust >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
  runuser -u postgres -- "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "bench_$name"
  export BENCH_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/bench_$name"
}

run_db() {  # $1 = h2 | postgres
  [[ $1 == postgres ]] && start_postgres
  # the driver stops the server it started, also when it is interrupted (a shutdown hook)
  timeout 1800 java -cp "$driver_cp" "dev.recourse.bench.$driver" "$out" "$1" "$jar"
  if [[ $1 == postgres ]]; then cleanup; pg_dir=; fi
}

case $which_db in
  h2) dbs=(h2) ;;
  postgres) dbs=(postgres) ;;
  both) dbs=(h2 postgres) ;;
  *) echo "usage: bench/$name.sh [h2|postgres|both]" >&2; exit 2 ;;
esac
for db in "${dbs[@]}"; do run_db "$db"; done
