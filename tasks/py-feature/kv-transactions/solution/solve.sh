#!/bin/bash
# Reference solution: per-transaction undo logs and per-value key counts (all O(1) but ROLLBACK).
cp "${HZ_SOLUTION:-$(dirname "$0")}/kv.py" kv.py
