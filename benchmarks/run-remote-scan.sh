#!/usr/bin/env bash
# Lake scans through remote scan workers: TPC-H lineitem as Iceberg Parquet in a Basin data directory,
# scanned in process vs on one and two worker JVMs. Builds the benchmarks module, then runs
# io.basin.benchmarks.RemoteScanBenchmark, e.g.
#   benchmarks/run-remote-scan.sh                                   # SF 1, best of 3
#   benchmarks/run-remote-scan.sh benchmarks/target/lake-data sf0_1 5
# The lake table is written on the first run and reused. BENCHMARK_HEAP sets the heap (default 8g);
# BENCHMARK_SKIP_BUILD=1 runs the existing build.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ "${BENCHMARK_SKIP_BUILD:-0}" == 1 ]] || ./mvnw -q -B -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/target/tmp
exec "$JAVA_HOME/bin/java" \
    "-Xmx${BENCHMARK_HEAP:-8g}" \
    --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Djava.io.tmpdir=benchmarks/target/tmp \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
    io.basin.benchmarks.RemoteScanBenchmark "$@"
