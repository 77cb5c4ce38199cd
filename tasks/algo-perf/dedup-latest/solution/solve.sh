#!/bin/bash
# Reference solution: a dict keyed by the normalised e-mail (insertion order = first appearance).
cp "${HZ_SOLUTION:-$(dirname "$0")}/dedup.py" dedup.py
