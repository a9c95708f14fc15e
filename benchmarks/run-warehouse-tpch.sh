#!/usr/bin/env bash
# TPC-H on warehouse tables (sort and distribution keys) vs the same data as lake Parquet vs DuckDB
# reading those Parquet files, then the warehouse's load throughput and storage size: runs
# io.basin.benchmarks.WarehouseTpchBenchmark with run-tpch.sh's build and JVM, e.g.
#   benchmarks/run-warehouse-tpch.sh                                  # SF 1, all 22, 1 warm-up + median of 3
#   benchmarks/run-warehouse-tpch.sh --runs 1 --stat best --timeout 120 --lake benchmarks/target/warehouse-tpch
# Both kinds of tables are written into the data directory (--lake, default
# benchmarks/target/warehouse-tpch) on the first run and reused later.
set -euo pipefail
BENCHMARK_MAIN=WarehouseTpchBenchmark exec "$(dirname "$0")/run-tpch.sh" "$@"
