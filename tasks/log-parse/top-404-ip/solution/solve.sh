#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
awk '$4 ~ /:10:[0-5][0-9]:[0-5][0-9]$/ && $9 == 404 { n[$1]++ } END { for (ip in n) print n[ip], ip }' access.log \
	| sort -rn | head -n 1 | awk '{ print $2 }' > answer.txt
