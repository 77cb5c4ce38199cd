# Every chart rendered, then each SVG laid out by headless Chromium (view_cdp.py): no two text
# boxes overlap (tick labels, axis titles, point labels, titles, the legend); a CI of millions of
# minutes does not stretch the axis, its bar is cut with an arrow; durations are in s, min and h.
. "$(dirname "$0")/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] && ok "chromium installed ($browser)" || { bad "chromium is not installed (scripts/setup.sh installs it)"; finish; exit; }
FIX=$HZ_SOURCE_DIR/tests/data/fit/format-fixture.json
CDP="python3 $(dirname "$0")/view_cdp.py"

# One agent with METR's worst case: an upper bound of 7.6 million minutes, beyond the sweep's
# 16-hour longest task (an extrapolation: the line, the shaded region and their labels).
python3 - "$FIX" "$TMP/huge.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for a in d["agents"]:
    a["longest_task_minutes"] = 960
    if a["alias"] == "sim-2025":
        a["horizons"]["50"].update(estimate=3000, ci_low=400, ci_high=7649838)
json.dump(d, open(sys.argv[2], "w"))
PY
expect_ok "every chart of the fixture" "$HORIZON" plot -o "$TMP/all" --charts all --format svg --tasks "$HZ_SOURCE_DIR/tests/data/tasks" "$FIX"
expect_ok "the doubling charts with a huge CI" "$HORIZON" plot -o "$TMP/huge" --charts doubling --format svg "$TMP/huge.json"
expect_ok "METR's published trend" "$HORIZON" reproduce "$HZ_METR_DATA/metr-published/benchmark_results_1_1.yaml" --out "$TMP/rep" --format svg
expect_ok "a report's charts" "$HORIZON" report -f html --out "$TMP/rep-html" "$FIX"

# The axis: clipped near the data, the cut bar marked, hours not days.
top=$(sed -n 's/^set yrange \[[^:]*:\([^]]*\)\]/\1/p' "$TMP/huge/doubling-50.gp")
python3 -c 'import sys; t=float(sys.argv[1]); sys.exit(0 if 3000 < t <= 3000*8*6 else 1)' "$top" && ok "the y axis ends near the data ($top min), not at 7.6 million" || bad "y axis top $top"
expect_grep "the cut CI bar ends in an arrow" '^set arrow from [0-9]+,[0-9.e+]+ to [0-9]+,[0-9.e+]+ head filled' "$TMP/huge/doubling-50.gp"
expect_grep "the longest task marked" '^set label 52 "longest task in the sweep: 16 h' "$TMP/huge/doubling-50.gp"
expect_grep "long ticks in hours" '"8 h" 480, "40 h" 2400, "167 h" 10020' "$TMP/huge/doubling-50.gp"
if grep -hE '^set (y|x)tics' "$TMP"/all/*.gp "$TMP"/huge/*.gp "$TMP"/rep/*.gp | grep -qiE 'day|week|month'; then bad "no tick says day, week or month"
else ok "no tick says day, week or month"; fi

OVL='(() => { const r = [...document.querySelectorAll("text")].filter(t => t.textContent.trim()).map(t => { const b = t.getBoundingClientRect(); return { s: t.textContent.trim(), x0: b.left, y0: b.top, x1: b.right, y1: b.bottom }; }); const out = []; for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) { const a = r[i], b = r[j]; if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) out.push(a.s + " / " + b.s); } return [r.length, out]; })()'
python3 - "$OVL" "$TMP/steps.json" "$TMP"/all/*.svg "$TMP"/huge/*.svg "$TMP"/rep/*.svg "$TMP"/rep-html/*.svg <<'PY'
import json, sys
steps = []
for f in sys.argv[3:]:
    steps += [{"go": "file://" + f}, {"wait": "document.querySelector('text')"}, {"eval": sys.argv[1], "name": f}]
json.dump(steps, open(sys.argv[2], "w"))
PY
if timeout 300 $CDP "$browser" "$TMP/profile" "$TMP" "$TMP/steps.json" >"$TMP/cdp.json" 2>"$TMP/cdp.err"; then ok "chromium laid out the charts"
else bad "chromium driver failed"; tail -5 "$TMP/cdp.err"; fi
python3 - "$TMP/cdp.json" "$TMP/" >"$TMP/ovl" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for e in d["errors"]:
    print("FAIL", "driver: " + e)
for path, (n, bad) in d["values"].items():
    name = path.replace(sys.argv[2], "")
    if n < 5:
        print("FAIL", "%s: only %d text elements" % (name, n))
    elif bad:
        print("FAIL", "%s: overlapping text: %s" % (name, "; ".join(bad[:4])))
    else:
        print("ok", "%s: %d text boxes, none overlap" % (name, n))
PY
n=0
while read -r st msg; do n=$((n + 1)); [ "$st" = ok ] && ok "$msg" || bad "$msg"; done <"$TMP/ovl"
[ "$n" -ge 20 ] && ok "$n charts checked" || bad "only $n charts checked"
finish
