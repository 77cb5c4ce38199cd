#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -l '^HANDLER(quit)' *.c > answer.txt
