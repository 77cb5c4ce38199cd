#!/usr/bin/env bash
# The measured figures of docs/adaptive.md: adaptive sweeps against full sweeps, by
# `horizon adaptive-sim` (in-process, no sandbox).  Prints tables; asserts nothing.
#   1. sim agents with known truth over the catalogue's tasks (tasks/), each sweep's target =
#      its full sweep's own p50 ratio (the same width), plain intervals, SWEEPS sweeps: runs
#      saved, widths, coverage of the truth and of the full sweep's estimate;
#   2. the same at a fixed target ratio 2;
#   3. the replay-calibrated interval (CAL replays per sweep; slow: ~6 s CPU a sweep at 20),
#      CAL_SWEEPS sweeps of one agent;
#   4. METR's public runs (tests/data/metr), replayed at the same width as their full log.
# Coverage over n sweeps has a binomial standard error sqrt(p(1-p)/n) (1.5 points at n = 200).
# Usage: scripts/bench-adaptive.sh [BUILD_DIR]
#   (env: SWEEPS=200 CAL=20 CAL_SWEEPS=200 REPLAY_SWEEPS=50)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hz=${1:-$root/build}/horizon
sweeps=${SWEEPS:-200}
cal=${CAL:-20}
csweeps=${CAL_SWEEPS:-200}
rsweeps=${REPLAY_SWEEPS:-50}
metr=$root/tests/data/metr/metr-2025-01/all_runs.jsonl
sims=(--sim sim,h50=30,slope=0.8,alias=sim-30m --sim sim,h50=8,slope=1.0,alias=sim-8m
      --sim sim,h50=120,slope=0.6,alias=sim-2h)
echo "== sim agents, catalogue tasks, target = each full sweep's ratio, $sweeps sweeps, plain intervals"
"$hz" adaptive-sim -q --tasks-dir "$root/tasks" "${sims[@]}" --sweeps "$sweeps" --calibrate 0 --match-full --full-repeats 5
echo
echo "== sim agents, catalogue tasks, target ratio 2, $sweeps sweeps, plain intervals"
"$hz" adaptive-sim -q --tasks-dir "$root/tasks" "${sims[@]}" --sweeps "$sweeps" --calibrate 0 --target-ci 2 --full-repeats 5
echo
echo "== sim-30m, catalogue tasks, target ratio 2, $csweeps sweeps, calibrated ($cal replays)"
"$hz" adaptive-sim -q --tasks-dir "$root/tasks" "${sims[@]:0:2}" --sweeps "$csweeps" --calibrate "$cal" --target-ci 2
echo
echo "== METR's runs replayed, target = the full log's ratio, $rsweeps sweeps, plain intervals"
"$hz" adaptive-sim -q --sweeps "$rsweeps" --calibrate 0 --match-full "$metr"
