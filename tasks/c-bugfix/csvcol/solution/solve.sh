#!/bin/bash
# Reference solution: buffer size +1, realloc size in bytes, "" advances two characters, keep a trailing
# empty field, free every field, strip the newline only when present, 1-based column index.
S="${HZ_SOLUTION:-$(dirname "$0")}"
cp "$S/csv.c" "$S/csvcol.c" .
