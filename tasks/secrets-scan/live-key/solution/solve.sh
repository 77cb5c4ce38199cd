#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
d=$(mktemp -d); git clone -q history.bundle "$d/r"; git -C "$d/r" log -p --all | grep -o "AKIA[A-Z2-7]\{16\}" | sort -u | grep -v -x -F -f revoked.txt | grep -v AKIAIOSFODNN7EXAMPLE > answer.txt
