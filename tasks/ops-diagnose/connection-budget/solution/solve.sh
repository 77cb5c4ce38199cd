#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i 's/^max_connections = .*/max_connections = 32/' services/queue.ini
