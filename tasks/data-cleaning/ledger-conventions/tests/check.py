#!/usr/bin/env python3
import os, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
want = open(os.path.join(T, "expected.csv")).read().splitlines()
if not os.path.isfile("net.csv"):
    print("no net.csv"); sys.exit(1)
got = open("net.csv").read().splitlines()
if got == want:
    sys.exit(0)
bad = [i for i in range(max(len(got), len(want))) if i >= len(got) or i >= len(want) or got[i] != want[i]]
print("%d lines differ; first at line %d: expected %r, got %r" % (len(bad), bad[0] + 1, want[bad[0]] if bad[0] < len(want) else None, got[bad[0]] if bad[0] < len(got) else None))
sys.exit(1)
