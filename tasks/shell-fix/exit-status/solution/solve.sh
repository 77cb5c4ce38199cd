#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i 's/^set -eu$/set -euo pipefail/' deploy.sh
