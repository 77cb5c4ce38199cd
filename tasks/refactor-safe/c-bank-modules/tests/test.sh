#!/bin/bash
set -u
H=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for f in main.c money.c accounts.c money.h accounts.h Makefile; do [ -f "$f" ] || fail "$f missing"; done
[ -e bank.c ] && fail "bank.c must be removed"
cmp -s money.h "$H/money.h" || fail "money.h was changed"
cmp -s accounts.h "$H/accounts.h" || fail "accounts.h was changed"
make clean >/dev/null 2>&1; rm -f bank *.o
make CFLAGS="-O1 -g -Wall -Wextra" >"$T/build.log" 2>&1 || { tail -20 "$T/build.log"; fail "make fails"; }
grep -q "warning:" "$T/build.log" && { grep "warning:" "$T/build.log" | head -3; fail "compiler warnings"; }
[ -x bank ] || fail "make does not build bank"
for o in main.o money.o accounts.o; do [ -f "$o" ] || fail "$o not built (compile modules separately)"; done
defs() { nm --defined-only "$1" | awk '$2 ~ /^[TDBCRG]$/ {print $3}' | sort | tr '\n' ' '; }
data() { nm --defined-only "$1" | awk '$2 ~ /^[dDbBC]$/ {print $3}' | grep -v '^\.' | tr '\n' ' '; }
[ "$(defs money.o)" = "money_format money_parse " ] || fail "money.o must define exactly money_parse and money_format (has: $(defs money.o))"
for fn in accounts_new accounts_free accounts_valid_name accounts_open accounts_count accounts_balance accounts_deposit accounts_withdraw accounts_transfer accounts_each; do
	nm --defined-only accounts.o | grep -q " T $fn\$" || fail "accounts.o does not define $fn"
done
[ "$(defs main.o)" = "main " ] || fail "main.o must define only main among global symbols (has: $(defs main.o))"
for o in money.o accounts.o main.o; do [ -z "$(data $o)" ] || fail "$o has global or static variables: $(data $o)"; done
grep -q "struct account" main.c && fail "main.c reaches into the account structures"
grep -q "table\[" main.c && fail "main.c still holds the hash table"
# touching a header rebuilds the objects that include it
sleep 0.01; touch accounts.h; make -q bank 2>/dev/null && fail "make does not rebuild after accounts.h changes"
make >/dev/null 2>&1
# unit test of the interfaces, under valgrind
gcc -O0 -g -Wall -Wextra -I. -o "$T/unit" "$H/unit.c" money.c accounts.c 2>"$T/u.log" || { cat "$T/u.log"; fail "the interfaces do not compile with our unit test"; }
valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$T/unit" || fail "unit test of accounts.h/money.h fails"
# characterisation against the original program
gcc -O1 -o "$T/orig" "$H/original_bank.c" || fail "internal: original does not build"
python3 - "$T" <<'PY' || exit 1
import os, random, subprocess, sys
T = sys.argv[1]
rng = random.Random(42)
names = ["amy", "Bob", "zed", "x_1", "amy2", "A", "b"]
def word(): return rng.choice(names + ["nobody", "bad-name", "a" * 33, "a" * 32])
def amount(): return rng.choice(["1", "0", "10.5", "0.01", "3.999", "abc", "1.", ".5", "1000000000000", "1000000000000.01", "250", "99999", "7.07", "-5"])
def line():
    r = rng.random()
    if r < 0.15: return "open " + word()
    if r < 0.35: return "deposit %s %s" % (word(), amount())
    if r < 0.5: return "withdraw %s %s" % (word(), amount())
    if r < 0.7: return "transfer %s %s %s" % (word(), word(), amount())
    if r < 0.8: return "balance " + word()
    if r < 0.87: return "report"
    return rng.choice(["", "   ", "report x", "open", "deposit amy", "transfer a b", "frobnicate", "a b c d e f g h i", "\tbalance\tamy\t", "open amy extra"])
scripts = []
for k in range(25):
    scripts.append("".join(line() + rng.choice(["\n", "\n", "\r\n"]) for _ in range(rng.randint(1, 120))))
big = ["open u%d" % i for i in range(600)] + ["deposit u%d %d.%02d" % (i, i, i % 100) for i in range(600)]
big += ["transfer u%d u%d 1" % (rng.randrange(600), rng.randrange(600)) for _ in range(500)] + ["deposit amy 1000000000000"] * 3 + ["report"]
scripts.append("\n".join(big) + "\n")
scripts.append("open amy\nopen Bob\n" + "deposit amy 1000000000000\n" * 1001 + "transfer amy Bob 5\ndeposit Bob 1000000000000\n" * 3 + "report\n")
fails = 0
for i, s in enumerate(scripts):
    a = subprocess.run([os.path.join(T, "orig")], input=s.encode(), capture_output=True)
    b = subprocess.run(["./bank"], input=s.encode(), capture_output=True)
    if (a.returncode, a.stdout) != (b.returncode, b.stdout):
        fails += 1
        al, bl = a.stdout.decode().splitlines(), b.stdout.decode().splitlines()
        d = next((k for k in range(min(len(al), len(bl))) if al[k] != bl[k]), min(len(al), len(bl)))
        print("FAIL script %d: output differs at line %d: got %r want %r" % (i, d + 1, bl[d:d+1], al[d:d+1]))
v = subprocess.run(["valgrind", "-q", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect", "./bank"], input=scripts[0].encode(), capture_output=True)
if v.returncode != 0:
    fails += 1; print("FAIL: valgrind on bank: " + v.stderr.decode()[-500:])
sys.exit(1 if fails else 0)
PY
echo ok
