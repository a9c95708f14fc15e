#!/usr/bin/env bash
# Lake scans: TPC-H lineitem as Iceberg Parquet in a Basin data directory, Basin's scan fleet vs
# DuckDB's read_parquet over the same files. Builds the benchmarks module, then runs
# io.basin.benchmarks.LakeScanBenchmark, e.g.
#   benchmarks/run-lake-scan.sh                                   # SF 1, best of 3
#   benchmarks/run-lake-scan.sh benchmarks/target/lake-data sf0_1 5
# The lake table is written on the first run and reused. BENCHMARK_HEAP sets the heap (default 8g).
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-8g}" BENCHMARK_JVM_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCHMARK_JVM_OPTS:-}" exec "$(dirname "$0")/run-class.sh" "LakeScanBenchmark" "$@"
