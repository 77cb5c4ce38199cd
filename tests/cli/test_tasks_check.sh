# horizon tasks check: the oracle and null agents through the real run engine, on the fixture
# tasks of tests/data/tasks and on tests/data/tasks-check (one sound task, one whose oracle
# fails, one whose null agent passes).
. "$(dirname "$0")/lib.sh"

FIX=$HZ_SOURCE_DIR/tests/data/tasks
BAD=$HZ_SOURCE_DIR/tests/data/tasks-check
json_get() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$@"; }

expect_ok "check the fixture tasks" "$HORIZON" tasks check --catalog "$FIX" --jobs 2 'fixture/echo-answer,fixture/fix-add'
expect_grep "echo-answer ok" "^ok +fixture/echo-answer +oracle answer_match .*null no_answer" "$TMP/out"
expect_grep "fix-add ok" "^ok +fixture/fix-add +oracle scorer_pass .*null scorer_fail" "$TMP/out"
expect_grep "summary" "^checked 2 tasks in [0-9.]+ s: 2 ok, 0 failed \(0 oracle failures, 0 null passes, 0 errors\)$" "$TMP/out"

expect_fail "a bad oracle and a passing null fail the check" 1 "$HORIZON" tasks check --catalog "$BAD"
expect_grep "the sound task is ok" "^ok +check/good " "$TMP/out"
expect_grep "oracle failure named" "^FAIL +check/oracle-fails +the oracle fails \(scorer_fail\)" "$TMP/out"
expect_grep "null pass named" "^FAIL +check/null-passes +the null agent passes \(scorer_pass\): the scorer accepts the starting files" "$TMP/out"
expect_grep "failure summary" "^checked 3 tasks in [0-9.]+ s: 1 ok, 2 failed \(1 oracle failure, 1 null pass, 0 errors\)$" "$TMP/out"

expect_fail "--quiet prints only problems" 1 "$HORIZON" tasks check --catalog "$BAD" --quiet
if grep -q "^ok " "$TMP/out"; then bad "--quiet hides ok lines"; else ok "--quiet hides ok lines"; fi
expect_grep "--quiet keeps failures" "^FAIL +check/oracle-fails" "$TMP/out"

expect_fail "check --json" 1 "$HORIZON" tasks check --catalog "$BAD" --json
[ "$(json_get "$TMP/out" checked)" = 3 ] && [ "$(json_get "$TMP/out" oracle_failures)" = 1 ] &&
	[ "$(json_get "$TMP/out" null_passes)" = 1 ] && ok "--json counts" || bad "--json counts"
[ "$(json_get "$TMP/out" tasks 1 id)" = check/null-passes ] && [ "$(json_get "$TMP/out" tasks 1 null status)" = success ] &&
	ok "--json per-task null record" || bad "--json per-task null record"
[ "$(json_get "$TMP/out" tasks 2 oracle verdict)" = scorer_fail ] && ok "--json per-task oracle verdict" || bad "--json per-task oracle verdict"

expect_ok "terms are alternatives; --out keeps the runs" "$HORIZON" tasks check --catalog "$BAD" --tag no-such-tag \
	--max-minutes 2 --out "$TMP/runs" check/good
expect_grep "one task checked" "^checked 1 task in" "$TMP/out"
[ "$(wc -l < "$TMP/runs/runs.jsonl")" = 2 ] && ok "--out holds the two runs" || bad "--out holds the two runs"
expect_grep "--out is reported" "^runs: $TMP/runs/runs.jsonl$" "$TMP/out"
expect_ok "checking again resumes from the log" "$HORIZON" tasks check --catalog "$BAD" --out "$TMP/runs" check/good
[ "$(wc -l < "$TMP/runs/runs.jsonl")" = 2 ] && ok "resume adds no run" || bad "resume adds no run"
expect_grep "resumed task still ok" "^ok +check/good " "$TMP/out"

expect_ok "--sandbox none" "$HORIZON" tasks check --catalog "$BAD" --sandbox none check/good
expect_fail "bad --sandbox" 2 "$HORIZON" tasks check --catalog "$BAD" --sandbox chroot
expect_fail "bad --jobs" 2 "$HORIZON" tasks check --catalog "$BAD" --jobs 0
expect_fail "nothing selected" 1 "$HORIZON" tasks check --catalog "$BAD" nope/nope
expect_grep "nothing selected named" "matches the selection: nothing to check" "$TMP/err"
before=$(ls /tmp | grep -c '^horizon-check-' || true)
expect_ok "temporary run directory" "$HORIZON" tasks check --catalog "$BAD" check/good
after=$(ls /tmp | grep -c '^horizon-check-' || true)
[ "$before" = "$after" ] && ok "the temporary run directory is removed" || bad "the temporary run directory is removed"
finish
