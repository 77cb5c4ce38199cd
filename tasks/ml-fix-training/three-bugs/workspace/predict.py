#!/usr/bin/env python3
"""Read feature rows (CSV with a header) on stdin, print one 0/1 label per row using model.json."""
import csv, json, sys

m = json.load(open("model.json"))
for r in list(csv.reader(sys.stdin))[1:]:
    z = [(float(v) - a) / s for v, a, s in zip(r, m["mu"], m["sd"])]
    t = m["b"] + sum(w * v for w, v in zip(m["w"], z))
    print(1 if t > 0.5 else 0)
