import os, random, subprocess, sys, time
fails = 0
def ref(data):
    keys = {}; order = []
    for line in data.split("\n"):
        if not line.strip(): continue
        ts, email, name = line.split("\t", 2)
        k = email.strip().lower(); ts = int(ts)
        if k in keys:
            if ts >= keys[k][0]: keys[k] = (ts, line)
        else:
            keys[k] = (ts, line); order.append(k)
    return "".join(keys[k][1] + "\n" for k in order)
def run(data, limit=None):
    t = time.time()
    p = subprocess.run([sys.executable, "dedup.py"], input=data.encode(), capture_output=True, timeout=limit and limit * 2)
    return p, time.time() - t
rng = random.Random(11)
small = ["", "\n\n", "5\ta@x.org\tAnn\n", "1\ta@x.org\tAnn\n2\t A@X.org \tAnn B\n1\ta@x.org\tOld\n",
         "3\tb@y\tB\n3\tb@y\tB2\n", "1\tq@q\tname\twith\ttabs\n0\tQ@Q\tz", "7\tz@z\tZ\r\n"]
for k in range(30):
    n = rng.randint(1, 60)
    small.append("".join("%d\t%s\t%s\n" % (rng.randint(0, 5), rng.choice([" a@b", "A@b", "c@d ", "C@D", "e@f"]), rng.choice(["x", "y z", ""])) for _ in range(n)))
sys.path.insert(0, os.getcwd())
import io, contextlib
import dedup as mod
for i, d in enumerate(small):
    if i < 6:
        p, _ = run(d); got = p.stdout.decode(); rc = p.returncode
    else:
        out = io.StringIO(); rc = 0
        old = sys.stdin; sys.stdin = io.StringIO(d)
        try:
            with contextlib.redirect_stdout(out): mod.main()
        except Exception as e: rc = 1
        finally: sys.stdin = old
        got = out.getvalue()
    if rc != 0 or got != ref(d):
        fails += 1; print("FAIL small case %d: %r -> %r, want %r" % (i, d[:80], got[:80], ref(d)[:80]))
# big input: 200k records, ~120k people
people = ["user%d.%s@Example%d.com" % (i, "abcdefghij"[i % 10], i % 97) for i in range(120000)]
lines = []
for j in range(200000):
    e = people[j] if j < 120000 else people[rng.randrange(120000)]
    if rng.random() < 0.3: e = e.upper()
    if rng.random() < 0.1: e = " " + e + " "
    lines.append("%d\t%s\tPerson %d" % (rng.randint(0, 10**9), e, j))
rng.shuffle(lines)
big = "\n".join(lines) + "\n"
p, dt = run(big, limit=6)
if p.returncode != 0 or p.stdout.decode() != ref(big):
    fails += 1; print("FAIL big input: wrong output")
elif dt > 6:
    fails += 1; print("FAIL big input: %.1f s, limit 6 s" % dt)
else:
    print("big input: %.2f s" % dt)
print("failures:", fails)
sys.exit(1 if fails else 0)
