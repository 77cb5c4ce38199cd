#!/bin/bash
# Reference solution: a Python 3 recursive-descent calculator, installed as ./calc.
set -e
cp "$(dirname "$0")/calc.py" calc
chmod +x calc
