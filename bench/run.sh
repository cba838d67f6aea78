#!/usr/bin/env bash
# Recourse benchmark: starts the built server on a fresh database, drives load over HTTP on loopback,
# writes target/bench/report-<db>.{md,json}.   Usage: bench/run.sh [h2|postgres|both]   (default both)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
which_db=${1:-both}
out="$repo/target/bench"
mkdir -p "$out"
jvm_opts=${BENCH_SERVER_JVM_OPTS:--Xms512m -Xmx1g}
export BENCH_SERVER_JVM_OPTS="$jvm_opts"
export BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  mvn -q package -DskipTests
  mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
fi
jar=$(ls "$repo"/target/recourse-*.jar | grep -v original | head -1)
driver_cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=(); tmpdirs=()
cleanup() {
  for pid in "${pids[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  [[ -n "${pg_dir:-}" ]] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir" -m immediate stop >/dev/null 2>&1 || true
  for d in "${tmpdirs[@]:-}"; do [[ -n "$d" ]] && rm -rf "$d"; done
}
trap cleanup EXIT

start_postgres() {  # a throw-away cluster owned by the postgres user, on a free port
  command -v /usr/lib/postgresql/15/bin/initdb >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  pg_dir=$(mktemp -d /tmp/recourse-bench-pg.XXXX); tmpdirs+=("$pg_dir"); chown postgres "$pg_dir"
  pg_port=$(free_port)
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$pg_dir" -U postgres -A trust >/dev/null
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir" -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
  db_env=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
}

run_one() {  # $1 = h2 | postgres
  local db=$1 work port pid start ready rss
  work=$(mktemp -d /tmp/recourse-bench.XXXX); tmpdirs+=("$work")
  db_env=()
  [[ $db == postgres ]] && start_postgres
  port=$(free_port)
  start=$(date +%s.%N)
  (cd "$work" && env "${db_env[@]}" RECOURSE_DEMO_ENABLED=false PORT="$port" \
      java $jvm_opts -jar "$jar" > "$out/server-$db.log" 2>&1) &
  sleep 1; pid=$(pgrep -f -n "java .*$jar") ; pids+=("$pid")
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  ready=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "== $db: ready in $(echo "$ready - $start" | bc) s, RSS $((rss / 1024)) MB"
  timeout 1200 java -cp "$driver_cp" dev.recourse.bench.Benchmark "http://127.0.0.1:$port/fhir" "$out" "$db" "$pid" \
      "$(echo "$ready - $start" | bc)" "$rss"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [[ $db == postgres ]] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir" -m fast stop >/dev/null && pg_dir=
  echo "report: $out/report-$db.md"
}

case $which_db in
  h2) run_one h2 ;;
  postgres) run_one postgres ;;
  both) run_one h2; run_one postgres ;;
  *) echo "usage: bench/run.sh [h2|postgres|both]" >&2; exit 2 ;;
esac
