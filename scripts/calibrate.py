#!/usr/bin/env python3
"""Calibration of `horizon fit`: how often its 95% CIs cover the truth, and its bias.

usage: scripts/calibrate.py [--replicates R] [--bootstrap B] [--repeats K] [--method M ...]
                            [--seed S] [--horizon BIN] [--json]

Five `sim` agents with known latent horizons are given the real catalogue (`horizon tasks list
--json`: every task's human minutes and family) K times each.  A `sim,h50=H,slope=S` agent
succeeds on a task of m minutes with probability 1/(1+exp(-S(log2 H - log2 m))) (docs/agents.md),
so its true p50 is H, its true p80 is H * 2^(-ln 4 / S), and with H growing by a factor 2 every
D days across the agents' release dates the true doubling time is D.  Each replicate draws every
run's outcome from that probability (what the sim agent does in a sandbox, without the sandbox:
the sim agent applies the reference solution or not, and `horizon tasks check` verifies that the
solution passes and doing nothing fails), writes a runs.jsonl, fits it with `horizon fit --json`
and records whether each CI contains the truth.  Printed: per agent and method, the coverage of
the 95% CIs of p50 and p80, the median and mean log2 error of the point estimates, and the same
for the 50% doubling time.

Run from the repository root after building (build/horizon).
"""
import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

AGENTS = [  # alias, days after the first release; h50 follows from DOUBLING_DAYS
    ("sim-a", 0), ("sim-b", 180), ("sim-c", 360), ("sim-d", 540), ("sim-e", 720)]
H50_FIRST = 2.0        # minutes
DOUBLING_DAYS = 120.0
SLOPE = 1.0
FIRST_DAY = 19358      # 2023-01-01


def date(day):
    return time.strftime("%Y-%m-%d", time.gmtime(day * 86400))


def truth():
    out = {}
    for alias, dd in AGENTS:
        h50 = H50_FIRST * 2 ** (dd / DOUBLING_DAYS)
        out[alias] = {"50": h50, "80": h50 * 2 ** (-math.log(4) / SLOPE)}
    return out


def write_runs(path, tasks, rng, repeats):
    with open(path, "w") as f:
        n = 0
        for alias, dd in AGENTS:
            h50 = H50_FIRST * 2 ** (dd / DOUBLING_DAYS)
            for t in tasks:
                m = t["human_minutes"]
                p = 1 / (1 + math.exp(-SLOPE * (math.log2(h50) - math.log2(m))))
                for r in range(repeats):
                    y = 1 if rng.random() < p else 0
                    n += 1
                    f.write(json.dumps({
                        "run_id": "cal-%d" % n, "alias": alias, "task_id": t["id"],
                        "task_family": t["family"], "human_minutes": m,
                        "human_source": t.get("human_source"), "score_binarized": y,
                        "score_cont": float(y), "status": "success" if y else "failure",
                        "release_date": date(FIRST_DAY + dd)}) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--replicates", type=int, default=200)
    ap.add_argument("--bootstrap", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=4)
    ap.add_argument("--method", action="append")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--horizon", default="build/horizon")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    methods = a.method or ["metr-2025", "metr-2026"]
    tasks = json.loads(subprocess.run([a.horizon, "tasks", "list", "--json"], check=True,
                                      capture_output=True, text=True).stdout)
    tr = truth()
    stats = {m: {} for m in methods}
    rng = random.Random(a.seed)
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="hz-calibrate-") as tmp:
        runs = os.path.join(tmp, "runs.jsonl")
        for i in range(a.replicates):
            write_runs(runs, tasks, rng, a.repeats)
            for m in methods:
                fit = json.loads(subprocess.run(
                    [a.horizon, "fit", "-q", "--json", "--method", m, "--bootstrap", str(a.bootstrap),
                     "--seed", str(1 + i * a.bootstrap), runs],
                    check=True, capture_output=True, text=True).stdout)
                s = stats[m]
                for ag in fit["agents"]:
                    for k in ("50", "80"):
                        h = ag["horizons"][k]
                        e = s.setdefault((ag["alias"], k), {"cover": 0, "n": 0, "err": []})
                        if h["estimate"] is None or not h["estimate"] > 0:
                            continue
                        e["n"] += 1
                        e["err"].append(math.log2(h["estimate"] / tr[ag["alias"]][k]))
                        lo, hi = h["ci_low"], h["ci_high"]
                        hi = math.inf if hi is None else hi
                        if lo is not None and lo <= tr[ag["alias"]][k] <= hi:
                            e["cover"] += 1
                t50 = fit["trend"].get("50")
                e = s.setdefault(("doubling", "50"), {"cover": 0, "n": 0, "err": []})
                if t50 and t50["doubling_days"] and t50["doubling_days"] > 0:
                    e["n"] += 1
                    e["err"].append(math.log2(t50["doubling_days"] / DOUBLING_DAYS))
                    if t50["doubling_ci_low"] is not None and \
                            t50["doubling_ci_low"] <= DOUBLING_DAYS <= t50["doubling_ci_high"]:
                        e["cover"] += 1
    secs = time.time() - t0
    rows = []
    for m in methods:
        for (name, k), e in stats[m].items():
            rows.append({"method": m, "quantity": name if name == "doubling" else "%s p%s" % (name, k),
                         "truth": DOUBLING_DAYS if name == "doubling" else tr[name][k],
                         "fits": e["n"], "coverage": e["cover"] / e["n"] if e["n"] else None,
                         "median_log2_error": statistics.median(e["err"]) if e["err"] else None,
                         "mean_log2_error": statistics.fmean(e["err"]) if e["err"] else None})
    if a.json:
        json.dump({"replicates": a.replicates, "bootstrap": a.bootstrap, "repeats": a.repeats,
                   "tasks": len(tasks), "seconds": secs, "rows": rows}, sys.stdout, indent=2)
        print()
        return
    print("%d replicates x %d methods, %d bootstrap samples, %d tasks x %d repeats per agent, %.0f s"
          % (a.replicates, len(methods), a.bootstrap, len(tasks), a.repeats, secs))
    print("| method | quantity | truth | fits | 95% CI coverage | median error | mean log2 error |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        unit = "d" if r["quantity"] == "doubling" else "min"
        print("| %s | %s | %.3g %s | %d | %s | %s | %s |" % (
            r["method"], r["quantity"], r["truth"], unit, r["fits"],
            "-" if r["coverage"] is None else "%.0f%%" % (100 * r["coverage"]),
            "-" if r["median_log2_error"] is None else "x%.2f" % 2 ** r["median_log2_error"],
            "-" if r["mean_log2_error"] is None else "%+.2f" % r["mean_log2_error"]))


if __name__ == "__main__":
    main()
