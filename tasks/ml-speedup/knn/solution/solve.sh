#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > knn.py <<'EOF'
#!/usr/bin/env python3
"""knn.py: classify each query row (stdin CSV, 4 features) by a majority vote of its 7 nearest
training rows (train.csv, Euclidean distance; ties of distance broken by training row order, ties
of votes by the label that sorts first).  Prints one label per query."""
import csv, heapq, sys

train = [(list(map(float, r[:4])), r[4]) for r in csv.reader(open("train.csv"))]
pts = [t[0] for t in train]
labels = [t[1] for t in train]


def classify(q):
    q0, q1, q2, q3 = q
    d = [((a - q0) ** 2 + (b - q1) ** 2 + (c - q2) ** 2 + (e - q3) ** 2, i) for i, (a, b, c, e) in enumerate(pts)]
    near = heapq.nsmallest(7, d)
    votes = {}
    for _, i in near:
        votes[labels[i]] = votes.get(labels[i], 0) + 1
    best = max(votes.values())
    return min(l for l, v in votes.items() if v == best)


for row in csv.reader(sys.stdin):
    print(classify(list(map(float, row))))
EOF
