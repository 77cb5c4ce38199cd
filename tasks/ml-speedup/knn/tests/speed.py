#!/usr/bin/env python3
"""Hidden scorer: knn.py must print exactly the expected labels for the hidden queries within a CPU
budget (argv[1] seconds; the original needs several minutes)."""
import os, resource, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
cpu = int(sys.argv[1])
def lim():
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
try:
    r = subprocess.run([sys.executable, "knn.py"], stdin=open(os.path.join(T, "queries.csv")), capture_output=True, text=True,
                       timeout=20 * cpu, preexec_fn=lim)
except subprocess.TimeoutExpired:
    print("timed out"); sys.exit(1)
if r.returncode != 0:
    print("knn.py failed or ran out of its %d CPU seconds (status %d)" % (cpu, r.returncode)); sys.exit(1)
want = open(os.path.join(T, "expected.txt")).read().split()
got = r.stdout.split()
if got != want:
    bad = sum(a != b for a, b in zip(got, want)) + abs(len(got) - len(want))
    print("%d of %d labels differ from the original program's" % (bad, len(want))); sys.exit(1)
print("ok"); sys.exit(0)
