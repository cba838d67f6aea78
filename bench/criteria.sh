#!/usr/bin/env bash
# Recourse criteria-map benchmark: Task/[id]/$map-criteria for a patient of over 1,000 resources, over loopback.
# The Java driver (dev.recourse.bench.CriteriaBenchmark) starts the fake EHR and the built server jar itself, on a
# fresh database, pulls the patient's chart once, opens one case per policy and times each policy's first map and
# BENCH_MAPS warm ones; bench/driver.sh builds, provides a throw-away PostgreSQL cluster when asked, and runs it.
# Writes target/bench/criteria-report-<db>.{md,json} and the server's log as target/bench/criteria-server-<db>.log.
# Usage: bench/criteria.sh [h2|postgres|both]   (default h2)
#        BENCH_MAPS=50 (warm maps per policy)  BENCH_POLICIES=cigna-adalimumab-ra,...  BENCH_SKIP_BUILD=1
#        BENCH_SERVER_JVM_OPTS="-Xms512m -Xmx1g"  BENCH_SECURITY=off
exec "$(dirname "$0")/driver.sh" CriteriaBenchmark criteria "$@"
