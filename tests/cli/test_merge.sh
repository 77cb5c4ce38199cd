# horizon merge on hand-written shard logs: duplicates, error then success,
# conflicting verdicts, a partial last line, plan mismatches, missing runs and
# shards, the OUT safety check.
. "$(dirname "$0")/lib.sh"

# run_id as horizon run derives it: SHA-256(alias NUL task NUL version NUL repeat), 16 hex digits.
rid() { printf '%s\0%s\0%s\0%s' "$1" "$2" "$3" "$4" | sha256sum | cut -c1-16; }
# rec ALIAS TASK VERSION REPEAT STATUS [WALL]
rec() {
	local score=null
	case $5 in success) score=1 ;; failure) score=0 ;; esac
	printf '{"run_id":"%s","alias":"%s","task_id":"%s","task_version":"%s","repeat":%s,"status":"%s","score_binarized":%s,"wall_s":%s}\n' \
		"$(rid "$1" "$2" "$3" "$4")" "$1" "$2" "$3" "$4" "$5" "$score" "${6:-1.5}"
}
# sweep DIR K N [TASK2_VERSION] [REPEATS]
sweep() {
	mkdir -p "$1"
	cat >"$1/sweep.json" <<EOF
{"agents":[{"alias":"A","spec":"sim"},{"alias":"B","spec":"sim"}],
 "tasks":[{"id":"f/one","version":"1"},{"id":"f/two","version":"${4:-1}"}],
 "repeats":${5:-1},"seed":0,"shard":{"k":$2,"n":$3}}
EOF
}

# Real shards of a sim sweep on the fixture tasks, merged, equal the same sweep on one machine.
R=$TMP/real
run_args=(--agent sim,h50=0.5,alias=simA,release=2024-01-01 --agent sim,h50=2,alias=simB,release=2025-01-01 --tasks-dir "$HZ_SOURCE_DIR/tests/data/tasks"
	--tasks fixture/echo-answer,fixture/fix-add --repeats 2 --seed 3 -q)
expect_ok "one-machine sweep" "$HORIZON" run "${run_args[@]}" --out "$R/one"
for k in 1 2 3; do
	expect_ok "shard $k/3" "$HORIZON" run "${run_args[@]}" --shard $k/3 --out "$R/shards/shard-$k"
done
outcomes() { sed -E 's/.*"run_id":"([0-9a-f]+)".*"status":"([a-z]+)".*/\1 \2/' "$1" | sort; }
expect_ok "merge the shards" "$HORIZON" merge "$R/merged" "$R/shards"
expect_grep "all planned runs merged" 'plan: 8 runs, 8 with a verdict, 0 missing' "$TMP/out"
if [ "$(outcomes "$R/one/runs.jsonl")" = "$(outcomes "$R/merged/runs.jsonl")" ] && [ -s "$R/one/runs.jsonl" ]; then
	ok "merged shards = one machine (run_ids and outcomes)"
else
	bad "merged shards = one machine"; diff <(outcomes "$R/one/runs.jsonl") <(outcomes "$R/merged/runs.jsonl")
fi
expect_ok "--complete on a complete sweep" "$HORIZON" merge --complete -q "$R/merged" "$R/shards"
# Merging is optional: fit reads the shard logs directly and gets the same fit.
expect_ok "fit of the merged log" "$HORIZON" fit --bootstrap 20 "$R/merged"
mv "$TMP/out" "$TMP/fit-merged"
expect_ok "fit of the shard logs" "$HORIZON" fit --bootstrap 20 "$R/shards/shard-1" "$R/shards/shard-2" "$R/shards/shard-3"
cmp -s "$TMP/out" "$TMP/fit-merged" && ok "same fit with and without merging" ||
	{ bad "same fit with and without merging"; diff "$TMP/fit-merged" "$TMP/out"; }
# All shards into one shared directory (run locks the log): the records show every shard.
for k in 3 1 2; do
	expect_ok "shard $k/3 into a shared directory" "$HORIZON" run "${run_args[@]}" --shard $k/3 --out "$R/shared"
done
expect_ok "merge of the shared directory" "$HORIZON" merge "$R/shared-merged" "$R/shared"
expect_grep "shared directory complete" 'plan: 8 runs, 8 with a verdict, 0 missing' "$TMP/out"
grep -q 'no log among the inputs' "$TMP/err" && bad "no shard reported absent" || ok "no shard reported absent"
[ "$(outcomes "$R/one/runs.jsonl")" = "$(outcomes "$R/shared-merged/runs.jsonl")" ] &&
	ok "shared directory = one machine" || bad "shared directory = one machine"
# Without shard 3: it is named as absent, its runs as missing.
expect_ok "merge without shard 3" "$HORIZON" merge "$R/part" "$R/shards/shard-1" "$R/shards/shard-2"
expect_grep "absent shard noted" 'shard 3/3: no log among the inputs' "$TMP/err"
n3=$(grep -c . "$R/shards/shard-3/runs.jsonl")
expect_grep "its runs missing" "shard 3/3: $n3 runs? without a verdict" "$TMP/err"
tr -d ' \n' <"$R/part/sweep.json" >"$TMP/flat.json"
expect_grep "absent shard in sweep.json" '"shards_absent":\["3/3"\]' "$TMP/flat.json"
expect_grep "missing runs carry their shard" '"shard":"3/3"' "$TMP/flat.json"
# A shard run with another task version is refused.
cp -r "$HZ_SOURCE_DIR/tests/data/tasks" "$TMP/tasks2"
sed -i 's/"version": *"[^"]*"/"version": "99"/' "$TMP/tasks2/fixture/fix-add/task.json"
run_args2=("${run_args[@]}")
run_args2[5]=$TMP/tasks2
expect_ok "shard 3 with other tasks" "$HORIZON" run "${run_args2[@]}" --shard 3/3 --out "$R/odd/shard-3"
cp -r "$R/shards/shard-1" "$R/shards/shard-2" "$R/odd/"
expect_fail "merge refuses the odd shard" 1 "$HORIZON" merge "$R/odd-merged" "$R/odd"
expect_grep "plan mismatch message" "plan mismatch: '.*odd/shard-3/runs.jsonl' and '.*odd/shard-1/runs.jsonl' were run with different tasks or task versions \(the second has 'fixture/fix-add@99', lacks 'fixture/fix-add@1'\)" "$TMP/err"

# Hand-written shard logs for the rules.
S=$TMP/sweep
sweep "$S/shard-1" 1 2
sweep "$S/shard-2" 2 2
{
	rec A f/one 1 1 success
	rec A f/two 1 1 error
	rec A f/two 1 1 error
} >"$S/shard-1/runs.jsonl"
{
	rec B f/one 1 1 failure
	rec A f/one 1 1 success      # identical duplicate of shard-1's
	rec A f/two 1 1 success 9    # replaces the errors
	printf '{"run_id":"r4","alias":"B","task_id":"f/tw'   # killed mid-write
} >"$S/shard-2/runs.jsonl"

expect_ok "merge of a slurm-style directory" "$HORIZON" merge "$TMP/m1" "$S"
expect_grep "summary counts" '6 records -> 3 runs \(2 success, 1 failure, 0 error\)' "$TMP/out"
expect_grep "duplicates counted" 'collapsed 2 duplicates \(2 identical\), dropped 1 error record replaced' "$TMP/out"
expect_grep "partial line noted" 'shard-2/runs.jsonl:4: partial last line' "$TMP/err"
expect_grep "missing runs noted" '1 of 4 planned runs have no verdict' "$TMP/err"
expect_grep "plan counts" 'plan: 4 runs, 3 with a verdict, 1 missing' "$TMP/out"
n=$(wc -l <"$TMP/m1/runs.jsonl")
[ "$n" = 3 ] && ok "three records written" || bad "three records written (got $n)"
grep -q '"task_id":"f/two".*"status":"success".*"wall_s":9' "$TMP/m1/runs.jsonl" && ok "success replaced the errors" || bad "success replaced the errors"
grep -q '"status":"error"' "$TMP/m1/runs.jsonl" && bad "no error record left" || ok "no error record left"
expect_grep "sweep.json marks a merge" '"merged": true' "$TMP/m1/sweep.json"
expect_grep "sweep.json lists the missing run" '"task_id": "f/two"' "$TMP/m1/sweep.json"
expect_grep "sweep.json lists shards" '"shard": "2/2"' "$TMP/m1/sweep.json"
expect_ok "--complete with a missing run" true
"$HORIZON" merge --complete -q "$TMP/m1" "$S" 2>"$TMP/err"
[ $? = 1 ] && ok "--complete fails on missing runs" || bad "--complete fails on missing runs"
expect_grep "--complete names the count" '1 of 4 planned runs have no verdict' "$TMP/err"

# Merging again into OUT replaces it; merging the result with a shard is idempotent.
expect_ok "merge into an earlier merge output" "$HORIZON" merge "$TMP/m1" "$S/shard-1" "$S/shard-2"
expect_ok "merge of a merge and a shard" "$HORIZON" merge "$TMP/m2" "$TMP/m1/runs.jsonl" "$S/shard-2/runs.jsonl"
expect_grep "same three runs" '-> 3 runs \(2 success, 1 failure' "$TMP/out"

# OUT/merged inside the shards' directory is skipped when the directory is merged again.
expect_ok "merge into OUT/merged" "$HORIZON" merge "$S/merged" "$S"
expect_ok "merge again with OUT/merged present" "$HORIZON" merge "$S/merged" "$S"
expect_grep "the earlier merge is not an input" 'merged 2 logs: 6 records' "$TMP/out"

# Agent settings or seeds that differ are other plans.
sweep "$TMP/seed/s1" 1 2
sweep "$TMP/seed/s2" 2 2
sed -i 's/"seed":0/"seed":7/' "$TMP/seed/s2/sweep.json"
rec A f/one 1 1 success >"$TMP/seed/s1/runs.jsonl"
rec B f/one 1 1 success >"$TMP/seed/s2/runs.jsonl"
expect_fail "different seeds refused" 1 "$HORIZON" merge "$TMP/m9" "$TMP/seed"
expect_grep "seeds named" 'different seeds \(0 vs 7\)' "$TMP/err"
sed -i 's/"seed":7/"seed":0/; s/"alias":"B","spec":"sim"/"alias":"B","spec":"sim,h50=9"/' "$TMP/seed/s2/sweep.json"
expect_fail "different agent settings refused" 1 "$HORIZON" merge "$TMP/m9" "$TMP/seed"
expect_grep "agent settings named" 'different agent settings \(\{"alias":"B","spec":"sim"\} vs \{"alias":"B","spec":"sim,h50=9"\}\)' "$TMP/err"

# Conflicting verdicts: refused with both sources, nothing written; --keep-first keeps the first.
C=$TMP/conflict
sweep "$C/a" 1 2
sweep "$C/b" 2 2
rec A f/one 1 1 success >"$C/a/runs.jsonl"
rec A f/one 1 1 failure >"$C/b/runs.jsonl"
expect_fail "conflicting verdicts refused" 1 "$HORIZON" merge "$TMP/m4" "$C/a" "$C/b"
expect_grep "conflict names run and sources" "run_id '$(rid A f/one 1 1)' \(A, f/one\): success in .*a/runs.jsonl:1 but failure in .*b/runs.jsonl:1" "$TMP/err"
[ -e "$TMP/m4/runs.jsonl" ] && bad "nothing written on conflict" || ok "nothing written on conflict"
expect_ok "--keep-first" "$HORIZON" merge --keep-first "$TMP/m4" "$C/a" "$C/b"
expect_grep "--keep-first kept the success" '"status":"success"' "$TMP/m4/runs.jsonl"
expect_grep "conflict listed in sweep.json" '"conflicts": \[' "$TMP/m4/sweep.json"

# Plan mismatch: another task version in sweep.json, or in the records alone.
P=$TMP/plan
sweep "$P/s1" 1 2
sweep "$P/s2" 2 2 2
rec A f/one 1 1 success >"$P/s1/runs.jsonl"
rec A f/two 2 1 success >"$P/s2/runs.jsonl"
expect_fail "different task versions refused" 1 "$HORIZON" merge "$TMP/m5" "$P/s1" "$P/s2"
expect_grep "mismatch message names both inputs and the task" "plan mismatch: '.*s2/runs.jsonl' and '.*s1/runs.jsonl' were run with different tasks or task versions \(the second has 'f/two@2', lacks 'f/two@1'\)" "$TMP/err"
sweep "$P/s3" 2 2 1 3
rec A f/one 1 1 success >"$P/s3/runs.jsonl"
expect_fail "different repeats refused" 1 "$HORIZON" merge "$TMP/m5" "$P/s1" "$P/s3"
expect_grep "repeats named" 'different repeats \(1 vs 3\)' "$TMP/err"
mkdir -p "$P/bare1" "$P/bare2"
rec A f/one 1 1 success >"$P/bare1/runs.jsonl"
rec A f/one 2 2 success >"$P/bare2/runs.jsonl"
expect_fail "records with another version refused" 1 "$HORIZON" merge "$TMP/m5" "$P/bare1" "$P/bare2"
expect_grep "record-level mismatch message" "plan mismatch: task 'f/one' is version \"2\" in .*bare2/runs.jsonl:1 but version \"1\" in .*bare1/runs.jsonl:1" "$TMP/err"

# Bad input: a broken line in the middle, a missing input, an OUT that merge did not write.
mkdir -p "$TMP/bad"
{ echo '{"run_id":"x","status":"success"}'; echo 'not json'; echo '{"run_id":"y","status":"success"}'; } >"$TMP/bad/runs.jsonl"
expect_fail "broken middle line" 1 "$HORIZON" merge "$TMP/m6" "$TMP/bad"
expect_grep "broken line located" 'bad/runs.jsonl:2: not a JSON object' "$TMP/err"
mkdir -p "$TMP/big"
{ printf '{"run_id":"x","status":"success","pad":"'; head -c 5000000 /dev/zero | tr '\0' a; printf '"}\n'; } >"$TMP/big/runs.jsonl"
expect_fail "a record over the line limit" 1 "$HORIZON" merge "$TMP/m6" "$TMP/big"
expect_grep "limit named" 'big/runs.jsonl:1: record longer than 4194304 bytes' "$TMP/err"
expect_fail "missing input" 1 "$HORIZON" merge "$TMP/m6" "$TMP/nowhere"
expect_grep "missing input named" "nowhere' does not exist" "$TMP/err"
expect_fail "refuses to overwrite a plain log" 1 "$HORIZON" merge "$S/shard-1" "$S/shard-2"
expect_grep "overwrite refusal" 'was not written by horizon merge' "$TMP/err"
expect_fail "usage: no inputs" 2 "$HORIZON" merge "$TMP/m7"
expect_fail "usage: unknown option" 2 "$HORIZON" merge --frob "$TMP/m7" "$S"
expect_ok "--dry-run" "$HORIZON" merge -n "$TMP/m8" "$S"
[ -e "$TMP/m8" ] && bad "--dry-run writes nothing" || ok "--dry-run writes nothing"
finish
