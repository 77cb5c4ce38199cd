# horizon report: every format from the fit-file fixture and from the real fitter's output; every
# number in the tables equal to the fit's JSON; html that parses; latex that nests; yaml that METR's
# reader (and ours) reads back.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
FIX=$HZ_SOURCE_DIR/tests/data/fit/format-fixture.json
METR=$HZ_METR_DATA/metr-2025-01

numbers_match() { # FORMAT FIT REPORT
	if $CHECK "$1" "$2" "$3" >"$TMP/chk" 2>&1; then ok "$1 numbers equal the fit JSON ($(tail -1 "$TMP/chk" | cut -d' ' -f1) values)"
	else bad "$1 numbers differ from $2"; head -20 "$TMP/chk" | sed 's/^/  | /'; fi
}
html_valid() {
	if xmllint --html --noout "$1" 2>"$TMP/chk" && [ ! -s "$TMP/chk" ]; then ok "$1 parses (xmllint --html)"; else bad "$1: xmllint: $(head -3 "$TMP/chk")"; fi
	if $CHECK html-strict "$1" >"$TMP/chk" 2>&1; then ok "$1 has balanced tags"; else bad "$1: $(head -3 "$TMP/chk")"; fi
}

check_all() { # FIT DIR
	local fit=$1 dir=$2
	expect_ok "report in every format from $(basename "$fit")" "$HORIZON" report --format md,csv,html,latex,yaml --charts doubling,buckets --out "$dir" "$fit"
	for ext in md csv html tex yaml; do
		[ -s "$dir/report.$ext" ] && ok "report.$ext written" || bad "report.$ext missing"
	done
	numbers_match md "$fit" "$dir/report.md"
	numbers_match csv "$fit" "$dir/report.csv"
	numbers_match html "$fit" "$dir/report.html"
	numbers_match latex "$fit" "$dir/report.tex"
	html_valid "$dir/report.html"
	# Self-contained: the charts are inside, nothing is fetched.
	n=$(grep -o 'src="data:image/svg+xml;base64,' "$dir/report.html" | wc -l)
	[ "$n" -ge 2 ] && ok "charts embedded as data: URIs ($n)" || bad "embedded charts: $n"
	if grep -qE '(src|href)="(https?:|//|file:)' "$dir/report.html"; then bad "html refers to outside files"; else ok "html refers to nothing outside"; fi
	# METR's reader reads our yaml back, and finds the same trend.
	expect_ok "yaml read back by horizon fit --published" "$HORIZON" fit --published "$dir/report.yaml" --json -q
	python3 - "$fit" "$TMP/out" <<'PY' >"$TMP/chk" 2>&1 && ok "yaml round trip keeps every dated agent's p50/p80" || { bad "yaml round trip"; cat "$TMP/chk"; }
import json, sys
src = {a["alias"]: a for a in json.load(open(sys.argv[1]))["agents"] if a.get("release_date")}
back = {a["alias"]: a for a in json.load(open(sys.argv[2]))["agents"]}
assert sorted(src) == sorted(back), (sorted(src), sorted(back))
for k, a in src.items():
    for p in ("50", "80"):
        assert back[k]["horizons"][p]["estimate"] == a["horizons"][p]["estimate"], (k, p)
        assert back[k]["horizons"][p]["ci_low"] == a["horizons"][p]["ci_low"], (k, p)
    assert back[k]["release_date"] == a["release_date"]
    assert back[k]["sota"] == a["sota"]
PY
}

check_all "$FIX" "$TMP/fixture"
expect_grep "latex escapes the alias" 'sim-2024 \\textbar\{\} "quoted" \\& \\textless\{\}tag\\textgreater\{\}' "$TMP/fixture/report.tex"
expect_grep "md escapes the alias" 'sim-2024 \\\| "quoted" & &lt;tag&gt;' "$TMP/fixture/report.md"
expect_grep "html escapes the alias" 'sim-2024 \| &quot;quoted&quot; &amp; &lt;tag&gt;' "$TMP/fixture/report.html"
expect_grep "md trend line" '^50% horizon doubling time: 220 days \(7.2 months\), 95% CI 180 to 266 days, fitted on 6 agents' "$TMP/fixture/report.md"
expect_grep "md trend table" '^\| 50% \| 220 \| 180–266 \| 218 \| 6 \|' "$TMP/fixture/report.md"
expect_grep "yaml follows METR's schema" '^      p50_horizon_length:$' "$TMP/fixture/report.yaml"
expect_grep "undated agents kept apart in yaml" '^undated_results:$' "$TMP/fixture/report.yaml"
expect_grep "notes list the excluded" 'human: human baseline: not part of trend fits' "$TMP/fixture/report.html"

# The real fitter's output: METR's January 2025 runs.
expect_ok "horizon fit on METR's runs" "$HORIZON" fit --json -q -o "$TMP/metr-fit.json" \
	--release-dates "$METR/release_dates.yaml" "$METR/all_runs.jsonl"
check_all "$TMP/metr-fit.json" "$TMP/metr"
# And straight from the runs, fitted in-process: the same tables (the panel is checked in test_fit_sensitivity.sh).
expect_ok "report from runs + release dates" "$HORIZON" report --no-sensitivity --format csv -o "$TMP/direct.csv" \
	--release-dates "$METR/release_dates.yaml" "$METR/all_runs.jsonl"
if cmp -s "$TMP/direct.csv" "$TMP/metr/report.csv"; then ok "in-process fit gives the same csv as the fit file"; else bad "in-process csv differs"; diff "$TMP/direct.csv" "$TMP/metr/report.csv" | head -5; fi

# Output routing.
expect_ok "md to stdout by default" "$HORIZON" report "$FIX"
expect_grep "stdout has the table" '^\| Agent \| Release \|' "$TMP/out"
expect_ok "-o writes one file" "$HORIZON" report -f latex -o "$TMP/one/t.tex" "$FIX"
[ -s "$TMP/one/t.tex" ] && ok "-o file written (directory created)" || bad "-o file missing"
expect_ok "html with -o puts its charts beside it" "$HORIZON" report -f html -o "$TMP/h/r.html" --charts doubling "$FIX"
[ -s "$TMP/h/doubling-50.svg" ] && ok "charts beside the html" || bad "no charts beside the html"
html_valid "$TMP/h/r.html"

# Published results as input.
expect_ok "report from METR's published yaml" "$HORIZON" report -f md "$HZ_METR_DATA/metr-published/benchmark_results_1_0.yaml"
expect_grep "published doubling time" '^50% horizon doubling time: 196 days' "$TMP/out"

# Errors.
expect_fail "unknown format" 2 "$HORIZON" report -f docx "$FIX"
expect_grep "unknown format named" "unknown report format 'docx'" "$TMP/err"
expect_fail "-o with several formats" 2 "$HORIZON" report -f md,csv -o "$TMP/x" "$FIX"
expect_fail "missing input" 1 "$HORIZON" report "$TMP/nope.json"
expect_fail "no input" 2 "$HORIZON" report
finish
