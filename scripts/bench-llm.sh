#!/usr/bin/env bash
# CPU time per agent turn of the LLM tool loop against the local mock server:
# the runner's own overhead (request building, libcurl, parsing, limits,
# transcript), excluding the mock's CPU and the commands' own.  Target: under
# 1 ms of CPU per turn.
#
# usage: scripts/bench-llm.sh [BUILD_DIR] [--exec] [--runs N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then dir=$1; shift; fi
bash "$root/scripts/build.sh" "$dir" >/dev/null
cmake --build "$dir" --target bench_llm -j 2 >/dev/null
HZ_SOURCE_DIR=$root "$dir/tests/bench_llm" "$@"
