# Cost per doubling (docs/method.md section 12) end to end: a small log with dollar_equivalent,
# fitted with a bootstrap; fit.json's factor equals the weighted least-squares slope computed here;
# every report format shows fit.json's numbers; fit's table shows them; agents without cost say so.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $(dirname "$0")/report_check.py"

python3 - "$TMP/runs.jsonl" <<'PY'
import json, math, sys
s = 4242
def unit():
    global s
    s = (s * 1103515245 + 12345) & 0xffffffff
    return ((s >> 8) & 0xffffff) / 16777216.0
with open(sys.argv[1], "w") as f:
    i = 0
    for name in ("exact", "noisy", "nocost"):
        for fam in range(3):
            for k in range(3):
                for r in range(4):
                    m = 1.5 * 2 ** (fam * 3 + k)
                    y = 1 if unit() < 1 / (1 + math.exp(0.9 * (math.log2(m) - 4.5))) else 0
                    y = 1 if (fam, k, r) == (0, 0, 0) else 0 if (fam, k, r) == (2, 2, 3) else y
                    rec = {"run_id": "r%d" % i, "alias": name, "task_id": "f%d/t%d" % (fam, k),
                           "task_family": "f%d" % fam, "human_minutes": m, "score_binarized": y}
                    if name == "exact":
                        rec["dollar_equivalent"] = 0.02 * m ** 0.8
                    elif name == "noisy":
                        rec["dollar_equivalent"] = 0.05 * m ** 0.6 * math.exp(0.8 * (unit() - 0.5))
                    f.write(json.dumps(rec) + "\n")
                    i += 1
PY

expect_ok "fit with a bootstrap" "$HORIZON" fit --no-trend --bootstrap 200 --json -q -o "$TMP/fit.json" "$TMP/runs.jsonl"
python3 - "$TMP/runs.jsonl" "$TMP/fit.json" >"$TMP/chk" 2>&1 <<'PY' && ok "fit.json's factor is the weighted LS slope; CI; notes" || { bad "fit.json cost_doubling"; cat "$TMP/chk"; }
import json, math, sys
from collections import Counter, defaultdict
runs = [json.loads(l) for l in open(sys.argv[1])]
fit = {a["alias"]: a for a in json.load(open(sys.argv[2]))["agents"]}
for name in ("exact", "noisy"):
    rs = [r for r in runs if r["alias"] == name]
    ntask = Counter(r["task_id"] for r in rs)
    fam_tasks = defaultdict(set)
    for r in rs:
        fam_tasks[r["task_family"]].add(r["task_id"])
    pts = [(r["score_binarized"] / (ntask[r["task_id"]] * math.sqrt(len(fam_tasks[r["task_family"]]))),
            math.log2(r["human_minutes"]), math.log(r["dollar_equivalent"])) for r in rs if r["score_binarized"] > 0]
    sv = sum(v for v, _, _ in pts)
    xb = sum(v * x for v, x, _ in pts) / sv
    zb = sum(v * z for v, _, z in pts) / sv
    b = sum(v * (x - xb) * (z - zb) for v, x, z in pts) / sum(v * (x - xb) ** 2 for v, x, _ in pts)
    c = fit[name]["cost_doubling"]
    assert abs(c["factor"] / math.exp(b) - 1) < 1e-9, (name, c["factor"], math.exp(b))
    assert c["runs"] == len(pts)
    assert c["bootstrap_n"] > 150 and c["ci_low"] <= c["factor"] <= c["ci_high"], c
    p50 = fit[name]["horizons"]["50"]["estimate"]
    assert abs(c["usd_at_p50"] / math.exp(zb + b * (math.log2(p50) - xb)) - 1) < 1e-9
assert abs(fit["exact"]["cost_doubling"]["factor"] - 2 ** 0.8) < 1e-9
assert fit["nocost"]["cost_doubling"]["factor"] is None
assert fit["nocost"]["cost_doubling"]["note"] == "no run with a recorded cost (dollar_equivalent)"
PY

expect_ok "report in every format" "$HORIZON" report --format md,csv,html,latex,yaml --charts buckets --out "$TMP/rep" "$TMP/fit.json"
for fmt in md csv html latex; do
	ext=$fmt; [ "$fmt" = latex ] && ext=tex
	if $CHECK "$fmt" "$TMP/fit.json" "$TMP/rep/report.$ext" >"$TMP/chk" 2>&1; then ok "$fmt shows fit.json's cost per doubling"
	else bad "$fmt differs from fit.json"; head -20 "$TMP/chk" | sed 's/^/  | /'; fi
done
expect_grep "md: the exact agent's factor, its collapsed CI and p50 dollars" '^\| exact \|.*\| ×1\.74 \(1\.74–1\.74\) \| \$0\.[0-9]+ \|$' "$TMP/rep/report.md"
expect_grep "md header" 'Cost / doubling \| \$ / doubling at p50 \|' "$TMP/rep/report.md"
python3 - "$TMP/fit.json" "$TMP/rep/report.yaml" >"$TMP/chk" 2>&1 <<'PY' && ok "yaml carries cost per success and per doubling" || { bad "yaml cost_doubling"; cat "$TMP/chk"; }
import json, sys, yaml
fit = {a["alias"]: a for a in json.load(open(sys.argv[1]))["agents"]}
doc = yaml.safe_load(open(sys.argv[2]))
agents = doc.get("results") or doc.get("undated_results")
for name, a in fit.items():
    u = agents[name]["metrics"]["usage"]
    c = u["cost_doubling"]
    for k in ("factor", "ci_low", "ci_high", "usd_at_p50", "usd_per_doubling"):
        want = a["cost_doubling"][k]
        assert (c[k] is None and want is None) or abs(c[k] / want - 1) < 1e-9, (name, k, c[k], want)
    if a["cost_usd"] is not None:
        assert abs(u["usd_per_success"] - a["cost_usd"] / a["successes"]) < 1e-9
PY

expect_ok "fit's table" "$HORIZON" fit --no-trend --bootstrap 200 "$TMP/runs.jsonl"
expect_grep "fit prints the cost columns" '^  cost +per success +per doubling \[95% CI\] +at p50 +\+doubling$' "$TMP/out"
expect_grep "fit prints the exact agent's factor" '^  exact +\$[0-9.]+ +x1\.74 \[1\.74 - 1\.74\] +\$[0-9.]+ +\$[0-9.]+$' "$TMP/out"
if grep -q '^  nocost .*\$' "$TMP/out"; then bad "an agent without cost has no cost row"; else ok "an agent without cost has no cost row"; fi
finish
