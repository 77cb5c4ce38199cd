#!/bin/bash
# Exercise archive-logs.sh on awkward file names.
set -u
ws=$PWD
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. ordinary, spaces, leading dash, glob characters, a subdirectory, a non-log file
mkdir -p "$t/in dir/sub" "$t/out dir"
echo alpha > "$t/in dir/app.log"
echo beta > "$t/in dir/web server.log"
echo gamma > "$t/in dir/-x.log"
echo delta > "$t/in dir/[2024] *.log"
echo keep > "$t/in dir/sub/deep.log"
echo keep > "$t/in dir/notes.txt"
out=$(bash "$ws/archive-logs.sh" "$t/in dir" "$t/out dir" 2>"$t/err") || fail "exit status $? ($(head -3 "$t/err"))"
[ "$out" = "archived 4 files" ] || fail "printed '$out', expected 'archived 4 files'"
for pair in "app.log:alpha" "web server.log:beta" "-x.log:gamma" "[2024] *.log:delta"; do
	name=${pair%%:*} want=${pair#*:}
	[ -f "$t/out dir/$name.gz" ] || fail "'$name.gz' missing"
	[ "$(gzip -dc -- "$t/out dir/$name.gz")" = "$want" ] || fail "'$name.gz' has the wrong content"
	[ ! -e "$t/in dir/$name" ] || fail "'$name' was not removed"
done
[ -f "$t/in dir/sub/deep.log" ] || fail "a file in a subdirectory was touched"
[ -f "$t/in dir/notes.txt" ] || fail "notes.txt was touched"
[ ! -e "$t/out dir/deep.log.gz" ] || fail "a file in a subdirectory was archived"

# 2. nothing to archive
mkdir -p "$t/empty" "$t/out2"
out=$(bash "$ws/archive-logs.sh" "$t/empty" "$t/out2" 2>"$t/err") || fail "empty SRC: exit status $?"
[ "$out" = "archived 0 files" ] || fail "empty SRC printed '$out'"
[ -z "$(ls -A "$t/out2")" ] || fail "empty SRC wrote files"
echo ok
