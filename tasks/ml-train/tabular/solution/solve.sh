#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF'

import csv, json, math, sys
rows = list(csv.reader(open("train.csv")))[1:]
X = [[float(v) for v in r[:-1]] for r in rows]; y = [int(r[-1]) for r in rows]
d = len(X[0]); mu = [sum(c) / len(c) for c in zip(*X)]
sd = [max(1e-9, (sum((v - m) ** 2 for v in c) / len(c)) ** 0.5) for c, m in zip(zip(*X), mu)]
Z = [[(v - m) / s for v, m, s in zip(x, mu, sd)] for x in X]
w = [0.0] * d; b = 0.0
for epoch in range(200):
    gw = [0.0] * d; gb = 0.0
    for z, t in zip(Z, y):
        p = 1 / (1 + math.exp(-max(-30, min(30, b + sum(a * c for a, c in zip(w, z))))))
        for i in range(d): gw[i] += (p - t) * z[i]
        gb += p - t
    w = [wi - 0.5 * g / len(Z) for wi, g in zip(w, gw)]; b -= 0.5 * gb / len(Z)
json.dump({"mu": mu, "sd": sd, "w": w, "b": b}, open("model.json", "w"))
EOF
cat > predict.py <<'EOF'
import csv, json, sys
m = json.load(open("model.json"))
for r in list(csv.reader(sys.stdin))[1:]:
    z = [(float(v) - a) / s for v, a, s in zip(r, m["mu"], m["sd"])]
    print(1 if m["b"] + sum(w * v for w, v in zip(m["w"], z)) > 0 else 0)
EOF
