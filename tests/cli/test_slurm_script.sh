# horizon slurm (without a cluster) and horizon k8s: the files they write, the
# options they share with horizon run, the derived time limits, usage errors.
. "$(dirname "$0")/lib.sh"

TASKS=$HZ_SOURCE_DIR/tests/data/tasks
cd "$TMP"
# Fixture limits: echo-answer 30 s + scorer 60 s (default) + 30 s overhead = 120 s,
# fix-add 60 + 20 + 30 = 110 s.  2 agents x 30 repeats = 13800 s; over 4 shards and
# 2 jobs = 1725 s, x 1.5 = 2587.5, + 600 = 3187.5 -> 54 minutes.
args=(--agent 'sim,h50=2,alias=Sim A' --agent "sim,h50=8,alias=it's" --tasks-dir "$TASKS" --repeats 30 --jobs 2
	--tasks fixture/echo-answer,fixture/fix-add)
expect_ok "slurm writes the scripts" "$HORIZON" slurm --shards 4 "${args[@]}" --out sweep --partition debug
expect_grep "reports the files" "wrote $TMP/sweep/slurm/sweep.sbatch: 4 shards of 120 runs in all, --time=0-00:54:00 each" "$TMP/out"
S=$TMP/sweep/slurm/sweep.sbatch
M=$TMP/sweep/slurm/sweep-merge.sbatch
expect_ok "array script passes bash -n" bash -n "$S"
expect_ok "merge script passes bash -n" bash -n "$M"
expect_grep "array of 4" '^#SBATCH --array=0-3$' "$S"
expect_grep "derived time" '^#SBATCH --time=0-00:54:00$' "$S"
expect_grep "jobs become CPUs" '^#SBATCH --cpus-per-task=2$' "$S"
expect_grep "partition" '^#SBATCH --partition=debug$' "$S"
expect_grep "requeue" '^#SBATCH --requeue$' "$S"
expect_grep "append" '^#SBATCH --open-mode=append$' "$S"
expect_grep "log directory" "^#SBATCH --output=$TMP/sweep/slurm/%x-shard-%a.out$" "$S"
[ -d "$TMP/sweep/slurm" ] && ok "log directory created" || bad "log directory created"
expect_grep "run options passed on, quoted" "run --agent 'sim,h50=2,alias=Sim A' --agent 'sim,h50=8,alias=it'\\\\''s' --tasks-dir $TASKS --repeats 30 --jobs 2 --tasks fixture/echo-answer,fixture/fix-add --shard \"\\\$K/\\\$N\" --out \"\\\$OUT/shard-\\\$K\"" "$S"
expect_grep "merge job merges OUT" "merge $TMP/sweep/merged $TMP/sweep\$" "$M"

# The array script, run as array task 1 with a stand-in horizon, asks for shard 2/4.
printf '#!/bin/sh\nfor a in "$@"; do printf "<%%s>" "$a"; done\n' >"$TMP/fake-horizon"
chmod +x "$TMP/fake-horizon"
expect_ok "custom binary, script and names" "$HORIZON" slurm --shards 4 "${args[@]}" --out sweep2 \
	--horizon "$TMP/fake-horizon" --script "$TMP/my.sbatch" --time-limit 1:30:00 --job-name hz --merge-after afterok \
	--merge-out "$TMP/elsewhere"
expect_grep "time override" '^#SBATCH --time=0-01:30:00$' "$TMP/my.sbatch"
expect_grep "job name" '^#SBATCH --job-name=hz$' "$TMP/my.sbatch"
expect_grep "merge script beside it" '^#SBATCH --job-name=hz-merge$' "$TMP/my-merge.sbatch"
expect_grep "merge output" "merge $TMP/elsewhere $TMP/sweep2\$" "$TMP/my-merge.sbatch"
expect_grep "afterok shown" 'dependency=afterok' "$TMP/out"
SLURM_ARRAY_TASK_ID=1 bash "$TMP/my.sbatch" >"$TMP/argv" 2>&1
expect_grep "shard 2 gets run's options verbatim" "^<run><--agent><sim,h50=2,alias=Sim A><--agent><sim,h50=8,alias=it's><--tasks-dir><$TASKS><--repeats><30><--jobs><2><--tasks><fixture/echo-answer,fixture/fix-add><--shard><2/4><--out><$TMP/sweep2/shard-2>\$" "$TMP/argv"

expect_ok "--json" "$HORIZON" slurm --shards 2 "${args[@]}" --out sweep3 --json
expect_grep "--json has the time" '"time_limit_s": [0-9]+' "$TMP/out"
expect_grep "--json has no job ids without --submit" '"script": ' "$TMP/out"

# Usage errors and refusals.
expect_fail "--shards required" 2 "$HORIZON" slurm "${args[@]}"
expect_grep "says so" '--shards N is required' "$TMP/err"
expect_fail "--shard refused" 2 "$HORIZON" slurm --shards 2 --shard 1/2 "${args[@]}"
expect_fail "--dry-run refused" 2 "$HORIZON" slurm --shards 2 --dry-run "${args[@]}"
expect_fail "bad time limit" 2 "$HORIZON" slurm --shards 2 --time-limit soon "${args[@]}"
expect_grep "time limit named" "'soon' is not a time limit" "$TMP/err"
expect_fail "run's checks apply" 2 "$HORIZON" slurm --shards 2 --repeats 0 "${args[@]:0:6}"
expect_grep "run's message" '--repeats must be a whole number of at least 1' "$TMP/err"
expect_fail "unknown agent backend" 1 "$HORIZON" slurm --shards 2 --agent nosuch --tasks-dir "$TASKS"
expect_fail "no matching task" 1 "$HORIZON" slurm --shards 2 --agent sim,h50=1 --tasks-dir "$TASKS" --tasks 'nope/*'
expect_fail "unsafe #SBATCH value" 2 "$HORIZON" slurm --shards 2 "${args[@]}" --out "$TMP/with space"
expect_grep "unsafe value named" "cannot go into an #SBATCH line" "$TMP/err"
expect_ok "a log dir makes any OUT fine" "$HORIZON" slurm --shards 2 "${args[@]}" --out "$TMP/with space" --log-dir "$TMP/logs"
expect_ok "quoted OUT passes bash -n" bash -n "$TMP/logs/sweep.sbatch"
HZ_SBATCH=/nonexistent/sbatch "$HORIZON" slurm --shards 2 "${args[@]}" --out sweep4 --submit >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && ok "--submit without sbatch fails" || bad "--submit without sbatch fails"
expect_grep "names sbatch" "sbatch' not found" "$TMP/err"

# --submit through a stand-in sbatch that logs its argv and answers like sbatch --parsable.
cat >"$TMP/sbatch" <<EOF
#!/bin/sh
echo "\$*" >>"$TMP/sbatch.log"
case "\$*" in *dependency*) echo "43;cluster" ;; *) echo 42 ;; esac
EOF
chmod +x "$TMP/sbatch"
HZ_SBATCH=$TMP/sbatch expect_ok "--submit with a stand-in sbatch" "$HORIZON" slurm --shards 3 --submit "${args[@]}" --out sweep5
expect_grep "job ids printed" '^submitted array job 42 \(3 shards\) and merge job 43 \(afterany:42\)$' "$TMP/out"
expect_grep "array submitted first" "^--parsable $TMP/sweep5/slurm/sweep.sbatch\$" "$TMP/sbatch.log"
expect_grep "merge depends on it" "^--parsable --dependency=afterany:42 $TMP/sweep5/slurm/sweep-merge.sbatch\$" "$TMP/sbatch.log"
printf '#!/bin/sh\necho "sbatch: error: Batch job submission failed: Invalid partition name specified" >&2\nexit 1\n' >"$TMP/sbatch-no"
chmod +x "$TMP/sbatch-no"
HZ_SBATCH=$TMP/sbatch-no expect_fail "sbatch refusing" 1 "$HORIZON" slurm --shards 3 --submit "${args[@]}" --out sweep6 --partition nope
expect_grep "sbatch's message shown" "sweep.sbatch' failed \(exit 1\): sbatch: error: Batch job submission failed: Invalid partition name specified" "$TMP/err"

# k8s: the manifest (structure checked with libyaml in unit/test_batch).
expect_ok "k8s manifest" "$HORIZON" k8s --shards 3 "${args[@]}" --out sweep1 --image reg/hz:1 --namespace evals \
	--parallelism 2 --manifest "$TMP/job.yaml"
expect_grep "indexed" '^  completionMode: Indexed$' "$TMP/job.yaml"
expect_grep "completions" '^  completions: 3$' "$TMP/job.yaml"
expect_grep "parallelism" '^  parallelism: 2$' "$TMP/job.yaml"
expect_grep "shard from the index" 'JOB_COMPLETION_INDEX' "$TMP/job.yaml"
expect_grep "out under the mount" 'OUT=/results/sweep1' "$TMP/job.yaml"
expect_grep "claim" 'claimName: "horizon-results"' "$TMP/job.yaml"
expect_grep "deadline from the tasks" 'activeDeadlineSeconds: [0-9]+' "$TMP/job.yaml"
expect_ok "k8s to stdout" "$HORIZON" k8s --shards 2 "${args[@]}"
expect_grep "stdout manifest" '^kind: Job$' "$TMP/out"
expect_fail "k8s --out outside the mount" 2 "$HORIZON" k8s --shards 2 "${args[@]}" --out /elsewhere
expect_fail "k8s bad name" 2 "$HORIZON" k8s --shards 2 "${args[@]}" --name 'Big Name'
expect_fail "k8s --shards required" 2 "$HORIZON" k8s "${args[@]}"
expect_ok "k8s with --time-limit and no local catalogue" "$HORIZON" k8s --shards 2 --agent sim,h50=1 \
	--tasks-dir /in/the/image --time-limit 90
expect_grep "given deadline" 'activeDeadlineSeconds: 5400' "$TMP/out"
finish
