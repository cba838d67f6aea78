#!/usr/bin/env bash
# Recourse pull benchmark: Task/[id]/$pull-history for a patient of over 1,000 resources, end to end over loopback.
# The Java driver (dev.recourse.bench.PullBenchmark) starts the fake EHR and the built server jar itself, on a fresh
# database; bench/driver.sh builds, provides a throw-away PostgreSQL cluster when asked, and runs the driver.
# Writes target/bench/pull-report-<db>.{md,json} and the server's log as target/bench/pull-server-<db>.log.
# Usage: bench/pull.sh [h2|postgres|both]   (default h2)
#        BENCH_PULLS=5 (first-time pulls and re-pulls each)  BENCH_SKIP_BUILD=1  BENCH_SERVER_JVM_OPTS="-Xms512m -Xmx1g"
exec "$(dirname "$0")/driver.sh" PullBenchmark pull "$@"
