#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import hashlib
want = [l.split(":")[1].strip() for l in open("shadow.txt") if l.startswith("svc-backup:")][0]
for w in open("wordlist.txt").read().split():
    for n in range(100):
        for s in "!@#$":
            p = "%s%02d%s" % (w.capitalize(), n, s)
            if hashlib.sha256(p.encode()).hexdigest() == want:
                print(p)
EOF
