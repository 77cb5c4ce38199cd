#!/bin/bash
# run.sh: print the build stamp the release notes quote.
set -eu
version=$(cat VERSION)
echo "release ${version} built from $(wc -l < CHANGES) changes"
