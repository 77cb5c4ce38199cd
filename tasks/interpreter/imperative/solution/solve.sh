#!/bin/bash
# Reference solution: a Python 3 lexer, recursive-descent parser and tree-walking evaluator, installed as ./tiny.
set -e
cp "$(dirname "$0")/tiny.py" tiny
chmod +x tiny
