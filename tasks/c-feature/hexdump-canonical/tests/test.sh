#!/bin/bash
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O1 -Wall -Wextra -Werror -o "$T/hx" hx.c || { echo "FAIL: does not compile cleanly"; exit 1; }
python3 - "$T" <<'PY'
import os, random, subprocess, sys
T = sys.argv[1]; exe = os.path.join(T, "hx")
def canon(data, start):
    out = []; prev = None; squeezing = False; off = start
    for k in range(0, len(data), 16):
        chunk = data[k:k+16]
        if len(chunk) == 16 and chunk == prev:
            if not squeezing: out.append("*\n"); squeezing = True
            continue
        squeezing = False
        prev = chunk if len(chunk) == 16 else None
        s = "%08x  " % (start + k)
        for i in range(16):
            s += ("%02x " % chunk[i]) if i < len(chunk) else "   "
            if i == 7: s += " "
        s += " |" + "".join(chr(b) if 0x20 <= b <= 0x7e else "." for b in chunk) + "|\n"
        out.append(s)
    if data: out.append("%08x\n" % (start + len(data)))
    return "".join(out)
def plain(data, start, w):
    out = []
    for k in range(0, len(data), w):
        out.append("%08x:" % (start + k) + "".join(" %02x" % b for b in data[k:k+w]) + "\n")
    return "".join(out)
def model(data, C=False, s=0, n=None, w=16):
    d = data[s:]
    if n is not None: d = d[:n]
    start = min(s, len(data)) if False else s
    return canon(d, s) if C else plain(d, s, w)
rng = random.Random(3)
datas = [b"", b"Hello\n", bytes(range(256)), b"\x00" * 100, b"A" * 16 * 5 + b"B" * 16 + b"A" * 16 * 3,
         b"x" * 32 + b"x" * 7, b"0123456789abcdef" * 2 + b"0123456789abcdeX" + b"0123456789abcdef" * 3,
         bytes(rng.randrange(256) for _ in range(1000)), b"\x00" * 4096 + b"end" + b"\x00" * 40,
         b"ab" * 8 * 4 + b"ab" * 8]
for k in range(3):
    blk = bytes(rng.randrange(3) for _ in range(16))
    datas.append(b"".join(blk if rng.random() < 0.6 else bytes(rng.randrange(3) for _ in range(16)) for _ in range(40)) + blk[:rng.randrange(16)])
fails = 0
def run(args, data, want, tag, viafile=False):
    global fails
    if viafile:
        path = os.path.join(T, "in.bin"); open(path, "wb").write(data)
        p = subprocess.run([exe] + args + [path], capture_output=True)
    else:
        p = subprocess.run([exe] + args, input=data, capture_output=True)
    if p.returncode != 0 or p.stdout != want.encode():
        fails += 1
        if fails <= 6: print("FAIL %s %r on %r...:\n got:\n%s\n want:\n%s" % (tag, args, data[:40], p.stdout.decode(errors="replace")[:600], want[:600]))
for i, d in enumerate(datas):
    run([], d, model(d), "plain%d" % i)
    run(["-w", "5"], d, model(d, w=5), "plain-w%d" % i)
    run(["-C"], d, model(d, C=True), "canon%d" % i)
    run(["-C"], d, model(d, C=True), "canon-file%d" % i, viafile=True)
    for s, n in [(0, 0), (3, None), (16, 40), (100, 1), (5, 1000), (len(d), None), (len(d) + 10, 5), (0, 17), (48, 64)]:
        run(["-C", "-s", str(s)] + ([] if n is None else ["-n", str(n)]), d, model(d, True, s, n), "canon-s%d-n%s" % (s, n))
        run(["-s", str(s)] + ([] if n is None else ["-n", str(n)]) + ["-w", "7"], d, model(d, False, s, n, 7), "plain-s%d-n%s" % (s, n), viafile=(s % 2 == 0))
run(["-w", "3", "-C", "-n", "20"], datas[2], model(datas[2], True, 0, 20), "C ignores w")
run(["-n20", "-s1", "-C"], datas[2], model(datas[2], True, 1, 20), "attached args")
for args in (["-s"], ["-s", "-1"], ["-n", "x"], ["-n", "3x"], ["-q"], ["-w", "0"], ["a", "b"]):
    p = subprocess.run([exe] + args, input=b"abc", capture_output=True)
    if p.returncode != 2:
        fails += 1; print("FAIL usage %r: rc=%d" % (args, p.returncode))
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
