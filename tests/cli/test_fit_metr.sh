#!/usr/bin/env bash
# horizon fit end to end on METR's Jan-2025 runs: every agent present, CIs
# bracket the point estimates, a finite positive doubling time, identical
# output with --jobs 1 and --jobs 2, the table, -o and --bootstrap-out.
. "$(dirname "$0")/lib.sh"
data=$HZ_METR_DATA/metr-2025-01
fit=("$HORIZON" fit --release-dates "$data/release_dates.yaml" "$data/all_runs.jsonl")

expect_ok "fit --json --jobs 1" "${fit[@]}" --json --jobs 1
cp "$TMP/out" "$TMP/j1.json"
expect_ok "fit --json --jobs 2 -o FILE --bootstrap-out CSV" "${fit[@]}" --json --jobs 2 -o "$TMP/o.json" \
	--bootstrap-out "$TMP/boot.csv"
cp "$TMP/out" "$TMP/j2.json"
if cmp -s "$TMP/j1.json" "$TMP/j2.json"; then ok "--jobs 1 and --jobs 2 give identical JSON"; else bad "--jobs changes the result"; fi
if cmp -s "$TMP/j2.json" "$TMP/o.json"; then ok "-o writes the same JSON as --json"; else bad "-o differs from --json"; fi

# structure, checked against the runs file itself
if python3 - "$TMP/j1.json" "$data/all_runs.jsonl" >"$TMP/py" 2>&1 <<'PY'
import json, math, sys
fit = json.load(open(sys.argv[1]))
rows = [json.loads(l) for l in open(sys.argv[2])]
aliases = {r["alias"] for r in rows}
errors = []
def check(cond, msg):
    if not cond: errors.append(msg)
got = {a["alias"]: a for a in fit["agents"]}
check(set(got) == aliases, "agents %s != %s" % (sorted(got), sorted(aliases)))
check(fit["runs_used"] == len(rows) == 7063, "runs_used")
check(fit["params"]["bootstrap"] == 1000 and fit["params"]["seed"] == 42, "params")
for a in fit["agents"]:
    n = sum(1 for r in rows if r["alias"] == a["alias"])
    check(a["runs"] == n, "%s runs %s != %s" % (a["alias"], a["runs"], n))
    check(sum(b["runs"] for b in a["bins"]) == n, "%s bins" % a["alias"])
    for p in ("50", "80"):
        h = a["horizons"][p]
        if a["status"] == "ok":
            check(h["ci_low"] <= h["estimate"] <= h["ci_high"], "%s p%s CI %s" % (a["alias"], p, h))
            check(h["bootstrap_n"] > 0, "%s bootstrap_n" % a["alias"])
        else:
            check(a["status"] == "no_success" and a["alias"] == "davinci-002" and h["estimate"] == 0, a["alias"])
    check(a["horizons"]["80"]["estimate"] <= a["horizons"]["50"]["estimate"], "%s p80 > p50" % a["alias"])
for p in ("50", "80"):
    t = fit["trend"][p]
    check(t["doubling_days"] > 0 and math.isfinite(t["doubling_days"]), "doubling %s" % p)
    check(0 < t["doubling_ci_low"] < t["doubling_bootstrap_median"] < t["doubling_ci_high"], "trend CI %s" % p)
    check(len(t["band"]) >= 50 and all(b["low"] <= b["high"] for b in t["band"]), "band %s" % p)
    check("human" not in t["agents"] and "davinci-002" not in t["agents"], "trend agents %s" % p)
# METHOD section 6: p50 = 1.8e-6 min for gpt-3.5-turbo-instruct, point doubling ~60 days, bootstrap median ~140
check(abs(got["gpt-3.5-turbo-instruct"]["horizons"]["50"]["estimate"] - 1.8e-6) < 0.1e-6, "gpt-3.5 p50")
check(55 < fit["trend"]["50"]["doubling_days"] < 65, "point doubling")
check(130 < fit["trend"]["50"]["doubling_bootstrap_median"] < 150, "bootstrap median")
check(any(e["alias"] == "human" for e in fit["excluded"]), "human listed as excluded")
print("\n".join(errors) or "structure ok")
sys.exit(1 if errors else 0)
PY
then ok "JSON structure"; else bad "JSON structure"; sed 's/^/  | /' "$TMP/py"; fi

# METHOD section 8: "two disjoint sets of 500 samples give o1 p50 97.5% bounds of 222 and 335 min"
# (samples 0-499 use seeds 42-541, samples 500-999 seeds 542-1041)
for seed in 42 542; do
	"$HORIZON" fit -q --no-trend --bootstrap 500 --seed $seed --json "$data/all_runs.jsonl" >"$TMP/s$seed.json"
done
if python3 - "$TMP/s42.json" "$TMP/s542.json" <<'PY'
import json, sys
hi = [next(a for a in json.load(open(f))["agents"] if a["alias"] == "o1")["horizons"]["50"]["ci_high"] for f in sys.argv[1:]]
print("o1 p50 97.5%% bounds: %.1f and %.1f min" % tuple(hi))
sys.exit(0 if [round(h) for h in hi] == [222, 335] else 1)
PY
then ok "METHOD's o1 bounds from two disjoint 500-sample halves (222 and 335 min)"; else bad "o1 bounds differ from METHOD's 222 and 335"; fi

# bootstrap CSV: one row per sample and fitted agent (davinci-002 never fitted)
rows=$(wc -l <"$TMP/boot.csv")
if [ "$rows" = $((1000 * 10 + 1)) ]; then ok "bootstrap CSV rows"; else bad "bootstrap CSV has $rows lines"; fi
expect_grep "bootstrap CSV header" '^sample,alias,p50,p80$' "$TMP/boot.csv"

# the readable table
expect_ok "fit table" "${fit[@]}" --bootstrap 200
expect_grep "table has o1" '^ +o1 +2024-12-05' "$TMP/out"
expect_grep "table marks davinci-002" 'davinci-002 .*no success' "$TMP/out"
expect_grep "trend line" '^50% horizon doubles every [0-9]+ days \(95% CI [0-9]+-[0-9]+, bootstrap median [0-9]+\), 7 agents' "$TMP/out"
expect_grep "no-success note" 'note: davinci-002: all 68 runs failed' "$TMP/out"
# METR's Jan-2025 data: 60 days, CI 61-...: the estimate outside its own CI is said, with the reason.
expect_grep "estimate outside its CI is noted" '^  note: the point estimate lies outside its bootstrap CI: it is the fit on all the data' "$TMP/out"
if grep -A1 '^80% horizon doubles' "$TMP/out" | grep -q 'outside its bootstrap CI'; then bad "no note when the estimate is inside its CI"; else ok "no note when the estimate is inside its CI"; fi

# the data folder itself: its *.jsonl file and its release_dates.yaml are found
expect_ok "fit the folder tests/data/metr/metr-2025-01/" "$HORIZON" fit --json --jobs 2 "$data/"
python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
same = a["agents"] == b["agents"] and a["trend"] == b["trend"] and a["runs_used"] == b["runs_used"]
same = same and any("release dates from" in n for n in b["notes"])
sys.exit(0 if same else 1)' "$TMP/j1.json" "$TMP/out" && ok "the folder gives the same fit as the explicit files" || bad "folder fit differs"

# a directory input finds runs.jsonl files below it
mkdir -p "$TMP/tree/a/b"
ln -s "$data/all_runs.jsonl" "$TMP/tree/a/b/runs.jsonl"
expect_ok "directory input" "$HORIZON" fit --no-trend --bootstrap 0 --json "$TMP/tree"
expect_grep "directory input reads the file" '"runs_used": 7063' "$TMP/out"

# --exclude-agent and --no-trend
expect_ok "exclude an agent" "$HORIZON" fit --no-trend --bootstrap 0 --exclude-agent human "$data/all_runs.jsonl"
if grep -q '^ *human ' "$TMP/out"; then bad "human still listed"; else ok "human excluded"; fi
expect_grep "excluded runs counted" 'note: 211 runs of excluded agents dropped' "$TMP/out"
finish
