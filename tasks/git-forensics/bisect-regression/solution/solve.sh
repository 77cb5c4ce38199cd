#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
git clone -q history.bundle "$tmp/project"
cd "$tmp/project"
git bisect start HEAD "$(git rev-list --max-parents=0 HEAD)" >/dev/null
git bisect run bash check.sh >/dev/null 2>&1
first_bad=$(git rev-parse refs/bisect/bad)
cd - >/dev/null
echo "$first_bad" > answer.txt
rm -rf "$tmp"
