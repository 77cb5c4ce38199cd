import os, subprocess, sys, tempfile
H = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, H)
import model
fails = 0
tmp = tempfile.mkdtemp()
cases = [model.gen(1), model.gen(2, nfiles=1, nlines=50), model.gen(3, gz=True), model.gen(4, nfiles=2, nlines=3000, gz=True)]
cases.append([("empty.log", b"")])
cases.append([("x.log", b"2026-01-01T00:00:00Z a GET /p?x=1 200 5\r\n2026-01-01T00:30:00Z a GET /q 404 -\r\n2026-01-01T01:00:01Z a GET /q 500 7\n\n   \n2026-02-30T00:00:00Z b GET / 200 1\n2026-01-01T00:00:00+24:00 b GET / 200 1\n")])
cases.append([("y.log", b"2026-01-01T05:00:00+05:00 z GET /b 200 1\n"), ("z.log", b"2026-01-01T00:00:00Z z GET /a 200 2\n2025-12-31T23:59:59-00:00 y GET /a 099 2\n2026-01-01T00:00:00Z y GET /a 599 -\n")])
for i, files in enumerate(cases):
    d = os.path.join(tmp, "c%d" % i); os.makedirs(d); paths = []
    for name, data in files:
        p = os.path.join(d, name); open(p, "wb").write(data); paths.append(p)
    want, skipped = model.expected(files)
    p = subprocess.run(["bash", os.path.join(os.getcwd(), "run.sh")] + paths, capture_output=True, text=True, cwd=tmp, timeout=60)
    errlines = [l for l in p.stderr.splitlines() if l.strip()]
    if p.returncode != 0 or p.stdout != want or not errlines or errlines[-1] != "skipped %d" % skipped:
        fails += 1
        got = p.stdout.splitlines(); exp = want.splitlines()
        diff = [(a, b) for a, b in zip(got, exp) if a != b][:2]
        print("FAIL case %d: rc=%d lines %d/%d stderr %r want 'skipped %d'; first diffs (got, want) %r" % (i, p.returncode, len(got), len(exp), p.stderr[-200:], skipped, diff))
print("failures:", fails)
sys.exit(1 if fails else 0)
