#!/bin/bash
# Reference solution: three fixes in roman.py.
set -e
python3 - <<'PY'
p = "roman.py"
s = open(p).read()
s = s.replace("not 0 < n < 3999", "not 0 < n <= 3999")
s = s.replace('(100, "C"), (50, "L")', '(100, "C"), (90, "XC"), (50, "L")')
s = s.replace("VALUES[s[i + 1]] >= v", "VALUES[s[i + 1]] > v")
open(p, "w").write(s)
PY
