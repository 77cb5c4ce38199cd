#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -n 'if (use + 0 > limit + 0)' disk-report.sh | cut -d: -f1 > answer.txt
