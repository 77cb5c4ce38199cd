#!/usr/bin/env bash
# Configure and build horizon.  usage: scripts/build.sh [BUILD_DIR] [cmake options...]
# Defaults to build/ with gcc in RelWithDebInfo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build}
shift || true
cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
