#!/usr/bin/env bash
# Mechanical style rules: no banned libc calls, source files under 600 lines,
# the library never prints or exits.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
status=0
banned=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|system)\s*\(' src/*/*.c src/*/*/*.c 2>/dev/null)
if [ -n "$banned" ]; then
	echo "check-style: banned calls (use bounded or argv-based forms):"; echo "$banned"; status=1
fi
for f in $(ls src/*/*.c src/*/*/*.c src/*/*.h src/*/*/*.h include/horizon/*.h 2>/dev/null); do
	n=$(wc -l <"$f")
	if [ "$n" -gt 600 ]; then echo "check-style: $f has $n lines (limit 600: split it by concern)"; status=1; fi
done
lib_io=$(grep -nE '\b(printf|puts|exit)\s*\(|\bstdout\b' src/lib/*.c src/lib/*/*.c 2>/dev/null | grep -v '^\s*//' )
if [ -n "$lib_io" ]; then
	echo "check-style: the library must not print or exit:"; echo "$lib_io"; status=1
fi
[ $status = 0 ] && echo "check-style: ok"
exit $status
