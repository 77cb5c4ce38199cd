#!/bin/bash
set -u
H=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O2 -Wall -Wextra -Werror -o "$T/calc" calc.c 2>"$T/cc.log" || { cat "$T/cc.log"; echo "FAIL: does not compile cleanly"; exit 1; }
gcc -O1 -g -fsanitize=undefined -fno-sanitize-recover=all -o "$T/calc-ubsan" calc.c 2>/dev/null || { echo "FAIL: does not compile with -fsanitize=undefined"; exit 1; }
python3 - "$T" "$H" <<'PY'
import os, subprocess, sys
T, H = sys.argv[1], sys.argv[2]; sys.path.insert(0, H)
import model
fails = 0
def run(lines, tag, exe="calc"):
    global fails
    data = "".join(l if l.endswith("\n") else l + "\n" for l in lines)
    p = subprocess.run([os.path.join(T, exe)], input=data.encode(), capture_output=True, timeout=60)
    want = model.run(data.splitlines(keepends=True))
    got = p.stdout.decode(errors="replace")
    if p.returncode != 0 or got != want:
        fails += 1
        g, w = got.splitlines(), want.splitlines()
        idx = next((i for i in range(min(len(g), len(w))) if g[i] != w[i]), min(len(g), len(w)))
        inputs = [l for l in data.splitlines() if l.strip() not in (":hex", ":dec") and l.strip()]
        print("FAIL %s: rc=%d; first difference at output line %d (input %r): got %r want %r %s" % (
            tag, p.returncode, idx + 1, inputs[idx] if idx < len(inputs) else None, g[idx:idx+1], w[idx:idx+1], p.stderr.decode()[-300:]))
fixed = ["1+2*3", "-(4-10)/4", "7 % -3", "-7 / 2", "-7 % 2", "1/0 +", "1/0", "2 3", "",
         "0xff", "0x1F + 1", "0xFFFFFFFFFFFFFFFF", "0x7fffffffffffffff", "0x8000000000000000", "9223372036854775807", "9223372036854775808",
         "-9223372036854775808", "-9223372036854775807 - 1", "(-9223372036854775807 - 1) / -1", "(-9223372036854775807 - 1) % -1", "-(-9223372036854775807 - 1)",
         "9223372036854775807 + 1", "-9223372036854775807 - 2", "3037000500 * 3037000500", "3037000499 * 3037000499", "~(-9223372036854775807 - 1)",
         "1 | 2 ^ 3 & 4", "(1 | 2) ^ 3 & 4", "1 << 2 + 1", "5 & 3 << 1", "~0", "~5 & 0xff", "-1 >> 63", "-7 >> 1", "7 >> 1", "1 << 63", "-1 << 63", "2 << 62",
         "1 << 64", "1 << -1", "1 >> 64", "1 << 0", "2 ** 3 ** 2", "-2 ** 2", "(-2) ** 3", "2 ** -1", "2 ** 63", "2 ** 62", "(-2) ** 63", "(-2) ** 64",
         "0 ** 0", "1 ** 9223372036854775807", "(-1) ** 9223372036854775807", "(-1) ** 4611686018427387904", "0 ** 5", "10 ** 18", "10 ** 19", "3 ** 40", "3 ** 39",
         "x = 5", "x * 2", "y", "x = x + 1", "x", "X", "_a1 = 0x10", "_a1 ** 2", "z = 1/0", "z", "z = q", "x = y = 1", "1 = 2", "= 3", "x =", "x == 1",
         "1/0 + undefined_thing", "undefined_thing + 1/0", "1 << 64 + 1/0", "(1 << 70) * (2 ** -1)", "2 ** -1 + (1 << 70)", "1 +", "1 + 99999999999999999999 +",
         "1 / 0 + 99999999999999999999", "99999999999999999999 + 1 / 0", ":hex", "255", "-16", "-9223372036854775807 - 1", "v = 4096", "0", " :dec ", "v",
         ":hexx", ":hex 2", "0x", "0xg", "00x1", "1 $ 2", "2 ** ** 2", "1 <<< 2", "1 < 2", "  12  ", "\t3\t*\t4", "a b", "((((1))))", "(1", "1)", "()"]
run(fixed, "fixed cases")
run(["v%d = %d" % (i, i * 3) for i in range(1200)] + ["v0 + v599 + v1199", "v1200"], "many variables")
for seed in range(6):
    run(model.gen_lines(seed, 600), "random batch %d" % seed)
run(model.gen_lines(99, 1500), "random batch under UBSan", exe="calc-ubsan")
run(fixed, "fixed cases under UBSan", exe="calc-ubsan")
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
