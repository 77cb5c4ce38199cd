#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
tmp=$(mktemp -d)
git clone -q history.bundle "$tmp/project"
del=$(git -C "$tmp/project" log --format=%H --diff-filter=D -- db/migrate.sql | head -n 1)
git -C "$tmp/project" show "$del^:db/migrate.sql" | sed -n 's/^-- schema_version: //p' > answer.txt
rm -rf "$tmp"
