#!/usr/bin/env bash
# Run every libFuzzer harness (tests/fuzz/fuzz_*.c) for a bounded time and
# print what each did.  Builds build-fuzz/ with clang -DHZ_FUZZ=ON (libFuzzer,
# ASan, UBSan) first.  Each harness starts from its committed corpus
# tests/fuzz/corpus/NAME/ (read only) and grows a working corpus in
# build-fuzz/fuzz-corpus/NAME/; a crash, leak, timeout or out-of-memory input
# is written to build-fuzz/fuzz-crashes/NAME/ (commit it to
# tests/fuzz/corpus/NAME/crash-<what> once fixed: ctest replays it forever).
#
# usage: scripts/fuzz.sh [SECONDS] [NAME...]   (SECONDS per harness, default 60)
# Exit status: 0 when no harness found anything, 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
shift || true
build=${HZ_FUZZ_BUILD:-$root/build-fuzz}

CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHZ_FUZZ=ON -DHZ_WERROR=ON >/dev/null
names=("$@")
if [ ${#names[@]} = 0 ]; then
	for src in "$root"/tests/fuzz/fuzz_*.c; do n=$(basename "$src" .c); names+=("${n#fuzz_}"); done
fi
targets=()
for n in "${names[@]}"; do targets+=("fuzz_$n"); done
cmake --build "$build" -j 2 --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
printf '%-12s %8s %10s %8s %6s %7s %6s  %s\n' harness seconds execs exec/s cov corpus found artifacts
for n in "${names[@]}"; do
	work=$build/fuzz-corpus/$n crashes=$build/fuzz-crashes/$n log=$build/fuzz-logs/$n.log
	mkdir -p "$work" "$crashes" "$(dirname "$log")"
	start=$(date +%s)
	touch "$crashes/.start" # artifacts newer than this are this run's
	rc=0
	# -timeout: one input running past 10 s is a hang; -rss_limit_mb: past 1 GB is a memory blow-up.
	"$build/tests/fuzz_$n" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$crashes/" "$work" "$root/tests/fuzz/corpus/$n" \
		>"$log" 2>&1 || rc=$?
	took=$(( $(date +%s) - start ))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
	corp=$(find "$work" -type f | wc -l)
	found=$(find "$crashes" -type f -newer "$crashes/.start" | wc -l)
	printf '%-12s %8s %10s %8s %6s %7s %6s  %s\n' "$n" "$took" "${execs:-?}" "${speed:-?}" "${cov:-?}" \
		"$corp" "$found" "$( [ "$found" = 0 ] && echo - || echo "$crashes")"
	if [ $rc != 0 ] || [ "$found" != 0 ]; then
		status=1
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3 | sed 's/^/    /' || true
	fi
done
exit $status
