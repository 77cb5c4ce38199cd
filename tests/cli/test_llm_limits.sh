# LLM agents through 'horizon run': the run's wall-time limit (a command killed at the
# deadline ends the run with time_limit), the per-command timeout, output truncation with
# a marker, and agents declared in an agents file (a preset name as the backend would
# resolve the same way; here the URL points at the mock).
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
D=$TMP/sweep
export HZ_TEST_LLM_KEY="sk-clitest-$$-$RANDOM$RANDOM"

python3 "$HZ_SOURCE_DIR/tests/mock/llm_mock.py" --scripts "$HZ_SOURCE_DIR/tests/data/llm" \
	--log "$TMP/mock.jsonl" --key "$HZ_TEST_LLM_KEY" >"$TMP/port" &
MOCK=$!
trap 'kill $MOCK 2>/dev/null; wait $MOCK 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 300); do grep -q PORT "$TMP/port" && break; sleep 0.1; done
PORT=$(sed -n 's/^PORT //p' "$TMP/port")
[ -n "$PORT" ] && ok "mock server started" || { bad "mock server started"; finish; exit 1; }

cat >"$TMP/agents.yaml" <<EOF
agents:
  - alias: slow-model
    backend: openai
    model: "slow#cli"
    base_url: http://127.0.0.1:$PORT/v1
    api_key_env: HZ_TEST_LLM_KEY
    release_date: 2025-06-01
    command_timeout_s: 1
    observation_max: 1000
  - alias: file-claude
    backend: anthropic
    model: "fix-add#cli-file"
    base_url: http://127.0.0.1:$PORT
    api_key_env: HZ_TEST_LLM_KEY
    price_in: 3
    price_out: 15
EOF
# fix-add's limit is 60 s; x0.1 gives the run 6 s.
start=$(date +%s)
expect_ok "agents file, short time limit" "$HORIZON" run --agents "$TMP/agents.yaml" --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --time-limit-scale 0.1 --out "$D" --jobs 2 --quiet
took=$(( $(date +%s) - start ))
python3 - "$D/runs.jsonl" "$TMP/mock.jsonl" >"$TMP/checks" <<'PY'
import json, sys
recs = {r["alias"]: r for r in map(json.loads, open(sys.argv[1]))}
mock = [json.loads(l) for l in open(sys.argv[2])]
s, c = recs.get("slow-model", {}), recs.get("file-claude", {})
checks = [
    ("time limit: the run ends with time_limit, a failure", s.get("exit_reason") == "time_limit" and s.get("status") == "failure"),
    ("time limit: the wall time is the limit", 5.5 <= s.get("wall_s", 0) <= 9),
    ("the release date comes from the agents file", s.get("release_date") == "2025-06-01"),
    ("3 turns before the deadline", s.get("turns") == 3),
    ("the model saw the truncation marker and the command timeout (mock expectations)",
     not any(e["problems"] for e in mock if e.get("model") == "slow#cli")),
    ("the anthropic agent from the file succeeds", c.get("status") == "success" and c.get("exit_reason") == "submitted"),
    ("its cost uses the file's prices", abs((c.get("cost_usd") or c.get("dollar_equivalent") or 0) - (300 * 3 + 60 * 15) / 1e6) < 1e-12),
]
for desc, good in checks:
    print(("ok " if good else "FAIL ") + desc)
PY
while IFS= read -r line; do case $line in "ok "*) ok "${line#ok }" ;; *) bad "${line#FAIL }" ;; esac; done <"$TMP/checks"
[ "$took" -lt 15 ] && ok "the sweep ended soon after the deadline (${took} s)" || bad "the sweep ended soon after the deadline (${took} s)"
t=$D/$(python3 -c 'import json,sys; print([r for r in map(json.loads, open(sys.argv[1])) if r["alias"]=="slow-model"][0]["transcript"])' "$D/runs.jsonl")
expect_grep "transcript: the command killed by its timeout" '"type":"tool".*"timed_out":true' "$t"
expect_grep "transcript: output truncated with a marker" 'output truncated: [0-9]+ bytes omitted' "$t"
finish
