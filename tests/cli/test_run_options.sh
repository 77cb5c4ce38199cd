# horizon run: sim reproducibility, shards, scorer kinds and errors, retries, agents files,
# required tools, --work-dir, usage errors.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
BROKEN=$HZ_SOURCE_DIR/tests/data/tasks-broken

field() { # field FILE EXPR: evaluate a python expression over the records `rs`
	python3 -c "import json,sys; rs=[json.loads(l) for l in open(sys.argv[1])]; print(($2))" "$1"
}

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

expect_fail "a scorer past its timeout makes an error" 1 "$HORIZON" run --agent null --tasks-dir "$BROKEN" \
	--tasks broken/scorer-slow --out "$TMP/slow" --quiet
[ "$(field "$TMP/slow/runs.jsonl" 'rs[0]["status"], rs[0]["exit_reason"], rs[0]["score_wall_s"] < 5')" = "('error', 'scorer_timeout', True)" ] \
	&& ok "scorer timeout recorded as an error" || bad "scorer timeout recorded as an error"

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

# cmd agents: the instructions in a file and a variable; pass_env passes only the named variables;
# net=host is recorded.
export HZ_PASS_ME=util.c HZ_KEEP_OUT=util.c
expect_ok "cmd agents" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/echo-answer --out "$TMP/cmd" --quiet \
	--agent 'cmd,alias=passed,command=echo $HZ_PASS_ME > answer.txt,pass_env=HZ_PASS_ME' \
	--agent 'cmd,alias=not-passed,command=echo $HZ_KEEP_OUT > answer.txt' \
	--agent 'cmd,alias=reads-instructions,command=grep -q frobnicate "$HZ_INSTRUCTIONS_FILE" && [ -n "$HZ_INSTRUCTIONS" ] && echo util.c > answer.txt' \
	--agent 'cmd,alias=host-net,command=true,net=host'
[ "$(field "$TMP/cmd/runs.jsonl" 'sorted((r["alias"], r["status"]) for r in rs)')" = \
	"[('host-net', 'failure'), ('not-passed', 'failure'), ('passed', 'success'), ('reads-instructions', 'success')]" ] \
	&& ok "cmd: pass_env and instructions" || bad "cmd: pass_env and instructions"
[ "$(field "$TMP/cmd/runs.jsonl" '[r["isolation"]["net"] for r in rs if r["alias"]=="host-net"][0]')" = host ] \
	&& ok "cmd: net=host is recorded" || bad "cmd: net=host is recorded"

# A task needing a tool that is not installed gets a warning naming the task and the tool.
expect_ok "a missing required tool" "$HORIZON" run --agent oracle --tasks-dir "$BROKEN" --tasks broken/needs-tool --out "$TMP/nt"
expect_grep "names the task and the tool" "warning: task 'broken/needs-tool' requires 'horizon-no-such-tool'" "$TMP/err"

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
