#!/usr/bin/env bash
# horizon fit --method and --sensitivity on METR's Jan-2025 runs: the method
# version named in the table and the JSON; metr-2026 equal to metr-2025 with
# the penalty divided by the agent's runs (one agent alone); the panel's
# family column equal to a fit of the file with that family removed; the
# panel's method column equal to the separate fit; usage errors.
. "$(dirname "$0")/lib.sh"

D=$HZ_METR_DATA/metr-2025-01
py() { python3 -c "$@"; }

expect_fail "--method metr is gone" 2 "$HORIZON" fit --method metr "$D"
expect_fail "negative penalty" 2 "$HORIZON" fit --regularization -1 "$D"
expect_fail "bad --simex-sd" 2 "$HORIZON" fit --simex-sd x "$D"

expect_ok "default fit" "$HORIZON" fit -q --bootstrap 0 "$D"
expect_grep "method named in the table" '^7063 runs, 11 agents; method metr-2025; no bootstrap' "$TMP/out"
expect_ok "metr-2026 fit" "$HORIZON" fit -q --bootstrap 0 --method metr-2026 --json "$D"
cp "$TMP/out" "$TMP/m26.json"
expect_grep "method named in the JSON" '"method": "metr-2026"' "$TMP/m26.json"

# one agent alone: metr-2026 is metr-2025 with lambda / N_A
py 'import sys
for l in open(sys.argv[1]):
    if "\"alias\":\"Claude 3.5 Sonnet (New)\"" in l: sys.stdout.write(l)' "$D/all_runs.jsonl" >"$TMP/one.jsonl"
n=$(wc -l <"$TMP/one.jsonl")
expect_ok "one agent, metr-2026" "$HORIZON" fit --no-trend --bootstrap 0 --method metr-2026 --json "$TMP/one.jsonl"
cp "$TMP/out" "$TMP/one26.json"
expect_ok "one agent, lambda/N" "$HORIZON" fit --no-trend --bootstrap 0 --regularization "$(py "print(repr(0.1 / $n))")" \
	--json "$TMP/one.jsonl"
cp "$TMP/out" "$TMP/oneN.json"
if py 'import json, sys
a, b = (json.load(open(f))["agents"][0] for f in sys.argv[1:3])
ok = all(abs(a["horizons"][k]["estimate"] / b["horizons"][k]["estimate"] - 1) < 1e-9 for k in ("50", "80"))
sys.exit(0 if ok and abs(a["slope"] - b["slope"]) < 1e-9 else 1)' "$TMP/one26.json" "$TMP/oneN.json"; then
	ok "metr-2026 = lambda/N_A ($n runs)"
else
	bad "metr-2026 = lambda/N_A ($n runs)"
fi

# SIMEX (32 more fits of the file) is checked in tests/unit/test_fit_method.c; left out here for speed
expect_ok "panel" "$HORIZON" fit -q --bootstrap 0 --sensitivity --simex-sd 0 -o "$TMP/panel.json" "$D"
expect_grep "panel printed" '^sensitivity of p50 \(metr-2025 headline' "$TMP/out"
expect_grep "panel columns" 'metr-2026 +reg none +w equal +w none +score +baselined +-family' "$TMP/out"
expect_grep "doubling row" '^  doubling time +60 d +79 d' "$TMP/out"

# the family column against a fit of the file without that family
py 'import sys
for l in open(sys.argv[1]):
    if "\"task_family\":\"hypothesis_testing\"" not in l: sys.stdout.write(l)' "$D/all_runs.jsonl" >"$TMP/nohyp.jsonl"
expect_ok "fit without a family" "$HORIZON" fit --bootstrap 0 --json --release-dates "$D/release_dates.yaml" "$TMP/nohyp.jsonl"
cp "$TMP/out" "$TMP/nohyp.json"
expect_ok "metr-2026 with trend" "$HORIZON" fit --bootstrap 0 --json --method metr-2026 "$D"
cp "$TMP/out" "$TMP/m26t.json"
if py 'import json, sys
p = json.load(open(sys.argv[1]))
def check(name, ref):
    v = [v for v in p["sensitivity"] if v["name"] == name][0]
    r = json.load(open(ref))
    for ag in r["agents"]:
        for k in ("50", "80"):
            x, y = v["horizons"][ag["alias"]][k], ag["horizons"][k]["estimate"]
            if (x is None) != (y is None) or (x is not None and y > 0 and abs(x / y - 1) > 1e-9):
                sys.exit("%s %s %s: %r != %r" % (name, ag["alias"], k, x, y))
    for k in ("50", "80"):
        if abs(v["doubling_days"][k] - r["trend"][k]["doubling_days"]) > 1e-6:
            sys.exit("%s doubling %s" % (name, k))
assert len(p["sensitivity"]) == 6 + 36, len(p["sensitivity"])
check("hypothesis_testing", sys.argv[2])
check("metr-2026", sys.argv[3])' "$TMP/panel.json" "$TMP/nohyp.json" "$TMP/m26t.json"; then
	ok "panel columns equal the separate fits"
else
	bad "panel columns equal the separate fits"
fi

# every report format carries the panel and the method version (report_check.py checks the md cells)
expect_ok "md report of the panel" "$HORIZON" report -f md -o "$TMP/panel.md" "$TMP/panel.json"
if python3 "$HZ_SOURCE_DIR/tests/cli/report_check.py" md "$TMP/panel.json" "$TMP/panel.md"; then
	ok "md sensitivity cells"; else bad "md sensitivity cells"; fi
expect_grep "md names the method" 'method metr-2025' "$TMP/panel.md"
expect_ok "other formats" "$HORIZON" report -f csv,latex,yaml --out "$TMP/rep" "$TMP/panel.json"
expect_grep "csv columns" ',method,design,interval,p50_metr-2026,p80_metr-2026,p50_reg_none' "$TMP/rep/report.csv"
expect_ok "html report" "$HORIZON" report -f html --charts doubling50 --out "$TMP/rep" "$TMP/panel.json"
expect_grep "html table" '<table class="sensitivity">' "$TMP/rep/report.html"
expect_grep "latex table" 'caption\{Sensitivity of p50\}' "$TMP/rep/report.tex"
expect_grep "yaml block" '^horizon_sensitivity:$' "$TMP/rep/report.yaml"
finish
