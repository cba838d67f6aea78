#!/usr/bin/env bash
# Recourse denial → validated packet benchmark, for a patient of over 1,000 EHR resources, over loopback. The Java
# driver (dev.recourse.bench.PacketBenchmark) starts the fake EHR, a token issuer for the prescriber's login and the
# built server jar itself, on a fresh database; per case it stores a PAS denial with its request Claim and Coverage,
# then times $open-case → $pull-history → $map-criteria → the specialist's PUT of the map → $draft-letter → $sign →
# $assemble: one cold case, then BENCH_CASES warm ones. bench/driver.sh builds, provides a throw-away PostgreSQL
# cluster when asked, and runs it.
# Writes target/bench/packet-report-<db>.{md,json} and the server's log as target/bench/packet-server-<db>.log.
# Usage: bench/packet.sh [h2|postgres|both]   (default h2)
#        BENCH_CASES=20 (warm cases)  BENCH_POLICY=cigna-adalimumab-ra  BENCH_SKIP_BUILD=1
#        BENCH_SERVER_JVM_OPTS="-Xms512m -Xmx1g"
exec "$(dirname "$0")/driver.sh" PacketBenchmark packet "$@"
