# horizon run: oracle passes and null fails on the fixture tasks, resume, partial-line repair,
# sweep.json, --sandbox none, --dry-run, kept workspaces.  (test_run_options.sh has the rest.)
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
BROKEN=$HZ_SOURCE_DIR/tests/data/tasks-broken
D=$TMP/d1

field() { # field FILE EXPR: evaluate a python expression over the records `rs`
	python3 -c "import json,sys; rs=[json.loads(l) for l in open(sys.argv[1])]; print(($2))" "$1"
}

expect_ok "oracle and null on the fixtures" "$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" \
	--tasks 'fixture/*' --out "$D" --jobs 2 --quiet
expect_grep "summary table" '^oracle +3 +0 +3 +3 +0 +0' "$TMP/out"
expect_grep "null fails everything" '^null +3 +0 +3 +0 +3 +0' "$TMP/out"
[ "$(field "$D/runs.jsonl" 'len(rs)')" = 6 ] && ok "6 records" || bad "6 records"
[ "$(field "$D/runs.jsonl" 'all(r["status"]=="success" for r in rs if r["alias"]=="oracle")')" = True ] \
	&& ok "oracle passes every fixture" || bad "oracle passes every fixture"
[ "$(field "$D/runs.jsonl" 'all(r["status"]=="failure" and r["score_binarized"]==0 for r in rs if r["alias"]=="null")')" = True ] \
	&& ok "null fails every fixture" || bad "null fails every fixture"
[ "$(field "$D/runs.jsonl" 'sorted(set(type(r[k]).__name__ for r in rs for k in ("started_at","completed_at","time_limit","score_binarized")))')" = "['int']" ] \
	&& ok "METR's integer fields are integers" || bad "METR's integer fields are integers"
[ "$(field "$D/runs.jsonl" 'len(set(r["baseline_commit"] for r in rs if r["task_id"]=="fixture/fix-add"))')" = 1 ] \
	&& ok "baseline commits are reproducible" || bad "baseline commits are reproducible"
patch=$(field "$D/runs.jsonl" '[r["patch"] for r in rs if r["alias"]=="oracle" and r["task_id"]=="fixture/fix-add"][0]')
expect_grep "the oracle's patch is saved" '^\+echo \$\(\( \$1 \+ \$2 \)\)' "$D/$patch"
expect_grep "sweep.json lists the agents" '"alias": "oracle"' "$D/sweep.json"
expect_grep "sweep.json lists task versions" '"id": "fixture/fix-add"' "$D/sweep.json"
[ -z "$(ls "$D/work" 2>/dev/null | grep -v '^\.')" ] && ok "workspaces removed after scoring" || bad "workspaces removed after scoring"

expect_ok "the same command resumes" "$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" \
	--tasks 'fixture/*' --out "$D" --json
[ "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["to_run"], d["agents"][0]["recorded"])' "$TMP/out")" = "0 3" ] \
	&& ok "nothing left to run" || bad "nothing left to run"
[ "$(wc -l <"$D/runs.jsonl")" = 6 ] && ok "no duplicate records" || bad "no duplicate records"

# A partial last line (a crash in the middle of a write) is repaired without losing records.
printf '{"run_id":"half-writ' >>"$D/runs.jsonl"
expect_ok "resume after a partial line" "$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" \
	--tasks 'fixture/*' --out "$D"
expect_grep "the repair names the file and line" "runs.jsonl:7: partial last line \(20 bytes\) skipped" "$TMP/out"
[ "$(wc -l <"$D/runs.jsonl")" = 6 ] && [ "$(tail -c 1 "$D/runs.jsonl" | od -An -c | tr -d ' ')" = '\n' ] \
	&& ok "6 complete records after the repair" || bad "6 complete records after the repair"
# A whole record that only lacks its newline is kept (the rule of fit and merge): it gets its newline.
head -c -1 "$D/runs.jsonl" >"$TMP/nonl" && cat "$TMP/nonl" >"$D/runs.jsonl"
expect_ok "resume after a record without its newline" "$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" \
	--tasks 'fixture/*' --out "$D" --json
[ "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["to_run"], d["repaired_bytes"])' "$TMP/out")" = "0 0" ] \
	&& ok "the unterminated record counts: nothing to run, nothing cut" || bad "the unterminated record counts"
[ "$(wc -l <"$D/runs.jsonl")" = 6 ] && [ "$(tail -c 1 "$D/runs.jsonl" | od -An -c | tr -d ' ')" = '\n' ] \
	&& ok "it got its newline" || bad "it got its newline"

# --sandbox none is explicit and recorded; --dry-run writes nothing.
expect_ok "--sandbox none" "$HORIZON" run --agent oracle --tasks-dir "$TASKS" --tasks fixture/fix-add --sandbox none --out "$TMP/n" --quiet
[ "$(field "$TMP/n/runs.jsonl" 'rs[0]["isolation"], rs[0]["status"]')" = "('none', 'success')" ] \
	&& ok "isolation none recorded" || bad "isolation none recorded"
expect_ok "--dry-run" "$HORIZON" run --agent oracle --tasks-dir "$TASKS" --out "$TMP/dry" --dry-run
[ ! -e "$TMP/dry" ] && ok "--dry-run writes nothing" || bad "--dry-run writes nothing"
expect_ok "--dry-run over a sweep" "$HORIZON" run --agent oracle --agent null --tasks-dir "$TASKS" --tasks 'fixture/*' --out "$D" --dry-run
expect_grep "--dry-run counts recorded runs" '6 runs planned .*, 0 to run' "$TMP/out"

# --keep-workspaces keeps the work tree and a git directory with the baseline and final commits.
# ($TMP is private to root, so the sandbox uid cannot reach $TMP/k/work: the summary says where they are.)
expect_ok "--keep-workspaces" "$HORIZON" run --agent oracle --tasks-dir "$TASKS" --tasks fixture/fix-add --keep-workspaces --out "$TMP/k"
kept=$(sed -n 's/^workspaces kept in: //p' "$TMP/out")
kw=$(ls -d "$kept"/*/ | head -1)
[ "$(git --git-dir="$kw/git" log --format=%s 2>/dev/null | tr '\n' ,)" = "final state,baseline," ] \
	&& ok "kept workspace has the baseline and final commits" || bad "kept workspace has the baseline and final commits"
case $kept in /tmp/horizon-work-*) rm -rf "$kept" ;; esac

finish
