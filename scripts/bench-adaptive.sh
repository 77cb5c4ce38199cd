#!/usr/bin/env bash
# The measured figures of docs/adaptive.md: adaptive sweeps against full sweeps, by
# `horizon adaptive-sim` (in-process, no sandbox).  Prints tables; asserts nothing.
#   1. sim agents with known truth over the catalogue's tasks: a fixed target ratio, then
#      each sweep's target = its full sweep's own ratio (the same width);
#   2. METR's public runs (tests/data/metr), replayed, at the same width as their full sweep.
# Usage: scripts/bench-adaptive.sh [BUILD_DIR]   (env: SWEEPS=200 CAL=100 REPLAY_SWEEPS=50)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hz=${1:-$root/build}/horizon
sweeps=${SWEEPS:-200}
cal=${CAL:-100}
rsweeps=${REPLAY_SWEEPS:-50}
metr=$root/tests/data/metr/metr-2025-01/all_runs.jsonl
sims=(--sim sim,h50=30,slope=0.8,alias=sim-30m --sim sim,h50=8,slope=1.0,alias=sim-8m
      --sim sim,h50=120,slope=0.6,alias=sim-2h)
echo "== sim agents, catalogue tasks ($root/tasks), target ratio 2, $sweeps sweeps, calibrate $cal"
"$hz" adaptive-sim -q --tasks-dir "$root/tasks" "${sims[@]}" --sweeps "$sweeps" --calibrate "$cal" --target-ci 2
echo
echo "== sim agents, METR's task lengths, target ratio 2, $sweeps sweeps, calibrate $cal"
"$hz" adaptive-sim -q --no-replay "${sims[@]}" --sweeps "$sweeps" --calibrate "$cal" --target-ci 2 "$metr"
echo
echo "== sim agents, catalogue tasks, each sweep's target = its full sweep's ratio"
"$hz" adaptive-sim -q --tasks-dir "$root/tasks" "${sims[@]}" --sweeps "$sweeps" --calibrate "$cal" --match-full
echo
echo "== METR's runs replayed, target = the full sweep's ratio, $rsweeps sweeps"
"$hz" adaptive-sim -q --sweeps "$rsweeps" --calibrate "$cal" --match-full "$metr"
