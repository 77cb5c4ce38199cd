"""Deterministic big inputs for routes (own LCG: independent of Python's random module)."""
import sys

class LCG:
    def __init__(self, seed): self.x = seed
    def next(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) & ((1 << 64) - 1)
        return self.x >> 33
    def below(self, k): return self.next() % k

def gen(kind):
    r = LCG({"small-w": 1, "big-w": 2}[kind])
    n, m, q = 100000, 300000, 20
    wmax = 12 if kind == "small-w" else 1000000000
    out = ["%d %d %d" % (n, m, q)]
    for i in range(m):
        if i < n - 1 and kind == "small-w":
            u = i; v = i + 1            # a long chain through every node
        else:
            u = r.below(n); v = (u + 1 + r.below(2000)) % n if r.below(4) else r.below(n)
        out.append("%d %d %d" % (u, v, 1 + r.below(wmax)))
    for i in range(q):
        out.append("%d %d" % (r.below(n), r.below(n)))
    out.append("")
    return "\n".join(out)

if __name__ == "__main__":
    sys.stdout.write(gen(sys.argv[1]))
