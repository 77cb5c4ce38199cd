#!/usr/bin/env bash
# horizon export --format metr: horizon's own logs (error records, retries,
# shard logs plus a merged log) become a file METR's pipeline loads: a small
# Python reader applies the checks METR's code makes (compute_task_weights.py,
# wrangle/logistic.py, wrangle/bootstrap.py) and recomputes the weights the way
# compute_task_weights.py does; the release dates load with yaml.safe_load as
# METR loads them; fitting the export gives the same horizons as the logs.
. "$(dirname "$0")/lib.sh"

# rec ID AGENT TASK FAMILY MINUTES SCORE STATUS DATE
rec() {
	printf '{"run_id":"%s","alias":"%s","task_id":"%s","task_family":"%s","human_minutes":%s,"score_binarized":%s,"score_cont":%s,"status":"%s","release_date":"%s","total_tokens":1200,"dollar_equivalent":0.25,"isolation":{"level":"bwrap"}}\n' \
		"$1" "$2" "$3" "$4" "$5" "$6" "$6" "$7" "$8"
}
mkdir -p "$TMP/sweep/shard-0" "$TMP/sweep/shard-1" "$TMP/out-dir"
{
	for a in small:2024-01-01 big:2024-07-01; do
		agent=${a%%:*} date=${a#*:}
		for t in 1 2 3 4 5 6 7 8; do
			m=$((t * t * 4)) lim=30
			[ "$agent" = big ] && lim=200
			s=0; [ "$m" -lt "$lim" ] && s=1
			[ "$t" = 2 ] && s=0
			[ "$t" = 7 ] && s=1
			reps=2; [ "$t" = 5 ] && reps=3   # unequal runs per task: the weights differ from 1/N
			for r in $(seq 1 $reps); do rec "$agent-t$t-r$r" "$agent" "fam$((t % 3))/t$t" "fam$((t % 3))" "$m" "$s" success "$date"; done
		done
	done
} >"$TMP/all.jsonl"
head -16 "$TMP/all.jsonl" >"$TMP/sweep/shard-0/runs.jsonl"
tail -n +17 "$TMP/all.jsonl" >"$TMP/sweep/shard-1/runs.jsonl"
rec lost-1 small fam9/t99 fam9 10 0 error 2024-01-01 >>"$TMP/sweep/shard-1/runs.jsonl"
rec big-t1-r1 big fam1/t1 fam1 4 0 error 2024-07-01 >>"$TMP/sweep/shard-1/runs.jsonl"
cat "$TMP/sweep/shard-0/runs.jsonl" "$TMP/sweep/shard-1/runs.jsonl" >"$TMP/sweep/runs.jsonl"

expect_fail "format required" 2 "$HORIZON" export -o "$TMP/x.jsonl" "$TMP/sweep"
expect_fail "unknown format" 2 "$HORIZON" export --format csv -o "$TMP/x.jsonl" "$TMP/sweep"
expect_fail "no stdin" 2 "$HORIZON" export --format metr -o "$TMP/x.jsonl" -
expect_ok "export" "$HORIZON" export --format metr -o "$TMP/out-dir/all_runs.jsonl" "$TMP/sweep"
n=$(wc -l <"$TMP/all.jsonl")
expect_grep "summary" "^$n runs of 2 agents written to .*; release dates of 2 agents to .*release_dates.yaml" "$TMP/out"
expect_grep "drops counted" '^dropped: 1 run with only error records, [0-9]+ superseded records' "$TMP/out"

if python3 - "$TMP/out-dir/all_runs.jsonl" "$TMP/out-dir/release_dates.yaml" "$n" <<'PY'
import json, math, sys, collections
import yaml
rows = [json.loads(l) for l in open(sys.argv[1])]
dates = yaml.safe_load(open(sys.argv[2]))["date"]
need = ["run_id", "alias", "task_id", "task_family", "human_minutes", "score_binarized",
        "equal_task_weight", "invsqrt_task_weight"]
assert len(rows) == int(sys.argv[3]), len(rows)
for r in rows:
    for c in need:
        assert c in r and r[c] is not None, (c, r)
    assert r.get("status") != "error", r
    assert r["human_minutes"] > 0
    assert r["score_binarized"] in (0, 1)
assert len({r["run_id"] for r in rows}) == len(rows), "duplicate run_id"
fam = {}
for r in rows:
    assert fam.setdefault(r["task_id"], r["task_family"]) == r["task_family"], "task in two families"
by = collections.defaultdict(list)
for r in rows:
    by[r["alias"]].append(r)
for a, rs in by.items():
    # wrangle/logistic.py: ensure_weights_sum_to_1 (np.allclose)
    for c in ("equal_task_weight", "invsqrt_task_weight"):
        assert abs(sum(r[c] for r in rs) - 1) < 1e-8, (a, c)
    # compute_task_weights.py, recomputed: 1/n(A,t), and 1/(n(A,t) sqrt(F(A,f))), normalised
    n = collections.Counter(r["task_id"] for r in rs)
    F = collections.Counter(fam[t] for t in n)
    eq = [1 / n[r["task_id"]] for r in rs]
    inv = [1 / n[r["task_id"]] / math.sqrt(F[r["task_family"]]) for r in rs]
    for r, e, i in zip(rs, eq, inv):
        assert abs(r["equal_task_weight"] - e / sum(eq)) < 1e-15, (a, r["run_id"])
        assert abs(r["invsqrt_task_weight"] - i / sum(inv)) < 1e-15, (a, r["run_id"])
    assert str(dates[a]) in ("2024-01-01", "2024-07-01")
# the retried run: its success record stands, not the error
big = [r for r in rows if r["run_id"] == "big-t1-r1"]
assert len(big) == 1 and big[0]["status"] == "success"
assert big[0]["isolation"] == {"level": "bwrap"}, "fields kept"
PY
then ok "METR's column checks and weights"; else bad "METR's column checks and weights"; fi

expect_ok "fit the logs" "$HORIZON" fit --bootstrap 50 --json "$TMP/sweep"
cp "$TMP/out" "$TMP/fit-logs.json"
expect_ok "fit the export" "$HORIZON" fit --bootstrap 50 --json "$TMP/out-dir"
cp "$TMP/out" "$TMP/fit-export.json"
if python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert b["params"]["weights_from_file"], "the export weights are used as they are"
for x, y in zip(a["agents"], b["agents"]):
    assert x["alias"] == y["alias"]
    for k in ("50", "80"):
        for f in ("estimate", "ci_low", "ci_high"):
            assert abs(x["horizons"][k][f] / y["horizons"][k][f] - 1) < 1e-9, (x["alias"], k, f)
assert abs(a["trend"]["50"]["doubling_days"] / b["trend"]["50"]["doubling_days"] - 1) < 1e-9
' "$TMP/fit-logs.json" "$TMP/fit-export.json"; then ok "same fit from the export"; else bad "same fit from the export"; fi

# METR's own file goes through unchanged but for the recomputed weights (rounded to 1e-10 there)
expect_ok "export METR's file" "$HORIZON" export --format metr --release-dates-out none -q -o "$TMP/metr.jsonl" \
	"$HZ_METR_DATA/metr-2025-01/all_runs.jsonl"
if python3 -c '
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b) == 7063
for x, y in zip(a, b):
    for k in x:
        if k.endswith("_task_weight"):
            assert abs(x[k] - y[k]) < 5e-10, (k, x[k], y[k])
        else:
            assert x[k] == y[k], k
' "$HZ_METR_DATA/metr-2025-01/all_runs.jsonl" "$TMP/metr.jsonl"; then ok "METR's file round trip"; else bad "METR's file round trip"; fi
[ ! -e "$(dirname "$TMP/metr.jsonl")/release_dates.yaml" ] && ok "--release-dates-out none" || bad "--release-dates-out none"
finish
