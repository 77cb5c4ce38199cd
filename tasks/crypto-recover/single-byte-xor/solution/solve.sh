#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import re
data = open("secret.bin", "rb").read()
best = max(range(256), key=lambda k: sum(65 <= (b ^ k) | 32 <= 122 and (b ^ k) | 32 >= 97 or b ^ k == 32 for b in data))
print(re.search(rb"FLAG\{[0-9a-f]+\}", bytes(b ^ best for b in data)).group().decode())
EOF
