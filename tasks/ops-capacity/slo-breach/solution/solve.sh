#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import csv, collections
c = collections.Counter(r["host"] for r in csv.DictReader(open("latency.csv")) if float(r["p99_ms"]) > 300)
h, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
print(h, 5 * n)
EOF
