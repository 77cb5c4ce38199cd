#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cp "$(dirname "$0")/cc.py" cc
chmod +x cc
