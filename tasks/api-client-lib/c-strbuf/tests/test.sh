#!/bin/bash
set -u
H=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cmp -s strbuf.h "$H/strbuf.h" || { echo "FAIL: strbuf.h was changed"; exit 1; }
gcc -O0 -g -Wall -Wextra -Werror -c strbuf.c -o "$T/strbuf.o" 2>"$T/cc.log" || { cat "$T/cc.log"; echo "FAIL: strbuf.c does not compile cleanly"; exit 1; }
gcc -O0 -g -Wall -Wextra -I. -o "$T/unit" "$H/unit.c" "$T/strbuf.o" 2>"$T/cc.log" || { cat "$T/cc.log"; echo "FAIL: does not link with the unit tests"; exit 1; }
timeout 60 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$T/unit" || { echo "FAIL: unit tests"; exit 1; }
gcc -O1 -g -fsanitize=undefined -fno-sanitize-recover=all -I. -o "$T/unit-ub" "$H/unit.c" strbuf.c 2>/dev/null && { "$T/unit-ub" >/dev/null || { echo "FAIL: undefined behaviour"; exit 1; }; }
echo ok
