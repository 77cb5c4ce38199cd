#!/usr/bin/env bash
# horizon fit on horizon's own run records (a superset of METR's): status
# "error" records excluded and counted, retries replacing errors, shard logs
# plus a merged log read together, release dates and tokens from the records,
# partial credit, the weighting options.
. "$(dirname "$0")/lib.sh"

# rec ID AGENT TASK FAMILY MINUTES SCORE STATUS DATE
rec() {
	printf '{"run_id":"%s","alias":"%s","task_id":"%s","task_family":"%s","human_minutes":%s,"score_binarized":%s,"score_cont":%s,"status":"%s","release_date":"%s","input_tokens":1000,"output_tokens":200,"total_tokens":1200,"dollar_equivalent":0.25,"repeat":0}\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$6" "$7" "$8"
}
mkdir -p "$TMP/sweep/shard-0" "$TMP/sweep/shard-1"
{
	for a in small:2024-01-01 big:2024-07-01; do
		agent=${a%%:*} date=${a#*:}
		for t in 1 2 3 4 5 6 7 8; do
			m=$((t * t * 4))
			# small succeeds below ~30 minutes, big below ~200
			lim=30; [ "$agent" = big ] && lim=200
			s=0; [ "$m" -lt "$lim" ] && s=1
			[ "$t" = 2 ] && s=0   # one surprise failure each, so both outcomes occur in every range
			[ "$t" = 7 ] && s=1
			for r in 0 1; do rec "$agent-t$t-r$r" "$agent" "fam$((t % 3))/t$t" "fam$((t % 3))" "$m" "$s" success "$date"; done
		done
	done
} >"$TMP/all.jsonl"
head -16 "$TMP/all.jsonl" >"$TMP/sweep/shard-0/runs.jsonl"
tail -n +17 "$TMP/all.jsonl" >"$TMP/sweep/shard-1/runs.jsonl"
# an infrastructure loss with no retry, and one that was retried
rec lost-1 small fam9/t99 fam9 10 0 error 2024-01-01 >>"$TMP/sweep/shard-1/runs.jsonl"
rec big-t1-r0 big fam1/t1 fam1 4 0 error 2024-07-01 >>"$TMP/sweep/shard-1/runs.jsonl"
# the merged log repeats every shard record
cat "$TMP/sweep/shard-0/runs.jsonl" "$TMP/sweep/shard-1/runs.jsonl" >"$TMP/sweep/runs.jsonl"

expect_ok "fit a sweep directory" "$HORIZON" fit --bootstrap 100 -o "$TMP/fit.json" "$TMP/sweep"
expect_grep "two agents in the table" '^\* big +2024-07-01 +16 ' "$TMP/out"
expect_grep "error record counted" 'note: 1 run with status "error" \(infrastructure losses, no retry\) excluded' "$TMP/out"
expect_grep "duplicates counted" 'note: [0-9]+ records superseded by a later record with the same run_id' "$TMP/out"
expect_grep "weights recomputed" 'note: weights recomputed: some records have no' "$TMP/out"
expect_grep "trend from record dates" '^50% horizon doubles every [0-9]+ days .*2 agents' "$TMP/out"
python3 - "$TMP/fit.json" <<'PY' && ok "JSON: runs, tokens, costs, inputs" || bad "JSON: runs, tokens, costs, inputs"
import json, sys
f = json.load(open(sys.argv[1]))
a = {x["alias"]: x for x in f["agents"]}
assert f["runs_used"] == 32 and f["error_runs_excluded"] == 1, f["runs_used"]
assert [i["path"].split("/sweep/")[1] for i in f["inputs"]] == ["runs.jsonl", "shard-0/runs.jsonl", "shard-1/runs.jsonl"]
for x in a.values():
    assert x["runs"] == 16 and x["input_tokens"] == 16000 and x["output_tokens"] == 3200, x
    assert abs(x["cost_usd"] - 4.0) < 1e-12 and x["total_tokens"] == 19200
assert a["big"]["horizons"]["50"]["estimate"] > a["small"]["horizons"]["50"]["estimate"]
assert f["params"]["weights_from_file"] is False
PY

# partial credit and the weighting options run and differ where they should
expect_ok "score_cont" "$HORIZON" fit --no-trend --bootstrap 20 --score-col score_cont --json "$TMP/all.jsonl"
expect_grep "score_cont recorded" '"score_col": "score_cont"' "$TMP/out"
for w in invsqrt equal none; do
	expect_ok "--weighting $w" "$HORIZON" fit --no-trend --bootstrap 0 --weighting $w --json "$TMP/all.jsonl"
	grep -o '"weighted_success_rate": [0-9.e-]*' "$TMP/out" | head -1 >"$TMP/rate.$w"
done
if cmp -s "$TMP/rate.invsqrt" "$TMP/rate.none"; then bad "weighting has no effect"; else ok "weighting changes the weighted rate"; fi

# a score outside [0, 1] for partial credit
printf '{"run_id":"x","alias":"A","task_id":"t","task_family":"f","human_minutes":3,"score_cont":1.5}\n' >"$TMP/cont.jsonl"
expect_fail "score_cont out of range: exit 1" 1 "$HORIZON" fit --no-trend --score-col score_cont "$TMP/cont.jsonl"
expect_grep "score_cont out of range: message" "cont\.jsonl:1: 'score_cont' must be a number between 0 and 1" "$TMP/err"
# A retried run whose verdict changed: the note says so and names the winner.
{
	cat "$TMP/all.jsonl"
	rec small-t1-r0 small fam1/t1 fam1 4 0 failure 2024-01-01   # was a success
} >"$TMP/changed.jsonl"
expect_ok "fit with a changed verdict" "$HORIZON" fit --bootstrap 0 "$TMP/changed.jsonl"
expect_grep "changed verdict named" "note: 1 of the superseded records had a different verdict: the later record won \(run small-t1-r0: success, then failure at .*changed\.jsonl:33\)" "$TMP/out"
expect_ok "fit with the same verdict twice" "$HORIZON" fit --bootstrap 0 "$TMP/sweep"
if grep -q "different verdict" "$TMP/out"; then bad "no verdict note when verdicts agree"; else ok "no verdict note when verdicts agree"; fi

# A truncated last line (a writer killed mid-line) is skipped with a note naming the file and line,
# as run and merge do; a complete last record without its newline still counts.
{ cat "$TMP/all.jsonl"; printf '{"run_id":"cut","alias":"small","task_id":"fam1/t1","tas'; } >"$TMP/cut.jsonl"
expect_ok "fit skips a truncated last line" "$HORIZON" fit --bootstrap 0 --json -o "$TMP/cut.json" "$TMP/cut.jsonl"
expect_grep "truncated line named" "cut\.jsonl:33 \([0-9]+ bytes\): partial last line skipped" "$TMP/out"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs_used"] == 32' "$TMP/cut.json" && ok "the truncated run is not counted" || bad "the truncated run is not counted"
{ cat "$TMP/all.jsonl"; rec extra small fam1/t1 fam1 4 1 success 2024-01-01 | tr -d '\n'; } >"$TMP/nonl.jsonl"
expect_ok "fit keeps a complete unterminated last record" "$HORIZON" fit --bootstrap 0 --json -o "$TMP/nonl.json" "$TMP/nonl.jsonl"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs_used"] == 33' "$TMP/nonl.json" && ok "the unterminated record counts" || bad "the unterminated record counts"
finish
