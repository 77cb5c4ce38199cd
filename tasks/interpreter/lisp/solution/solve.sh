#!/bin/bash
# Reference solution: a Python 3 tree-walking interpreter with a tail-call loop, installed as ./lisp.
set -e
cp "$(dirname "$0")/lisp.py" lisp
chmod +x lisp
