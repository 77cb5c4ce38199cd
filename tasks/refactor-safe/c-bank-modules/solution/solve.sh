#!/bin/bash
# Reference solution: money.c, accounts.c (opaque instance state), main.c (command loop), new Makefile.
S="${HZ_SOLUTION:-$(dirname "$0")}"
cp "$S/money.c" "$S/accounts.c" "$S/main.c" "$S/Makefile" .
rm -f bank.c
