#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
git clone -q history.bundle "$tmp/project"
git -C "$tmp/project" blame --porcelain -L '/^MAX_RETRIES/,+1' client/config.py | sed -n 's/^author //p' > answer.txt
rm -rf "$tmp"
