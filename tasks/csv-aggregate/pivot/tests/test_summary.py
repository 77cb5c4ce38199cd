#!/usr/bin/env python3
"""Check summary.csv against the expected pivot table."""
import csv
import os
import sys

tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))


def load(path):
    with open(path, newline="") as f:
        return [[c.strip() for c in r] for r in csv.reader(f) if r]


if not os.path.exists("summary.csv"):
    sys.exit("summary.csv is missing")
got, want = load("summary.csv"), load(os.path.join(tests, "expected.csv"))
if got[:1] != want[:1]:
    sys.exit(f"header {got[:1]} != {want[:1]}")
if len(got) != len(want):
    sys.exit(f"{len(got) - 1} departments, expected {len(want) - 1}")
for i, (g, w) in enumerate(zip(got, want)):
    if i == 0:
        continue
    try:
        same = len(g) == 4 and g[0] == w[0] and int(g[1]) == int(w[1]) and abs(float(g[2]) - float(w[2])) < 0.006 \
            and float(g[3]) == float(w[3])
    except ValueError:
        same = False
    if not same:
        sys.exit(f"row {i + 1}: {g} != {w}")
print("ok")
