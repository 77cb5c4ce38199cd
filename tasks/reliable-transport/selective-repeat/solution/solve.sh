#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
d="$(dirname "$0")"
cp "$d/rt.py" rt.py
printf '#!/bin/sh\nexec python3 "$(dirname "$0")/rt.py" "$1" "$2" "$3" connect\n' > sender
printf '#!/bin/sh\nexec python3 "$(dirname "$0")/rt.py" "$1" "$2" "$3" listen\n' > receiver
chmod +x sender receiver
