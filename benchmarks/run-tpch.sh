#!/usr/bin/env bash
# TPC-H on Basin and DuckDB, in process, on this machine: builds the benchmarks module, then runs
# io.basin.benchmarks.TpchBenchmark with the given arguments, e.g.
#   benchmarks/run-tpch.sh                          # SF 1, all 22 queries, 1 warm-up + median of 3
#   benchmarks/run-tpch.sh --sf 0.1 --queries 1,3,5 --runs 5 --stat best --engines duckdb
#   benchmarks/run-tpch.sh --lake benchmarks/target/lake-tpch --timeout 60   # lake Parquet vs DuckDB on the same files
# BENCHMARK_HEAP sets the JVM heap (default 12g); BENCHMARK_SKIP_BUILD=1 runs the existing build;
# BENCHMARK_MAIN runs another main class of the module with the same JVM (run-warehouse-tpch.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" -lt 25 ]]; then
    if [[ "$(java_major java 2>/dev/null || echo 0)" -ge 25 ]]; then
        JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    else
        JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    fi
    export JAVA_HOME
fi

[[ "${BENCHMARK_SKIP_BUILD:-0}" == 1 ]] || ./mvnw -q -B -pl benchmarks -am package -DskipTests

mkdir -p benchmarks/target/tmp
exec "$JAVA_HOME/bin/java" \
    "-Xmx${BENCHMARK_HEAP:-12g}" \
    --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow \
    -XX:+UseG1GC \
    -Djava.io.tmpdir=benchmarks/target/tmp \
    -Dorg.slf4j.simpleLogger.log.org.apache.iceberg=warn \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
    "io.basin.benchmarks.${BENCHMARK_MAIN:-TpchBenchmark}" "$@"
