#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -rln 'raise SyncError(msg.STALE_MANIFEST' fetchkit > answer.txt
