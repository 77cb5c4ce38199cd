#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
gcc -O2 -o mix mix.c
./mix 77777 > answer.txt
rm -f mix
