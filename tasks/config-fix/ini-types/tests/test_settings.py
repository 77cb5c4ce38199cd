#!/usr/bin/env python3
import json, os, subprocess, sys
tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
r = subprocess.run([sys.executable, "daemon.py", "--check-config"], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("daemon.py --check-config failed: " + r.stderr.strip())
got = json.loads(r.stdout)
want = json.load(open(os.path.join(tests, "expected.json")))
for k in want:
    if got.get(k) != want[k]:
        sys.exit(f"{k} = {got.get(k)!r}, but the file's comments ask for {want[k]!r}")
with open("daemon.py") as f:
    if "LEVELS = (\"debug\", \"info\", \"warning\", \"error\")" not in f.read():
        sys.exit("daemon.py was changed")
print("ok")
