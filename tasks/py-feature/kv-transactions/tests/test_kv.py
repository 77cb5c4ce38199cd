import copy, os, random, re, subprocess, sys, time
WS = os.getcwd()
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 10: print("FAIL:", what)
INT = re.compile(r"-?[0-9]+")
ARITY = {"SET": (2, 2), "GET": (1, 1), "DEL": (1, 1), "INCR": (1, 2), "COUNT": (1, 1), "KEYS": (0, 1), "END": (0, 0), "BEGIN": (0, 0), "ROLLBACK": (0, 0), "COMMIT": (0, 0)}
def naive(text):
    """Obviously correct model: a stack of full copies."""
    stack = [{}]; out = []
    for line in text.split("\n"):
        w = line.split()
        if not w: continue
        cmd, a = w[0].upper(), w[1:]
        if cmd not in ARITY: out.append("ERR unknown command"); continue
        if not ARITY[cmd][0] <= len(a) <= ARITY[cmd][1]: out.append("ERR usage"); continue
        d = stack[-1]
        if cmd == "SET": d[a[0]] = a[1]
        elif cmd == "GET": out.append(d.get(a[0], "NULL"))
        elif cmd == "DEL": d.pop(a[0], None)
        elif cmd == "INCR":
            cur = d.get(a[0]); n = a[1] if len(a) == 2 else "1"
            if (cur is not None and not INT.fullmatch(cur)) or not INT.fullmatch(n): out.append("ERR not an integer")
            else: d[a[0]] = str(int(cur or "0") + int(n)); out.append(d[a[0]])
        elif cmd == "COUNT": out.append(str(sum(1 for v in d.values() if v == a[0])))
        elif cmd == "KEYS":
            ks = sorted(k for k in d if k.startswith(a[0] if a else "")); out.append(" ".join(ks) if ks else "(empty)")
        elif cmd == "BEGIN": stack.append(dict(d))
        elif cmd == "ROLLBACK":
            if len(stack) == 1: out.append("NO TRANSACTION")
            else: stack.pop()
        elif cmd == "COMMIT":
            if len(stack) == 1: out.append("NO TRANSACTION")
            else: top = stack.pop(); stack[-1] = top
        elif cmd == "END": break
    return "".join(o + "\n" for o in out)
def fast(text):
    """Efficient model (undo logs), checked against naive() on the small sessions."""
    data, counts, logs, out = {}, {}, [], []
    M = None
    def raw(k, old, new):
        if old is not M:
            counts[old] -= 1
            if not counts[old]: del counts[old]
        if new is M: data.pop(k, None)
        else: data[k] = new; counts[new] = counts.get(new, 0) + 1
    def write(k, new):
        old = data.get(k, M)
        if logs and k not in logs[-1]: logs[-1][k] = old
        raw(k, old, new)
    for line in text.split("\n"):
        w = line.split()
        if not w: continue
        cmd, a = w[0].upper(), w[1:]
        if cmd not in ARITY: out.append("ERR unknown command"); continue
        if not ARITY[cmd][0] <= len(a) <= ARITY[cmd][1]: out.append("ERR usage"); continue
        if cmd == "SET": write(a[0], a[1])
        elif cmd == "GET": out.append(data.get(a[0], "NULL"))
        elif cmd == "DEL":
            if a[0] in data: write(a[0], M)
        elif cmd == "INCR":
            cur = data.get(a[0]); n = a[1] if len(a) == 2 else "1"
            if (cur is not None and not INT.fullmatch(cur)) or not INT.fullmatch(n): out.append("ERR not an integer")
            else: v = str(int(cur or "0") + int(n)); write(a[0], v); out.append(v)
        elif cmd == "COUNT": out.append(str(counts.get(a[0], 0)))
        elif cmd == "KEYS":
            ks = sorted(k for k in data if k.startswith(a[0] if a else "")); out.append(" ".join(ks) if ks else "(empty)")
        elif cmd == "BEGIN": logs.append({})
        elif cmd == "ROLLBACK":
            if not logs: out.append("NO TRANSACTION")
            else:
                for k, old in logs.pop().items(): raw(k, data.get(k, M), old)
        elif cmd == "COMMIT":
            if not logs: out.append("NO TRANSACTION")
            else:
                c = logs.pop()
                if logs:
                    for k, old in c.items(): logs[-1].setdefault(k, old)
        elif cmd == "END": break
    return "".join(o + "\n" for o in out)
def run(text, timeout=30):
    t = time.time()
    p = subprocess.run([sys.executable, os.path.join(WS, "kv.py")], input=text.encode(), capture_output=True, timeout=timeout)
    return p, time.time() - t
fixed = [
    "SET a 1\nBEGIN\nSET a 2\nGET a\nROLLBACK\nGET a\n",
    "BEGIN\nSET a 1\nBEGIN\nSET a 2\nCOMMIT\nGET a\nROLLBACK\nGET a\n",
    "ROLLBACK\nCOMMIT\nbegin\nrollback\nROLLBACK\n",
    "SET x 10\nBEGIN\nINCR x 5\nDEL x\nGET x\nCOUNT 15\nROLLBACK\nGET x\nCOUNT 10\n",
    "SET a v\nSET b v\nBEGIN\nSET c v\nCOUNT v\nDEL a\nCOUNT v\nKEYS\nROLLBACK\nCOUNT v\nKEYS\n",
    "BEGIN\nBEGIN\nBEGIN\nSET k 1\nCOMMIT\nCOMMIT\nCOMMIT\nGET k\nROLLBACK\n",
    "BEGIN\nSET a 1\nBEGIN\nDEL a\nBEGIN\nSET a 3\nROLLBACK\nGET a\nCOMMIT\nGET a\nROLLBACK\nGET a\nKEYS\n",
    "SET n abc\nBEGIN\nINCR n\nGET n\nCOMMIT\nBEGIN x\nCOMMIT now\nEND\nGET n\n",
    "BEGIN\nSET a 1\nEND\nGET a\n",
    "BEGIN\nSET a 1\n",
]
for i, t in enumerate(fixed):
    p, _ = run(t)
    check(p.returncode == 0 and p.stdout.decode() == naive(t), "session %d %r:\n got %r\n want %r" % (i, t, p.stdout.decode(), naive(t)))
rng = random.Random(31)
def session(n, nkeys, vals):
    lines = []
    for _ in range(n):
        r = rng.random(); k = "k%d" % rng.randrange(nkeys)
        if r < 0.25: lines.append("SET %s %s" % (k, rng.choice(vals)))
        elif r < 0.35: lines.append("GET " + k)
        elif r < 0.42: lines.append("DEL " + k)
        elif r < 0.48: lines.append("INCR %s %s" % (k, rng.choice(["", "2", "-3", "x"])))
        elif r < 0.58: lines.append("COUNT " + rng.choice(vals))
        elif r < 0.62: lines.append("KEYS " + rng.choice(["", "k1", "k"]))
        elif r < 0.75: lines.append("BEGIN")
        elif r < 0.86: lines.append(rng.choice(["ROLLBACK", "rollback"]))
        elif r < 0.97: lines.append(rng.choice(["COMMIT", "Commit"]))
        else: lines.append(rng.choice(["", "NOPE", "SET a", "GET", "BEGIN now"]))
    return "\n".join(lines) + "\n"
small = [session(rng.randint(5, 200), rng.randint(1, 12), ["1", "2", "a", "5"]) for _ in range(12)]
joined = "".join("END\n" if False else s for s in small[:1])
for i, t in enumerate(small):
    want = naive(t)
    check(fast(t) == want, "internal: models disagree")
    p, _ = run(t)
    check(p.returncode == 0 and p.stdout.decode() == want, "random session %d differs" % i)
# performance: ~300k commands, 100k keys, many short nested transactions, frequent COUNT
lines = ["SET key%d %s" % (i, "v%d" % (i % 50)) for i in range(100000)]
depth = 0
while len(lines) < 300000:
    r = rng.random()
    if r < 0.12 or depth == 0: lines.append("BEGIN"); depth += 1
    elif r < 0.5: lines.append("SET key%d v%d" % (rng.randrange(120000), rng.randrange(60)))
    elif r < 0.6: lines.append("DEL key%d" % rng.randrange(120000))
    elif r < 0.7: lines.append("INCR cnt%d" % rng.randrange(100))
    elif r < 0.82: lines.append("COUNT v%d" % rng.randrange(60))
    elif r < 0.86: lines.append("GET key%d" % rng.randrange(120000))
    elif r < 0.93: lines.append("ROLLBACK"); depth -= 1
    else: lines.append("COMMIT"); depth -= 1
lines.append("COUNT v7"); lines.append("KEYS cnt")
big = "\n".join(lines) + "\n"
want = fast(big)
try:
    p, dt = run(big, timeout=20)
    if p.returncode != 0 or p.stdout.decode() != want: check(False, "big session: wrong output")
    elif dt > 10: check(False, "big session: %.1f s > 10 s" % dt)
    else: print("big session: %.2f s" % dt)
except subprocess.TimeoutExpired:
    check(False, "big session: timed out")
print("failures:", fails)
sys.exit(1 if fails else 0)
