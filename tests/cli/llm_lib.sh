# Shared by the LLM CLI tests (sourced after lib.sh): start the scripted mock, and check
# run records and transcripts.
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

