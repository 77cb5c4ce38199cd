#!/bin/bash
# Reference solution: a line-oriented converter.
cp "${HZ_SOLUTION:-$(dirname "$0")}/ini2json.py" ini2json.py
