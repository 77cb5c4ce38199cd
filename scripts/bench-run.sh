#!/usr/bin/env bash
# Per-run overhead of the run engine: the oracle agent on a trivial task (touch a file,
# scored by `test -e done` in a sandbox), N runs with --jobs 1 and with --jobs 2.
# Reports, per run: workspace set-up, the agent phase (one sandboxed command), the final commit
# and patch, scoring (one more sandboxed command), the rest (claim, record with fsync, clean-up),
# runs per second, and the CPU time per run.
#
# Each setting is measured ROUNDS times and the median round (by ms/run) is reported too, since
# one round on a shared machine can catch a noisy neighbour.
#
# usage: scripts/bench-run.sh [RUNS] [SANDBOX] [ROUNDS]     (defaults: 100 runs, bwrap, 3 rounds)
# Targets on a 2-core machine: under 30 ms per run with --jobs 1, over 50 runs/s with --jobs 2.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-100}
sandbox=${2:-bwrap}
rounds=${3:-3}
horizon=${HORIZON:-$root/build/horizon}
[ -x "$horizon" ] || { echo "bench-run: build first (scripts/build.sh), or set HORIZON" >&2; exit 1; }
tmp=$(mktemp -d /tmp/horizon-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "horizon run overhead: oracle on fixture/trivial, $runs runs, --sandbox $sandbox, $rounds rounds, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$horizon" "$root" "$runs" "$sandbox" "$tmp" "$rounds" <<'PY'
import json, os, resource, subprocess, sys
horizon, root, runs, sandbox, tmp, rounds = sys.argv[1:7]
fmt = "%-7s %7.1f %10.1f %9.1f %9.1f %10.1f %9.1f %7.1f %11.1f"
print("%-7s %7s %10s %9s %9s %10s %9s %7s %11s" % ("jobs", "ms/run", "workspace", "agent", "patch", "scoring",
                                                    "record+", "runs/s", "CPU ms/run"))

def measure(jobs, rnd):
    out = os.path.join(tmp, "j%d-%d" % (jobs, rnd))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = json.loads(subprocess.run(
        [horizon, "run", "--agent", "oracle", "--tasks-dir", root + "/tests/data/tasks", "--tasks", "fixture/trivial",
         "--repeats", runs, "--jobs", str(jobs), "--sandbox", sandbox, "--out", out, "--quiet", "--json"],
        check=True, capture_output=True, text=True).stdout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    recs = [json.loads(l) for l in open(out + "/runs.jsonl")]
    n = len(recs)
    assert n == int(runs) and all(r["status"] == "success" for r in recs), "every oracle run must pass"
    wall = summary["wall_s"]                      # the whole sweep, set-up included
    per_run = wall / n * jobs * 1000              # what one worker spends per run
    mean = lambda k: sum(r[k] for r in recs) / n * 1000
    setup, agent, patch, score = mean("setup_s"), mean("wall_s"), mean("patch_s"), mean("score_wall_s")
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / n * 1000
    return (per_run, setup, agent, patch, score, per_run - setup - agent - patch - score, n / wall, cpu)

results = {1: [], 2: []}
for rnd in range(int(rounds)):          # the settings alternate, so that drifting load hits both
    for jobs in (1, 2):
        r = measure(jobs, rnd)
        results[jobs].append(r)
        print(fmt % (("%d" % jobs,) + r))
for jobs in (1, 2):
    rs = sorted(results[jobs])
    print(fmt % (("%d med" % jobs,) + rs[len(rs) // 2]))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(all times in ms per run; 'med': the median round; ms/run: wall time a worker spends per run; record+: claim, record"
echo " with fsync, clean-up; CPU ms/run: user+system time of horizon and every process it started,"
echo " which the machine's other load does not inflate)"
