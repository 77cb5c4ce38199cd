#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -n 's\[mid + 1\]' stats.py | cut -d: -f1 > answer.txt
