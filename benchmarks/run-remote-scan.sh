#!/usr/bin/env bash
# Lake scans through remote scan workers: TPC-H lineitem as Iceberg Parquet in a Basin data directory,
# scanned in process vs on one and two worker JVMs. Builds the benchmarks module, then runs
# io.basin.benchmarks.RemoteScanBenchmark, e.g.
#   benchmarks/run-remote-scan.sh                                   # SF 1, best of 3
#   benchmarks/run-remote-scan.sh benchmarks/target/lake-data sf0_1 5
# The lake table is written on the first run and reused. BENCHMARK_HEAP sets the heap (default 8g);
# BENCHMARK_SKIP_BUILD=1 runs the existing build.
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-8g}" BENCHMARK_JVM_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCHMARK_JVM_OPTS:-}" exec "$(dirname "$0")/run-class.sh" "RemoteScanBenchmark" "$@"
