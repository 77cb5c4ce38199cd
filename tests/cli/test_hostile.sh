#!/usr/bin/env bash
# Hostile inputs (deep and aliased YAML, 50 MB lines, NUL bytes, invalid UTF-8, 1e400 and NaN,
# absurd shard plans, symlink loops in the task tree) fed to the commands that read them: each
# exits 0, 1 or 2 with a one-line error, within 10 s and 1 GB, and leaves every log readable
# (the cases are in hostile.py; HZ_HOSTILE_CASES=GLOB runs some).  Then an LLM API whose usage
# blocks are nonsense (negative, near 2^63): the run is recorded with sane counts, a note in the
# transcript, and the log still fits.
source "$(dirname "$0")/lib.sh"
chmod 755 "$TMP" # the sandbox's user reaches the runs below it

if python3 "$HZ_SOURCE_DIR/tests/cli/hostile.py" "$HORIZON" "$TMP/cases" "$HZ_SOURCE_DIR" "${HZ_HOSTILE_CASES:-*}"; then
	ok "hostile inputs handled"
else
	bad "hostile inputs handled"
fi
[ "${HZ_HOSTILE_LLM:-1}" = 1 ] || { finish; exit; }

source "$(dirname "$0")/llm_lib.sh"
expect_ok "LLM replies with nonsense usage: the runs complete" "$HORIZON" run --tasks-dir "$TASKS" \
	--tasks fixture/fix-add --out "$D" --quiet \
	--agent "openai:usage-nonsense#oa,$OA,alias=oa,price_in=1,price_out=1,stream=0" \
	--agent "anthropic:usage-nonsense#an,$AN,alias=an,price_in=1,price_out=1,stream=0" \
	--agent "openai:usage-nonsense#oas,$OA,alias=oa-stream,price_in=1,price_out=1"
checks <<'EOF2'
openai: the run succeeds | oa | r["status"] == "success"
openai: only the sane reply's tokens are counted | oa | (r["input_tokens"], r["output_tokens"]) == (100, 20)
openai: the cost is that of the sane reply | oa | abs(r["dollar_equivalent"] - 120 / 1e6) < 1e-12
openai: the transcript notes the nonsense | oa | t.count("usage block made no sense") == 2
anthropic: the run succeeds | an | r["status"] == "success"
anthropic: only the sane reply's tokens are counted | an | (r["input_tokens"], r["output_tokens"]) == (100, 20)
anthropic: the transcript notes the nonsense | an | t.count("usage block made no sense") == 2
streamed: only the sane reply's tokens are counted | oa-stream | (r["input_tokens"], r["output_tokens"]) == (100, 20)
EOF2
expect_ok "the log of those runs fits" "$HORIZON" fit --no-trend --bootstrap 0 "$D/runs.jsonl"
finish
