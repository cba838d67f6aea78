#!/usr/bin/env bash
# Recourse benchmark: starts the built server on fresh databases, drives load over HTTP on loopback,
# writes target/bench/report-<db>-<mode>.{md,json} and target/bench/comparison.md. Per database, one server per
# security mode runs at the same time (each on its own fresh database); the driver interleaves the scenarios
# over them, so background load on the machine falls on all modes alike.
# Usage: bench/run.sh [h2|postgres|both]   (default both)
#        BENCH_SECURITY=on|off|authz|both|all   (default both: on and off)
#   on    = secure: bearer tokens, authorization and the audit trail, as deployed
#   off   = open:   RECOURSE_SECURITY_ENFORCE=false and the audit off (the baseline)
#   authz = authz:  tokens and authorization, audit off (splits the cost between the two)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
which_db=${1:-both}
case ${BENCH_SECURITY:-both} in
  on) modes=(secure) ;;
  off) modes=(open) ;;
  authz) modes=(authz) ;;
  both) modes=(open secure) ;;
  all) modes=(open authz secure) ;;
  *) echo "BENCH_SECURITY must be on, off, authz, both or all" >&2; exit 2 ;;
esac
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

start_postgres() {  # a throw-away cluster owned by the postgres user, on a free port; one database per mode
  command -v /usr/lib/postgresql/15/bin/initdb >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
  pg_dir=$(mktemp -d /tmp/recourse-bench-pg.XXXX); tmpdirs+=("$pg_dir"); chown postgres "$pg_dir"
  pg_port=$(free_port)
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$pg_dir" -U postgres -A trust >/dev/null
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir" -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
  for mode in "${modes[@]}"; do
    runuser -u postgres -- /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$pg_port" -U postgres "bench_$mode"
  done
}

db_env() {  # $1 = h2 | postgres, $2 = mode: the server's database
  db_env=()
  if [[ $1 == postgres ]]; then
    # the development token issuer refuses PostgreSQL unless told: this cluster is thrown away after the run
    db_env=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/bench_$2" SPRING_DATASOURCE_USERNAME=postgres
            SPRING_DATASOURCE_PASSWORD= RECOURSE_SECURITY_DEV_ISSUER_ALLOW_POSTGRES=true)
  fi
}

security_env() {  # $1 = secure | authz | open: the server's switches (the dev-issuer profile is the default)
  case $1 in
    secure) security=(RECOURSE_SECURITY_ENFORCE=true RECOURSE_SECURITY_AUDIT_ENABLED=true) ;;
    authz) security=(RECOURSE_SECURITY_ENFORCE=true RECOURSE_SECURITY_AUDIT_ENABLED=false) ;;
    open) security=(RECOURSE_SECURITY_ENFORCE=false RECOURSE_SECURITY_AUDIT_ENABLED=false) ;;
  esac
}

start_server() {  # $1 = db, $2 = mode; one at a time, so start-up times are comparable. Appends to targets.
  local db=$1 mode=$2 work port pid start ready rss
  work=$(mktemp -d /tmp/recourse-bench.XXXX); tmpdirs+=("$work")
  db_env "$db" "$mode"; security_env "$mode"
  port=$(free_port)
  start=$(date +%s.%N)
  (cd "$work" && exec env "${db_env[@]}" "${security[@]}" RECOURSE_DEMO_ENABLED=false PORT="$port" \
      java $jvm_opts -jar "$jar" > "$out/server-$db-$mode.log" 2>&1) &
  pid=$!; pids+=("$pid")  # exec: the subshell becomes the server's java process
  for _ in $(seq 1 600); do
    curl -fs -m 5 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "server $db $mode died; see $out/server-$db-$mode.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs -m 5 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "server $db $mode not ready" >&2; exit 1; }
  ready=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "== $db $mode: ready in $(echo "$ready - $start" | bc) s, RSS $((rss / 1024)) MB"
  targets+=("$mode,http://127.0.0.1:$port/fhir,$pid,$(echo "$ready - $start" | bc),$rss")
}

run_db() {  # $1 = h2 | postgres: a server per mode, then the scenarios interleaved over them (see Benchmark)
  local db=$1 mode pid
  targets=()
  [[ $db == postgres ]] && start_postgres
  for mode in "${modes[@]}"; do start_server "$db" "$mode"; done
  timeout 2400 java -cp "$driver_cp" dev.recourse.bench.Benchmark "$out" "$db" "${targets[@]}"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
  [[ $db == postgres ]] && runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$pg_dir" -m fast stop >/dev/null && pg_dir=
  for mode in "${modes[@]}"; do echo "report: $out/report-$db-$mode.md"; done
}

case $which_db in
  h2) dbs=(h2) ;;
  postgres) dbs=(postgres) ;;
  both) dbs=(h2 postgres) ;;
  *) echo "usage: bench/run.sh [h2|postgres|both]" >&2; exit 2 ;;
esac
for db in "${dbs[@]}"; do run_db "$db"; done
java -cp "$driver_cp" dev.recourse.bench.Comparison "$out" "$repo/bench/foundation.json" > /dev/null
echo "comparison: $out/comparison.md"
