# LLM agents end to end through 'horizon run': the scripted mock (tests/mock/llm_mock.py)
# plays conversations over the real OpenAI and Anthropic protocols; the fixture task
# fixture/fix-add is fixed through bash tool calls in the real sandbox and scored by
# its real scorer.  Limits, an auth error (status error, retried on resume), retried
# API faults and working time, and the API key: never in any file a run wrote, never
# visible inside the sandbox.
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
OA="base_url=http://127.0.0.1:$PORT/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"
AN="base_url=http://127.0.0.1:$PORT,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"

# checks: lines "DESC | ALIAS | EXPR" on stdin, EXPR a python expression over the alias's
# last record `r` and its transcript's text `t`; one python process per batch (its start-up
# is slow on a busy machine).
checks() {
	local line
	python3 -c '
import json, os, sys
d = sys.argv[1]
recs = [json.loads(l) for l in open(os.path.join(d, "runs.jsonl"))]
for line in sys.stdin:
    if not line.strip():
        continue
    desc, alias, expr = [x.strip() for x in line.split("|", 2)]
    try:
        r = [x for x in recs if x["alias"] == alias][-1]
        tp = os.path.join(d, r.get("transcript") or "-")
        t = open(tp).read() if os.path.isfile(tp) else ""
        good = eval(expr)
    except Exception as e:
        good, expr = False, "%s (%r)" % (expr, e)
    print("ok %s" % desc if good else "FAIL %s: %s" % (desc, expr))
' "$D" >"$TMP/checks"
	while IFS= read -r line; do
		case $line in "ok "*) ok "${line#ok }" ;; *) bad "${line#FAIL }" ;; esac
	done <"$TMP/checks"
}
field() { # field ALIAS KEY: a field of the alias's last record
	python3 -c "import json,sys; print([json.loads(l) for l in open(sys.argv[1]) if json.loads(l)['alias']==sys.argv[2]][-1][sys.argv[3]])" \
		"$D/runs.jsonl" "$1" "$2"
}

expect_ok "openai and anthropic agents solve fix-add" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--agent "openai:fix-add#cli-oa,alias=mock-oa,price_in=1,price_out=2,release=2025-01-01,$OA" \
	--agent "anthropic:fix-add#cli-an,alias=mock-an,$AN" --out "$D" --jobs 2 --quiet
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
cost from the prices | mock-oa | abs(r.get("cost_usd", r.get("dollar_equivalent"))-(300*1+60*2)/1e6)<1e-12
EOF
if python3 -c 'import json,sys; es=[json.loads(l) for l in open(sys.argv[1])]; es=[e for e in es if e.get("model","").startswith("fix-add#cli-")]; assert len(es)==6 and all(not e["problems"] and e["auth_ok"] and not e["key_elsewhere"] for e in es)' "$TMP/mock.jsonl"; then
	ok "the mock saw 6 well-formed requests, the key only in the auth header"; else bad "the mock saw 6 well-formed requests"; fi

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
