#!/usr/bin/env bash
# horizon fit --published: METR's benchmark_results YAML as input to the trend
# (METHOD section 10).  The shared 1.1 file carries no doubling_time_in_days
# block, so its point estimates are recomputed here independently (Python:
# PyYAML + a hand-written OLS) from the file's own per-model numbers; a small
# hand-made file with such a block checks that the file's figure is reproduced.
. "$(dirname "$0")/lib.sh"
pub=$HZ_METR_DATA/metr-published/benchmark_results_1_1.yaml

expect_ok "fit --published 1.1 --json" "$HORIZON" fit --published "$pub" --json
cp "$TMP/out" "$TMP/p.json"
if python3 - "$TMP/p.json" "$pub" >"$TMP/py" 2>&1 <<'PY'
import datetime, json, math, sys, yaml
fit = json.load(open(sys.argv[1]))
doc = yaml.safe_load(open(sys.argv[2]))
def doubling(after):
    xs, ys = [], []
    for m in doc["results"].values():
        d = m["release_date"]
        d = d if isinstance(d, datetime.date) else datetime.date.fromisoformat(d)
        p = m["metrics"]["p50_horizon_length"]["estimate"]
        if m["metrics"]["is_sota"] and p <= 960 and d >= after:
            xs.append((d - datetime.date(1970, 1, 1)).days); ys.append(math.log(p))
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.log(2) / slope, len(xs)
all_time, n_all = doubling(datetime.date(2019, 1, 1))
from_2023, n_23 = doubling(datetime.date(2023, 1, 1))
mine = fit["published"]["doubling_point_estimates"]
errors = []
if abs(mine["all_time"] - all_time) > 1e-6 * all_time: errors.append("all_time %r != %r" % (mine["all_time"], all_time))
if abs(mine["from_2023_on"] - from_2023) > 1e-6 * from_2023: errors.append("from_2023 %r != %r" % (mine["from_2023_on"], from_2023))
t = fit["trend"]["50"]
if abs(t["doubling_days"] - all_time) > 1e-6 * all_time or t["n_agents"] != n_all: errors.append("trend %r" % t["doubling_days"])
if fit["source"] != "published" or len(fit["agents"]) != len(doc["results"]): errors.append("agents")
print("\n".join(errors) or "all time %.3f, from 2023 on %.3f" % (all_time, from_2023))
sys.exit(1 if errors else 0)
PY
then ok "1.1 file: doubling times match an independent computation ($(cat "$TMP/py"))"; else bad "1.1 file"; sed 's/^/  | /' "$TMP/py"; fi

expect_ok "--after 2023-01-01 gives the from_2023_on trend" "$HORIZON" fit --published "$pub" --after 2023-01-01 --json
python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(0 if abs(a["trend"]["50"]["doubling_days"] - b["published"]["doubling_point_estimates"]["from_2023_on"]) < 1e-9 else 1)' \
	"$TMP/out" "$TMP/p.json" && ok "--after 2023-01-01 trend equals from_2023_on" || bad "--after 2023-01-01 trend"

expect_ok "table" "$HORIZON" fit --published "$pub"
expect_grep "table: trend line" '^50% horizon doubles every [0-9]+ days, [0-9]+ agents' "$TMP/out"
expect_grep "table: METR windows" "^METR's windows .*from 2023 on [0-9.]+ days" "$TMP/out"

# the hand-made file: exactly 200 days, and its own doubling_time_in_days block says so
mini=$HZ_SOURCE_DIR/tests/data/fit/published_mini.yaml
expect_ok "mini file" "$HORIZON" fit --published "$mini" --json
python3 -c '
import json, sys
f = json.load(open(sys.argv[1])); p = f["published"]
mine, file = p["doubling_point_estimates"], p["file_doubling_time_in_days"]
ok = abs(mine["from_2023_on"] - 200) < 1e-9 and round(mine["from_2023_on"], 3) == file["from_2023_on"]["point_estimate"]
ok = ok and f["trend"]["50"]["agents"] == ["model_a", "model_b", "model_c"]
ex = {e["alias"]: e["reason"] for e in f["excluded"]}
ok = ok and "960" in ex.get("huge", "") and "is_sota" in ex.get("laggard", "")
sys.exit(0 if ok else 1)' "$TMP/out" && ok "mini file: 200 days, the file's figure to rounding, cut-off and flags honoured" || bad "mini file"
finish
