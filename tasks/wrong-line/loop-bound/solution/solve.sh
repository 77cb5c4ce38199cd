#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -n 'i <= n' sum.c | cut -d: -f1 > answer.txt
