#!/usr/bin/env bash
# Recourse metrics benchmark: Organization/[id]/$denial-metrics over 100,000 cases (and 100,000 payer-side requests) on
# PostgreSQL — the embedded PostgreSQL the integration tests use (failsafe execution it-postgres), in their shared Spring
# context. MetricsBenchmarkIT first proves on BENCH_FHIR_CASES cases written through the FHIR API that the storage hooks
# keep exactly the rows the seed writes, then seeds BENCH_CASES cases as rows with SQL and times the operation over HTTP
# (cold once, then 20 warm calls: p50/p95), for MeasureReports and CSV. Writes bench/METRICS-RESULTS.md.
# Usage: bench/metrics.sh [postgres|h2]   (default postgres)   BENCH_CASES=100000 BENCH_FHIR_CASES=1000
#        BENCH_REBUILD=1 also times MetricsRebuild over those cases and checks it gives the same rows (slow)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
db=${1:-postgres}
mvn -q -o test-compile "failsafe:integration-test@it-$db" -Dapp.skip=true -Dit.test=MetricsBenchmarkIT \
  -Dbench.metrics=true -Dbench.metrics.cases="${BENCH_CASES:-100000}" -Dbench.metrics.fhirCases="${BENCH_FHIR_CASES:-1000}" \
  -Dbench.metrics.rebuild="${BENCH_REBUILD:+true}" -Dbench.metrics.out="$repo/bench/METRICS-RESULTS.md"
grep -h "Tests run" "target/failsafe-reports/$db/"*MetricsBenchmarkIT.txt
cat bench/METRICS-RESULTS.md
