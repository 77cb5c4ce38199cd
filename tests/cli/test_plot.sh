# horizon plot: every chart from the fit-file fixture and from METR's runs, valid PNG and SVG,
# self-contained re-runnable .gp scripts, and the errors.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
FIX=$HZ_SOURCE_DIR/tests/data/fit/format-fixture.json
METR=$HZ_METR_DATA/metr-2025-01

valid_png() { if $CHECK png "$@" >"$TMP/chk" 2>&1; then ok "$1 is a PNG ${2:-}"; else bad "$1: $(cat "$TMP/chk")"; fi; }
valid_svg() { if xmllint --noout "$1" 2>"$TMP/chk"; then ok "$1 is well-formed SVG"; else bad "$1: $(head -3 "$TMP/chk")"; fi; }

out=$TMP/plots
expect_ok "plot every chart from the fixture" "$HORIZON" plot -o "$out" --charts all --tasks "$HZ_SOURCE_DIR/tests/data/tasks" "$FIX"
for name in doubling-50 doubling-80 buckets tasks-hist success-sim-2023 success-sim-2024-quoted-tag success-sim-none; do
	for ext in gp png svg; do
		[ -s "$out/$name.$ext" ] && ok "$name.$ext written" || bad "$name.$ext missing"
	done
	expect_grep "plot lists $name.png" "$name.png" "$TMP/out"
done
valid_png "$out/doubling-50.png" 1200 760
valid_png "$out/doubling-80.png" 1200 760
valid_png "$out/success-sim-2023.png" 960 600
valid_png "$out/tasks-hist.png" 960 560
valid_png "$out/buckets.png" 1100 620
for f in "$out"/*.svg; do valid_svg "$f"; done
n=$(ls "$out"/success-*.png | wc -l)
[ "$n" = 9 ] && ok "one success curve per agent (9)" || bad "success curves: $n, want 9"

# The scripts hold their data inline and redraw the same charts on their own.
expect_grep "data inline in the .gp" '^\$intrend << EOD' "$out/doubling-50.gp"
expect_grep "doubling time written on the chart" 'doubling time 220 days \(95% CI 180–266\)' "$out/doubling-50.gp"
expect_grep "human ticks on the y axis" '"1 min" 1, "4 min" 4, "15 min" 15, "1 h" 60' "$out/doubling-50.gp"
expect_grep "bootstrap band drawn" '^plot \$band using 1:2:3 with filledcurves' "$out/doubling-50.gp"
expect_grep "every agent labelled" '"sim-2024 \| \\"quoted\\" & <tag>"' "$out/doubling-50.gp"
if grep -q 'sim-none' "$out/doubling-50.gp"; then bad "an agent with p50 = 0 is not drawn on a log axis"; else ok "p50 = 0 left off the log axis"; fi
mkdir -p "$TMP/rerun" && cp "$out/doubling-50.gp" "$TMP/rerun/"
if (cd "$TMP/rerun" && gnuplot doubling-50.gp) 2>"$TMP/err"; then ok "the .gp re-runs on its own"; else bad "re-running the .gp failed: $(head -3 "$TMP/err")"; fi
valid_png "$TMP/rerun/doubling-50.png" 1200 760
valid_svg "$TMP/rerun/doubling-50.svg"

# One format only; titles.
expect_ok "png only" "$HORIZON" plot -o "$TMP/pngonly" --charts doubling50 --format png --title "My agents" "$FIX"
[ -s "$TMP/pngonly/doubling-50.png" ] && [ ! -e "$TMP/pngonly/doubling-50.svg" ] && ok "--format png writes no svg" || bad "--format png"
expect_grep "--title used, with the success rate" '"My agents \(50% success\)"' "$TMP/pngonly/doubling-50.gp"

# METR's published frontier beside the user's agents.
expect_ok "plot with --published" "$HORIZON" plot -o "$TMP/pub" --charts doubling50 \
	--published "$HZ_METR_DATA/metr-published/benchmark_results_1_0.yaml" "$FIX"
expect_grep "METR points drawn" '^\$metr << EOD' "$TMP/pub/doubling-50.gp"
expect_grep "METR trend drawn" 'METR published trend' "$TMP/pub/doubling-50.gp"
rows=$(sed -n '/^\$metr << EOD/,/^EOD/p' "$TMP/pub/doubling-50.gp" | grep -c '^20')
[ "$rows" = 33 ] && ok "all 33 published models drawn" || bad "published models drawn: $rows, want 33"
valid_png "$TMP/pub/doubling-50.png" 1200 760

# Straight from run logs: fitted in-process first (METR's Jan 2025 runs).
expect_ok "plot from runs + release dates" "$HORIZON" plot -o "$TMP/runs" --charts doubling,curves \
	--release-dates "$METR/release_dates.yaml" "$METR/all_runs.jsonl"
expect_grep "agents of the runs in the chart" 'Claude 3.5 Sonnet \(New\)' "$TMP/runs/doubling-50.gp"
valid_png "$TMP/runs/doubling-50.png" 1200 760
valid_png "$TMP/runs/success-o1-preview.png" 960 600
# Names at the points, placed clear of each other (leader lines where needed), no key table.
expect_grep "names at the points" '^set label [0-9]+ "gpt-3.5-turbo-instruct \(p50 0.00011 s\)" at screen' "$TMP/runs/doubling-50.gp"
expect_grep "a name moved off its point has a leader line" '^set arrow from screen .* nohead lc rgb "#999999"' "$TMP/runs/doubling-50.gp"
if grep -q '^set label 20[0-9][0-9] ' "$TMP/runs/doubling-50.gp"; then bad "a key table beside a chart whose names fit"; else ok "no key table when the names fit"; fi

# Horizons beyond the longest task of the sweep are extrapolations: marked when a point or a CI
# bound lies above it (sim-2025, p50 61 min, over 30-minute tasks), not when none does (960 min).
python3 - "$FIX" "$TMP" <<'PY'
import json, sys
for longest in (30, 960):
    d = json.load(open(sys.argv[1]))
    for a in d["agents"]:
        a["longest_task_minutes"] = longest
    json.dump(d, open("%s/longest-%d.json" % (sys.argv[2], longest), "w"))
PY
expect_ok "plot a sweep with points beyond its longest task" "$HORIZON" plot -o "$TMP/beyond" --charts doubling "$TMP/longest-30.json"
gp=$TMP/beyond/doubling-50.gp
rows=$(sed -n '/^\$beyond << EOD/,/^EOD/p' "$gp" | grep -c '^20')
[ "$rows" = 1 ] && ok "one point drawn as extrapolated (sim-2025)" || bad "extrapolated points: $rows, want 1"
expect_grep "hollow diamond for it in the key" '\$beyond using 1:2:3:4 with yerrorbars pt 12 .* title "beyond the longest task \(extrapolated\)"' "$gp"
expect_grep "its label says extrapolated" '^set label [0-9]+ "sim-2025 \(extrapolated\)"' "$gp"
expect_grep "dashed line at the longest task" '^set arrow 51 from graph 0, first 30 to graph 1, first 30 nohead dt 2' "$gp"
expect_grep "region above it shaded" '^set object 50 rectangle from graph 0, first 30 to graph 1, graph 1 behind' "$gp"
expect_grep "the line labelled" '^set label 52 "longest task in the sweep: 30 min' "$gp"
expect_grep "the region labelled" '^set label 53 "extrapolation"' "$gp"
expect_grep "the SVG shows the line's label" 'longest task in the sweep: 30 min' "$TMP/beyond/doubling-50.svg"
expect_grep "the SVG shows the extrapolated point's label" 'sim-2025 \(extrapolated\)' "$TMP/beyond/doubling-50.svg"
# The 80% chart: sim-2025's p80 (15 min) lies within the tasks, only its CI (to 40 min) beyond.
expect_grep "80%: region drawn for a CI bound beyond" '^set object 50 rectangle from graph 0, first 30' "$TMP/beyond/doubling-80.gp"
if grep -qE '^\$beyond using|extrapolated\)"' "$TMP/beyond/doubling-80.gp"; then bad "80%: a point within the tasks drawn as extrapolated"
else ok "80%: no point marked extrapolated"; fi
expect_ok "plot a sweep whose points all lie within its tasks" "$HORIZON" plot -o "$TMP/within" --charts doubling "$TMP/longest-960.json"
for p in 50 80; do
	if grep -qE 'extrapolat|longest task|^set object 50|^set arrow 51' "$TMP/within/doubling-$p.gp" "$TMP/within/doubling-$p.svg"; then
		bad "$p%: extrapolation marked though nothing lies beyond the longest task"; else ok "$p%: no extrapolation marks when none lies beyond"; fi
done
expect_grep "METR's runs (tasks to 23 h): no mark" '^\$intrend << EOD' "$TMP/runs/doubling-50.gp"
if grep -qE 'extrapolat|^set object 50' "$TMP/runs/doubling-50.gp"; then bad "METR's runs: extrapolation marked"; else ok "METR's runs: nothing beyond their 23 h task"; fi

# Degenerate fits: no trend, an agent with neither a fit nor bins, an empty-rate bin.
python3 - "$FIX" "$TMP/notrend.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["trend"] = {}
d["agents"][0]["bins"] = []
d["agents"][0]["slope"] = d["agents"][0]["intercept"] = None
d["agents"][1]["bins"] = [{"lo_minutes": 1, "hi_minutes": 4, "runs": 0, "successes": 0, "weighted_rate": None}]
d["agents"][1]["slope"] = d["agents"][1]["intercept"] = None
json.dump(d, open(sys.argv[2], "w"))
PY
expect_ok "plot a fit without a trend" "$HORIZON" plot -o "$TMP/notrend" --charts doubling50,curves,buckets "$TMP/notrend.json"
expect_grep "no trend said on the chart" 'no trend in this fit' "$TMP/notrend/doubling-50.gp"
if grep -q '^\$trend << EOD' "$TMP/notrend/doubling-50.gp"; then bad "a trend drawn without one"; else ok "no trend line drawn"; fi
[ ! -e "$TMP/notrend/success-sim-2019.gp" ] && ok "agent with nothing to draw skipped" || bad "empty success chart drawn"
[ ! -e "$TMP/notrend/success-sim-2020.gp" ] && ok "agent with only empty bins skipped" || bad "empty-bin success chart drawn"
expect_fail "a chart asked for alone with nothing to draw" 1 "$HORIZON" plot -o "$TMP/x" --charts hist "$TMP/notrend.json" --tasks "$TMP/none"
expect_grep "says why" "no task catalogue" "$TMP/err"

# Errors.
expect_fail "no input is a usage error" 2 "$HORIZON" plot -o "$TMP/x"
expect_fail "unknown chart" 2 "$HORIZON" plot --charts pie "$FIX"
expect_grep "unknown chart named" "unknown chart 'pie'" "$TMP/err"
expect_fail "unknown format" 2 "$HORIZON" plot --format gif "$FIX"
expect_fail "missing fit file" 1 "$HORIZON" plot -o "$TMP/x" "$TMP/nope.json"
expect_grep "missing file named" "nope.json" "$TMP/err"
printf '{"agents": [{"alias": "a", "runs": "many"}]}' >"$TMP/bad.json"
expect_fail "bad fit file" 1 "$HORIZON" plot -o "$TMP/x" "$TMP/bad.json"
expect_grep "bad field named with file and agent" "bad.json: agents\[0\] 'a': 'runs' must be" "$TMP/err"
printf '{"agents": [ {"alias": ' >"$TMP/trunc.json"
expect_fail "truncated JSON" 1 "$HORIZON" plot -o "$TMP/x" "$TMP/trunc.json"
expect_grep "JSON error with file and line" "trunc.json:1:" "$TMP/err"
expect_fail "gnuplot missing" 1 env HORIZON_GNUPLOT=/nonexistent/gnuplot "$HORIZON" plot -o "$TMP/x" --charts doubling50 "$FIX"
expect_grep "gnuplot failure explained" "gnuplot" "$TMP/err"
finish
