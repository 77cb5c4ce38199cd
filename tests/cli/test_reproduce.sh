# horizon reproduce: METR's published results file -> the doubling chart and the doubling time,
# checked against an independent computation of METR's rule (OLS of ln p50 on release date over
# the is_sota models with p50 <= 16 h).
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"
PUB=$HZ_METR_DATA/metr-published

for f in benchmark_results_1_0.yaml benchmark_results_1_1.yaml; do
	out=$TMP/${f%.yaml}
	expect_ok "reproduce $f" "$HORIZON" reproduce -o "$out" "$PUB/$f"
	cp "$TMP/out" "$TMP/$f.out"
	want=$(python3 - "$PUB/$f" <<'PY'
import datetime, math, re, sys
text = open(sys.argv[1]).read().split("\nresults:\n", 1)[1]
xs, ys = [], []
for block in re.split(r"\n  (?=\S+:\n)", "\n" + text):
    m50 = re.search(r"p50_horizon_length:\n(?:\s{8}.*\n)*?\s{8}estimate: (\S+)", block)
    date = re.search(r"\n    release_date: (\S+)", block)
    if not m50 or not date:
        continue
    p50 = float(m50.group(1))
    if "is_sota: true" in block and p50 <= 960:
        xs.append(datetime.date.fromisoformat(date.group(1)).toordinal())
        ys.append(math.log(p50))
n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
print("%.0f days" % (math.log(2) / slope), n)
PY
)
	days=${want% *}; n=${want##* }
	expect_grep "$f: doubling time printed as computed independently ($days, $n models)" \
		"^50% horizon: doubling time $days \([0-9.]+ months\), 95% CI [0-9]+ to [0-9]+ days; fitted on $n agents" "$TMP/$f.out"
	for p in 50 80; do
		if $CHECK png "$out/doubling-$p.png" 1200 760 >"$TMP/chk" 2>&1; then ok "doubling-$p.png valid"; else bad "$(cat "$TMP/chk")"; fi
		if xmllint --noout "$out/doubling-$p.svg" 2>"$TMP/chk"; then ok "doubling-$p.svg valid"; else bad "svg: $(head -2 "$TMP/chk")"; fi
		[ -s "$out/doubling-$p.gp" ] && ok "doubling-$p.gp kept" || bad "no doubling-$p.gp"
	done
done
expect_grep "1.0: METR's windows printed" "METR's windows \(is_sota models, p50 <= 16 h\): all time 195.8 days, from 2023 on 165.3 days" "$TMP/benchmark_results_1_0.yaml.out"
# TH1.1: every model named at its point (display names from the built-in map), the 2025-26 cluster
# with leader lines, no key table; the chromium test checks that no two texts overlap.
gp11=$TMP/benchmark_results_1_1/doubling-50.gp
for name in "Claude Opus 4.6" "GPT-5.4" "Gemini 3.1 Pro" "GPT-5.3-Codex" "GPT-2"; do
	expect_grep "TH1.1: '$name' at its point" "^set label [0-9]+ \"$name\" at screen" "$gp11"
done
n=$(grep -c '^set label [0-9]* "[^"]*" at screen [0-9.]*, [0-9.]* \(left\|right\) font ",9"' "$gp11")
[ "$n" = 25 ] && ok "TH1.1: 25 names at the points" || bad "TH1.1: $n names at the points, want 25"
if grep -q '^set label 20[0-9][0-9] ' "$gp11"; then bad "TH1.1: a key table instead of names"; else ok "TH1.1: no key table"; fi
# The 33 models of the 1.0 file are too many for names at every point: numbers and a table beside.
gp=$TMP/benchmark_results_1_0/doubling-50.gp
rows=$(sed -n '/^\$intrend << EOD/,/^EOD/p;/^\$others << EOD/,/^EOD/p' "$gp" | grep -c '^20')
[ "$rows" = 33 ] && ok "33 models drawn" || bad "models drawn: $rows, want 33"
expect_grep "names listed beside the chart, METR's keys as model names" '^set label 2032 "33  Claude Opus 4.5"' "$gp"
expect_grep "the doubling time large on the plot" '^set label 1003 "Doubling time: [0-9]+ days \(95% CI' "$gp"
printf '{"claude_opus_4_5": "Opus 4.5 <mine>"}' >"$TMP/names.json"
expect_ok "--names FILE" "$HORIZON" reproduce --names "$TMP/names.json" --out "$TMP/named" "$HZ_METR_DATA/metr-published/benchmark_results_1_0.yaml"
expect_grep "--names overrides the built-in name" '^set label 2032 "33  Opus 4.5 <mine>"' "$TMP/named/doubling-50.gp"
printf '{"x": 3}' >"$TMP/bad-names.json"
expect_fail "--names with a non-string value" 1 "$HORIZON" reproduce --names "$TMP/bad-names.json" --out "$TMP/named2" "$HZ_METR_DATA/metr-published/benchmark_results_1_0.yaml"
expect_grep "the error names the key" "'x' is not a non-empty string" "$TMP/err"
expect_grep "doubling time written on the chart" 'doubling time 196 days \(95% CI 163–214\), fitted on 17 agents released 2019-02 to 2025-11' "$gp"

# The trend's band from draws within the published CIs: drawn, labelled, the same for a seed.
expect_grep "band drawn and labelled" '^plot \$band using 1:2:3 with filledcurves .*title "trend 95% CI \(draws within the published CIs\)"' "$gp"
rows=$(sed -n '/^\$band << EOD/,/^EOD/p' "$gp" | grep -c '^20')
[ "$rows" -ge 50 ] && ok "band of $rows dates" || bad "band rows: $rows"
expect_grep "the doubling time's CI on the chart" '^set label 1003 "Doubling time: 196 days \(95% CI [0-9]+–[0-9]+\)"' "$gp"
expect_ok "the same seed again" "$HORIZON" reproduce --seed 42 --bootstrap 1000 --no-80 --format svg -o "$TMP/again" "$PUB/benchmark_results_1_0.yaml"
sed -n '/^\$band << EOD/,/^EOD/p' "$gp" >"$TMP/band1"; sed -n '/^\$band << EOD/,/^EOD/p' "$TMP/again/doubling-50.gp" >"$TMP/band2"
cmp -s "$TMP/band1" "$TMP/band2" && ok "the same seed, the same band" || bad "the band changed with the same seed"
expect_ok "another seed" "$HORIZON" reproduce --seed 7 --no-80 --format svg -o "$TMP/seed7" "$PUB/benchmark_results_1_0.yaml"
sed -n '/^\$band << EOD/,/^EOD/p' "$TMP/seed7/doubling-50.gp" >"$TMP/band3"
cmp -s "$TMP/band1" "$TMP/band3" && bad "another seed gave the same band" || ok "another seed, another band"
expect_ok "--bootstrap 0" "$HORIZON" reproduce --bootstrap 0 --no-80 --format svg -o "$TMP/noband" "$PUB/benchmark_results_1_0.yaml"
if grep -q '^plot \$band' "$TMP/noband/doubling-50.gp"; then bad "--bootstrap 0 drew a band"; else ok "--bootstrap 0: no band"; fi
expect_fail "--bootstrap needs a number" 2 "$HORIZON" reproduce --bootstrap many "$PUB/benchmark_results_1_0.yaml"

expect_ok "--no-80 draws the 50% chart only" "$HORIZON" reproduce --no-80 --format svg -o "$TMP/only" "$PUB/benchmark_results_1_0.yaml"
[ -s "$TMP/only/doubling-50.svg" ] && [ ! -e "$TMP/only/doubling-80.svg" ] && [ ! -e "$TMP/only/doubling-50.png" ] \
	&& ok "--no-80 and --format svg respected" || bad "--no-80 / --format"
expect_fail "no file" 2 "$HORIZON" reproduce
expect_fail "two files" 2 "$HORIZON" reproduce a.yaml b.yaml
expect_fail "missing file" 1 "$HORIZON" reproduce -o "$TMP/x" "$TMP/none.yaml"
printf 'results:\n  m:\n    metrics: {}\n    release_date: soon\n' >"$TMP/bad.yaml"
expect_fail "bad results file" 1 "$HORIZON" reproduce -o "$TMP/x" "$TMP/bad.yaml"
expect_grep "bad field named" "bad.yaml.*release_date" "$TMP/err"
finish
