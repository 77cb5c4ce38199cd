#!/bin/bash
# Reference solution: a line-based block parser and a left-to-right inline scanner.
cp "${HZ_SOLUTION:-$(dirname "$0")}/md2html.py" md2html.py
