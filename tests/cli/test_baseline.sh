# horizon baseline: a real session driven through tmux (typing into the sandboxed shell,
# pause and resume, submit), the record it leaves, a killed session that leaves nothing,
# and horizon tasks calibrate / fit --lengths on baselines.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "ok - skipped: no tmux (scripts/setup.sh installs it)"; finish; exit; }
"$HORIZON" doctor --json >"$TMP/doctor.json" 2>/dev/null
grep -q '"sandbox_works": *true' "$TMP/doctor.json" && SB=bwrap || SB=none
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
OUT=$TMP/baselines
T="tmux -L hz-baseline-$$"
trap '$T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# start NAME ARGS...: horizon baseline ARGS in a detached tmux session; its exit code goes to $TMP/NAME.rc
start() {
	local name=$1; shift
	rm -f "$TMP/$name.rc"
	$T new-session -d -s "$name" -x 150 -y 50 \
		"$HORIZON baseline $* --tasks-dir $TASKS --out $OUT --sandbox $SB 2>$TMP/$name.err; echo \$? >$TMP/$name.rc; sleep 600"
}
# wait_for NAME TEXT: the pane shows TEXT (10 s at most)
wait_for() {
	for _ in $(seq 200); do
		$T capture-pane -p -t "$1" -S -200 | grep -qF -- "$2" && return 0
		sleep 0.05
	done
	echo "  | pane of $1:"; $T capture-pane -p -t "$1" -S -200 | grep -v '^$' | sed 's/^/  | /' | tail -15
	return 1
}
type_line() { $T send-keys -t "$1" -l -- "$2"; $T send-keys -t "$1" Enter; }
wait_rc() { for _ in $(seq 300); do [ -s "$TMP/$1.rc" ] && return 0; sleep 0.05; done; return 1; }
field() { python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])][int(sys.argv[2])]; print(r[sys.argv[3]])' "$OUT/runs.jsonl" "$@"; }

# 1. A correct attempt with a 3-second pause.
start s1 fixture/fix-add --who ada
wait_for s1 "the clock is running" && ok "the session shows the instructions and a shell" || bad "session starts"
expect_grep "the instructions are shown" "should print the sum" <($T capture-pane -p -t s1 -S -200)
type_line s1 'id -u; cat /etc/hostname; ls /tests 2>&1 | head -1'
wait_for s1 "No such file" && ok "no hidden tests in the sandbox" || bad "no hidden tests in the sandbox"
type_line s1 pause
wait_for s1 "clock stopped" || bad "pause answers"
t0=$(date +%s.%N)
sleep 3
type_line s1 resume
t1=$(date +%s.%N)
wait_for s1 "clock running" || bad "resume answers"
type_line s1 "sed -i 's/-/+/' add.sh && ./add.sh 2 3"
wait_for s1 "5" || true
type_line s1 submit
wait_rc s1 && ok "submit ends the session" || bad "submit ends the session"
[ "$(cat "$TMP/s1.rc")" = 0 ] && ok "exit 0 when recorded" || { bad "exit 0 ($(cat "$TMP/s1.rc"))"; cat "$TMP/s1.err"; }
[ "$(grep -c . "$OUT/runs.jsonl")" = 1 ] && ok "one record" || bad "one record"
[ "$(field 0 alias)" = human ] && [ "$(field 0 human_source)" = baseline ] && [ "$(field 0 baseliner)" = ada ] &&
	ok "alias human, human_source baseline, baseliner ada" || bad "record identity: $(head -c 300 "$OUT/runs.jsonl")"
[ "$(field 0 status)" = success ] && [ "$(field 0 verdict)" = scorer_pass ] && ok "a correct attempt passes the hidden tests" ||
	bad "correct attempt: $(field 0 status) $(field 0 verdict)"
python3 - "$OUT/runs.jsonl" "$t0" "$t1" <<'PY' && ok "working time excludes the pause within a second" || bad "pause accounting"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
pause = float(sys.argv[3]) - float(sys.argv[2])
print("  paused %.2f s (typed %.2f s), working %.2f s of %.2f s" % (r["wait_s"], pause, r["working_s"], r["wall_s"]))
assert abs(r["wait_s"] - pause) < 1.0
assert abs(r["working_s"] - (r["wall_s"] - r["wait_s"])) < 0.01
assert 0 < r["working_s"] < r["wall_s"]
PY
cast=$OUT/$(field 0 typescript)
python3 - "$cast" <<'PY' && ok "the typescript is an asciicast of the session" || bad "typescript ($cast)"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
head = json.loads(lines[0])
assert head["version"] == 2 and head["width"] > 0
ev = [json.loads(l) for l in lines[1:]]
text = "".join(e[2] for e in ev if e[1] == "o")
assert "should print the sum" in text and "clock stopped" in text and "submitted" in text
assert all(ev[i][0] <= ev[i + 1][0] for i in range(len(ev) - 1))
PY
grep -q '^-echo \$(( \$1 - \$2 ))' "$OUT/$(field 0 patch)" && ok "the patch holds the person's change" || bad "patch"

# 2. A wrong attempt (submitted without a fix) is a failure; the same task again is a new repeat.
start s2 fixture/fix-add --who bob
wait_for s2 "the clock is running" || bad "second session starts"
type_line s2 submit
wait_rc s2
[ "$(field 1 status)" = failure ] && [ "$(field 1 verdict)" = scorer_fail ] && [ "$(field 1 repeat)" = 2 ] &&
	ok "a wrong attempt fails (repeat 2)" || bad "wrong attempt: $(sed -n 2p "$OUT/runs.jsonl" | head -c 300)"

# 3. An answer task: submit ANSWER.
answer=$(cat "$TASKS/fixture/echo-answer/tests/answer.txt")
start s3 fixture/echo-answer --who ada
wait_for s3 "the clock is running" || bad "answer session starts"
type_line s3 "submit $answer"
wait_rc s3
[ "$(field 2 status)" = success ] && ok "submit ANSWER is scored as the answer" || bad "answer: $(sed -n 3p "$OUT/runs.jsonl" | head -c 300)"

# 4. Leaving without submit, and kill -9, record nothing.
start s4 fixture/fix-add --who cy
wait_for s4 "the clock is running" || bad "fourth session starts"
type_line s4 exit
wait_rc s4
[ "$(cat "$TMP/s4.rc")" = 1 ] && grep -q "without .submit.: nothing is recorded" "$TMP/s4.err" &&
	ok "exit without submit: nothing recorded, exit 1, says so" || { bad "exit without submit ($(cat "$TMP/s4.rc"))"; cat "$TMP/s4.err"; }
start s5 fixture/fix-add --who cy
wait_for s5 "the clock is running" || bad "fifth session starts"
type_line s5 "echo half-done >>add.sh"
sleep 0.5
pid=$(pgrep -f "^$HORIZON baseline fixture/fix-add --who cy" | head -1)
[ -n "$pid" ] && ok "the session's horizon is found" || bad "the session's horizon is found"
kill -9 "$pid"
wait_rc s5
sleep 1
[ "$(grep -c . "$OUT/runs.jsonl")" = 3 ] && [ "$(tail -c 1 "$OUT/runs.jsonl" | od -An -c | tr -d ' ')" = '\n' ] &&
	ok "kill -9: nothing half-written (3 complete records)" || bad "after kill -9: $(wc -l <"$OUT/runs.jsonl") lines"
[ -z "$(pgrep -f 'bash --rcfile /.horizon/rc')" ] && ok "kill -9: no session shell survives" || bad "a session shell survived"
start s6 fixture/fix-add --who cy
wait_for s6 "the clock is running" && ok "the killed session's task starts again" || bad "restart after kill"
type_line s6 "grep -c half-done add.sh"
wait_for s6 "0" || true
type_line s6 "sed -i 's/-/+/' add.sh"
type_line s6 submit
wait_rc s6
[ "$(field 3 status)" = success ] && [ "$(field 3 repeat)" = 3 ] && ok "and is recorded as repeat 3" || bad "restart record"

# 5. Usage errors.
expect_fail "--who is required" 2 "$HORIZON" baseline fixture/fix-add --tasks-dir "$TASKS"
expect_grep "saying so" "--who NAME is required" "$TMP/err"
expect_fail "without a terminal it refuses" 1 "$HORIZON" baseline fixture/fix-add --who x --tasks-dir "$TASKS" </dev/null
expect_grep "naming why" "needs a person at a terminal" "$TMP/err"

# 6. tasks calibrate on fixture baselines, and --write.
B=$HZ_SOURCE_DIR/tests/data/baselines/runs.jsonl
cp -r "$TASKS" "$TMP/cat"
expect_ok "tasks calibrate" "$HORIZON" tasks calibrate "$B" --catalog "$TMP/cat" --json
python3 - "$TMP/out" <<'PY' && ok "geometric means, counts and the kept task" || bad "calibrate numbers: $(cat "$TMP/out")"
import json, math, sys
d = {t["task"]: t for t in json.load(open(sys.argv[1]))["tasks"]}
fa = d["fixture/fix-add"]
assert fa["baselines"] == 3 and fa["failed"] == 1, fa
assert abs(fa["geomean_minutes"] - math.exp((math.log(2) + math.log(4) + math.log(8)) / 3)) < 1e-9, fa
assert abs(fa["ratio"] - 4 / 1.5) < 1e-9
ea = d["fixture/echo-answer"]
assert ea["baselines"] == 1 and ea["action"].startswith("kept"), ea
PY
expect_ok "tasks calibrate --write" "$HORIZON" tasks calibrate "$B" --catalog "$TMP/cat" --write
python3 - "$TASKS" "$TMP/cat" <<'PY' && ok "--write changes only human_minutes, human_source, human_notes" || bad "--write"
import json, sys, os
for t in ("fix-add", "echo-answer", "trivial"):
    a = json.load(open(os.path.join(sys.argv[1], "fixture", t, "task.json")))
    b = json.load(open(os.path.join(sys.argv[2], "fixture", t, "task.json")))
    if t == "fix-add":
        assert b["human_minutes"] == 4.0 and b["human_source"] == "baseline", b
        assert "3 successful timed baselines" in b["human_notes"], b["human_notes"]
        for k in ("human_minutes", "human_source", "human_notes"):
            a.pop(k); b.pop(k)
    assert a == b, t
PY
cmp -s <(grep -v '"human_' "$TASKS/fixture/fix-add/task.json") <(grep -v '"human_' "$TMP/cat/fixture/fix-add/task.json") &&
	ok "and leaves every other line of the file as it was" || bad "other lines changed"
expect_ok "the calibrated catalogue validates" "$HORIZON" tasks validate "$TMP/cat/fixture"

# 7. fit --lengths baseline-only keeps only runs on measured tasks.
expect_ok "fit --lengths baseline-only" "$HORIZON" fit --no-trend --bootstrap 0 --lengths baseline-only --json \
	"$HZ_METR_DATA/metr-2025-01/all_runs.jsonl"
python3 - "$TMP/out" "$HZ_METR_DATA/metr-2025-01/all_runs.jsonl" <<'PY' && ok "only runs on baselined tasks are fitted" || bad "--lengths"
import json, sys
f = json.load(open(sys.argv[1]))
n = sum(1 for l in open(sys.argv[2]) if json.loads(l).get("human_source") == "baseline")
assert f["runs_used"] == n, (f["runs_used"], n)
assert f["params"]["lengths"] == "baseline-only"
PY
expect_fail "--lengths checks its value" 2 "$HORIZON" fit --lengths some "$HZ_METR_DATA/metr-2025-01/all_runs.jsonl"
finish
