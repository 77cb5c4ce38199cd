#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > train.py <<'EOF'
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
Z = [[(v - m) / s for v, m, s in zip(x, mu, sd)] for x in X]


def sigmoid(t):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))


w, b, lr = [0.0] * d, 0.0, 0.2
idx = list(range(len(Z)))
for epoch in range(30):
    random.shuffle(idx)
    for i in idx:
        p = sigmoid(b + sum(wj * zj for wj, zj in zip(w, Z[i])))
        err = p - y[i]
        w = [wj - lr * err * zj for wj, zj in zip(w, Z[i])]
        b -= lr * err

json.dump({"mu": mu, "sd": sd, "w": w, "b": b}, open("model.json", "w"))
EOF
cat > predict.py <<'EOF'
#!/usr/bin/env python3
"""Read feature rows (CSV with a header) on stdin, print one 0/1 label per row using model.json."""
import csv, json, sys

m = json.load(open("model.json"))
for r in list(csv.reader(sys.stdin))[1:]:
    z = [(float(v) - a) / s for v, a, s in zip(r, m["mu"], m["sd"])]
    t = m["b"] + sum(w * v for w, v in zip(m["w"], z))
    print(1 if t > 0 else 0)
EOF
python3 train.py
