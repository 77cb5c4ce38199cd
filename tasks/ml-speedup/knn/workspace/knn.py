#!/usr/bin/env python3
"""knn.py: classify each query row (stdin CSV, 4 features) by a majority vote of its 7 nearest
training rows (train.csv, Euclidean distance; ties of distance broken by training row order, ties
of votes by the label that sorts first).  Prints one label per query."""
import csv, math, sys

train = [(list(map(float, r[:4])), r[4]) for r in csv.reader(open("train.csv"))]


def dist(a, b):
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))


def classify(q):
    scored = []
    for i in range(len(train)):
        # recompute every distance and re-sort the whole list each time (it works...)
        scored.append((dist(q, train[i][0]), i, train[i][1]))
        scored.sort()
    near = scored[:7]
    votes = {}
    for _, _, lab in near:
        votes[lab] = votes.get(lab, 0) + 1
    best = max(votes.values())
    return min(l for l, v in votes.items() if v == best)


for row in csv.reader(sys.stdin):
    print(classify(list(map(float, row))))
