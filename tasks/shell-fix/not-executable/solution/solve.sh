#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
chmod +x run.sh
