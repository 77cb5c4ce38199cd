#!/bin/bash
# Reference solution: -s/-n through a limited reader, -C canonical format with squeezing.
cp "${HZ_SOLUTION:-$(dirname "$0")}/hx.c" hx.c
