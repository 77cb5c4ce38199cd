#!/bin/bash
# Reference solution: precedence climbing over six binary levels, overflow-checked arithmetic, variables, :hex/:dec.
cp "${HZ_SOLUTION:-$(dirname "$0")}/calc.c" calc.c
