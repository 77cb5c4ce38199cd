#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cp "$(dirname "$0")/luai_impl.py" "$(dirname "$0")/luai" .
chmod +x luai
python3 -m compileall -q luai_impl.py >/dev/null
