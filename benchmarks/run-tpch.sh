#!/usr/bin/env bash
# TPC-H on Basin and DuckDB, in process, on this machine: builds the benchmarks module, then runs
# io.basin.benchmarks.TpchBenchmark with the given arguments, e.g.
#   benchmarks/run-tpch.sh                          # SF 1, all 22 queries, 1 warm-up + median of 3
#   benchmarks/run-tpch.sh --sf 0.1 --queries 1,3,5 --runs 5 --stat best --engines duckdb
#   benchmarks/run-tpch.sh --lake benchmarks/target/lake-tpch --timeout 60   # lake Parquet vs DuckDB on the same files
# BENCHMARK_HEAP sets the JVM heap (default 12g); BENCHMARK_SKIP_BUILD=1 runs the existing build;
# BENCHMARK_MAIN runs another main class of the module with the same JVM (run-warehouse-tpch.sh).
# BENCHMARK_BASIN_SET='name = value; ...' sets settings of the memory catalog's Basin session
# (BENCHMARK_BASIN_SET='plan_cache = off' plans every run, as the figures before the plan cache did).
# With --lake: BENCHMARK_LAKE_SET='name = value; ...' sets settings of the lake session, and
# BENCHMARK_LAKE_COMPARE='name = value' adds a second session with that setting, taking turns with the first.
set -euo pipefail
BENCHMARK_HEAP="${BENCHMARK_HEAP:-12g}" BENCHMARK_JVM_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCHMARK_JVM_OPTS:-}" exec "$(dirname "$0")/run-class.sh" "${BENCHMARK_MAIN:-TpchBenchmark}" "$@"
