#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 -c 'import csv; print(sum(r["country"] == "NO" for r in csv.DictReader(open("customers.csv"))))' > answer.txt
