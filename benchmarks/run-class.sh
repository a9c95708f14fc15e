#!/usr/bin/env bash
# Runs one benchmark class of this module with the JVM flags from DESIGN.md:
#   benchmarks/run-class.sh CoLocatedJoinBenchmark --sf 1
# builds the module first unless BENCHMARK_SKIP_BUILD=1; BENCHMARK_HEAP sets the heap (default 8g);
# BENCHMARK_JVM_OPTS adds JVM options (space-separated). The other run-*.sh scripts call this one.
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
shift

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
# MaxHeapFreeRatio=100 keeps the heap G1 has grown to, as bin/basin does (see there)
exec "$JAVA_HOME/bin/java" \
    "-Xmx${BENCHMARK_HEAP:-8g}" \
    --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow \
    -XX:+UseG1GC \
    -XX:MaxHeapFreeRatio=100 \
    -Djava.io.tmpdir=benchmarks/target/tmp \
    ${BENCHMARK_JVM_OPTS:-} \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
    "io.basin.benchmarks.$main" "$@"
