#!/bin/bash
set -u
fail() { echo "FAIL: $*"; exit 1; }
make clean >/dev/null 2>&1
rm -f src/*.o libutil.a textstats
make >build.log 2>&1 || { tail -20 build.log; fail "make fails from a clean tree"; }
[ -x textstats ] || fail "no textstats program"
[ -f libutil.a ] || fail "no libutil.a"
objs=$(ar t libutil.a | sort | tr '\n' ' ')
case "$objs" in *mathutil.o*) ;; *) fail "libutil.a lacks mathutil.o (has: $objs)";; esac
case "$objs" in *strutil.o*) ;; *) fail "libutil.a lacks strutil.o (has: $objs)";; esac
ar t libutil.a | grep -q main.o && fail "main.o must not be in the library"
nm textstats 2>/dev/null | grep -q ' T str_reverse' || fail "textstats does not contain the library code"
for f in src/strutil.c src/mathutil.c src/main.c include/strutil.h include/mathutil.h; do [ -f "$f" ] || fail "$f missing"; done
grep -q "include" src/main.c || fail "sources changed"
out=$(printf 'hello world\n  a b  c\n\nxyz\n' | ./textstats) || fail "textstats exits non-zero"
want=$(printf '2\tDLROW OLLEH\n3\tC  B A  \n0\t\n1\tZYX\nmean 1.500 stddev 1.118')
[ "$out" = "$want" ] || fail "wrong output: $out"
out=$(printf 'one\n' | ./textstats)
[ "$out" = "$(printf '1\tENO\nmean 1.000 stddev 0.000')" ] || fail "wrong output 2: $out"
make >/dev/null 2>&1 || fail "second make fails"
rm -f build.log
echo "ok"
