#!/usr/bin/env bash
# Payer-side PAS Claim/$submit throughput with validation on, at concurrency 8 (issue 9). The Java driver
# (dev.recourse.bench.PayerSubmitBenchmark) starts the built server jar on a fresh database, warms it with
# BENCH_WARMUP submissions one at a time, then sends BENCH_REQUESTS distinct PAS request Bundles (the guide's referral
# example under new identifiers) from BENCH_CONCURRENCY threads, then the same ones again (idempotent replay).
# Writes target/bench/payer-submit-report-<db>.md and the server's log. Run it on a quiet machine.
# Usage: bench/payer-submit.sh [h2|postgres|both]   (default h2)
#        BENCH_REQUESTS=400  BENCH_CONCURRENCY=8  BENCH_WARMUP=16  BENCH_SKIP_BUILD=1  BENCH_SECURITY=off
exec "$(dirname "$0")/driver.sh" PayerSubmitBenchmark payersubmit "$@"
