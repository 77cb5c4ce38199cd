#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cut -d: -f7 passwd.txt | sort | uniq -c | sort -rn | head -n 1 > answer.txt
