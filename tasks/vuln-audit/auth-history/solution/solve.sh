#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
d=$(mktemp -d); git clone -q history.bundle "$d/p"; git -C "$d/p" log --format=%H -S X-Maintenance --reverse -- app.py | head -1 > answer.txt
