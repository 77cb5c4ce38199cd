#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > predict.py <<'EOF'
import collections, math, sys
rows = [l.rstrip("\n").split("\t") for l in open("train.tsv")][1:]
cnt = collections.defaultdict(collections.Counter); prior = collections.Counter()
for text, lab in rows:
    prior[lab] += 1
    cnt[lab].update(text.lower().split())
vocab = set(w for c in cnt.values() for w in c)
tot = {l: sum(c.values()) for l, c in cnt.items()}
for line in list(sys.stdin)[1:]:
    ws = line.lower().split()
    print(max(prior, key=lambda l: math.log(prior[l]) + sum(math.log((cnt[l][w] + 1) / (tot[l] + len(vocab))) for w in ws)))
EOF
