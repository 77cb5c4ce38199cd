# horizon run: oracle passes and null fails on the fixture tasks, resume, sim
# reproducibility, shards, sweep.json, scorer kinds and errors, usage errors.
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
expect_grep "the repair is reported" 'partial last line of 20 bytes' "$TMP/out"
[ "$(wc -l <"$D/runs.jsonl")" = 6 ] && [ "$(tail -c 1 "$D/runs.jsonl" | od -An -c | tr -d ' ')" = '\n' ] \
	&& ok "6 complete records after the repair" || bad "6 complete records after the repair"

# sim: a fixed seed gives identical outcomes twice; another seed gives others.  (Logic, not
# isolation: these sweeps run without the sandbox to keep the test fast.)
SIM="sim,h50=1,slope=1.5,alias=sim-a,release=2024-01-01"
for d in s1 s2; do
	"$HORIZON" run --agent "$SIM" --tasks-dir "$TASKS" --tasks 'fixture/*' --repeats 4 --seed 7 --jobs 2 --sandbox none \
		--out "$TMP/$d" --quiet >/dev/null 2>&1
	field "$TMP/$d/runs.jsonl" '"\n".join(sorted(r["run_id"]+" "+r["status"] for r in rs))' >"$TMP/$d.txt"
done
"$HORIZON" run --agent "$SIM" --tasks-dir "$TASKS" --tasks 'fixture/*' --repeats 4 --seed 8 --jobs 2 --sandbox none --out "$TMP/s3" --quiet >/dev/null 2>&1
field "$TMP/s3/runs.jsonl" '"\n".join(sorted(r["run_id"]+" "+r["status"] for r in rs))' >"$TMP/s3.txt"
[ "$(wc -l <"$TMP/s1.txt")" = 12 ] && cmp -s "$TMP/s1.txt" "$TMP/s2.txt" && ok "sim: same seed, same outcomes" \
	|| bad "sim: same seed, same outcomes"
cmp -s "$TMP/s1.txt" "$TMP/s3.txt" && bad "sim: another seed changes outcomes" || ok "sim: another seed changes outcomes"
grep -q success "$TMP/s1.txt" && grep -q failure "$TMP/s1.txt" && ok "sim both succeeds and fails" || bad "sim both succeeds and fails"
[ "$(field "$TMP/s1/runs.jsonl" 'set(r["release_date"] for r in rs)')" = "{'2024-01-01'}" ] \
	&& ok "release date recorded" || bad "release date recorded"

# Shards: 3 shards run every run exactly once.
for k in 1 2 3; do
	"$HORIZON" run --agent "$SIM" --agent null --tasks-dir "$TASKS" --tasks 'fixture/*' --repeats 2 --jobs 2 --sandbox none --shard $k/3 \
		--out "$TMP/sh$k" --quiet >/dev/null 2>&1 || bad "shard $k/3 runs"
done
cat "$TMP"/sh[123]/runs.jsonl >"$TMP/all.jsonl"
[ "$(field "$TMP/all.jsonl" 'len(rs), len(set(r["run_id"] for r in rs))')" = "(12, 12)" ] \
	&& ok "3 shards: 12 runs, each once" || bad "3 shards: 12 runs, each once"
expect_grep "sweep.json records the shard" '"k": 2' "$TMP/sh2/sweep.json"

# Scorer kinds: json with a threshold; a crashing scorer is an error, retried on resume.
expect_ok "json scorer" "$HORIZON" run --agent oracle --tasks-dir "$BROKEN" --tasks broken/json-score --out "$TMP/j" --quiet
[ "$(field "$TMP/j/runs.jsonl" 'rs[0]["status"], rs[0]["score_cont"]')" = "('success', 0.5)" ] \
	&& ok "json score 0.5 passes threshold 0.5" || bad "json score 0.5 passes threshold 0.5"
expect_fail "a crashing scorer makes an error" 1 "$HORIZON" run --agent oracle --tasks-dir "$BROKEN" \
	--tasks broken/scorer-crash --out "$TMP/e" --max-retries 1 --quiet
expect_grep "errors are explained" 'ended in error' "$TMP/err"
[ "$(field "$TMP/e/runs.jsonl" 'rs[0]["status"], rs[0]["exit_reason"], rs[0]["fatal_error_from"]')" = "('error', 'scorer_crash', 'scorer_crash')" ] \
	&& ok "scorer crash recorded as an error" || bad "scorer crash recorded as an error"
"$HORIZON" run --agent oracle --tasks-dir "$BROKEN" --tasks broken/scorer-crash --out "$TMP/e" --max-retries 1 --quiet >/dev/null 2>&1
"$HORIZON" run --agent oracle --tasks-dir "$BROKEN" --tasks broken/scorer-crash --out "$TMP/e" --max-retries 1 --json >"$TMP/e.json" 2>/dev/null
[ "$(wc -l <"$TMP/e/runs.jsonl")" = 2 ] && ok "an error run is retried up to --max-retries" || bad "an error run is retried up to --max-retries"
expect_grep "then given up" '"given_up": 1' "$TMP/e.json"

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

# An agents file (YAML).
cat >"$TMP/agents.yaml" <<'Y'
agents:
  - spec: sim,h50=4
    alias: sim-four
    release_date: 2023-05-01
  - alias: nobody
    backend: "null"
Y
expect_ok "--agents FILE" "$HORIZON" run --agents "$TMP/agents.yaml" --tasks-dir "$TASKS" --tasks fixture/trivial --out "$TMP/af" --quiet
[ "$(field "$TMP/af/runs.jsonl" 'sorted(r["alias"] for r in rs)')" = "['nobody', 'sim-four']" ] \
	&& ok "agents from the file" || bad "agents from the file"
printf 'agents:\n  - alias: x\n    model: m\n' >"$TMP/bad.yaml"
expect_fail "an agents file without backend" 1 "$HORIZON" run --agents "$TMP/bad.yaml" --tasks-dir "$TASKS" --out "$TMP/bad"
expect_grep "names the file and line" 'bad.yaml:2: the agent has no .backend' "$TMP/err"

# A task needing a tool that is not installed stops the sweep before it starts.
expect_fail "a missing required tool" 1 "$HORIZON" run --agent oracle --tasks-dir "$BROKEN" --tasks broken/needs-tool --out "$TMP/nt"
expect_grep "names the task and the tool" "task 'broken/needs-tool' requires 'horizon-no-such-tool'" "$TMP/err"

# --work-dir puts workspaces elsewhere.
mkdir -p "$TMP/wd" && chmod 755 "$TMP" "$TMP/wd"
expect_ok "--work-dir" "$HORIZON" run --agent oracle --tasks-dir "$TASKS" --tasks fixture/trivial --work-dir "$TMP/wd/w" \
	--keep-workspaces --out "$TMP/wdo" --quiet
[ -d "$TMP/wd/w/$(field "$TMP/wdo/runs.jsonl" 'rs[0]["run_id"]')/work" ] && ok "the workspace is under --work-dir" \
	|| bad "the workspace is under --work-dir"

# Usage errors.
expect_fail "no agent" 2 "$HORIZON" run --tasks-dir "$TASKS"
expect_fail "bad shard" 2 "$HORIZON" run --agent null --shard 4/3
expect_fail "bad repeats" 2 "$HORIZON" run --agent null --repeats 0
expect_fail "unknown backend" 1 "$HORIZON" run --agent frob --tasks-dir "$TASKS" --out "$TMP/x"
expect_grep "unknown backend named" "unknown agent backend 'frob'" "$TMP/err"
expect_fail "duplicate aliases" 1 "$HORIZON" run --agent null --agent null --tasks-dir "$TASKS" --out "$TMP/x"
expect_fail "no matching task" 1 "$HORIZON" run --agent null --tasks nope/none --tasks-dir "$TASKS" --out "$TMP/x"
expect_grep "says no task matches" 'no task' "$TMP/err"
expect_fail "sim without h50" 1 "$HORIZON" run --agent sim --tasks-dir "$TASKS" --out "$TMP/x"
expect_grep "sim names h50" "h50" "$TMP/err"
finish
