#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import calendar, re
data = open("manifest.enc", "rb").read()
head = b"BACKUP-MANIFEST v2"
def ks(seed, n):
    x, out = seed & 0xFFFFFFFF, []
    for _ in range(n):
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)
t0 = calendar.timegm((2025, 6, 15, 0, 0, 0))
for s in range(t0, t0 + 2 * 86400):
    x = s & 0xFFFFFFFF
    x = (1103515245 * x + 12345) & 0x7FFFFFFF
    if (x >> 16) & 0xFF != data[0] ^ head[0]:
        continue
    pt = bytes(a ^ b for a, b in zip(data, ks(s, len(data))))
    if pt.startswith(head):
        print(re.search(rb"key=(FLAG\{[0-9a-f]+\})", pt).group(1).decode()); break
EOF
