# horizon adaptive-sim: replays METR's public runs and simulates sim agents; the table and
# --json agree, figures are within their ranges, the same seed gives the same figures, and
# bad options are refused.
. "$(dirname "$0")/lib.sh"
RUNS=$HZ_METR_DATA/metr-2025-01/all_runs.jsonl
expect_ok "replay one METR agent" "$HORIZON" adaptive-sim -q --sweeps 4 --calibrate 0 --target-ci 3 --only o1 --json "$RUNS"
cp "$TMP/out" "$TMP/replay.json"
python3 - "$TMP/replay.json" <<'PY' >"$TMP/chk" 2>&1 && ok "replay figures ($(cat "$TMP/chk"))" || { bad "replay figures"; sed 's/^/  | /' "$TMP/chk"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["interval"] == "profile-likelihood" and d["sweeps"] == 4, d
(a,) = d["agents"]
assert a["agent"] == "o1" and a["kind"] == "replay" and a["truth_h50"] is None, a
assert a["adaptive_runs"] < a["full_runs"] and 0 < a["saved"] < 1, a
assert 0 <= a["covers_full"] <= 1 and a["covers_truth"] is None
assert a["adaptive_ratio"] <= 3 or a["reached_target"] < 1, a
print("%.0f of %.0f runs" % (a["adaptive_runs"], a["full_runs"]))
PY
expect_ok "the same seed again" "$HORIZON" adaptive-sim -q --sweeps 4 --calibrate 0 --target-ci 3 --only o1 --json "$RUNS"
cmp -s "$TMP/out" "$TMP/replay.json" && ok "... gives the same figures" || bad "the same seed gave other figures"

expect_ok "a sim agent over METR's task lengths" "$HORIZON" adaptive-sim -q --sweeps 6 --calibrate 20 --no-replay \
	--sim sim,h50=30,slope=0.8,alias=s --json "$RUNS"
python3 - "$TMP/out" <<'PY' >"$TMP/chk" 2>&1 && ok "sim figures ($(cat "$TMP/chk"))" || { bad "sim figures"; sed 's/^/  | /' "$TMP/chk"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["interval"] == "replay-calibrated-profile-likelihood", d
(a,) = d["agents"]
assert a["agent"] == "s" and a["kind"] == "sim" and a["truth_h50"] == 30 and a["sweeps"] == 6, a
assert a["full_runs"] == 5 * a["tasks"] and a["adaptive_runs"] < a["full_runs"], a
for k in ("covers_truth", "plain_covers_truth", "full_covers_truth", "reached_target"):
    assert 0 <= a[k] <= 1, k
assert a["covers_truth"] >= a["plain_covers_truth"]  # the calibrated interval holds the plain one
print("%.0f of %.0f runs, %d tasks" % (a["adaptive_runs"], a["full_runs"], a["tasks"]))
PY
expect_ok "the table" "$HORIZON" adaptive-sim -q --sweeps 3 --calibrate 0 --match-full --only GPT-4o "$RUNS"
expect_grep "... has a row for the agent" "^GPT-4o +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9]+%" "$TMP/out"
expect_grep "... says what the target was" "target each full sweep's ratio" "$TMP/out"

expect_fail "no input" 2 "$HORIZON" adaptive-sim
expect_fail "--target-ci 1" 2 "$HORIZON" adaptive-sim --target-ci 1 "$RUNS"
expect_fail "--calibrate 5" 2 "$HORIZON" adaptive-sim --calibrate 5 "$RUNS"
expect_fail "--no-replay without --sim" 2 "$HORIZON" adaptive-sim --no-replay "$RUNS"
expect_fail "--sim of another backend" 2 "$HORIZON" adaptive-sim --sim oracle "$RUNS"
expect_fail "a missing log" 1 "$HORIZON" adaptive-sim "$TMP/nothing.jsonl"
expect_grep "... names it" "nothing.jsonl" "$TMP/err"
expect_fail "--only an agent the logs do not have" 1 "$HORIZON" adaptive-sim --only nobody "$RUNS"
expect_ok "--help" "$HORIZON" adaptive-sim --help
expect_grep "--help has examples" "Examples:" "$TMP/out"
expect_grep "horizon help lists it" "adaptive-sim" <("$HORIZON" help)
finish
