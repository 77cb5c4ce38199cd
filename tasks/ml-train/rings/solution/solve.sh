#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > predict.py <<'EOF'
import csv, sys
train = [(float(r[0]), float(r[1]), r[3]) for r in list(csv.reader(open("train.csv")))[1:]]
for r in list(csv.reader(sys.stdin))[1:]:
    x, y = float(r[0]), float(r[1])
    near = sorted(train, key=lambda t: (t[0] - x) ** 2 + (t[1] - y) ** 2)[:15]
    votes = [t[2] for t in near]
    print(max(set(votes), key=votes.count))
EOF
