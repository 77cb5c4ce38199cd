#!/bin/bash
# Scenarios for rotate.sh.
set -u
ws=$PWD
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mk() { mkdir -p "$1"; shift; for f in "$@"; do echo x > "$f"; done; }

# 1. dates across months and years; KEEP 3
d="$t/one"
mkdir -p "$d"
(cd "$d" && mk . backup-28-12-2023.tar.gz backup-02-01-2024.tar.gz backup-15-01-2024.tar.gz backup-31-01-2024.tar.gz \
	backup-01-02-2024.tar.gz backup-09-02-2024.tar.gz backup-30-11-2023.tar.gz notes.txt "backup-01-03-2024 (copy).tar.gz" backup-latest.tar.gz)
out=$(bash "$ws/rotate.sh" "$d" 3 2>&1) || fail "exit status $? on scenario 1: $out"
[ "$(echo "$out" | tail -n 1)" = "kept 3, deleted 4" ] || fail "scenario 1 printed: $out"
left=$(cd "$d" && ls | sort | tr '\n' ' ')
want="backup-01-02-2024.tar.gz backup-01-03-2024 (copy).tar.gz backup-09-02-2024.tar.gz backup-31-01-2024.tar.gz backup-latest.tar.gz notes.txt "
[ "$left" = "$want" ] || fail "scenario 1 left: $left"

# 2. dry run deletes nothing and names what would go, oldest included
d="$t/two"
mkdir -p "$d"
(cd "$d" && mk . backup-05-05-2024.tar.gz backup-06-05-2024.tar.gz backup-04-06-2023.tar.gz)
out=$(bash "$ws/rotate.sh" --dry-run "$d" 1 2>&1) || fail "exit status $? on the dry run"
[ "$(echo "$out" | grep -c '^would delete ')" = 2 ] || fail "dry run printed: $out"
echo "$out" | grep -qx 'would delete backup-04-06-2023.tar.gz' || fail "dry run should name backup-04-06-2023.tar.gz: $out"
echo "$out" | grep -qx 'would delete backup-05-05-2024.tar.gz' || fail "dry run should name backup-05-05-2024.tar.gz: $out"
[ "$(echo "$out" | tail -n 1)" = "kept 1, deleted 2" ] || fail "dry run summary: $out"
[ "$(ls "$d" | wc -l)" = 3 ] || fail "dry run deleted files"

# 3. fewer backups than KEEP, and a directory with none
d="$t/three"
mkdir -p "$d" "$t/none"
(cd "$d" && mk . backup-01-01-2024.tar.gz backup-02-01-2024.tar.gz)
out=$(bash "$ws/rotate.sh" "$d" 5 2>&1) || fail "exit status $? with few backups"
[ "$(echo "$out" | tail -n 1)" = "kept 2, deleted 0" ] || fail "few backups printed: $out"
echo x > "$t/none/readme"
out=$(bash "$ws/rotate.sh" "$t/none" 2 2>/dev/null) || fail "exit status $? with no backups"
[ "$(echo "$out" | tail -n 1)" = "kept 0, deleted 0" ] || fail "no backups printed: $out"
[ -f "$t/none/readme" ] || fail "no backups: readme deleted"

# 4. a directory name with a space
d="$t/with space"
mkdir -p "$d"
(cd "$d" && mk . backup-01-01-2024.tar.gz backup-02-01-2024.tar.gz)
out=$(bash "$ws/rotate.sh" "$d" 1 2>&1) || fail "exit status $? in a directory with a space"
[ "$(echo "$out" | tail -n 1)" = "kept 1, deleted 1" ] || fail "directory with a space printed: $out"
[ -f "$d/backup-02-01-2024.tar.gz" ] && [ ! -e "$d/backup-01-01-2024.tar.gz" ] || fail "directory with a space: wrong file kept"
echo ok
