# End to end on a real single-node Slurm cluster started here from Debian's
# packages (scripts/slurm-start.sh, everything under a mktemp directory) and always
# stopped by PID on exit:
#  1. a sim sweep split into 4 shards by `horizon slurm --submit`, run by Slurm,
#     merged by the dependent merge job, equals the same sweep on one machine;
#  2. a shard killed midway (scancel, SIGKILL) leaves the merge incomplete; the
#     shard re-submitted alone resumes (earlier records kept, nothing twice)
#     and the merge is then complete;
#  3. a shard run with a different plan (another task version) is refused at merge.
# The catalogue is tasks/ when the checkout has one (two families of answer tasks,
# to stay fast), else the fixture tasks.  Needs root and scripts/setup.sh's packages.
. "$(dirname "$0")/lib.sh"

# The cluster and the sweeps live in a directory of their own, searchable by
# user munge (munged must reach its socket there).
W=$(mktemp -d /tmp/horizon-slurm-test.XXXXXX)
chmod 0755 "$W"
export SLURM_BASE=$W/cluster
stop_cluster() { bash "$HZ_SOURCE_DIR/scripts/slurm-stop.sh"; rm -rf "$TMP" "$W"; }
trap stop_cluster EXIT

if ! bash "$HZ_SOURCE_DIR/scripts/slurm-start.sh" >"$W/start.log" 2>&1; then
	bad "start the Slurm cluster"; cat "$W/start.log"; finish; exit 1
fi
ok "start the Slurm cluster"
. "$SLURM_BASE/env"

# wait_jobs ID...: poll squeue every 0.2 s until none of the jobs is queued or running.
wait_jobs() {
	local ids deadline=$((SECONDS + 150))
	ids=$(IFS=,; echo "$*")
	while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ]; do
		[ $SECONDS -lt $deadline ] || { bad "jobs $ids still queued after 150 s"; squeue; return 1; }
		sleep 0.2
	done
}
outcomes() { sed -E 's/.*"run_id":"([0-9a-f]+)".*"status":"([a-z]+)".*/\1 \2/' "$1" | sort; }

TASKS=$HZ_SOURCE_DIR/tests/data/tasks
sel=(--tasks fixture/echo-answer,fixture/fix-add)
if [ -d "$HZ_SOURCE_DIR/tasks/which-file" ] && [ -d "$HZ_SOURCE_DIR/tasks/wrong-line" ]; then
	# Two families of the real catalogue whose scorers answer at once: a failing sim run
	# on a performance task would leave the naive code to its scorer's time-out.
	TASKS=$HZ_SOURCE_DIR/tasks
	sel=(--tasks family:which-file,family:wrong-line)
fi
args=(--agent sim,h50=1,slope=1,alias=simA,release=2024-01-01 --agent sim,h50=20,alias=simB,release=2025-01-01
	--tasks-dir "$TASKS" "${sel[@]}" --repeats 2 --seed 11 -q)

# 1. One machine, then four shards through Slurm.
expect_ok "sweep on one machine" "$HORIZON" run "${args[@]}" --out "$W/one"
cd "$W"
expect_ok "horizon slurm --submit" "$HORIZON" slurm --shards 4 --submit "${args[@]}" --out "$W/sweep"
cat "$TMP/out"
read -r A M < <(sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\1 \2/p' "$TMP/out")
[ -n "${A:-}" ] && [ -n "${M:-}" ] && ok "job ids printed ($A, $M)" || bad "job ids printed"
scontrol show job "$A" >"$W/job.txt" 2>&1
t=$(sed -n 's/.*--time=\([0-9]*-[0-9:]*\) each.*/\1/p' "$TMP/out")
[ "${t%%-*}" = 0 ] && t=${t#*-} # scontrol shows D- only from a day up
expect_grep "Slurm got the derived time limit ($t)" "TimeLimit=$t " "$W/job.txt"
wait_jobs "$A" "$M"
for i in 0 1 2 3; do
	scontrol show job "${A}_$i" | grep -q 'JobState=COMPLETED' && ok "shard $((i + 1)) completed" ||
		{ bad "shard $((i + 1)) completed"; cat "$W/sweep/slurm/horizon-shard-$i.out"; }
done
scontrol show job "$M" | grep -q 'JobState=COMPLETED' && ok "merge job completed" || bad "merge job completed"
cat "$W/sweep/slurm/horizon-merge-$M.out"
planned=$(grep -c . "$W/one/runs.jsonl")
expect_grep "merge job: nothing missing" "plan: $planned runs, $planned with a verdict, 0 missing" "$W/sweep/slurm/horizon-merge-$M.out"
if [ "$planned" -gt 0 ] && [ "$(outcomes "$W/one/runs.jsonl")" = "$(outcomes "$W/sweep/merged/runs.jsonl")" ]; then
	ok "Slurm shards merged = one machine ($planned runs: same run_ids, same outcomes)"
else
	bad "Slurm shards merged = one machine"; diff <(outcomes "$W/one/runs.jsonl") <(outcomes "$W/sweep/merged/runs.jsonl")
fi

# 2. Kill a shard midway.  Tasks whose solution takes 0.5 s make each sim run
# last long enough to catch the shard between two runs.
cp -r "$HZ_SOURCE_DIR/tests/data/tasks" "$W/slow"
for f in "$W"/slow/*/*/solution/solve.sh; do printf '\nsleep 0.5\n' >>"$f"; done
kargs=(--agent sim,h50=100000,alias=sure --tasks-dir "$W/slow" --tasks fixture/echo-answer,fixture/fix-add --repeats 10 -q)
expect_ok "submit the sweep to kill" "$HORIZON" slurm --shards 2 --submit "${kargs[@]}" --out "$W/kill"
read -r KA KM < <(sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\1 \2/p' "$TMP/out")
log1=$W/kill/shard-1/runs.jsonl
deadline=$((SECONDS + 60))
lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
while [ "$(lines "$log1")" -lt 2 ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
scancel --full --signal=KILL "${KA}_0"
wait_jobs "$KA" "$KM"
planned1=$(sed -n 's/^ *"runs_planned": *\([0-9]*\).*/\1/p' "$W/kill/shard-1/sweep.json")
before=$(grep -c '}$' "$log1")
scontrol show job "${KA}_0" | grep -qE 'JobState=(FAILED|CANCELLED)' && ok "shard 1 was killed" || bad "shard 1 was killed"
[ "$before" -ge 1 ] && [ "$before" -lt "$planned1" ] && ok "killed midway ($before of $planned1 runs recorded)" ||
	bad "killed midway ($before of $planned1)"
expect_grep "merge after the kill names the missing runs" "shard 1/2: [0-9]+ runs? without a verdict" "$W/kill/slurm/horizon-merge-$KM.out"
grep '}$' "$log1" >"$W/before.jsonl"
R=$(sbatch --parsable --array=0 "$W/kill/slurm/sweep.sbatch")
wait_jobs "$R"
scontrol show job "${R}_0" | grep -q 'JobState=COMPLETED' && ok "re-submitted shard completed" ||
	{ bad "re-submitted shard completed"; cat "$W/kill/slurm/horizon-shard-0.out"; }
after=$(grep -c '"status":"success"' "$log1")
[ "$after" = "$planned1" ] && ok "shard 1 now has all $planned1 runs" ||
	{ bad "shard 1 has $after of $planned1 runs"; grep -v '"status":"success"' "$log1"; cat "$W/kill/slurm/horizon-shard-0.out"; }
dups=$(sed -E 's/.*"run_id":"([0-9a-f]+)".*/\1/' "$log1" | sort | uniq -d | wc -l)
[ "$dups" = 0 ] && ok "no run recorded twice" || bad "$dups runs recorded twice"
head -n "$(wc -l <"$W/before.jsonl")" "$log1" | cmp -s - "$W/before.jsonl" && ok "resumed: earlier records kept" ||
	bad "resumed: earlier records kept"
RM=$(sbatch --parsable "$W/kill/slurm/sweep-merge.sbatch")
wait_jobs "$RM"
expect_grep "merge after the re-run is complete" "plan: 20 runs, 20 with a verdict, 0 missing" "$W/kill/slurm/horizon-merge-$RM.out"

# 3. A shard run with another version of a task is refused at merge.
cp -r "$W/slow" "$W/odd"
sed -i 's/"version": *"[^"]*"/"version": "7"/' "$W/odd/fixture/fix-add/task.json"
mkdir -p "$W/mixed"
cp -r "$W/kill/shard-1" "$W/mixed/"
expect_ok "odd shard 2 on one machine" "$HORIZON" run "${kargs[@]}" --tasks-dir "$W/odd" --shard 2/2 \
	--out "$W/mixed/shard-2"
expect_fail "merge refuses the odd shard" 1 "$HORIZON" merge "$W/mixed/merged" "$W/mixed"
expect_grep "with a clear message" "plan mismatch: .*shard-2/runs.jsonl' and .*shard-1/runs.jsonl' were run with different tasks or task versions \(the second has 'fixture/fix-add@7', lacks 'fixture/fix-add@1'\)" "$TMP/err"
finish
