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

bash "$root/scripts/setup.sh" --test

# A user's clone has nothing beside it, so the suite must never read ../shared (the workplace's
# notes and data): when there is one and we may make a mount namespace (root), every test runs with
# an empty read-only tmpfs mounted over it, and test_self_contained checks that it is empty.
shared=$(cd "$root/.." && pwd)/shared
no_shared() {
	if [ -d "$shared" ] && [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
		HZ_NO_SHARED="$shared" unshare -m -- bash -c \
			'mount -t tmpfs -o size=64k,mode=0555 hz-no-shared "$HZ_NO_SHARED" && exec "$@"' _ "$@"
	else
		[ -d "$shared" ] && echo "test.sh: cannot hide $shared (needs root and unshare): tests may see it" >&2
		"$@"
	fi
}

echo "== style"
bash "$root/scripts/check-style.sh"

echo "== gcc build and tests"
CC=gcc bash "$root/scripts/build.sh" "$root/build"
(cd "$root/build" && no_shared ctest --output-on-failure -j 2)

if [ $quick = 1 ]; then exit 0; fi

echo "== clang build"
CC=clang bash "$root/scripts/build.sh" "$root/build-clang"

echo "== ASan + UBSan build and tests"
CC=clang bash "$root/scripts/build.sh" "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DHZ_SANITIZE=ON
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	no_shared ctest --output-on-failure -j 2)

echo "== fuzz (${HZ_FUZZ_SECONDS:-5} s per harness)"
bash "$root/scripts/fuzz.sh" "${HZ_FUZZ_SECONDS:-5}"
