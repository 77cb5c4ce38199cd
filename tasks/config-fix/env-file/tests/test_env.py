#!/usr/bin/env python3
import hashlib, json, os, subprocess, sys
tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
for name, digest in json.load(open(os.path.join(tests, "sources.json"))).items():
    if hashlib.sha256(open(name, "rb").read()).hexdigest() != digest:
        sys.exit(f"{name} was changed: fix app.env only")
r = subprocess.run([sys.executable, "check_env.py"], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("check_env.py failed: " + r.stderr.strip())
got, want = json.loads(r.stdout), json.load(open(os.path.join(tests, "expected.json")))
if got != want:
    sys.exit(f"settings differ:\n got  {got}\n want {want}")
print("ok")
