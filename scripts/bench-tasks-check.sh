#!/usr/bin/env bash
# The scorer bounds of issue #13: each task's scorer under 60 CPU s on the reference solution, and
# `horizon tasks check` over the whole catalogue under 10 minutes on 2 cores.  Prints figures:
#   1. per task, the CPU seconds (user + system, the scorer and all its children) and wall seconds
#      of its scorer on the reference solution, run one task at a time outside the sandbox (the
#      workspace copied to a scratch directory and committed, solve.sh applied, the scorer run with
#      {tests}/{workspace}/{solution} and HZ_TESTS/HZ_WORKSPACE as the engine sets them); the
#      slowest first, then the max and the total; scorers over 5 CPU s (the catalogue's target) are
#      marked "slow", over 60 CPU s (the issue's bound) "OVER";
#   2. the wall time of `horizon tasks check` on the same selection at --jobs $JOBS (default 2).
# Exit status 1 when a scorer is over 60 CPU s, a reference solution fails its own scorer, or the
# check fails; 0 otherwise.  On a shared machine the figures are noisy: CPU seconds less than wall.
# Usage: scripts/bench-tasks-check.sh [BUILD_DIR]
#   env: TASKS='FAMILY/*' (a shell pattern of task ids, default every task), JOBS=2,
#        NO_CHECK=1 (skip part 2), NO_SCORERS=1 (skip part 1)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hz=${1:-$root/build}/horizon
cat=$root/tasks
pattern=${TASKS:-*/*}
jobs=${JOBS:-2}
rc=0

if [ -z "${NO_SCORERS:-}" ]; then
	echo "== scorer CPU on the reference solution, one task at a time ($cat, tasks '$pattern')"
	python3 - "$cat" "$pattern" <<'PY' || rc=1
import fnmatch, json, os, resource, shutil, subprocess, sys, tempfile, time
cat, pattern = sys.argv[1], sys.argv[2]
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
def git(ws, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", *args], cwd=ws,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
rows = []
ids = sorted(f + "/" + n for f in os.listdir(cat) if os.path.isdir(os.path.join(cat, f))
             for n in os.listdir(os.path.join(cat, f)) if os.path.isfile(os.path.join(cat, f, n, "task.json")))
for tid in (t for t in ids if fnmatch.fnmatchcase(t, pattern)):
    td = os.path.join(cat, tid)
    sc = json.load(open(os.path.join(td, "task.json")))["scorer"]
    if sc.get("kind") == "answer":
        rows.append((0.0, 0.0, tid, "answer"))  # compared by the engine: no scorer process
        continue
    scratch = tempfile.mkdtemp(prefix="hz_bench_")
    ws = os.path.join(scratch, "workspace")
    try:
        shutil.copytree(os.path.join(td, "workspace"), ws, symlinks=True)
        git(ws, "init", "-q"); git(ws, "add", "-A"); git(ws, "commit", "-q", "--allow-empty", "-m", "baseline")
        sol, tests = os.path.join(td, "solution"), os.path.join(td, "tests")
        env = dict(os.environ, HZ_SOLUTION=sol, HZ_TESTS=tests, HZ_WORKSPACE=ws, HZ_TASK_ID=tid)
        subprocess.run(["bash", os.path.join(sol, "solve.sh")], cwd=ws, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)
        argv = [a.replace("{tests}", tests).replace("{workspace}", ws).replace("{solution}", sol) for a in sc["command"]]
        c0, w0 = cpu(), time.monotonic()
        try:
            p = subprocess.run(argv, cwd=ws, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=sc.get("timeout_s", 60), start_new_session=True)
            verdict = "pass" if p.returncode == 0 else "FAIL (exit %d)" % p.returncode
            if p.returncode == 0 and sc["kind"] == "json":
                last = [l for l in p.stdout.decode("utf-8", "replace").splitlines() if l.strip()][-1:]
                score = json.loads(last[0]).get("score", 0) if last else 0
                verdict = "pass" if score >= sc.get("threshold", 1) else "FAIL (score %s)" % score
        except subprocess.TimeoutExpired:
            verdict = "FAIL (timeout %s s)" % sc.get("timeout_s", 60)
        rows.append((cpu() - c0, time.monotonic() - w0, tid, verdict))
    except (OSError, subprocess.SubprocessError, ValueError) as e:
        rows.append((0.0, 0.0, tid, "FAIL (%s)" % e))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("  %-45s %7.2f CPU s %7.2f s  %s" % (tid, rows[-1][0], rows[-1][1], rows[-1][3]), file=sys.stderr, flush=True)
print("%-45s %9s %9s  %s" % ("task", "CPU s", "wall s", "reference"))
for c, w, tid, v in sorted(rows, reverse=True):
    mark = "  OVER 60 CPU s" if c > 60 else "  slow (> 5 CPU s)" if c > 5 else ""
    print("%-45s %9.2f %9.2f  %s%s" % (tid, c, w, v, mark))
scored = [r for r in rows if r[3] != "answer"]
over = [r for r in rows if r[0] > 60]
bad = [r for r in rows if r[3].startswith("FAIL")]
if rows:
    top = max(rows)
    print("tasks %d (%d with a scorer process); scorer CPU: max %.2f s (%s), total %.2f s; wall total %.2f s"
          % (len(rows), len(scored), top[0], top[2], sum(r[0] for r in rows), sum(r[1] for r in rows)))
print("over 5 CPU s: %d; over 60 CPU s: %d%s; reference failures: %d%s"
      % (sum(r[0] > 5 for r in rows), len(over), " (" + ", ".join(r[2] for r in over) + ")" if over else "",
         len(bad), " (" + ", ".join(r[2] for r in bad) + ")" if bad else ""))
sys.exit(1 if over or bad or not rows else 0)
PY
	echo
fi

if [ -z "${NO_CHECK:-}" ]; then
	sel=()
	[ -n "${TASKS:-}" ] && sel=("$TASKS")
	echo "== horizon tasks check ${sel[*]:-(every task)} --jobs $jobs ($(nproc) cores)"
	start=$(date +%s.%N)
	"$hz" tasks check -C "$cat" "${sel[@]}" --jobs "$jobs" --quiet || rc=1
	end=$(date +%s.%N)
	python3 -c 'import sys; s = float(sys.argv[2]) - float(sys.argv[1]); print("tasks check wall time: %.1f s (%.1f min; bound 10 min)" % (s, s / 60))' "$start" "$end"
fi
exit $rc
