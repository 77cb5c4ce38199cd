#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -n 'shell=True' thumbs.py | cut -d: -f1 > answer.txt
