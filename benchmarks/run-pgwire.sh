#!/usr/bin/env bash
# Round-trip latency and throughput of short queries through Basin's PostgreSQL wire server, with
# embedded PostgreSQL 17 and in-process DuckDB in the same run: builds the benchmarks module, then
# runs io.basin.benchmarks.PgWireBenchmark with the given arguments, e.g.
#   benchmarks/run-pgwire.sh                                  # 10,000 runs per case, 16 clients for 10 s
#   benchmarks/run-pgwire.sh --runs 2000 --seconds 5 --targets basin,postgres
# The server's statement log goes to benchmarks/target/pgwire-server.log (written as in production).
# BENCHMARK_HEAP sets the JVM heap (default 4g); BENCHMARK_SKIP_BUILD=1 runs the existing build.
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-4g}" BENCHMARK_JVM_OPTS="-Dorg.slf4j.simpleLogger.logFile=benchmarks/target/pgwire-server.log ${BENCHMARK_JVM_OPTS:-}" exec "$(dirname "$0")/run-class.sh" "PgWireBenchmark" "$@"
