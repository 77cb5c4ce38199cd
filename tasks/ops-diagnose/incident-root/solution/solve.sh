#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import datetime as dt, glob, os
errs = []
for p in glob.glob("logs/*.log"):
    for l in open(p):
        ts, msg = l.split(" ", 1)
        t = dt.datetime.fromisoformat(ts).astimezone(dt.timezone.utc)
        if msg.startswith("ERROR") and dt.datetime(2025, 9, 12, 14, 15, tzinfo=dt.timezone.utc) <= t:
            errs.append((t, os.path.basename(p)[:-4]))
print(min(errs)[1])
EOF
