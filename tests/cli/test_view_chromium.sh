# horizon view in headless Chromium (Debian's chromium, driven through the DevTools protocol by
# view_cdp.py): open the sweep, an agent, apply a filter, open a failed run's transcript and
# patch; the same from the static export over file://.  A transcript, tool output, answer and
# patch full of HTML and script tags are shown as text and run nothing.  Screenshots are kept
# in $HZ_SCREENSHOT_DIR when set (look at them).
. "$(dirname "$0")/lib.sh"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] && ok "chromium installed ($browser)" || { bad "chromium is not installed (scripts/setup.sh installs it)"; finish; exit; }
. "$(dirname "$0")/view_lib.sh"
VIEW_PID=
trap 'kill $MOCK 2>/dev/null; [ -n "$VIEW_PID" ] && kill $VIEW_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
SHOTS=${HZ_SCREENSHOT_DIR:-$TMP/shots}
mkdir -p "$SHOTS"
CDP="python3 $(dirname "$0")/view_cdp.py"
start_view "$VIEW_SWEEP"

# pwned: nothing from the data ran; literal: the page shows the model's markup as text.
SAFE='window.HZ_PWNED === undefined && [...document.scripts].every(e => /app\\.js$|data\\/.*\\.js$/.test(e.src)) && !document.querySelector("main img, main iframe") && ![...document.querySelectorAll("b")].some(e => e.textContent === "bold")'
cat >"$TMP/steps.json" <<JSON
[
 {"go": "${URL}"}, {"wait": "document.querySelector('.card h2 a')"}, {"shot": "1-sweeps"},
 {"click": ".card h2 a"}, {"wait": "document.querySelector('svg.chart circle')"}, {"shot": "2-sweep"},
 {"eval": "document.querySelector('.headline').textContent", "name": "headline"},
 {"eval": "document.querySelectorAll('svg.chart circle.pt').length", "name": "points"},
 {"eval": "[...document.querySelectorAll('svg.chart text')].map(t => t.textContent)", "name": "chart_text"},
 {"click": "main table a[href='#/s/0/a/sim-2024']"}, {"wait": "document.querySelector('#filter-status')"}, {"shot": "3-agent"},
 {"eval": "document.querySelector('#filter-count').textContent", "name": "agent_count"},
 {"eval": "document.querySelectorAll('svg.chart circle.emp').length", "name": "buckets"},
 {"select": "#filter-status", "value": "failure"}, {"wait": "location.hash.includes('status=failure') && document.querySelector('#filter-count')"},
 {"shot": "4-filtered"},
 {"eval": "document.querySelector('#filter-count').textContent", "name": "filtered_count"},
 {"eval": "[...document.querySelectorAll('#runs-table tbody tr td:nth-child(4)')].map(td => td.textContent)", "name": "filtered_status"},
 {"go": "${URL}#/s/0/a/mock-html"}, {"wait": "document.querySelector('#runs-table a')"},
 {"click": "#runs-table a"}, {"wait": "document.querySelector('#transcript .msg.tool')"}, {"shot": "5-transcript"},
 {"eval": "${SAFE//\"/\\\"}", "name": "safe_transcript"},
 {"eval": "document.querySelector('#transcript').textContent", "name": "transcript_text"},
 {"eval": "document.querySelector('h1').textContent", "name": "run_title"},
 {"click": "#tab-patch"}, {"wait": "document.querySelector('pre.diff .add')"}, {"shot": "6-patch"},
 {"eval": "[...document.querySelectorAll('pre.diff .add')].map(e => e.textContent)", "name": "patch_added"},
 {"eval": "${SAFE//\"/\\\"}", "name": "safe_patch"},
 {"go": "file://$TMP/site/index.html#/s/0/r/$EVIL_RUN"}, {"wait": "document.querySelector('#transcript .msg.tool')"}, {"shot": "7-export-run"},
 {"eval": "${SAFE//\"/\\\"}", "name": "safe_export"},
 {"go": "file://$TMP/site/index.html#/s/0"}, {"wait": "document.querySelector('svg.chart circle')"}, {"shot": "8-export-sweep"}
]
JSON
expect_ok "--export for file://" "$HORIZON" view --export "$TMP/site" --bootstrap 50 "$VIEW_SWEEP"
if timeout 300 $CDP "$browser" "$TMP/profile" "$SHOTS" "$TMP/steps.json" >"$TMP/cdp.json" 2>"$TMP/cdp.err"; then ok "chromium drove the viewer"
else bad "chromium driver failed"; tail -5 "$TMP/cdp.err"; fi
cp "$TMP/cdp.json" "$TMP/steps.json" "$SHOTS/" 2>/dev/null
val() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d["values"]; print(eval(sys.argv[2]))' "$TMP/cdp.json" "$1" 2>/dev/null; }
check() { # DESC PYEXPR over v (values) and d (the whole answer)
	if [ "$(val "$2")" = True ]; then ok "$1"; else bad "$1: $2"; fi
}
check "no step failed, no page error, no CSP violation" 'not d["errors"] or print(d["errors"], file=sys.stderr)'
python3 -c 'import json,sys; [print("  |", e) for e in json.load(open(sys.argv[1]))["errors"]]' "$TMP/cdp.json" 2>/dev/null
check "the sweep headline shows the doubling time" '"doubling time" in v["headline"] and "days" in v["headline"]'
check "the three agents with p50 > 0 on the doubling chart (p50 = 0 is off a log axis)" 'v["points"]==3'
check "the chart's axis is labelled in human time units" 'any("human working time" in t for t in v["chart_text"]) and any(t.endswith(" min") for t in v["chart_text"])'
check "the doubling time is the chart title" 'v["chart_text"][0].startswith("Doubling time ")'
check "the agent page lists its 20 runs" 'v["agent_count"]=="20 of 20 runs"'
check "the fitted curve has its empirical buckets" 'v["buckets"]>=2'
check "the status filter keeps the failures only" 'v["filtered_status"] and set(v["filtered_status"])=={"failure"} and v["filtered_count"]==("%d of 20 runs" % len(v["filtered_status"]))'
check "the failed LLM run is shown" '"failure" in v["run_title"] and "mock-html" in v["run_title"]'
check "the transcript's script and img tags ran nothing" 'v["safe_transcript"] is True'
check "the model's markup is shown as text" '"<script>window.HZ_PWNED=1</script><img src=x onerror=" in v["transcript_text"] and "<b>bold</b>" in v["transcript_text"] and "</pre></div><script>window.HZ_PWNED=5</script>" in v["transcript_text"]'
check "the patch shows the added HTML as text" 'any("<script>window.HZ_PWNED=4</script>" in t for t in v["patch_added"])'
check "the patch page ran nothing" 'v["safe_patch"] is True'
check "the export works from file:// and runs nothing" 'v["safe_export"] is True'
for s in 1-sweeps 2-sweep 3-agent 4-filtered 5-transcript 6-patch 7-export-run 8-export-sweep; do
	f=$SHOTS/$s.png
	size=$(stat -c %s "$f" 2>/dev/null || echo 0)
	[ "$size" -gt 15000 ] && ok "screenshot $s ($size bytes)" || bad "screenshot $s: $size bytes"
done
stop_view
VIEW_PID=
finish
