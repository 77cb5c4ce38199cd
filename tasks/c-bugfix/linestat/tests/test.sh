#!/bin/bash
# Hidden scorer: build from scratch, compare with a Python model on many inputs.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O1 -g -Wall -Wextra -Werror -o "$T/linestat" linestat.c || { echo "FAIL: does not compile cleanly"; exit 1; }
python3 - "$T" <<'PY'
import os, random, subprocess, sys
T = sys.argv[1]
def model(b):
    lines = b.count(b"\n"); words = 0; inw = False
    for ch in b:
        if ch in b" \t\n\r\v\f": inw = False
        elif not inw: inw = True; words += 1
    longest = max((len(x) for x in b.split(b"\n")), default=0)
    return "%d %d %d %d\n" % (lines, words, len(b), longest)
cases = [b"", b"\n", b"a", b"hello world\n", b"  lead and trail  \n", b"no newline at end",
         b"short\nthe last line is the longest", b"a\r\nb c\r\n", b"x\fy\vz\n", b"\xff\xfe binary \xff\n tail",
         b"\xff", b"tab\tsep\tvalues\n\n\n", b"one\n\ntwo  three\n"]
rng = random.Random(7)
alphabet = b"ab \t\n\r\xff\x00\x0b\x0cz"
for i in range(200):
    n = rng.randint(0, 300)
    cases.append(bytes(rng.choice(alphabet) for _ in range(n)))
cases.append(bytes(range(256)) * 40 + b"tail without newline" * 10)
fails = 0
for i, b in enumerate(cases):
    p = subprocess.run([os.path.join(T, "linestat")], input=b, capture_output=True)
    want = model(b).encode()
    if p.returncode != 0 or p.stdout != want:
        fails += 1
        if fails <= 10: print("FAIL case %d input %r: got %r want %r" % (i, b[:60], p.stdout, want))
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
