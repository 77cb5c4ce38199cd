#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - > answer.txt <<'EOF'
import math, re
vals = []
for line in open("requests.log"):
    m = re.match(r"\S+ \S+ /api/search(\?\S*)? status=200 dur=([0-9.]+)ms", line)
    if m:
        vals.append(float(m.group(2)))
vals.sort()
print(vals[math.ceil(0.95 * len(vals)) - 1])
EOF
