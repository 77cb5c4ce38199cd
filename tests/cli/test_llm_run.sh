# LLM agents end to end through 'horizon run': the scripted mock (tests/mock/llm_mock.py)
# plays conversations over the real OpenAI and Anthropic protocols; the fixture task
# fixture/fix-add and two real catalogue tasks are solved through bash tool calls in the
# real sandbox and scored by their real scorers.  Limits, an auth error (status error, retried on resume), retried
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

REFUSED="openai:fix-add#cli-401,alias=refused,base_url=http://127.0.0.1:$PORT/v1,api_key_env=HZ_WRONG"
HZ_WRONG=sk-wrong-$$ expect_fail "a refused key: the sweep reports an error run" 1 "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet --agent "$REFUSED"
checks <<<'auth error: status error (infrastructure) | refused | r["status"]=="error" and r["exit_reason"]=="auth_error" and "401" in r.get("error","")'
HZ_WRONG=$HZ_TEST_LLM_KEY expect_ok "resume retries the error run" "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet --agent "$REFUSED"
checks <<<'the retried run succeeds | refused | r["status"]=="success"'

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
