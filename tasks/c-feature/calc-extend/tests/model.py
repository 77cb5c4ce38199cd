"""Python model of the extended calculator (the spec in instructions.md), and a random line generator."""
import random, re

MIN, MAX = -(1 << 63), (1 << 63) - 1
TOK = re.compile(r"\s*(?:(0x[0-9a-fA-F]+)|([0-9]+)|([A-Za-z_][A-Za-z0-9_]*)|(<<|>>|\*\*|[-+*/%()|^&~=])|(\S))")

class Syntax(Exception): pass
class EvalError(Exception): pass

def tokens(s):
    out = []; pos = 0
    while True:
        m = TOK.match(s, pos)
        if not m: break
        pos = m.end()
        h, d, n, op, bad = m.groups()
        if bad: raise Syntax()
        if h: out.append(("num", int(h, 16)))
        elif d: out.append(("num", int(d)))
        elif n: out.append(("name", n))
        else: out.append(("op", op))
    if s[pos:].strip(): raise Syntax()
    return out

LEVELS = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]]

class P:
    def __init__(self, toks): self.t = toks; self.i = 0
    def peek(self): return self.t[self.i] if self.i < len(self.t) else ("end", None)
    def isop(self, *ops): k, v = self.peek(); return k == "op" and v in ops
    def take(self): x = self.peek(); self.i += 1; return x
    def binary(self, lvl):
        if lvl == len(LEVELS): return self.unary()
        left = self.binary(lvl + 1)
        while self.isop(*LEVELS[lvl]):
            op = self.take()[1]; right = self.binary(lvl + 1); left = ("bin", op, left, right)
        return left
    def unary(self):
        if self.isop("-", "~"):
            op = self.take()[1]; return ("un", op, self.unary())
        return self.primary()
    def primary(self):
        k, v = self.take()
        if k == "num": node = ("num", v)
        elif k == "name": node = ("var", v)
        elif k == "op" and v == "(":
            node = self.binary(0)
            if not self.isop(")"): raise Syntax()
            self.take()
        else: raise Syntax()
        if self.isop("**"):
            self.take(); node = ("bin", "**", node, self.unary())
        return node

def chk(v):
    if not MIN <= v <= MAX: raise EvalError("overflow")
    return v

def ev(node, env):
    k = node[0]
    if k == "num": return chk(node[1])
    if k == "var":
        if node[1] not in env: raise EvalError("undefined variable " + node[1])
        return env[node[1]]
    if k == "un":
        v = ev(node[2], env)
        return ~v if node[1] == "~" else chk(-v)
    op, a, b = node[1], ev(node[2], env), ev(node[3], env)
    if op == "+": return chk(a + b)
    if op == "-": return chk(a - b)
    if op == "*": return chk(a * b)
    if op in "/%":
        if b == 0: raise EvalError("division by zero")
        q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
        chk(q)
        return q if op == "/" else a - b * q
    if op in ("<<", ">>"):
        if not 0 <= b <= 63: raise EvalError("bad shift")
        return chk(a << b) if op == "<<" else a >> b
    if op == "**":
        if b < 0: raise EvalError("negative exponent")
        if a in (0, 1, -1) or b <= 64: return chk(a ** b) if a not in (0, 1, -1) else (a ** (b % 2 + 2 if b else 0) if a == -1 else (1 if a == 1 or b == 0 else 0))
        raise EvalError("overflow")
    if op == "&": return a & b
    if op == "|": return a | b
    if op == "^": return a ^ b
    raise AssertionError(op)

def run(lines):
    env = {}; hexmode = False; out = []
    for line in lines:
        s = line.rstrip("\n").rstrip("\r")
        if s.strip() == ":hex": hexmode = True; continue
        if s.strip() == ":dec": hexmode = False; continue
        if not s.strip(): continue
        try:
            toks = tokens(s)
            target = None
            if len(toks) >= 2 and toks[0][0] == "name" and toks[1] == ("op", "="):
                target = toks[0][1]; toks = toks[2:]
            p = P(toks); tree = p.binary(0)
            if p.i != len(toks): raise Syntax()
        except Syntax:
            out.append("error: syntax error"); continue
        try:
            v = ev(tree, env)
        except EvalError as e:
            out.append("error: %s" % e); continue
        if target: env[target] = v
        out.append(("-0x%x" % -v if v < 0 else "0x%x" % v) if hexmode else str(v))
    return "".join(o + "\n" for o in out)

def gen_lines(seed, n):
    r = random.Random(seed)
    names = ["a", "b", "x_1", "Big", "_t", "undefined_v"]
    nums = [0, 1, 2, 3, 7, 10, 63, 64, 255, 1000, 2**31, 2**32 + 5, 2**62, MAX, MAX - 1, 3037000499, 3037000500, 10**18, 9, 60]
    def num():
        v = r.choice(nums) if r.random() < 0.7 else r.randint(0, 10**6)
        if r.random() < 0.1: v = MAX + 1 + r.randint(0, 5)
        return ("0x%x" % v) if r.random() < 0.25 else str(v)
    def expr(d):
        if d <= 0 or r.random() < 0.25:
            return num() if r.random() < 0.75 else r.choice(names)
        k = r.random()
        if k < 0.15: return "-" + expr(d - 1)
        if k < 0.2: return "~" + expr(d - 1)
        if k < 0.3: return "(" + expr(d - 1) + ")"
        op = r.choice(["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "**", "**", "*", "+"])
        sp = r.choice(["", " ", "  ", "\t"])
        return expr(d - 1) + sp + op + sp + expr(d - 1)
    lines = []
    for _ in range(n):
        k = r.random()
        if k < 0.2: lines.append("%s = %s" % (r.choice(names[:-1]), expr(3)))
        elif k < 0.24: lines.append(r.choice([":hex", ":dec", "  :hex  ", ":HEX", ":hex 1", ""]))
        elif k < 0.3: lines.append(r.choice(["1 +", "(1", "1)", "2 3", "x = = 1", "= 1", "1 = 2", "a = b = 1", "0x", "0xg", "1 $ 2", "**2", "2 ** ** 2", "1 <<< 2", "1 < 2", "#", "a b"]))
        else: lines.append(expr(r.randint(1, 5)))
    return [l + "\n" for l in lines]
