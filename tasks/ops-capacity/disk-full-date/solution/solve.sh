#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import csv, datetime as dt
rows = [(dt.date.fromisoformat(r["date"]), float(r["used_gb"])) for r in csv.DictReader(open("usage.csv"))]
t0 = rows[0][0]
pts = [((d - t0).days, u) for d, u in rows if d >= dt.date(2025, 8, 31)]
n = len(pts); mx = sum(x for x, _ in pts) / n; my = sum(y for _, y in pts) / n
b = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts); a = my - b * mx
x = 0
while a + b * x < 900:
    x += 1
print(t0 + dt.timedelta(days=x))
EOF
