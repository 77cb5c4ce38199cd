#!/bin/bash
set -u
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"; [ -f "$T.def" ] && cp "$T.def" lib/funcs.def; rm -f "$T.def"' EXIT
B=$T/build P=$T/prefix
before=$(find . -path ./.git -prune -o -type f -print | sort | md5sum)
cmake -S . -B "$B" >"$T.log" 2>&1 || { tail -20 "$T.log"; fail "cmake configure fails"; }
cmake --build "$B" -j 4 >"$T.log" 2>&1 || { tail -20 "$T.log"; fail "build fails"; }
(cd "$B" && ctest --output-on-failure) >"$T.log" 2>&1 || { tail -20 "$T.log"; fail "ctest fails"; }
grep -q "expr_unit" "$T.log" || fail "the unit test expr_unit did not run"
grep -q "100% tests passed" "$T.log" || fail "not all tests passed"
cmake --install "$B" --prefix "$P" >"$T.log" 2>&1 || { tail -20 "$T.log"; fail "install fails"; }
for f in bin/calc include/expr.h lib/libexpr.a; do [ -f "$P/$f" ] || fail "install lacks $f"; done
after=$(find . -path ./.git -prune -o -type f -print | sort | md5sum)
[ "$before" = "$after" ] || fail "the build wrote into the source tree"
[ "$("$P/bin/calc" --version)" = "calc 2.3.1" ] || fail "calc --version prints '$("$P/bin/calc" --version)'"
got=$(printf '1+2*3\n-2^2\n2^3^2\nsqrt(2)\natan2(1,1)*4\nfloor(-2.5)\nhypot(5,12)\n1/0\nfoo(1)\n(1\n' | "$P/bin/calc")
want=$(printf '7\n-4\n512\n1.414213562\n3.141592654\n-3\n13\ninf\nerror: unknown function\nerror: expected )')
[ "$got" = "$want" ] || fail "calc output: $got"
# a separate program links against the installed library
cat > "$T/user.c" <<'C'
#include <stdio.h>
#include <string.h>
#include "expr.h"
int main(void) { double v; char e[64]; if (expr_eval("pow(2, 0.5) * exp(0)", &v, e, sizeof e)) return 1;
  printf("%.6f %s\n", v, expr_version()); return strcmp(expr_version(), "2.3.1") != 0; }
C
gcc -o "$T/user" "$T/user.c" -I"$P/include" -L"$P/lib" -lexpr -lm 2>"$T.log" || { cat "$T.log"; fail "cannot link a program against the installed libexpr.a"; }
[ "$("$T/user")" = "1.414214 2.3.1" ] || fail "program linked against libexpr.a: $("$T/user")"
# regeneration after funcs.def changes
cp lib/funcs.def "$T.def"
echo "cbrt    cbrt        1" >> lib/funcs.def
cmake --build "$B" >"$T.log" 2>&1 || { tail -20 "$T.log"; fail "rebuild after funcs.def change fails"; }
calc=$(find "$B" -type f -name calc -perm -u+x | head -1)
[ "$(echo 'cbrt(27)' | "$calc")" = 3 ] || fail "funcs.def change not picked up by the rebuild"
cp "$T.def" lib/funcs.def; rm -f "$T.def" "$T.log"
echo ok
