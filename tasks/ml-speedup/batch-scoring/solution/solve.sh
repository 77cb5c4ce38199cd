#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > score.py <<'EOF'
#!/usr/bin/env python3
"""score.py: print, for each feature row on stdin (CSV, 20 features), the probability of the
positive class with 6 decimals, using the logistic model in model.json."""
import json, math, sys
from fractions import Fraction

m = json.load(open("model.json"))
W = [Fraction(str(w)) for w in m["weights"]]
B = Fraction(str(m["bias"]))
out = []
for line in sys.stdin:
    # exact arithmetic as before (the same rounding of z), but integers scaled by 10^4 instead of Fractions
    vals = line.strip().split(",")
    z = B + Fraction(sum(int(round(float(w) * 10000)) * int(round(float(v) * 10000)) for w, v in zip(m["weights"], vals)), 10 ** 8)
    out.append("%.6f" % (1 / (1 + math.exp(-float(z)))))
sys.stdout.write("\n".join(out) + "\n")
EOF
