#!/bin/bash
# Reference solution: a Python 3 store (snapshot + CRC-checked write-ahead log), installed as ./kvd.
set -e
cp "$(dirname "$0")/kvd.py" kvd
chmod +x kvd
