#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import re
data = open("memo.enc", "rb").read()
def score(col, k):
    return sum(97 <= (b ^ k) | 32 <= 122 or b ^ k == 32 for b in col)
def hd(a, b):
    return sum(bin(x ^ y).count("1") for x, y in zip(a, b))
# key length: the smallest normalised Hamming distance between blocks
def dist(n):
    blocks = [data[i:i + n] for i in range(0, n * 40, n)]
    return sum(hd(blocks[i], blocks[i + 1]) for i in range(39)) / (39 * n)
for n in sorted(range(2, 41), key=dist)[:5]:
    key = bytes(max(range(256), key=lambda k: score(data[i::n], k)) for i in range(n))
    pt = bytes(b ^ key[i % n] for i, b in enumerate(data))
    m = re.search(rb"FLAG\{[0-9a-f]+\}", pt)
    if m:
        print(m.group().decode()); break
EOF
