#!/bin/bash
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O1 -g -Wall -Wextra -Werror -o "$T/lastlines" lastlines.c 2>"$T/cc.log" || { cat "$T/cc.log"; echo "FAIL: does not compile cleanly"; exit 1; }
python3 - "$T" <<'PY'
import os, random, subprocess, sys
T = sys.argv[1]; exe = os.path.join(T, "lastlines")
def model(data, n):
    if n == 0 or not data: return b""
    parts = data.split(b"\n")
    lines = [p + b"\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return b"".join(lines[-n:])
fails = 0
def run(data, args, want_rc=0, vg=False, tag=""):
    global fails
    cmd = [exe] + args
    if vg: cmd = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect"] + cmd
    p = subprocess.run(cmd, input=data, capture_output=True, timeout=60)
    if want_rc != 0:
        if p.returncode != want_rc:
            fails += 1; print("FAIL %s %r: exit %d, want %d" % (tag, args, p.returncode, want_rc))
        return
    n = 10 if not args else int(args[1])
    want = model(data, n)
    if p.returncode != 0 or p.stdout != want:
        fails += 1
        if fails <= 8: print("FAIL %s %r on %r...: rc=%d got %r want %r %s" % (tag, args, data[:50], p.returncode, p.stdout[:80], want[:80], p.stderr.decode()[-300:]))
rng = random.Random(5)
datas = [b"", b"\n", b"a", b"a\n", b"one\ntwo\nthree\n", b"one\ntwo\nthree", b"\n\n\n\n", b"x\x00y\nz\x00\n\x00",
         b"".join(b"line %d\n" % i for i in range(25)), b"".join(b"line %d\n" % i for i in range(25)) + b"tail",
         b"A" * 1000 + b"\n" + b"B" * 300 + b"\n" + b"C" * 129, bytes(rng.randrange(256) for _ in range(5000))]
for i, d in enumerate(datas):
    for args in ([], ["-n", "0"], ["-n", "1"], ["-n", "3"], ["-n", "25"], ["-n", "26"], ["-n", "1000"]) if i in (8, 9) else ([], ["-n", "0"], ["-n", "2"], ["-n", "1000"]):
        run(d, args, tag="data%d" % i)
big = b"".join((b"%d:" % i) + b"x" * rng.randrange(0, 400) + b"\n" for i in range(20000)) + b"end"
run(big, ["-n", "7"], tag="big"); run(big, ["-n", "5000"], tag="big")
run(datas[10] + datas[8], ["-n", "4"], vg=True, tag="valgrind")
run(big[:60000], ["-n", "3"], vg=True, tag="valgrind-big")
run(datas[7], ["-n", "0"], vg=True, tag="valgrind-n0")
for args in (["-n"], ["-n", "x"], ["-n", "-1"], ["-n", "3x"], ["-n", ""], ["-x", "3"], ["3"], ["-n", "1", "extra"], ["-n", "99999999999999999999999"]):
    run(b"a\n", args, want_rc=2, tag="usage")
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
