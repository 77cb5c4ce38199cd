#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cp "$(dirname "$0")/mgit.py" mgit
chmod +x mgit
