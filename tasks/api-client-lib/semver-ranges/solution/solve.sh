#!/bin/bash
# Reference solution: strict parsing, precedence keys, bump, range parser with the prerelease rule.
cp "${HZ_SOLUTION:-$(dirname "$0")}/semver.py" semver.py
