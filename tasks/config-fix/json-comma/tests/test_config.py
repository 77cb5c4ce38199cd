#!/usr/bin/env python3
import json, os, subprocess, sys
tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
r = subprocess.run([sys.executable, "service.py", "--check"], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("service.py --check failed: " + r.stderr.strip())
with open("config.json") as f, open(os.path.join(tests, "expected.json")) as g:
    if json.load(f) != json.load(g):
        sys.exit("config.json settings changed")
print("ok")
