#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
git clone -q history.bundle "$tmp/project"
found=()
for b in $(git -C "$tmp/project" for-each-ref --format='%(refname:short)' refs/remotes/origin/release/); do
	if git -C "$tmp/project" show "$b:billing/amount.py" | grep -q 'return -int(s\[1:-1\])'; then
		found+=("${b#origin/}")
	fi
done
(IFS=,; echo "${found[*]}") > answer.txt
rm -rf "$tmp"
