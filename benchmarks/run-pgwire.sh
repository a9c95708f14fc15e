#!/usr/bin/env bash
# Round-trip latency and throughput of short queries through Basin's PostgreSQL wire server, with
# embedded PostgreSQL 17 and in-process DuckDB in the same run: builds the benchmarks module, then
# runs io.basin.benchmarks.PgWireBenchmark with the given arguments, e.g.
#   benchmarks/run-pgwire.sh                                  # 10,000 runs per case, 16 clients for 10 s
#   benchmarks/run-pgwire.sh --runs 2000 --seconds 5 --targets basin,postgres
# The server's statement log goes to benchmarks/target/pgwire-server.log (written as in production).
# BENCHMARK_HEAP sets the JVM heap (default 4g); BENCHMARK_SKIP_BUILD=1 runs the existing build.
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

if [[ "${BENCHMARK_SKIP_BUILD:-0}" != 1 ]]; then
    ./mvnw -q -B -pl benchmarks -am package -DskipTests
fi

mkdir -p benchmarks/target/tmp
exec "$JAVA_HOME/bin/java" \
    "-Xmx${BENCHMARK_HEAP:-4g}" \
    --add-modules=jdk.incubator.vector \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow \
    -XX:+UseG1GC \
    -Djava.io.tmpdir=benchmarks/target/tmp \
    -Dorg.slf4j.simpleLogger.logFile=benchmarks/target/pgwire-server.log \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmark-classpath.txt)" \
    io.basin.benchmarks.PgWireBenchmark "$@"
