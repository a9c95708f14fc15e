#!/usr/bin/env bash
# Federated TPC-H: dimension tables in embedded PostgreSQL and MariaDB, facts in Basin's memory
# catalog; pushdown on vs off, rows and bytes fetched per source, and lineitem read throughput
# over one vs four connections. Builds the benchmarks module, then runs
# io.basin.benchmarks.FederatedBenchmark with the given arguments, e.g.
#   benchmarks/run-federated.sh                        # SF 1, all 22 queries, 1 warm-up + median of 3
#   benchmarks/run-federated.sh --sf 0.1 --queries 3,5,10 --runs 5
# BENCHMARK_HEAP sets the JVM heap (default 8g); BENCHMARK_SKIP_BUILD=1 runs the existing build.
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-8g}" exec "$(dirname "$0")/run-class.sh" "FederatedBenchmark" "$@"
