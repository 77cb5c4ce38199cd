#!/bin/bash
# Reference solution: the eight missing functions (vsnprintf with va_copy, self-aliasing copies, new-buffer replace).
cp "${HZ_SOLUTION:-$(dirname "$0")}/strbuf.c" strbuf.c
