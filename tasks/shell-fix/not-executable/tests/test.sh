#!/bin/bash
# The script must run as ./run.sh, unchanged.
set -u
[ -x run.sh ] || { echo "run.sh is not executable"; exit 1; }
echo "e38cbaed882d269c4aa04fa1ab760623cd2097371d92f640c1b3b5fce8bef6c5  run.sh" | sha256sum -c --quiet - || { echo "run.sh was edited"; exit 1; }
out=$(./run.sh) || { echo "./run.sh failed"; exit 1; }
[ "$out" = "release 4.2.1 built from 37 changes" ] || { echo "unexpected output: $out"; exit 1; }
