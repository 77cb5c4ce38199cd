#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
gcc -O2 -o "$tmp/stats" stats.c -lm
"$tmp/stats" samples.txt > answer.txt
rm -rf "$tmp"
