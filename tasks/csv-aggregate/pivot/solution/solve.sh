#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF'
import csv
agg = {}
for r in csv.DictReader(open("employees.csv", newline="")):
    if not r.get("employee_id") or r["status"].strip() == "terminated":
        continue
    sal = float(r["salary"].replace("$", "").replace(",", ""))
    agg.setdefault(r["department"].strip(), []).append(sal)
rows = sorted(((d, len(v), round(sum(v) / len(v), 2), max(v)) for d, v in agg.items()), key=lambda x: (-x[2], x[0]))
with open("summary.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["department", "headcount", "mean_salary", "max_salary"])
    for d, n, m, mx in rows:
        w.writerow([d, n, f"{m:.2f}", int(mx)])
EOF
