#!/usr/bin/env bash
# The main job in one command: install what horizon and the demo use (scripts/setup.sh --demo:
# no Chromium, no Slurm: those are for the tests), build it (scripts/build.sh), then run the whole
# pipeline on built-in defaults: a sweep of the task catalogue with simulated agents, the fit, the
# report and the doubling chart.
#
# usage: scripts/demo.sh [horizon demo options]     e.g. scripts/demo.sh --quick
# Results go to results/demo/ (re-running reuses the runs already recorded).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh" --demo
bash "$root/scripts/build.sh" "$root/build"
cd "$root"
exec "$root/build/horizon" demo "$@"
