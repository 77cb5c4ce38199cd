#!/bin/bash
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O1 -Wall -Wextra -Werror -o "$T/runs" runs.c || { echo "FAIL: does not compile cleanly"; exit 1; }
python3 - "$T/runs" <<'PY'
import random, subprocess, sys
exe = sys.argv[1]
def model(data, c, d, i):
    lines = data.split("\n")
    if lines[-1] == "": lines.pop()
    out = []; k = 0
    while k < len(lines):
        j = k
        key = (lambda s: s.lower()) if i else (lambda s: s)
        while j + 1 < len(lines) and key(lines[j + 1]) == key(lines[k]): j += 1
        n = j - k + 1
        if not d or n >= 2:
            out.append(("%7d " % n if c else "") + lines[k] + "\n")
        k = j + 1
    return "".join(out)
fails = 0
rng = random.Random(5)
inputs = ["", "a\n", "a", "a\na\n", "a\na", "a\nb\na\n", "x\nx\nx\ny\ny\nz\n", "\n\n\n", "Apple\napple\nAPPLE\nbanana\nBanana\nc\n",
          "".join(rng.choice(["aa\n", "aa\n", "AA\n", "b\n", "\n", "cc c\n"]) for _ in range(300)),
          "".join(("line%d\n" % (k // 3)) for k in range(3000000 // 1000)), "x" * 50000 + "\n" + "x" * 50000 + "\ny"]
flagsets = [([], 0, 0, 0), (["-c"], 1, 0, 0), (["-d"], 0, 1, 0), (["-c", "-d"], 1, 1, 0), (["-dc"], 1, 1, 0),
            (["-cd"], 1, 1, 0), (["-i", "-c"], 1, 0, 1), (["-icd"], 1, 1, 1), (["-d", "-i"], 0, 1, 1), (["-i"], 0, 0, 1)]
for data in inputs:
    for args, c, d, i in flagsets:
        p = subprocess.run([exe] + args, input=data.encode(), capture_output=True)
        want = model(data, c, d, i).encode()
        if p.returncode != 0 or p.stdout != want:
            fails += 1
            if fails <= 8: print("FAIL %r on %r: rc=%d got %r want %r" % (args, data[:40], p.returncode, p.stdout[:100], want[:100]))
for args in (["-x"], ["file"], ["-c", "file"], ["-cz"]):
    p = subprocess.run([exe] + args, input=b"a\n", capture_output=True)
    if p.returncode != 2 or not p.stderr:
        fails += 1; print("FAIL usage %r: rc=%d" % (args, p.returncode))
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
