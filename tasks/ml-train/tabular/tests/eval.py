#!/usr/bin/env python3
"""Hidden scorer: run the workspace's predict.py on the hidden test features (tests/test_x.csv on
standard input), compare its labels, one per line, with tests/test_y.txt.  Success when the
accuracy reaches the threshold (argv[1]).  Prints the accuracy."""
import os, resource, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
import hashlib
need = float(sys.argv[1])
pre = sys.argv[2:]  # --keep FILE:SHA256 (a file that must not change) ..., then an optional training command
while pre[:1] == ["--keep"]:
    f, h = pre[1].rsplit(":", 1)
    if not os.path.isfile(f) or hashlib.sha256(open(f, "rb").read()).hexdigest() != h:
        print("%s was changed (it must not be)" % f); sys.exit(1)
    pre = pre[2:]
def lim():
    resource.setrlimit(resource.RLIMIT_CPU, (60, 61))
if pre:
    r = subprocess.run(pre, preexec_fn=lim, timeout=120)
    if r.returncode != 0:
        print("training command failed"); sys.exit(1)
if not os.path.isfile("predict.py"):
    print("no predict.py"); sys.exit(1)
try:
    r = subprocess.run([sys.executable, "predict.py"], stdin=open(os.path.join(T, "test_x.csv")), capture_output=True,
                       text=True, timeout=120, preexec_fn=lim)
except subprocess.TimeoutExpired:
    print("predict.py timed out"); sys.exit(1)
got = r.stdout.split()
want = open(os.path.join(T, "test_y.txt")).read().split()
if len(got) != len(want):
    print("predict.py printed %d labels for %d rows (stderr: %s)" % (len(got), len(want), r.stderr[-300:])); sys.exit(1)
acc = sum(a == b for a, b in zip(got, want)) / len(want)
print("accuracy %.4f (need %.2f)" % (acc, need))
sys.exit(0 if acc >= need else 1)
