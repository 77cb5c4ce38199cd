#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > app.env <<'EOF'
# app.env: settings of the shop front (read by check_env.py and the container platform)
DATABASE_URL=postgres://shop:s3cret@db.internal:5432/shop
PORT=8080
APP_NAME="Shop Front"
FEATURE_FLAGS=new_checkout,dark_mode
LOG_LEVEL=info
EOF
