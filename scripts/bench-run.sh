#!/usr/bin/env bash
# Per-run overhead of the run engine: the oracle agent on a trivial task (touch a file,
# scored by `test -e done` in a sandbox), N runs with --jobs 1 and with --jobs 2.
# Reports, per run: the agent phase (one sandboxed command), scoring (one more), the rest
# (workspace, patch and final commit, claim, record with fsync), and runs per second.
#
# usage: scripts/bench-run.sh [RUNS] [SANDBOX]     (defaults: 100 runs, bwrap)
# Targets on a 2-core machine: under 30 ms per run with --jobs 1, over 50 runs/s with --jobs 2.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-100}
sandbox=${2:-bwrap}
horizon=${HORIZON:-$root/build/horizon}
[ -x "$horizon" ] || { echo "bench-run: build first (scripts/build.sh), or set HORIZON" >&2; exit 1; }
tmp=$(mktemp -d /tmp/horizon-bench-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "horizon run overhead: oracle on fixture/trivial, $runs runs, --sandbox $sandbox, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$horizon" "$root" "$runs" "$sandbox" "$tmp" <<'PY'
import json, os, resource, subprocess, sys
horizon, root, runs, sandbox, tmp = sys.argv[1:6]
print("%-5s %8s %9s %10s %9s %8s %12s" % ("jobs", "ms/run", "agent ms", "scoring ms", "other ms", "runs/s", "CPU ms/run"))
for jobs in (1, 2):
    out = os.path.join(tmp, "j%d" % jobs)
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
    agent = sum(r["wall_s"] for r in recs) / n * 1000
    score = sum(r["score_wall_s"] for r in recs) / n * 1000
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / n * 1000
    print("%-5d %8.1f %9.1f %10.1f %9.1f %8.1f %12.1f" % (jobs, per_run, agent, score, per_run - agent - score,
                                                         n / wall, cpu))
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(ms/run: wall time a worker spends per run; CPU ms/run: user+system time of horizon and"
echo " every process it started, per run, which the machine's other load does not inflate)"
