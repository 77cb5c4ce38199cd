# The html report opened in headless Chromium (Debian's chromium): it renders offline, with its
# tables and embedded charts, and a screenshot is saved.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
FIX=$HZ_SOURCE_DIR/tests/data/fit/format-fixture.json

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] && ok "chromium installed ($browser)" || { bad "chromium is not installed (scripts/setup.sh installs it)"; finish; exit; }
expect_ok "html report" "$HORIZON" report -f html --out "$TMP/r" --charts doubling,buckets "$FIX"
shot=${HZ_SCREENSHOT:-$TMP/screenshot.png}
# No network: the page must draw from the file alone.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--proxy-server=127.0.0.1:9 --user-data-dir="$TMP/profile" --screenshot="$shot" \
	--window-size=1280,2000 "file://$TMP/r/report.html" >"$TMP/chromium.log" 2>&1
[ -s "$shot" ] && ok "screenshot saved" || { bad "no screenshot"; tail -5 "$TMP/chromium.log"; }
if $CHECK png "$shot" 1280 2000 >"$TMP/chk" 2>&1; then ok "screenshot is a 1280x2000 PNG"; else bad "$(cat "$TMP/chk")"; fi
if $CHECK nontrivial "$shot" >"$TMP/chk" 2>&1; then ok "screenshot has content: $(cat "$TMP/chk")"; else bad "$(cat "$TMP/chk")"; fi
size=$(stat -c %s "$shot")
[ "$size" -gt 40000 ] && ok "screenshot is not trivial ($size bytes)" || bad "screenshot only $size bytes"
finish
