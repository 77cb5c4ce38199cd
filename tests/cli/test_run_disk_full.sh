# A full disk while appending runs.jsonl: the error says "No space left on device" (a short write
# sets no errno, so the old message named whatever errno was left: ENOENT), the runs already
# recorded stay whole, and the summary is still printed.  As root a 40 KiB tmpfs fills for real
# (short writes included); otherwise runs.jsonl is a link to /dev/full.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
D=$TMP/d
mkdir -p "$D"
mounted=0
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=40k tmpfs "$D" 2>/dev/null; then
	mounted=1
	trap 'umount "$D" 2>/dev/null; rm -rf "$TMP"' EXIT
	n=60
else
	ln -s /dev/full "$D/runs.jsonl"
	n=3
fi
expect_fail "a full disk stops the sweep" 1 "$HORIZON" run --agent oracle --tasks-dir "$TASKS" --tasks fixture/trivial \
	--repeats $n --sandbox none --out "$D" --work-dir "$TMP/work" --quiet
expect_grep "ENOSPC named as such" "cannot append to '.*runs.jsonl': No space left on device" "$TMP/err"
if grep -q "No such file" "$TMP/err"; then bad "no ENOENT in the message"; else ok "no ENOENT in the message"; fi
expect_grep "the summary is printed" '^oracle +'$n' ' "$TMP/out"
expect_grep "the summary names the log" "^results: " "$TMP/out"
if [ $mounted = 1 ]; then
	python3 - "$D/runs.jsonl" "$TMP/out" <<'PY' && ok "complete records only, as many as the summary says" || bad "records after a full disk"
import json, re, sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"\n"), "a partial line was left"
recs = [json.loads(l) for l in data.split(b"\n")[:-1]]
ran = int(re.search(r"^oracle +\d+ +\d+ +(\d+)", open(sys.argv[2]).read(), re.M).group(1))
assert len(recs) == ran and ran > 0, (len(recs), ran)
PY
fi
finish
