#!/bin/bash
# Hidden scorer: build from scratch; compare with a Python model; run under valgrind.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for f in csvcol.c csv.c csv.h; do [ -f "$f" ] || { echo "FAIL: $f missing"; exit 1; }; done
gcc -O0 -g -Wall -Wextra -Werror -o "$T/csvcol" csvcol.c csv.c || { echo "FAIL: does not compile cleanly"; exit 1; }
python3 - "$T" <<'PY' || exit 1
import os, random, subprocess, sys
T = sys.argv[1]; exe = os.path.join(T, "csvcol")
def split(line):
    fields = []; i = 0; n = len(line)
    while True:
        buf = ""
        if i < n and line[i] == '"':
            i += 1
            while i < n:
                if line[i] == '"':
                    if i + 1 < n and line[i+1] == '"': buf += '"'; i += 2
                    else: i += 1; break
                else: buf += line[i]; i += 1
        while i < n and line[i] != ',': buf += line[i]; i += 1
        fields.append(buf)
        if i < n and line[i] == ',': i += 1
        else: break
    return fields
def model(data, cols):
    out = []
    lines = data.split("\n")
    if lines and lines[-1] == "": lines.pop()
    for l in lines:
        if l.endswith("\r"): l = l[:-1]
        f = split(l)
        out.append("\t".join(f[c-1] if c <= len(f) else "" for c in cols) + "\n")
    return "".join(out)
fails = 0
def run(data, cols, tag, valgrind=False):
    global fails
    cmd = [exe, "-f", ",".join(map(str, cols))]
    if valgrind:
        cmd = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect"] + cmd
    p = subprocess.run(cmd, input=data.encode(), capture_output=True)
    want = model(data, cols).encode()
    if p.returncode != 0 or p.stdout != want:
        fails += 1
        if fails <= 8:
            print("FAIL %s: rc=%d cols=%r input=%r\n  got  %r\n  want %r\n  %s" % (tag, p.returncode, cols, data[:120], p.stdout[:200], want[:200], p.stderr.decode()[-400:]))
fixed = [
    ("a,b,c\n", [1, 2, 3]), ("a,b,c\n", [3, 1]), ("a,b,\n", [3, 2]), ("a,b,\n", [1, 2, 3, 4]),
    (",\n", [1, 2]), ("\n", [1, 2]), ("x", [1]), ("last line no newline", [1]), ("a,b\r\nc,d\r\n", [2, 1]),
    ('"q,1","say ""hi""",z\n', [1, 2, 3]), ('"ab"c,d\n', [1, 2]), ('a"b,c\n', [1, 2]), ('"open,field\n', [1, 2]),
    ('""\n', [1]), ('"",""\n', [1, 2]), ('""""\n', [1]), ("1,2,3,4,5,6,7,8,9,10,11,12,13\n", [13, 12, 1, 14]),
    ("a,b,c\n", [2, 2, 2]), ("," * 40 + "end\n", [41, 40, 1]),
]
for i, (d, c) in enumerate(fixed): run(d, c, "fixed%d" % i)
rng = random.Random(99)
def rfield():
    r = rng.random()
    if r < 0.2: return ""
    if r < 0.6: return "".join(rng.choice("abc xyz'\"") for _ in range(rng.randint(1, 8))).replace('"', "q")
    inner = "".join(rng.choice('ab, "') for _ in range(rng.randint(0, 10)))
    return '"' + inner.replace('"', '""') + '"' + (rng.choice(["", "", "tail"]))
big = []
for k in range(400):
    rec = ",".join(rfield() for _ in range(rng.randint(1, 12)))
    big.append(rec + rng.choice(["\n", "\n", "\r\n"]))
data = "".join(big)
run(data, [1, 2, 3, 5, 8, 12, 13], "random")
run("".join(big[:60]) + "tail,no,newline", [3, 1, 2, 7], "valgrind-random", valgrind=True)
long = ",".join("f%d" % i for i in range(5000)) + "," + '"' + "x" * 20000 + '"' + "\n"
run(long, [1, 5000, 5001, 5002, 5003], "long line")
run(long + "a,b,\n" + '"x""y",z\r\n' + ",\n", [5001, 1, 3], "valgrind-long", valgrind=True)
for args in (["-f"], ["-f", "0"], ["-f", "1,,2"], ["-f", "x"], ["-x", "1"], [], ["-f", ",".join(["1"] * 65)]):
    p = subprocess.run([exe] + args, input=b"a\n", capture_output=True)
    if p.returncode != 2:
        fails += 1; print("FAIL usage: %r exit %d, want 2" % (args, p.returncode))
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
