#!/bin/bash
# Scenarios for snap.sh: options, names with spaces, retention, dry run, usage errors.
set -u
ws=$PWD
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$t"
echo one > "a b.txt"
echo two > c.txt
for day in 20240301 20240302 20240303; do
	out=$(SNAP_DATE=$day bash "$ws/snap.sh" -o "out dir" -k 2 "a b.txt" c.txt 2>&1) || fail "exit status $? on $day: $out"
	[ "$(echo "$out" | tail -n 1)" = "2 file(s) copied" ] || fail "$day printed: $out"
done
left=$(cd "out dir" && ls | sort | tr '\n' '|')
[ "$left" = "a b.txt.20240302|a b.txt.20240303|c.txt.20240302|c.txt.20240303|" ] || fail "-k 2 kept: $left"
[ "$(cat "out dir/a b.txt.20240303")" = one ] || fail "wrong content copied"
# default retention is 3 and the default directory ./snapshots
for day in 20240101 20240102 20240103 20240104; do
	SNAP_DATE=$day bash "$ws/snap.sh" c.txt >/dev/null 2>&1 || fail "default options: exit status $?"
done
[ "$(ls snapshots | tr '\n' '|')" = "c.txt.20240102|c.txt.20240103|c.txt.20240104|" ] || fail "default retention kept: $(ls snapshots | tr '\n' ' ')"
# dry run: names what it would do, changes nothing
before=$(ls -R | md5sum)
out=$(SNAP_DATE=20240304 bash "$ws/snap.sh" -n -o "out dir" -k 2 "a b.txt" 2>&1) || fail "dry run: exit status $?"
echo "$out" | grep -qx "would copy a b.txt -> out dir/a b.txt.20240304" || fail "dry run copy line missing: $out"
echo "$out" | grep -qx "would remove out dir/a b.txt.20240302" || fail "dry run remove line missing: $out"
[ "$(echo "$out" | tail -n 1)" = "1 file(s) would be copied" ] || fail "dry run summary: $out"
[ "$(ls -R | md5sum)" = "$before" ] || fail "the dry run changed files"
# usage errors
bash "$ws/snap.sh" -x c.txt >/dev/null 2>"$t/err"; st=$?
[ $st = 2 ] && grep -q '^usage: ' "$t/err" || fail "an unknown option: exit status $st, stderr: $(cat "$t/err")"
bash "$ws/snap.sh" -o only >/dev/null 2>"$t/err"; st=$?
[ $st = 2 ] || fail "no FILE: exit status $st"
echo ok
