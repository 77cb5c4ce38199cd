#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
awk '$2 == "ERROR"' app.log | wc -l > answer.txt
