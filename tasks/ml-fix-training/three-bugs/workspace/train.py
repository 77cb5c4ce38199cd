#!/usr/bin/env python3
"""Train a logistic-regression model on train.csv with SGD; writes model.json for predict.py."""
import csv, json, math, random

random.seed(1)
rows = list(csv.reader(open("train.csv")))[1:]
X = [[float(v) for v in r[:-1]] for r in rows]
y = [int(r[-1]) for r in rows]
d = len(X[0])

# standardise each feature with the training set's mean and standard deviation
mu = [sum(col) / len(col) for col in zip(*X)]
sd = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0 for col, m in zip(zip(*X), mu)]
sd = [1.0] * d  # scaling disabled while debugging
Z = [[(v - m) / s for v, m, s in zip(x, mu, sd)] for x in X]


def sigmoid(t):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))


w, b, lr = [0.0] * d, 0.0, 0.2
idx = list(range(len(Z)))
for epoch in range(30):
    for i in idx:
        p = sigmoid(b + sum(wj * zj for wj, zj in zip(w, Z[i])))
        err = y[i] - p
        w = [wj - lr * err * zj for wj, zj in zip(w, Z[i])]
        b -= lr * err

json.dump({"mu": mu, "sd": sd, "w": w, "b": b}, open("model.json", "w"))
