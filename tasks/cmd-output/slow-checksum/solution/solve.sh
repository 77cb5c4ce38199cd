#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
sed 's/^THROTTLE_S = 0.5$/THROTTLE_S = 0/' fingerprint.py > "$tmp/fp_fast.py"
python3 "$tmp/fp_fast.py" parts.tsv > answer.txt
rm -rf "$tmp"
