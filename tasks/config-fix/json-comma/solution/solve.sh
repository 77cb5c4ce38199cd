#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i 's/512,\]/512]/' config.json
