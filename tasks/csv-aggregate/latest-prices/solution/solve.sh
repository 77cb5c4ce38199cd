#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - > answer.txt <<'EOF'
import csv
from decimal import Decimal
latest = {}
for r in csv.DictReader(open("price_updates.csv")):
    if r["sku"] not in latest or r["updated_at"] > latest[r["sku"]][0]:
        latest[r["sku"]] = (r["updated_at"], r["price"])
live = [Decimal(p) for ts, p in latest.values() if p]
print(len(live), f"{sum(live):.2f}")
EOF
