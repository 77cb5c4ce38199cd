# horizon demo --quick on the source tree's own catalogue (tasks/), the way scripts/demo.sh runs it:
# real tasks, real scorers in the sandbox, then the fit, the report and the charts.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
out=$TMP/demo

[ -d "$HZ_SOURCE_DIR/tasks" ] && ok "the catalogue is there" || { bad "no tasks/ in the source tree"; finish; exit; }
expect_ok "demo --quick on tasks/" env -u HORIZON_TASKS "$HORIZON" demo --quick -o "$out"
cp "$TMP/out" "$TMP/demo.out"
expect_grep "uses the source tree's catalogue" "^horizon demo: 8 of the [0-9]+ tasks in $HZ_SOURCE_DIR/tasks" "$TMP/demo.out"
expect_grep "sweep ran without errors" '^sweep: 40 runs planned, .* 0 error' "$TMP/demo.out"
expect_grep "a doubling time came out" '^50% horizon: doubling time [0-9]+ days' "$TMP/demo.out"
for f in runs.jsonl fit.json report.md report.html doubling-50.png doubling-50.svg doubling-80.png; do
	[ -s "$out/$f" ] && ok "$f written" || bad "$f missing"
done
if $CHECK png "$out/doubling-50.png" 1200 760 >"$TMP/chk" 2>&1; then ok "chart is a PNG"; else bad "$(cat "$TMP/chk")"; fi
if $CHECK html "$out/fit.json" "$out/report.html" >"$TMP/chk" 2>&1; then ok "html report matches fit.json"; else bad "html report"; head "$TMP/chk"; fi
finish
