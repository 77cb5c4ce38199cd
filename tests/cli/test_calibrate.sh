#!/usr/bin/env bash
# scripts/calibrate.py end to end on two replicates (the docs' table uses 200):
# it lists the catalogue, fits with both method versions and prints coverage
# and bias for every sim agent's p50 and p80 and the doubling time.
. "$(dirname "$0")/lib.sh"

expect_ok "calibrate, 2 replicates" python3 "$HZ_SOURCE_DIR/scripts/calibrate.py" --replicates 2 --bootstrap 20 \
	--horizon "$HORIZON" --json
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
q = {(r["method"], r["quantity"]) for r in d["rows"]}
for m in ("metr-2025", "metr-2026"):
    for a in "abcde":
        for p in ("p50", "p80"):
            assert (m, "sim-%s %s" % (a, p)) in q, (m, a, p)
    assert (m, "doubling") in q
for r in d["rows"]:
    assert r["fits"] == 2 and 0 <= r["coverage"] <= 1, r
' "$TMP/out"; then ok "every quantity covered twice"; else bad "every quantity covered twice"; fi
finish
