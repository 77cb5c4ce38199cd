#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > worker.toml <<'EOF'
# worker.toml: settings of the image-resize worker
name = "resizer"

[queue]
url = "amqp://jobs.internal:5672/resize"
prefetch = 8
dead_letter = "resize.dlq"

[resize]
widths = [320, 640, 1280, 1920]
timeout_s = 45   # 45 seconds per image
formats = ["webp", "avif"]

[storage.originals]
bucket = "img-originals"
region = "eu-north-1"

[storage.thumbs]
bucket = "img-thumbs"
region = "eu-north-1"
EOF
