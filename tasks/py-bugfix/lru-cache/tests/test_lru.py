import os, random, sys
from collections import OrderedDict
sys.path.insert(0, os.getcwd())
from lrucache import LRUCache

fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 15: print("FAIL:", what)

class Model:
    def __init__(self, cap):
        self.cap = cap; self.d = OrderedDict(); self.hits = self.misses = self.evictions = 0
    def get(self, k, default=None):
        if k in self.d:
            self.d.move_to_end(k); self.hits += 1; return self.d[k]
        self.misses += 1; return default
    def put(self, k, v):
        if self.cap == 0: return
        if k in self.d:
            self.d[k] = v; self.d.move_to_end(k); return
        if len(self.d) >= self.cap:
            self.d.popitem(last=False); self.evictions += 1
        self.d[k] = v
    def delete(self, k):
        if k in self.d: del self.d[k]; return True
        return False
    def peek(self, k, default=None): return self.d.get(k, default)
    def keys(self): return list(reversed(self.d.keys()))

# hand-written cases
c = LRUCache(2)
c.put("a", 1); c.put("b", 2)
check(c.get("a") == 1, "get a")
c.put("c", 3)
check("b" not in c and "a" in c and "c" in c, "reading a must protect it from eviction; b is LRU")
check(c.keys() == ["c", "a"], "keys order %r" % (c.keys(),))
c.put("a", 10)
check(len(c) == 2 and c.get("a") == 10 and c.evictions == 1, "update must not evict")
check(c.delete("zz") is False, "delete missing returns False")
check(c.delete("a") is True and len(c) == 1 and c.keys() == ["c"], "delete present")
c0 = LRUCache(0); c0.put(1, 1)
check(len(c0) == 0 and c0.get(1, "d") == "d", "capacity 0 stores nothing")
for bad in (-1, 1.5, "3"):
    try: LRUCache(bad); check(False, "LRUCache(%r) should raise" % (bad,))
    except ValueError: pass
c = LRUCache(3); c.put("x", None); c.put("y", 0)
check(c.get("x", "D") is None and c.get("y", "D") == 0 and c.hits == 2, "falsy values")
c = LRUCache(1); c.put(1, "a"); c.put(1, "b"); c.put(2, "c")
check(c.keys() == [2] and c.evictions == 1 and c.peek(1) is None, "capacity 1 update then insert")
c = LRUCache(3); c.put(1, 1); c.put(2, 2); c.put(3, 3); c.peek(1); c.put(4, 4)
check(1 not in c, "peek must not refresh recency")

# randomized differential testing against a model
rng = random.Random(12345)
for trial in range(300):
    cap = rng.randint(0, 6)
    c, m = LRUCache(cap), Model(cap)
    nk = rng.randint(1, 10)
    for step in range(rng.randint(1, 80)):
        op = rng.random(); k = rng.randrange(nk)
        if op < 0.35:
            v = rng.randint(0, 100); c.put(k, v); m.put(k, v)
        elif op < 0.7:
            check(c.get(k, "D") == m.get(k, "D"), "trial %d: get" % trial)
        elif op < 0.85:
            try: r = c.delete(k)
            except Exception as e: r = e
            check(r == m.delete(k), "trial %d: delete(%r) returned %r" % (trial, k, r))
        else:
            check(c.peek(k, "D") == m.peek(k, "D"), "trial %d: peek" % trial)
        if c.keys() != m.keys() or len(c) != len(m.d):
            check(False, "trial %d step %d: keys %r, want %r" % (trial, step, c.keys(), m.keys())); break
    check((c.hits, c.misses, c.evictions) == (m.hits, m.misses, m.evictions),
          "trial %d: stats %r want %r" % (trial, (c.hits, c.misses, c.evictions), (m.hits, m.misses, m.evictions)))
    # the tail must be consistent too: evict everything in LRU order
    if cap > 0:
        want = list(reversed(m.keys()))
        for i in range(cap):
            c.put(("fill", i), i); m.put(("fill", i), i)
        check(c.keys() == m.keys(), "trial %d: eviction order" % trial)

# big run for speed: O(1) operations
c = LRUCache(1000)
for i in range(200000):
    c.put(i % 3000, i); c.get((i * 7) % 3000)
check(len(c) == 1000, "big run size")
print("failures:", fails)
sys.exit(1 if fails else 0)
