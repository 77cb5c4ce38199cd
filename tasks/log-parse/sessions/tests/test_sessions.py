#!/usr/bin/env python3
"""Compare the agent's sessions.csv with the expected table, row by row."""
import csv
import os
import sys

tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))


def rows(path):
    with open(path, newline="") as f:
        return [r for r in csv.reader(f) if r]


def main():
    if not os.path.exists("sessions.csv"):
        print("sessions.csv is missing")
        return 1
    got, want = rows("sessions.csv"), rows(os.path.join(tests, "expected.csv"))
    if not got or [c.strip() for c in got[0]] != want[0]:
        print("header must be:", ",".join(want[0]))
        return 1
    if len(got) != len(want):
        print(f"{len(got) - 1} sessions, expected {len(want) - 1}")
        return 1
    for i, (g, w) in enumerate(zip(got[1:], want[1:]), start=2):
        g = [c.strip() for c in g]
        if len(g) != 5 or g[:4] != w[:4]:
            print(f"row {i}: {g} != {w}")
            return 1
        try:
            if abs(float(g[4]) - float(w[4])) > 0.0005:
                raise ValueError
        except ValueError:
            print(f"row {i}: duration {g[4]} != {w[4]}")
            return 1
    print("ok")
    return 0


sys.exit(main())
