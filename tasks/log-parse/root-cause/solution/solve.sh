#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - > answer.txt <<'EOF'
from collections import Counter
roots, current = Counter(), None
for line in open("service.log"):
    line = line.rstrip("\n")
    if line[:4].isdigit():              # a log record: ends any trace
        if current:
            roots[current] += 1
        current = None
        expect_trace = " ERROR " in line
        continue
    if line.startswith("\t"):
        continue
    name = line[len("Caused by: "):] if line.startswith("Caused by: ") else line
    current = name.split(":")[0]
if current:
    roots[current] += 1
cls, n = roots.most_common(1)[0]
print(cls, n)
EOF
