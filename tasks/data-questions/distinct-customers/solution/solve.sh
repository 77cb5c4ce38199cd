#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 -c "import csv; print(len({r['email'].strip().lower() for r in csv.DictReader(open('orders.csv'))}))" > answer.txt
