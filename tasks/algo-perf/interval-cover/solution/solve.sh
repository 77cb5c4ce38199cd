#!/bin/bash
# Reference solution: qsort by start (overflow-safe comparator) and one merging sweep.
cp "${HZ_SOLUTION:-$(dirname "$0")}/cover.c" cover.c
