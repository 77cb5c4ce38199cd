#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > pipeline.cfg <<'EOF'
# Nightly build of the storefront.
name: nightly-build
schedule:
  cron: "0 2 * * *"
  timezone: Europe/Oslo
steps:
  - checkout
  - build
  - test
  - publish
notify:
  slack:
    channel: "#deploys"
    on_failure: true
  email: ops@example.com
retries: 2
# the whole run must finish within an hour and a half
timeout_min: 90
EOF
