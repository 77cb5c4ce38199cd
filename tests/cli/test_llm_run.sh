# LLM agents end to end through 'horizon run': the scripted mock (tests/mock/llm_mock.py)
# plays conversations over the real OpenAI and Anthropic protocols; the fixture task
# fixture/fix-add and two real catalogue tasks are solved through bash tool calls in the
# real sandbox and scored by their real scorers.  Limits, the preflight (a missing or refused key, an API
# that does not answer: the sweep does not start), a key refused mid-sweep (the agent stops), retried
# API faults and working time, and the API key: never in any file a run wrote, never
# visible inside the sandbox.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/llm_lib.sh"

expect_ok "openai, anthropic and deepseek-preset agents solve fix-add" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--agent "openai:fix-add#cli-oa,alias=mock-oa,price_in=1,price_out=2,release=2025-01-01,$OA" \
	--agent "anthropic:fix-add#cli-an,alias=mock-an,$AN" --agent "deepseek:fix-add#cli-ds,alias=mock-ds,$OA" \
	--out "$D" --jobs 2 --quiet
checks <<'EOF'
mock-oa: success by the task's scorer | mock-oa | r["status"]=="success" and r["score_binarized"]==1
mock-an: success by the task's scorer | mock-an | r["status"]=="success" and r["score_binarized"]==1
mock-oa: ended by submit | mock-oa | r["exit_reason"]=="submitted"
mock-an: ended by submit | mock-an | r["exit_reason"]=="submitted"
mock-oa: turns and tokens recorded | mock-oa | r["turns"]==3 and r["input_tokens"]==300 and r["output_tokens"]==60
mock-an: turns and tokens recorded | mock-an | r["turns"]==3 and r["input_tokens"]==300 and r["output_tokens"]==60
mock-oa: no API waits, working time = wall time | mock-oa | abs(r["working_s"]-r["wall_s"])<0.05
mock-an: no API waits, working time = wall time | mock-an | abs(r["working_s"]-r["wall_s"])<0.05
mock-oa: transcript has the tool calls | mock-oa | t.count('"type":"tool"')==2 and '"exit_code":0' in t
mock-an: transcript has the tool calls | mock-an | t.count('"type":"tool"')==2 and '"exit_code":0' in t
mock-an: transcript ends with the outcome | mock-an | '"type":"end","exit_reason":"submitted"' in t.splitlines()[-1]
a preset name as the backend (deepseek -> openai protocol) | mock-ds | r["status"]=="success" and r["backend"]=="deepseek" and r["turns"]==3
cost from the prices | mock-oa | abs(r.get("cost_usd", r.get("dollar_equivalent"))-(300*1+60*2)/1e6)<1e-12
EOF
if python3 -c 'import json,sys; es=[json.loads(l) for l in open(sys.argv[1])]; es=[e for e in es if e.get("model","").startswith("fix-add#cli-")]; assert len(es)==9 and all(not e["problems"] and e["auth_ok"] and not e["key_elsewhere"] for e in es)' "$TMP/mock.jsonl"; then
	ok "the mock saw 9 well-formed requests, the key only in the auth header"; else bad "the mock saw 9 well-formed requests"; fi

# Real catalogue tasks: an exit-status scorer, and an answer task answered through submit.
if [ -d "$HZ_SOURCE_DIR/tasks/config-fix/json-comma" ] && [ -d "$HZ_SOURCE_DIR/tasks/which-file/defines-function" ]; then
	expect_ok "real task config-fix/json-comma" "$HORIZON" run --tasks-dir "$HZ_SOURCE_DIR/tasks" --out "$D" --quiet \
		--tasks config-fix/json-comma --agent "openai:real-json-comma#cli,alias=real-oa,$OA"
	expect_ok "real task which-file/defines-function" "$HORIZON" run --tasks-dir "$HZ_SOURCE_DIR/tasks" --out "$D" --quiet \
		--tasks which-file/defines-function --agent "anthropic:real-defines-function#cli,alias=real-an,$AN"
	checks <<'EOF'
config-fix/json-comma solved through tool calls | real-oa | r["task_id"]=="config-fix/json-comma" and r["status"]=="success" and r["turns"]==3
which-file/defines-function answered through submit | real-an | r["task_id"]=="which-file/defines-function" and r["status"]=="success" and r["exit_reason"]=="submitted"
EOF
	if python3 -c 'import json,sys; es=[json.loads(l) for l in open(sys.argv[1])]; es=[e for e in es if e.get("model","").startswith("real-")]; assert len(es)>=5 and not any(e["problems"] for e in es)' "$TMP/mock.jsonl"; then
		ok "the real tasks' conversations went as scripted (the model saw the expected outputs)"; else bad "the real tasks' conversations went as scripted"; fi
else
	bad "the catalogue tasks config-fix/json-comma and which-file/defines-function exist"
fi

expect_ok "limits" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$D" --quiet --jobs 3 \
	--agent "openai:token-limit#cli,alias=tok,max_total_tokens=100000,$OA" \
	--agent "anthropic:cost-limit#cli,alias=cost,price_in=2,max_cost_usd=3,$AN" \
	--agent "openai:token-limit#cli-turns,alias=turns,max_turns=2,$OA"
checks <<'EOF'
token limit: a failure | tok | r["status"]=="failure" and r["exit_reason"]=="token_limit" and r["turns"]==2
cost limit: a failure | cost | r["status"]=="failure" and r["exit_reason"]=="cost_limit" and r["turns"]==2
turn limit: a failure | turns | r["status"]=="failure" and r["exit_reason"]=="turn_limit" and r["turns"]==2
EOF

# The preflight: before anything runs, each LLM agent's key variable must be set and its API must
# answer GET BASE/models with that key (one request through libcurl); else the sweep does not start.
REFUSED="openai:fix-add#cli-401,alias=refused,base_url=http://127.0.0.1:$PORT/v1,api_key_env=HZ_WRONG"
HZ_WRONG=sk-wrong-$$ expect_fail "a refused key: the sweep does not start" 1 "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet --agent "$REFUSED" --repeats 5
expect_grep "the refusal names the agent, the variable and the answer" \
	"agent 'refused': the API at http://127.0.0.1:$PORT/v1 refused the key in 'HZ_WRONG': HTTP 401: Incorrect API key" "$TMP/err"
env -u HZ_WRONG "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$D" --quiet --agent "$REFUSED" >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && ok "no key: the sweep does not start" || bad "no key: the sweep does not start"
expect_grep "the missing variable is named" "agent 'refused': environment variable 'HZ_WRONG' \(the API key\) is not set: export HZ_WRONG=" "$TMP/err"
expect_fail "an API that does not answer: the sweep does not start" 1 "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet --agent "openai:x,alias=nowhere,base_url=http://127.0.0.1:1/v1,api_key_env=HZ_TEST_LLM_KEY"
expect_grep "the unreachable API is named" "agent 'nowhere': the API at http://127.0.0.1:1/v1 does not answer: .*\(no network\? a wrong base_url\?" "$TMP/err"
if grep -q '"alias":"refused"' "$D/runs.jsonl" || grep -q '"alias":"nowhere"' "$D/runs.jsonl"; then bad "refused sweeps record nothing"; else ok "refused sweeps record nothing"; fi
n=$(grep -c '"model": "fix-add#cli-401"' "$TMP/mock.jsonl")
[ "$n" = 0 ] && ok "no chat request was sent" || bad "no chat request was sent ($n)"
HZ_WRONG=$HZ_TEST_LLM_KEY expect_ok "with the key, the same command runs" "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet --agent "$REFUSED"
checks <<<'then the run succeeds | refused | r["status"]=="success"'

# A key revoked mid-sweep (401 on the chat request): the agent's first auth_error stops its other
# runs (not started, not recorded, run by a resume) while other agents go on; the reason is on the
# terminal, not only in the log.
expect_fail "a 401 mid-sweep stops that agent" 1 "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--out "$TMP/revoked" --quiet --repeats 4 --agent "openai:auth-401#cli,alias=revoked,$OA" --agent oracle --json
expect_grep "the error's reason is printed" "revoked fixture/fix-add #[0-9]: error \(auth_error\): the API refused the credentials: HTTP 401: Incorrect API key provided" "$TMP/err"
expect_grep "the stop is explained" "agent 'revoked' stopped: auth_error: .*HTTP 401" "$TMP/err"
expect_grep "the runs not started are counted" "3 runs not started because their agent stopped" "$TMP/err"
python3 - "$TMP/out" "$TMP/revoked/runs.jsonl" <<'PY' && ok "one auth_error record; the other runs left for a resume; oracle ran" || bad "auth stop"
import json, sys
out = json.load(open(sys.argv[1]))
recs = [json.loads(l) for l in open(sys.argv[2])]
rev = [r for r in recs if r["alias"] == "revoked"]
assert len(rev) == 1 and rev[0]["exit_reason"] == "auth_error", rev
assert len([r for r in recs if r["alias"] == "oracle" and r["status"] == "success"]) == 4
a = {x["alias"]: x for x in out["agents"]}
assert a["revoked"]["not_run"] == 3 and a["revoked"]["stop_reason"].startswith("auth_error: ") and out["not_run"] == 3
PY
n=$(grep -c '"model": "auth-401#cli"' "$TMP/mock.jsonl")
[ "$n" = 1 ] && ok "one chat request, not one per run" || bad "one chat request, not one per run ($n)"
"$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$TMP/revoked" --quiet --repeats 4 --dry-run --json \
	--agent "openai:auth-401#cli,alias=revoked,$OA" --agent oracle >"$TMP/out" 2>&1
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["to_run"] == 4 and d["given_up"] == 0' "$TMP/out" \
	&& ok "a resume would run all four again (an auth_error uses no retry)" || bad "a resume would run all four again"


expect_ok "a 429 and a 5xx burst" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$D" --quiet \
	--agent "openai:retry-after#cli,alias=ra,$OA" --agent "anthropic:burst#cli,alias=burst,$AN" --jobs 2
checks <<'EOF'
429 + Retry-After: success | ra | r["status"]=="success" and r["turns"]==3
429 + Retry-After: working time excludes the 1 s wait | ra | 1.0 <= r["wall_s"]-r["working_s"] < 2.0
5xx burst: success, working time excludes the back-off | burst | r["status"]=="success" and r["wall_s"]-r["working_s"]>0.3
5xx burst: the 6 failed attempts are in the transcript | burst | sum('"type":"http"' in l and '"error"' in l for l in t.splitlines())==6
EOF

expect_ok "the sandbox environment" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$D" --quiet \
	--agent "openai:env-check#cli,alias=envcheck,$OA"
p=$D/$(field envcheck patch)
expect_grep "the agent's command ran in the sandbox" '^\+KEY=unset' "$p"
expect_grep "the sandbox has a clean environment" '^\+HOME=' "$p"

if grep -rlF -- "$HZ_TEST_LLM_KEY" "$D" "$TMP/mock.jsonl"; then bad "no file of any run holds the API key"
else ok "no file of any run holds the API key ($(find "$D" -type f | wc -l) files searched)"; fi
finish
