# horizon demo --quick end to end: sweep (sandboxed sim agents), fit, report and charts, then a
# second run that resumes instead of re-running.  Uses the small fixture catalogue to stay fast.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks/fixture
out=$TMP/demo

expect_ok "demo --quick" "$HORIZON" demo --quick --tasks-dir "$TASKS" -o "$out" --jobs 2
cp "$TMP/out" "$TMP/first.out"
expect_grep "says where the chart is" "^chart:  $out/doubling-50.png" "$TMP/first.out"
expect_grep "says where the report is" "^report: $out/report.html" "$TMP/first.out"
expect_grep "prints the fitted doubling time" '^50% horizon: doubling time [0-9]+ days' "$TMP/first.out"
expect_grep "prints the latent doubling time" 'latent 50% horizons double every 213 days' "$TMP/first.out"
for f in runs.jsonl fit.json report.md report.html doubling-50.gp doubling-50.png doubling-50.svg doubling-80.png; do
	[ -s "$out/$f" ] && ok "$f written" || bad "$f missing"
done
n=$(wc -l <"$out/runs.jsonl")
[ "$n" = 15 ] && ok "5 agents x 3 tasks x 1 repeat = 15 runs" || bad "runs: $n, want 15"
python3 - "$out/runs.jsonl" <<'PY' >"$TMP/chk" 2>&1 && ok "runs are sandboxed sim runs with release dates" || { bad "run records"; cat "$TMP/chk"; }
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert all(r["backend"] == "sim" and r["release_date"] and r["status"] in ("success", "failure") for r in rs), rs[0]
assert len({r["alias"] for r in rs}) == 5
PY
if $CHECK png "$out/doubling-50.png" 1200 760 >"$TMP/chk" 2>&1; then ok "chart is a PNG"; else bad "$(cat "$TMP/chk")"; fi
xmllint --html --noout "$out/report.html" 2>"$TMP/chk" && [ ! -s "$TMP/chk" ] && ok "report.html parses" || bad "report.html: $(head -2 "$TMP/chk")"
numbers() { if $CHECK "$1" "$out/fit.json" "$2" >"$TMP/chk" 2>&1; then ok "$1 report matches fit.json"; else bad "$1 report"; head "$TMP/chk"; fi; }
numbers md "$out/report.md"
numbers html "$out/report.html"
# The doubling time printed is the one in fit.json.
days=$(python3 -c "import json,sys; print('%.0f' % json.load(open(sys.argv[1]))['trend']['50']['doubling_days'])" "$out/fit.json")
expect_grep "printed doubling time is fit.json's ($days days)" "^50% horizon: doubling time $days days" "$TMP/first.out"

# The run directory itself is an input of report (fitted in-process): the same point estimates.
expect_ok "report from the run directory" "$HORIZON" report -f csv -o "$TMP/dir.csv" "$out"
python3 - "$out/fit.json" "$TMP/dir.csv" <<'PY' >"$TMP/chk" 2>&1 && ok "directory input gives fit.json's horizons" || { bad "directory input"; cat "$TMP/chk"; }
import csv, json, sys
fit = {a["alias"]: a for a in json.load(open(sys.argv[1]))["agents"]}
rows = list(csv.DictReader(open(sys.argv[2])))
assert sorted(r["alias"] for r in rows) == sorted(fit)
for r in rows:
    want = fit[r["alias"]]["horizons"]["50"]["estimate"]
    assert (r["p50_minutes"] == "" and want is None) or float(r["p50_minutes"]) == want, (r["alias"], r["p50_minutes"], want)
PY

# Resumable: the second run reuses every run.
expect_ok "demo --quick again" "$HORIZON" demo --quick --tasks-dir "$TASKS" -o "$out"
expect_grep "second run reuses the runs" '15 runs planned, 15 already recorded, 0 run now' "$TMP/out"
n=$(wc -l <"$out/runs.jsonl")
[ "$n" = 15 ] && ok "no run duplicated" || bad "runs after resume: $n"

expect_fail "bad --repeats" 2 "$HORIZON" demo --repeats 0
expect_fail "stray argument" 2 "$HORIZON" demo extra
expect_fail "empty catalogue" 1 "$HORIZON" demo --tasks-dir "$TMP/none" -o "$TMP/x"
finish
