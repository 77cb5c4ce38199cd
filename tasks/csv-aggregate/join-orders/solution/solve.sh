#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - > answer.txt <<'EOF'
import csv
rates = {r["currency"]: float(r["eur_per_unit"]) for r in csv.DictReader(open("rates.csv"))}
country = {r["customer_id"]: r["country"] for r in csv.DictReader(open("customers.csv"))}
total = {}
for o in csv.DictReader(open("orders.csv")):
    if o["status"] == "paid" and o["placed_at"].startswith("2023-"):
        c = country[o["customer_id"]]
        total[c] = total.get(c, 0) + float(o["amount"]) * rates[o["currency"]]
best = max(total, key=total.get)
print(best, round(total[best]))
EOF
