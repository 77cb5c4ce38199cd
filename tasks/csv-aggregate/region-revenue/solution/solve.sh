#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - > answer.txt <<'EOF'
import csv
from decimal import Decimal
total = Decimal(0)
for r in csv.DictReader(open("sales.csv")):
    if r["region"] == "North" and "2024-01-01" <= r["date"] <= "2024-03-31":
        total += int(r["quantity"]) * Decimal(r["unit_price"])
print(f"{total:.2f}")
EOF
