#!/usr/bin/env python3
import hashlib, json, os, subprocess, sys
tests = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
want_sums = json.load(open(os.path.join(tests, "sources.json")))
for name, digest in want_sums.items():
    if hashlib.sha256(open(name, "rb").read()).hexdigest() != digest:
        sys.exit(f"{name} was changed: fix pipeline.cfg only")
r = subprocess.run([sys.executable, "pipeline.py", "--dump"], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit("pipeline.py --dump failed: " + r.stderr.strip())
got = json.loads(r.stdout)
want = json.load(open(os.path.join(tests, "expected.json")))
if got != want:
    sys.exit(f"the settings differ from what the file meant:\n got  {json.dumps(got, sort_keys=True)}\n want {json.dumps(want, sort_keys=True)}")
print("ok")
