#!/usr/bin/env bash
# A join of warehouse orders and lineitem on their DISTKEY, co-located (a hash table per slice) vs
# one global hash table, per slice count: wall time, process CPU and peak heap. E.g.
#   benchmarks/run-colocated-join.sh                          # SF 1, slices 2 and 8, 1 warm-up + median of 3
#   benchmarks/run-colocated-join.sh --sf 0.1 --slices 4 --runs 5
set -euo pipefail
exec "$(dirname "$0")/run-class.sh" CoLocatedJoinBenchmark "$@"
