#!/usr/bin/env python3
"""The set of branch names in answer.txt must be exactly the expected one (any order, commas or spaces)."""
import os, re, sys
tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
if not os.path.isfile("answer.txt") or os.path.islink("answer.txt"):
    sys.exit("no answer.txt")
got = set(filter(None, re.split(r"[\s,]+", open("answer.txt").read())))
got = {g[len("origin/"):] if g.startswith("origin/") else g for g in got}
want = set(open(os.path.join(tests, "expected.txt")).read().split())
if got != want:
    sys.exit(f"answer {sorted(got)} is not the expected set of branches")
print("ok")
