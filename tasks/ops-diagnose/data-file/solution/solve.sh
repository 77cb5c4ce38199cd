#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i 's#^data_file = .*#data_file = data/users.minidb#' services/db.ini
