#!/bin/bash
# Reference solution: a hand-written CSV state machine and writer.
cp "${HZ_SOLUTION:-$(dirname "$0")}/csvconv.py" csvconv.py
