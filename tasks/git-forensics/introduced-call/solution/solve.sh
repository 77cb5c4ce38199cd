#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
git clone -q history.bundle "$tmp/project"
git -C "$tmp/project" log --format=%H -S 'disable_tls_verification(ctx)' -- sync/http.py | head -n 1 > answer.txt
rm -rf "$tmp"
