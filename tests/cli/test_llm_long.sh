# LLM agents fit for long tasks and real providers, through 'horizon run' against the mock:
# the Responses API solves fix-add; a 15-turn task too long for a small model's context fits
# with context_window set (old outputs elided, recorded in the transcript) and fails as
# context_limit without it; an exhausted quota is a status error with exit_reason quota_error,
# and llama-server's "Context size has been exceeded" (HTTP 500) is context_limit, neither retried.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/llm_lib.sh"

expect_fail "responses API, long tasks and provider faults (the quota run is an error: exit 1)" 1 "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--agent "openai:fix-add#cli-rs,api=responses,alias=mock-rs,$OA" \
	--agent "openai:long-task#cli-ctx,context_window=12000,alias=mock-ctx,$OA" \
	--agent "anthropic:long-task#cli-noctx,context_window=0,alias=mock-noctx,$AN" \
	--agent "openai:quota-openai#cli,alias=mock-quota,$OA" \
	--agent "openai:ctx-llamacpp#cli,alias=mock-llamacpp,$OA" \
	--out "$D" --jobs 2 --quiet
checks <<'EOF2'
responses API: success | mock-rs | r["status"]=="success" and r["exit_reason"]=="submitted" and r["input_tokens"]==300
responses API: streamed | mock-rs | '"streamed":true' in t
context managed: submitted after 15 turns | mock-ctx | r["exit_reason"]=="submitted" and r["turns"]==15
context managed: elisions in the transcript | mock-ctx | '"type":"context"' in t and '"outputs_elided"' in t
context managed: counted at the end | mock-ctx | '"context_shortenings":0' not in t
no context management: context_limit, a failure | mock-noctx | r["exit_reason"]=="context_limit" and r["status"]=="failure"
quota: status error, quota_error | mock-quota | r["status"]=="error" and r["exit_reason"]=="quota_error"
llama-server 500 context: context_limit | mock-llamacpp | r["exit_reason"]=="context_limit" and r["status"]=="failure"
EOF2
n=$(grep -c '"model": "quota-openai#cli"' "$TMP/mock.jsonl")
[ "$n" = 1 ] && ok "quota not retried" || bad "quota not retried ($n requests)"
n=$(grep -c '"model": "ctx-llamacpp#cli"' "$TMP/mock.jsonl")
[ "$n" = 1 ] && ok "context overflow not retried" || bad "context overflow not retried ($n requests)"
# The runs that hit a limit anyway are counted in the sweep's summary (the same agents again: nothing to run).
"$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--agent "openai:long-task#cli-ctx,context_window=12000,alias=mock-ctx,$OA" \
	--agent "anthropic:long-task#cli-noctx,context_window=0,alias=mock-noctx,$AN" \
	--agent "openai:ctx-llamacpp#cli,alias=mock-llamacpp,$OA" --out "$D" --json >"$TMP/sum.json" 2>"$TMP/sum.err" \
	&& python3 - "$TMP/sum.json" <<'PY' && ok "context_limit runs counted in the summary" || bad "context_limit runs counted in the summary"
import json, sys
a = {x["alias"]: x["at_limit"] for x in json.load(open(sys.argv[1]))["agents"]}
assert a["mock-noctx"]["context_limit"] == 1 and a["mock-llamacpp"]["context_limit"] == 1, a
assert a["mock-ctx"]["context_limit"] == 0 and sum(a["mock-ctx"].values()) == 0, a
assert set(a["mock-ctx"]) == {"time_limit", "token_limit", "cost_limit", "turn_limit", "context_limit"}, a
PY
"$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add \
	--agent "anthropic:long-task#cli-noctx,context_window=0,alias=mock-noctx,$AN" --out "$D" >"$TMP/sum.txt" 2>&1
grep -q "^mock-noctx: 1 of its runs ended at a limit: 1 context_limit$" "$TMP/sum.txt" \
	&& ok "limits in the text summary" || bad "limits in the text summary: $(cat "$TMP/sum.txt")"
finish
