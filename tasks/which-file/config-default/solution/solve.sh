#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
echo shopcache/backend/limits.py > answer.txt
