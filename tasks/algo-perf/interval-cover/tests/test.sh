#!/bin/bash
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O2 -Wall -Wextra -o "$T/cover" cover.c || { echo "FAIL: does not compile"; exit 1; }
python3 - "$T" <<'PY'
import os, random, subprocess, sys, time
T = sys.argv[1]; exe = os.path.join(T, "cover")
def model(iv):
    iv = sorted(iv); out = []; total = 0
    for a, b in iv:
        if out and a <= out[-1][1]:
            if b > out[-1][1]: out[-1][1] = b
        else: out.append([a, b])
    for a, b in out: total += b - a
    return "".join("%d %d\n" % (a, b) for a, b in out) + "total %d\n" % total
fails = 0
def run(iv, tag, limit=None, text=None):
    global fails
    data = text if text is not None else "%d\n" % len(iv) + "".join("%d %d\n" % p for p in iv)
    t = time.time()
    try:
        p = subprocess.run([exe], input=data.encode(), capture_output=True, timeout=limit and limit * 2)
    except subprocess.TimeoutExpired:
        fails += 1; print("FAIL %s: timed out" % tag); return
    dt = time.time() - t
    want = model(iv).encode()
    if p.returncode != 0 or p.stdout != want:
        fails += 1
        if fails <= 6: print("FAIL %s: got %r want %r" % (tag, p.stdout[:200], want[:200]))
    elif limit and dt > limit:
        fails += 1; print("FAIL %s: %.2f s > %.1f s" % (tag, dt, limit))
    elif limit: print("%s: %.2f s" % (tag, dt))
BIG = 4 * 10**18
rng = random.Random(8)
cases = [[], [(1, 3)], [(1, 3), (3, 5)], [(3, 5), (1, 3)], [(1, 10), (2, 3), (4, 5)], [(1, 2), (4, 5)],
         [(-5, -1), (-1, 0), (2, 3)], [(0, 1)] * 5, [(-BIG, BIG)], [(-BIG, 0), (1, BIG)], [(BIG - 1, BIG), (-BIG, -BIG + 1)],
         [(-BIG, -BIG + 5), (BIG - 5, BIG), (0, 5)], [(5, 6), (1, 2), (3, 4), (2, 3)]]
for k in range(60):
    n = rng.randint(1, 40); sc = rng.choice([10, 1000, BIG])
    iv = []
    for _ in range(n):
        a = rng.randint(-sc, sc - 1); b = rng.randint(a + 1, min(sc, a + 1 + sc // 5 + 1)); iv.append((a, b))
    cases.append(iv)
for i, iv in enumerate(cases): run(iv, "case%d" % i)
big = []
for _ in range(300000):
    a = rng.randint(-BIG, BIG - 10**14); big.append((a, a + rng.randint(1, 10**14)))
run(big, "300k wide", limit=4)
big2 = []
for _ in range(300000):
    a = rng.randint(0, 3 * 10**6); big2.append((a, a + rng.randint(1, 20)))
run(big2, "300k dense", limit=4)
for bad in ["x\n", "2\n1 2\n", "1\n5 5\n", "1\n6 5\n", "-1\n"]:
    p = subprocess.run([exe], input=bad.encode(), capture_output=True)
    if p.returncode != 1: fails += 1; print("FAIL malformed %r: rc=%d" % (bad, p.returncode))
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
