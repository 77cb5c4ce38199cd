#!/bin/bash
# Reference solution: case-insensitive names, N/S to the maximum, inclusive and validated ranges, 7 = Sunday,
# Vixie day-of-month/day-of-week rule, strictly-after search with hour/minute reset on later days.
cp "${HZ_SOLUTION:-$(dirname "$0")}/cronexpr.py" cronexpr.py
