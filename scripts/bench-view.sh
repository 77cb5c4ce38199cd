#!/usr/bin/env bash
# Benchmark `horizon view` on a large sweep: 10,000 runs (20 agents x 250 tasks x 2 repeats,
# records shaped as horizon writes them) and one transcript of 3,000 turns (9,000 events),
# served on a free port.  Prints the start-up time (load + fit, --bootstrap 100), and the
# size and time of each data request the page makes, and of the static export.
#
# usage: scripts/bench-view.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/horizon
work=${TMPDIR:-/tmp}/hz-bench-view
[ -x "$bin" ] || bash "$root/scripts/build.sh" "$root/build"
rm -rf "$work" && mkdir -p "$work/sweep"
python3 - "$work/sweep" <<'PY'
import hashlib, json, math, os, random, sys
d = sys.argv[1]
rng = random.Random(1)
first = None
with open(os.path.join(d, "runs.jsonl"), "w") as f:
    for a in range(20):
        alias, h50 = "agent-%02d" % a, 2 ** (a / 2)
        for t in range(250):
            minutes = 2 ** (t / 25 - 2)
            for rep in (1, 2):
                rid = hashlib.sha256(("%s/%d/%d" % (alias, t, rep)).encode()).hexdigest()[:16]
                ok = rng.random() < 1 / (1 + math.exp(-(math.log2(h50) - math.log2(minutes))))
                first = first or rid
                f.write(json.dumps({"run_id": rid, "task_id": "fam-%02d/task-%03d" % (t % 30, t), "task_family": "fam-%02d" % (t % 30),
                    "task_version": "1", "alias": alias, "model": alias, "backend": "sim", "agent_spec": "sim,h50=%g" % h50,
                    "release_date": "%04d-%02d-01" % (2020 + a // 4, 1 + 3 * (a % 4)), "repeat": rep,
                    "status": "success" if ok else "failure", "score_binarized": int(ok), "score_cont": float(ok), "score": float(ok),
                    "human_minutes": minutes, "human_source": "estimate", "time_limit": 600, "started_at": 1795334813369,
                    "completed_at": 1795334813530, "fatal_error_from": None, "exit_reason": "agent_exit",
                    "verdict": "scorer_pass" if ok else "scorer_fail", "error": None, "wall_s": 1.5, "working_s": 1.5, "wait_s": 0.0,
                    "score_wall_s": 0.1, "total_tokens": None, "input_tokens": 0, "output_tokens": 0, "dollar_equivalent": None,
                    "turns": 0, "isolation": "none", "patch": "runs/%s/patch.diff" % rid, "transcript": None}) + "\n")
run = os.path.join(d, "runs", first)
os.makedirs(run)
with open(os.path.join(run, "transcript.jsonl"), "w") as f:
    f.write(json.dumps({"type": "start", "agent": "agent-00", "system": "You are a careful engineer."}) + "\n")
    f.write(json.dumps({"type": "user", "text": "Fix the bug."}) + "\n")
    for turn in range(1, 3001):
        f.write(json.dumps({"type": "assistant", "turn": turn, "text": "Step %d: let me look." % turn,
                            "tool_calls": [{"id": "c%d" % turn, "name": "bash", "arguments": "{\"command\":\"ls -la\"}"}]}) + "\n")
        f.write(json.dumps({"type": "tool", "turn": turn, "command": "ls -la", "exit_code": 0, "output": "x" * 400}) + "\n")
        f.write(json.dumps({"type": "http", "turn": turn, "attempt": 1, "status": 200}) + "\n")
    f.write(json.dumps({"type": "end", "exit_reason": "turn_limit", "turns": 3000}) + "\n")
with open(os.path.join(run, "patch.diff"), "w") as f:
    f.write("diff --git a/x b/x\n" + "".join("+line %d\n" % i for i in range(20000)))
open(os.path.join(d, "first"), "w").write(first)
PY
first=$(cat "$work/sweep/first")
start=$(date +%s.%N)
"$bin" view --port 0 --bootstrap 100 --jobs 2 -q "$work/sweep" >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1200); do grep -q 'serving on' "$work/out" && break; sleep 0.05; done
url=$(sed -n 's/.*serving on \(http:[^ ]*\).*/\1/p' "$work/out")
[ -n "$url" ] || { echo "bench-view: the server did not start"; cat "$work/err"; exit 1; }
echo "start-up (read 10,000 runs, fit 20 agents with 100 bootstrap samples): $(echo "$(date +%s.%N) - $start" | bc) s"
for key in sweeps s/0/runs s/0/fit "s/0/run/$first" "s/0/tr/$first/0" "s/0/tr/$first/44"; do
	best=
	for _ in 1 2 3; do
		t=$(curl -s -o "$work/body" -w '%{time_total}' "${url}api/$key")
		best=$(python3 -c 'import sys; a=sys.argv[1]; b=sys.argv[2]; print(b if not a or float(b) < float(a) else a)' "$best" "$t")
	done
	printf '%-34s %9d bytes  %6.1f ms (best of 3)\n' "$key" "$(stat -c %s "$work/body")" "$(python3 -c "print(float('$best')*1000)")"
done
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
start=$(date +%s.%N)
"$bin" view --export "$work/site" --bootstrap 100 --jobs 2 -q "$work/sweep" >/dev/null
echo "export: $(find "$work/site" -type f | wc -l) files, $(du -sh "$work/site" | cut -f1), $(echo "$(date +%s.%N) - $start" | bc) s"
