#!/usr/bin/env bash
# Lake scans of ORC: TPC-H lineitem as Iceberg ORC (an external schema with FILE_FORMAT 'orc') and,
# as the same run's peer, as Iceberg Parquet, both in one Basin data directory; rows per second of
# process CPU time. Builds the benchmarks module, then runs io.basin.benchmarks.LakeOrcScanBenchmark, e.g.
#   benchmarks/run-lake-orc-scan.sh                                        # SF 1, best of 3
#   benchmarks/run-lake-orc-scan.sh benchmarks/target/lake-orc-data sf0_1 5
# The lake tables are written on the first run and reused. BENCHMARK_HEAP sets the heap (default 8g).
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-8g}" BENCHMARK_JVM_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCHMARK_JVM_OPTS:-}" exec "$(dirname "$0")/run-class.sh" "LakeOrcScanBenchmark" "$@"
