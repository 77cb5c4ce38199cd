# Crash safety: kill -9 in the middle of a 100-run sweep, then the same command again,
# ends with exactly 100 complete, unique records; two sweeps writing into one DIR at
# once do not corrupt it or run anything twice.  (These are tests of the log, claims and resume, so
# they run without the sandbox to stay fast; test_run_sandbox covers what the sandbox kills.)
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
D=$TMP/crash
cmd=("$HORIZON" run --agent oracle --tasks-dir "$TASKS" --tasks fixture/trivial --repeats 100 --jobs 2 --sandbox none --out "$D" --quiet)

check_log() { # check_log FILE N: N complete, unique records
	python3 - "$1" "$2" <<'PY'
import json, sys
lines = open(sys.argv[1], "rb").read().split(b"\n")
assert lines[-1] == b"", "the log does not end with a newline"
recs = [json.loads(l) for l in lines[:-1]]
ids = [r["run_id"] for r in recs]
n = int(sys.argv[2])
print(len(recs), len(set(ids)), all(r["status"] == "success" for r in recs))
sys.exit(0 if len(recs) == n and len(set(ids)) == n else 1)
PY
}

"${cmd[@]}" >/dev/null 2>&1 &
pid=$!
for i in $(seq 200); do
	[ -s "$D/runs.jsonl" ] && [ "$(wc -l <"$D/runs.jsonl")" -ge 15 ] && break
	sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
n1=$(wc -l <"$D/runs.jsonl")
if [ "$n1" -ge 1 ] && [ "$n1" -lt 100 ]; then ok "killed with $n1 of 100 runs recorded"; else bad "killed with $n1 of 100 runs recorded"; fi
expect_ok "the same command finishes the sweep" "${cmd[@]}"
if check_log "$D/runs.jsonl" 100 >"$TMP/c1"; then ok "exactly 100 complete, unique records ($(cat "$TMP/c1"))"; else bad "100 unique records: $(cat "$TMP/c1")"; fi
left=$(ls -A "$D/work" 2>/dev/null | wc -l)
[ "$left" = 0 ] && ok "nothing left in DIR/work" || bad "DIR/work still holds: $(ls -A "$D/work" | head -5)"
[ -z "$(ls -A "$D/claims")" ] && ok "no claims left" || bad "claims left: $(ls "$D/claims" | head -3)"

# Two sweeps into one DIR at once.
D2=$TMP/two
cmd2=("$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" --tasks fixture/trivial --repeats 20 --jobs 2 --sandbox none --out "$D2" --json)
"${cmd2[@]}" >"$TMP/a.json" 2>"$TMP/a.err" &
p1=$!
"${cmd2[@]}" >"$TMP/b.json" 2>"$TMP/b.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
[ $r1 = 0 ] && [ $r2 = 0 ] && ok "both sweeps end well" || { bad "both sweeps end well ($r1, $r2)"; cat "$TMP/a.err" "$TMP/b.err"; }
if check_log "$D2/runs.jsonl" 40 >"$TMP/c2"; then ok "40 complete, unique records ($(cat "$TMP/c2" | cut -d' ' -f1-2))"; else bad "40 unique records: $(cat "$TMP/c2")"; fi
ran=$(python3 -c 'import json,sys; print(sum(json.load(open(f))["success"] + json.load(open(f))["failure"] for f in sys.argv[1:]))' "$TMP/a.json" "$TMP/b.json")
[ "$ran" = 40 ] && ok "every run was run by exactly one of the two" || bad "the two sweeps ran $ran runs, not 40"
finish
