# A sandbox killed by someone outside horizon (Slurm's scancel, the OOM killer of a whole
# job, kill -9 of the process tree in any order) says nothing about the agent: its run is
# not recorded, the sweep stops with a message saying so, and a resume runs it again.
. "$(dirname "$0")/lib.sh"
"$HORIZON" doctor --json >"$TMP/doctor.json" 2>/dev/null
grep -q '"sandbox_works": *true' "$TMP/doctor.json" || { echo "ok - skipped: no working sandbox here"; finish; exit; }
cp -r "$HZ_SOURCE_DIR/tests/data/tasks" "$TMP/slow"
printf '\nsleep 30\n' >>"$TMP/slow/fixture/fix-add/solution/solve.sh"
D=$TMP/sweep
cmd=("$HORIZON" run --agent sim,h50=100000,alias=sure --tasks-dir "$TMP/slow" --tasks fixture/echo-answer,fixture/fix-add
	--repeats 1 --jobs 1 --out "$D")
"${cmd[@]}" >"$TMP/run.out" 2>"$TMP/run.err" &
pid=$!
# The bwrap (horizon's own child) whose sandbox runs fix-add's solution, the only command
# that sleeps: kill it as an outsider would.
victim=
for i in $(seq 600); do
	sh=$(pgrep -f '^bash /solution/solve.sh' | head -1)
	if [ -n "$sh" ]; then
		inner=$(ps -o ppid= -p "$sh" | tr -d ' ')
		victim=$(ps -o ppid= -p "$inner" | tr -d ' ')
		[ -n "$victim" ] && [ "$(ps -o ppid= -p "$victim" | tr -d ' ')" = "$pid" ] && break
		victim=
	fi
	sleep 0.05
done
[ -n "$victim" ] && ok "the agent's sandbox started" || bad "the agent's sandbox started"
sleep 0.3
kill -9 $victim 2>/dev/null
wait $pid
rc=$?
[ $rc != 0 ] && ok "the sweep stops with an error (exit $rc)" || bad "the sweep stops with an error"
expect_grep "and says the sandbox was killed from outside" "sandbox was killed by signal 9 from outside horizon; the run is not recorded" "$TMP/run.err"
n=$(grep -c . "$D/runs.jsonl" 2>/dev/null || true)
grep -q "\"task_id\":\"fixture/fix-add\"" "$D/runs.jsonl" 2>/dev/null && bad "the killed run has no record" || ok "the killed run has no record ($n other)"
sed -i '$d' "$TMP/slow/fixture/fix-add/solution/solve.sh"
expect_ok "a resume finishes the sweep" "${cmd[@]}"
[ "$(grep -c '"status":"success"' "$D/runs.jsonl")" = 2 ] && ok "both runs succeed, each recorded once" ||
	{ bad "both runs succeed"; cat "$D/runs.jsonl"; }
finish
