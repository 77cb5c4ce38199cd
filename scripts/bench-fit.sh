#!/usr/bin/env bash
# Benchmark `horizon fit`: 1000 bootstrap samples, --jobs 2, on METR's
# 7,063-run file and on 10x and 100x enlargements of it, with wall time and
# peak memory from /usr/bin/time.
#
# usage: scripts/bench-fit.sh [REPEATS]     (default 3; the best wall time is reported)
#
# Enlargement: every run is copied k times with a new run_id ("<id>~<copy>")
# and its weight columns divided by k.  Families, tasks and agents stay the
# same and each agent has k times the runs on every task, so the file's
# weights stay exactly what docs/method.md section 2 gives for the bigger file and the
# bootstrap keeps its meaning (the same task-level uncertainty, more runs to
# resample per task).  Adding new task ids instead would invent independent
# tasks and shrink the CIs artificially.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repeats=${1:-3}
data=${HZ_METR_DATA:-$root/tests/data/metr}/metr-2025-01
bin=$root/build/horizon
work=${TMPDIR:-/tmp}/hz-bench-fit
[ -x "$bin" ] || bash "$root/scripts/build.sh" "$root/build"
[ -x /usr/bin/time ] || { echo "bench-fit: /usr/bin/time is missing (scripts/setup.sh installs it)" >&2; exit 1; }
mkdir -p "$work"

enlarge() { # enlarge K OUT
	python3 - "$data/all_runs.jsonl" "$1" "$2" <<'PY'
import json, sys
src, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(src) as f, open(out + ".tmp", "w") as g:
    for line in f:
        r = json.loads(line)
        for c in range(k):
            r2 = dict(r)
            r2["run_id"] = "%s~%d" % (r["run_id"], c)
            for w in ("equal_task_weight", "invsqrt_task_weight"):
                r2[w] = r[w] / k
            g.write(json.dumps(r2) + "\n")
import os; os.replace(out + ".tmp", out)
PY
}
for k in 10 100; do
	[ -s "$work/all_runs_x$k.jsonl" ] || { echo "bench-fit: writing $work/all_runs_x$k.jsonl" >&2; enlarge $k "$work/all_runs_x$k.jsonl"; }
done

printf '%-22s %9s %8s %8s %12s\n' file runs "wall s" "cpu s" "peak RSS MB"
for f in "$data/all_runs.jsonl" "$work/all_runs_x10.jsonl" "$work/all_runs_x100.jsonl"; do
	best=""
	for _ in $(seq "$repeats"); do
		/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" fit -q --bootstrap 1000 --jobs 2 \
			--release-dates "$data/release_dates.yaml" "$f" >/dev/null
		read -r wall user sys rss <"$work/time"
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall; cpu=$(awk "BEGIN{print $user + $sys}"); mem=$rss
		fi
	done
	printf '%-22s %9d %8.2f %8.2f %12.1f\n' "$(basename "$f")" "$(wc -l <"$f")" "$best" "$cpu" "$(awk "BEGIN{print $mem / 1024}")"
done
