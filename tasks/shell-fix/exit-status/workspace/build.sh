#!/bin/bash
# build.sh: stands in for the real build.  FAIL_BUILD=1 makes it fail half-way.
mkdir -p dist
echo "compiling 12 modules"
if [ "${FAIL_BUILD:-0}" = 1 ]; then
	echo "error: module 7 does not compile" >&2
	exit 2
fi
echo "app v3" > dist/app.txt
echo "build ok"
