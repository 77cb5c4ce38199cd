#!/usr/bin/env python3
"""Hidden scorer: the code must be unchanged, and `python3 svcctl.py up` must report every service healthy."""
import hashlib, json, os, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
want = json.load(open(os.path.join(T, "sums.json")))
for f, h in want.items():
    if not os.path.isfile(f) or hashlib.sha256(open(f, "rb").read()).hexdigest() != h:
        print("%s was changed: fix the configuration, not the code or the data" % f); sys.exit(1)
extra = json.load(open(os.path.join(T, "expect.json")))
for d in sorted({os.path.dirname(f) for f in want if os.path.dirname(f)}):
    have = sorted(os.path.join(d, f) for f in os.listdir(d)) if os.path.isdir(d) else []
    added = [f for f in have if f not in want]
    if added:
        print("%s was added: fix the configuration, not the data" % added[0]); sys.exit(1)
r = subprocess.run([sys.executable, "svcctl.py", "up"], capture_output=True, text=True, timeout=30)
print(r.stdout + r.stderr)
if r.returncode != 0:
    sys.exit(1)
lines = [l.split() for l in r.stdout.splitlines() if l.strip()]
names = sorted(l[0] for l in lines if l[1:] == ["healthy"])
if names != sorted(extra["services"]):
    print("expected healthy services %s, got %s" % (extra["services"], names)); sys.exit(1)
import configparser, glob
for p, kv in extra.get("keep", {}).items():
    c = configparser.ConfigParser(); c.read(p)
    for k, v in kv.items():
        if c["service"].get(k) != v:
            print("%s: %s must stay %s" % (p, k, v)); sys.exit(1)
sys.exit(0)
