#!/bin/bash
set -u
H=$(dirname "$0")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
gcc -O2 -Wall -Wextra -o "$T/routes" routes.c || { echo "FAIL: does not compile"; exit 1; }
python3 - "$T" "$H" <<'PY'
import heapq, os, random, subprocess, sys, time
T, H = sys.argv[1], sys.argv[2]; exe = os.path.join(T, "routes")
sys.path.insert(0, H)
import gen
def model(n, edges, queries):
    adj = [[] for _ in range(n)]
    for u, v, w in edges: adj[u].append((v, w))
    out = []
    for s, t in queries:
        best = {s: (0, 0)}; pq = [(0, 0, s)]; done = set(); ans = None
        while pq:
            d, h, u = heapq.heappop(pq)
            if u in done or best[u] != (d, h): continue
            done.add(u)
            if u == t: ans = (d, h); break
            for v, w in adj[u]:
                c = (d + w, h + 1)
                if v not in best or c < best[v]: best[v] = c; heapq.heappush(pq, (c[0], c[1], v))
        out.append("-1\n" if ans is None else "%d %d\n" % ans)
    return "".join(out)
fails = 0
def run(text, want, tag, limit=None):
    global fails
    t = time.time()
    try: p = subprocess.run([exe], input=text.encode(), capture_output=True, timeout=limit and limit * 2)
    except subprocess.TimeoutExpired:
        fails += 1; print("FAIL %s: timed out" % tag); return
    dt = time.time() - t
    if p.returncode != 0 or p.stdout.decode() != want:
        fails += 1
        if fails <= 5: print("FAIL %s: got %r want %r" % (tag, p.stdout[:150], want[:150]))
    elif limit and dt > limit: fails += 1; print("FAIL %s: %.2f s > %d s" % (tag, dt, limit))
    elif limit: print("%s: %.2f s" % (tag, dt))
def fmt(n, edges, queries):
    return "%d %d %d\n" % (n, len(edges), len(queries)) + "".join("%d %d %d\n" % e for e in edges) + "".join("%d %d\n" % qq for qq in queries)
rng = random.Random(4)
fixed = [(1, [], [(0, 0)]), (2, [], [(0, 1), (1, 1)]), (2, [(0, 1, 5), (0, 1, 3), (1, 1, 1)], [(0, 1), (1, 0)]),
         (4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 3)], [(0, 3), (3, 0)]),   # tie: 3 hops vs 1 hop, same length
         (3, [(0, 1, 10**9), (1, 2, 10**9), (0, 2, 2 * 10**9 + 1)], [(0, 2)]),
         (5, [(0, 1, 2), (0, 2, 1), (2, 1, 1), (1, 3, 1), (2, 3, 2), (3, 4, 1)], [(0, 4), (0, 3), (4, 4), (2, 4)]),
         (5, [(0, 1, 2), (1, 2, 2), (2, 3, 2), (0, 4, 5), (4, 3, 1)], [(0, 3), (0, 4), (1, 3)])]  # fewer hops found later
for i, (n, e, qs) in enumerate(fixed): run(fmt(n, e, qs), model(n, e, qs), "fixed%d" % i)
for k in range(25):
    n = rng.randint(1, 30); m = rng.randint(0, 80)
    e = [(rng.randrange(n), rng.randrange(n), rng.choice([1, 1, 2, 3, 10**9])) for _ in range(m)]
    qs = [(rng.randrange(n), rng.randrange(n)) for _ in range(10)]
    run(fmt(n, e, qs), model(n, e, qs), "random%d" % k)
n = 3000; e = []
for i in range(n - 1): e.append((i, i + 1, 10**9))
for _ in range(12000): e.append((rng.randrange(n), rng.randrange(n), rng.randint(1, 10**9)))
qs = [(rng.randrange(n), rng.randrange(n)) for _ in range(15)] + [(n - 1, 0)]
run(fmt(n, e, qs), model(n, e, qs), "medium")
# gadgets: a chain of weight-2 steps with side paths (2k-1, then 1) of equal length and fewer hops
L = 2000; e = [(i, i + 1, 2) for i in range(L - 1)]; side = L
for _ in range(600):
    i = rng.randrange(L - 12); k = rng.randint(2, 10)
    e.append((i, side, 2 * k - 1 - rng.choice([0, 0, 0, 1]))); e.append((side, i + k, 1)); side += 1
rng.shuffle(e)
qs = [(a, a + rng.randint(1, 300)) for a in (rng.randrange(L - 301) for _ in range(25))]
run(fmt(side, e, qs), model(side, e, qs), "gadgets")
for kind in ("small-w", "big-w"):
    run(gen.gen(kind), open(os.path.join(H, "expected-%s.txt" % kind)).read(), "big " + kind, limit=5)
print("failures:", fails)
sys.exit(1 if fails else 0)
PY
