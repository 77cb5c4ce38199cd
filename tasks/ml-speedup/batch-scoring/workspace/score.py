#!/usr/bin/env python3
"""score.py: print, for each feature row on stdin (CSV, 20 features), the probability of the
positive class with 6 decimals, using the logistic model in model.json."""
import json, math, sys
from fractions import Fraction

for line in sys.stdin:
    m = json.load(open("model.json"))  # re-read in case it changed
    x = [Fraction(v) for v in line.strip().split(",")]
    z = Fraction(str(m["bias"])) + sum(Fraction(str(w)) * v for w, v in zip(m["weights"], x))
    p = 1 / (1 + math.exp(-float(z)))
    print("%.6f" % p)
