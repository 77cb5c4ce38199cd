#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
echo "field.c:$(grep -n 'if (n > outsz)' field.c | cut -d: -f1)" > answer.txt
