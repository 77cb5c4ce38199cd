#!/usr/bin/env bash
# Run horizon's whole test suite: install packages, build with gcc and run every
# test, build with clang, build with AddressSanitizer + UndefinedBehaviorSanitizer
# and run every test again, check the code's mechanical style rules, and fuzz
# every parser for HZ_FUZZ_SECONDS (default 5) each (scripts/fuzz.sh).
#
# usage: scripts/test.sh [--quick]     (--quick: gcc build and tests only)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
[ "${1:-}" = "--quick" ] && quick=1

bash "$root/scripts/setup.sh"

echo "== style"
bash "$root/scripts/check-style.sh"

echo "== gcc build and tests"
CC=gcc bash "$root/scripts/build.sh" "$root/build"
(cd "$root/build" && ctest --output-on-failure -j 2)

if [ $quick = 1 ]; then exit 0; fi

echo "== clang build"
CC=clang bash "$root/scripts/build.sh" "$root/build-clang"

echo "== ASan + UBSan build and tests"
CC=clang bash "$root/scripts/build.sh" "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DHZ_SANITIZE=ON
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --output-on-failure -j 2)

echo "== fuzz (${HZ_FUZZ_SECONDS:-5} s per harness)"
bash "$root/scripts/fuzz.sh" "${HZ_FUZZ_SECONDS:-5}"
