#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import csv, datetime as dt, re
tot = 0
for r in csv.DictReader(open("sales.csv")):
    s = r["date"]
    for f in ("%Y-%m-%d", "%d/%m/%Y", "%b %d %Y", "%Y%m%d"):
        try: d = dt.datetime.strptime(s, f).date(); break
        except ValueError: pass
    cents = round(float(re.sub(r"[^0-9.]", "", r["amount"])) * 100)
    if dt.date(2025, 4, 1) <= d <= dt.date(2025, 6, 30) and r["status"].strip().lower() == "paid":
        tot += cents
print("%d.%02d" % divmod(tot, 100))
EOF
