#!/usr/bin/env python3
"""luai: an interpreter for a Lua 5.4 subset (reference solution of the lua-interp tasks).
Usage: luai FILE.  The program is parsed into closures (one Python function per node), then run."""
import math, os, struct, sys, threading

# ---------------------------------------------------------------- values
class LuaError(Exception):
    def __init__(self, value):
        Exception.__init__(self)
        self.value = value


class Table:
    __slots__ = ("d", "mt", "__weakref__")

    def __init__(self):
        self.d = {}
        self.mt = None


class Function:
    __slots__ = ("proto", "up", "name")

    def __init__(self, proto, up):
        self.proto = proto
        self.up = up


class Coroutine:
    def __init__(self, fn):
        self.fn = fn
        self.status = "suspended"
        self.thread = None
        self.go = threading.Semaphore(0)
        self.back = threading.Semaphore(0)
        self.transfer = None
        self.stk = []


class TrueKey:
    pass


class FalseKey:
    pass


TK, FK = TrueKey(), FalseKey()
MAXI, MINI = (1 << 63) - 1, -(1 << 63)
CHUNK = "?"


class State:
    co = None          # the running coroutine (None: the main program)
    stk = []           # call lines of the running coroutine


ST = State()


def wrap(i):
    i &= 0xFFFFFFFFFFFFFFFF
    return i - (1 << 64) if i >> 63 else i


def typename(v):
    t = type(v)
    if v is None:
        return "nil"
    if t is bool:
        return "boolean"
    if t is int or t is float:
        return "number"
    if t is str:
        return "string"
    if t is Table:
        return "table"
    if t is Coroutine:
        return "thread"
    return "function"


def isfunc(v):
    return type(v) is Function or callable(v)


def fmt_float(f):
    if f != f:
        return "nan" if math.copysign(1, f) > 0 else "-nan"
    if f in (math.inf, -math.inf):
        return "inf" if f > 0 else "-inf"
    s = "%.14g" % f
    if all(c in "-0123456789" for c in s):
        s += ".0"
    return s


def tostr(v):
    t = type(v)
    if t is str:
        return v
    if t is int:
        return str(v)
    if t is float:
        return fmt_float(v)
    if v is None:
        return "nil"
    if t is bool:
        return "true" if v else "false"
    mt = getmt(v)
    if mt is not None:
        h = mt.d.get("__tostring")
        if h is not None:
            r = first(call(h, [v]))
            if type(r) is not str:
                if type(r) in (int, float):
                    return tostr(r)
                raise LuaError("'__tostring' must return a string")
            return r
        n = mt.d.get("__name")
        if type(n) is str:
            return "%s: 0x%08x" % (n, id(v))
    return "%s: 0x%08x" % ("builtin" if callable(v) and type(v) is not Function else typename(v), id(v))


def str2num(s):
    s = s.strip(" \t\n\r\f\v")
    if not s:
        return None
    neg = False
    body = s
    if body[0] in "+-":
        neg = body[0] == "-"
        body = body[1:]
    try:
        if body[:2] in ("0x", "0X"):
            h = body[2:]
            if "." not in h and "p" not in h and "P" not in h:
                if not h or any(c not in "0123456789abcdefABCDEF" for c in h):
                    return None
                v = wrap(int(h, 16))
                return wrap(-v) if neg else v
            v = float.fromhex(body)
            return -v if neg else v
        if all(c in "0123456789" for c in body):
            v = int(body)
            if neg:
                v = -v
            if MINI <= v <= MAXI:
                return v
            return float(v)
        if not all(c in "0123456789.eE+-" for c in body) or "inf" in body.lower():
            return None
        v = float(body)
        return -v if neg else v
    except ValueError:
        return None


def tonum(v):
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        return str2num(v)
    return None


def toint(v):
    """The integer value of v (a number or a string), or None."""
    t = type(v)
    if t is int:
        return v
    if t is str:
        v = str2num(v)
        t = type(v)
        if t is int:
            return v
    if t is float:
        if v.is_integer() and -2.0 ** 63 <= v < 2.0 ** 63:
            return int(v)
    return None


def getmt(v):
    t = type(v)
    if t is Table:
        return v.mt
    if t is str:
        return STRMT
    return None


def first(r):
    return r[0] if r else None


def err(msg, line):
    raise LuaError("%s:%d: %s" % (CHUNK, line, msg))


# ---------------------------------------------------------------- core operations
def key(k):
    t = type(k)
    if t is float:
        if k.is_integer():
            return int(k)
    elif t is bool:
        return TK if k else FK
    return k


def unkey(k):
    if k is TK:
        return True
    if k is FK:
        return False
    return k


def index(o, k, line=0):
    for _ in range(100):
        if type(o) is Table:
            v = o.d.get(key(k))
            if v is not None:
                return v
            mt = o.mt
            if mt is None:
                return None
            h = mt.d.get("__index")
            if h is None:
                return None
        else:
            mt = getmt(o)
            h = mt.d.get("__index") if mt is not None else None
            if h is None:
                err("attempt to index a %s value" % typename(o), line)
        if type(h) is Table:
            o = h
            continue
        return callmeta(h, [o, k], line)
    err("'__index' chain too long; possible loop", line)


def setindex(o, k, v, line=0):
    for _ in range(100):
        if type(o) is Table:
            kk = key(k)
            d = o.d
            if kk in d or o.mt is None or o.mt.d.get("__newindex") is None:
                if kk is None:
                    err("table index is nil", line)
                if type(kk) is float and kk != kk:
                    err("table index is NaN", line)
                if v is None:
                    d.pop(kk, None)
                else:
                    d[kk] = v
                return
            h = o.mt.d["__newindex"]
        else:
            mt = getmt(o)
            h = mt.d.get("__newindex") if mt is not None else None
            if h is None:
                err("attempt to index a %s value" % typename(o), line)
        if type(h) is Table:
            o = h
            continue
        callmeta(h, [o, k, v], line)
        return
    err("'__newindex' chain too long; possible loop", line)


def call(f, args, line=0):
    if type(f) is Function:
        return f.proto.run(f, args)
    if callable(f) and type(f) is not Table:
        return f(args)
    mt = getmt(f)
    h = mt.d.get("__call") if mt is not None else None
    if h is None:
        err("attempt to call a %s value" % typename(f), line)
    return call(h, [f] + args, line)


def metabin(ev, a, b):
    for x in (a, b):
        mt = getmt(x)
        if mt is not None:
            h = mt.d.get(ev)
            if h is not None:
                return h
    return None


ARITH = {"+": "__add", "-": "__sub", "*": "__mul", "/": "__div", "%": "__mod", "^": "__pow", "//": "__idiv",
         "&": "__band", "|": "__bor", "~": "__bxor", "<<": "__shl", ">>": "__shr", "..": "__concat"}


def fmod(a, b):
    if b in (math.inf, -math.inf) and a == a and a not in (math.inf, -math.inf):
        return a if (a >= 0) == (b > 0) or a == 0 else b
    if b == 0:
        return math.nan
    m = math.fmod(a, b)
    if m != 0 and (m < 0) != (b < 0):
        m += b
    return m


def fdiv(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1, b)


def fpow(a, b):
    try:
        return math.pow(a, b)
    except OverflowError:
        return math.inf if a > 0 or float(b) % 2 == 0 else -math.inf
    except ValueError:
        return math.nan


def shl(a, n):
    if n <= -64 or n >= 64:
        return 0
    if n >= 0:
        return wrap(a << n)
    return (a & 0xFFFFFFFFFFFFFFFF) >> -n


def numarith(op, a, b, line):
    ta, tb = type(a), type(b)
    if op in "&|~<<>>":
        x, y = toint(a), toint(b)
        if x is None or y is None:
            bad = a if x is None else b
            if tonum(bad) is not None:
                err("number has no integer representation", line)
            return None
        if op == "&":
            return x & y
        if op == "|":
            return x | y
        if op == "~":
            return x ^ y
        return shl(x, y) if op == "<<" else shl(x, -y)
    if ta is int and tb is int:
        if op == "+":
            return wrap(a + b)
        if op == "-":
            return wrap(a - b)
        if op == "*":
            return wrap(a * b)
        if op == "//":
            if b == 0:
                err("attempt to divide by zero", line)
            return wrap(a // b)
        if op == "%":
            if b == 0:
                err("attempt to perform 'n%0'", line)
            return a % b
        a, b = float(a), float(b)
    else:
        a, b = float(a), float(b)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return fdiv(a, b)
    if op == "^":
        return fpow(a, b)
    if op == "%":
        return fmod(a, b)
    if op == "//":
        q = fdiv(a, b)
        return float(math.floor(q)) if math.isfinite(q) and q != 0 else q


def callmeta(h, args, line):
    stk = ST.stk
    stk.append(line)
    try:
        return first(call(h, args, line))
    finally:
        stk.pop()


def strarith(ev, a, b, line):
    """The string metatable's arithmetic metamethods: a string that is not a number."""
    mb = getmt(b)
    hb = mb.d.get(ev) if mb is not None and type(b) is not str else None
    if hb is None:
        err("attempt to %s a '%s' with a '%s'" % (ev[2:], typename(a), typename(b)), line)
    return callmeta(hb, [a, b], line)


def arith(op, a, b, line):
    if op == "..":
        if type(a) in (str, int, float) and type(b) in (str, int, float):
            return tostr(a) + tostr(b)
        h = metabin("__concat", a, b)
        if h is None:
            bad = b if type(a) in (str, int, float) else a
            err("attempt to concatenate a %s value" % typename(bad), line)
        return callmeta(h, [a, b], line)
    bitw = op in "&|~<<>>"
    if bitw:
        x = a if type(a) in (int, float) else None
        y = b if type(b) in (int, float) else None
    else:
        x, y = tonum(a), tonum(b)
    if x is not None and y is not None:
        r = numarith(op, x, y, line)
        if r is not None:
            return r
    ev = ARITH[op]
    if not bitw:
        if type(a) is str:
            return strarith(ev, a, b, line)
        ma = getmt(a)
        if (ma is None or ma.d.get(ev) is None) and type(b) is str:
            return strarith(ev, a, b, line)
    h = metabin(ev, a, b)
    if h is None:
        bad = b if tonum(a) is not None else a
        if op in "&|~<<>>":
            if type(bad) in (int, float):
                err("number has no integer representation", line)
            err("attempt to perform bitwise operation on a %s value" % typename(bad), line)
        err("attempt to perform arithmetic on a %s value" % typename(bad), line)
    return callmeta(h, [a, b], line)


def eq(a, b):
    if a is b:
        return True
    ta, tb = type(a), type(b)
    if ta is bool or tb is bool:
        return False
    if ta is Table and tb is Table:
        h = metabin("__eq", a, b)
        if h is None:
            return False
        return truth(callmeta(h, [a, b], None))
    if (ta is str) != (tb is str):
        return False
    return a == b


def truth(v):
    return v is not None and v is not False


def lt(a, b, line):
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a < b
    if ta is str and tb is str:
        return a < b
    h = metabin("__lt", a, b)
    if h is None:
        cmperr(a, b, line)
    return truth(callmeta(h, [a, b], line))


def le(a, b, line):
    ta, tb = type(a), type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a <= b
    if ta is str and tb is str:
        return a <= b
    h = metabin("__le", a, b)
    if h is None:
        cmperr(a, b, line)
    return truth(callmeta(h, [a, b], line))


def cmperr(a, b, line):
    x, y = typename(a), typename(b)
    if x == y:
        err("attempt to compare two %s values" % x, line)
    err("attempt to compare %s with %s" % (x, y), line)


def length(v, line):
    if type(v) is str:
        return len(v)
    mt = getmt(v)
    if mt is not None:
        h = mt.d.get("__len")
        if h is not None:
            return callmeta(h, [v], line)
    if type(v) is Table:
        return border(v)
    err("attempt to get length of a %s value" % typename(v), line)


def border(t):
    d = t.d
    if d.get(1) is None:
        return 0
    n = len(d)
    if d.get(n) is not None and d.get(n + 1) is None:
        return n
    i, j = 1, 2
    while d.get(j) is not None:
        i, j = j, j * 2
        if j > MAXI // 2:
            break
    while j - i > 1:
        m = (i + j) // 2
        if d.get(m) is None:
            j = m
        else:
            i = m
    return i


def unm(v, line):
    if type(v) is int:
        return wrap(-v)
    if type(v) is float:
        return -v
    n = tonum(v)
    if n is not None:
        return unm(n, line)
    if type(v) is str:
        err("attempt to unm a 'string' with a 'string'", line)
    mt = getmt(v)
    h = mt.d.get("__unm") if mt is not None else None
    if h is None:
        err("attempt to perform arithmetic on a %s value" % typename(v), line)
    return callmeta(h, [v, v], line)


def bnot(v, line):
    n = toint(v) if type(v) is not str else None
    if n is not None:
        return wrap(~n)
    mt = getmt(v)
    h = mt.d.get("__bnot") if mt is not None else None
    if h is None:
        if tonum(v) is not None:
            err("number has no integer representation", line)
        err("attempt to perform bitwise operation on a %s value" % typename(v), line)
    return first(call(h, [v, v]))


# ---------------------------------------------------------------- lexer
KEYWORDS = {"and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
            "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"}
OPS3 = ("...",)
OPS2 = ("==", "~=", "<=", ">=", "//", "::", "<<", ">>", "..")
OPS1 = "+-*/%^#&~|<>=(){}[];:,."
ESC = {"n": "\n", "t": "\t", "a": "\a", "b": "\b", "f": "\f", "r": "\r", "v": "\v", "\\": "\\", '"': '"', "'": "'",
       "\n": "\n"}


def lex_error(msg, line, near=None):
    if near is not None:
        msg += " near '%s'" % near
    raise LuaError("%s:%d: %s" % (CHUNK, line, msg))


def long_bracket(src, i):
    """If src[i:] opens a long bracket [==[, its level, else -1."""
    j = i + 1
    while j < len(src) and src[j] == "=":
        j += 1
    return j - i - 1 if j < len(src) and src[j] == "[" else -1


def read_long(src, i, level, line):
    """src[i] starts the opening bracket; returns (text, new index, new line)."""
    i += level + 2
    if src.startswith("\r\n", i) or src.startswith("\n\r", i):
        i += 2
        line += 1
    elif i < len(src) and src[i] in "\r\n":
        i += 1
        line += 1
    close = "]" + "=" * level + "]"
    j = src.find(close, i)
    if j < 0:
        lex_error("unfinished long string/comment", line, "<eof>")
    text = src[i:j]
    return text, j + len(close), line + text.count("\n")


def lex(src):
    toks = []
    i, n, line = 0, len(src), 1
    if src.startswith("#"):
        while i < n and src[i] != "\n":
            i += 1
    while True:
        while i < n and src[i] in " \t\r\n\f\v":
            if src[i] == "\n":
                line += 1
            i += 1
        if i >= n:
            toks.append(("<eof>", None, line))
            return toks
        c = src[i]
        if c == "-" and src.startswith("--", i):
            i += 2
            if i < n and src[i] == "[":
                lv = long_bracket(src, i)
                if lv >= 0:
                    _, i, line = read_long(src, i, lv, line)
                    continue
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_") and src[j] < "\x80":
                j += 1
            w = src[i:j]
            toks.append((w, None, line) if w in KEYWORDS else ("name", w, line))
            i = j
            continue
        if c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            hexa = src.startswith(("0x", "0X"), i)
            exp = "pP" if hexa else "eE"
            if hexa:
                j += 2
            while j < n:
                if src[j] in exp and j + 1 < n and src[j + 1] in "+-":
                    j += 2
                elif src[j].isalnum() or src[j] == "." or src[j] == "_":
                    j += 1
                else:
                    break
            v = str2num(src[i:j])
            if v is None:
                lex_error("malformed number", line, src[i:j])
            toks.append(("num", v, line))
            i = j
            continue
        if c in "\"'":
            j = i + 1
            buf = []
            while True:
                if j >= n or src[j] == "\n":
                    lex_error("unfinished string", line, src[i:j])
                d = src[j]
                if d == c:
                    j += 1
                    break
                if d == "\\":
                    j += 1
                    e = src[j] if j < n else ""
                    if e in ESC:
                        buf.append(ESC[e])
                        if e == "\n":
                            line += 1
                        j += 1
                    elif e == "x":
                        h = src[j + 1:j + 3]
                        try:
                            buf.append(chr(int(h, 16)))
                        except ValueError:
                            lex_error("hexadecimal digit expected", line)
                        j += 3
                    elif e == "z":
                        j += 1
                        while j < n and src[j] in " \t\r\n\f\v":
                            if src[j] == "\n":
                                line += 1
                            j += 1
                    elif e.isdigit():
                        k = j
                        while k < n and k < j + 3 and src[k].isdigit():
                            k += 1
                        v = int(src[j:k])
                        if v > 255:
                            lex_error("decimal escape too large", line)
                        buf.append(chr(v))
                        j = k
                    elif e == "u":
                        k = src.find("}", j)
                        cp = int(src[j + 2:k], 16)
                        buf.append(chr(cp).encode("utf-8", "surrogatepass").decode("latin-1"))
                        j = k + 1
                    else:
                        lex_error("invalid escape sequence", line, "\\" + e)
                else:
                    buf.append(d)
                    j += 1
            toks.append(("str", "".join(buf), line))
            i = j
            continue
        if c == "[":
            lv = long_bracket(src, i)
            if lv >= 0:
                text, i2, line2 = read_long(src, i, lv, line)
                toks.append(("str", text, line))
                i, line = i2, line2
                continue
        if src.startswith("...", i):
            toks.append(("...", None, line))
            i += 3
            continue
        if src[i:i + 2] in OPS2:
            toks.append((src[i:i + 2], None, line))
            i += 2
            continue
        if c in OPS1:
            toks.append((c, None, line))
            i += 1
            continue
        lex_error("unexpected symbol", line, c)


# ---------------------------------------------------------------- parser + compiler to closures
class Frame:
    __slots__ = ("s", "u", "va")


class Goto:
    __slots__ = ("label", "line")

    def __init__(self, label, line):
        self.label, self.line = label, line


BREAK = object()
MAXDEPTH = 6000


class Proto:
    def __init__(self):
        self.nslots = 0
        self.params = []
        self.vararg = False
        self.body = None

    def run(self, f, args):
        fr = Frame()
        s = fr.s = [None] * self.nslots
        fr.u = f.up
        n = len(args)
        for i, slot in enumerate(self.params):
            s[slot] = [args[i] if i < n else None]
        if self.vararg:
            fr.va = args[len(self.params):]
        r = self.body(fr)
        if type(r) is list:
            return r
        if type(r) is Goto:
            err("no visible label '%s' for goto" % r.label, r.line)
        return []


class FS:
    def __init__(self, parent):
        self.parent = parent
        self.scopes = [{}]
        self.proto = Proto()
        self.upnames = {}
        self.updesc = []

    def declare(self, name):
        slot = self.proto.nslots
        self.proto.nslots += 1
        self.scopes[-1][name] = slot
        return slot

    def resolve(self, name):
        for sc in reversed(self.scopes):
            if name in sc:
                return ("local", sc[name])
        if name in self.upnames:
            return ("up", self.upnames[name])
        if self.parent is None:
            return ("global", name)
        r = self.parent.resolve(name)
        if r[0] == "global":
            return r
        idx = len(self.updesc)
        self.updesc.append((r[0] == "local", r[1]))
        self.upnames[name] = idx
        return ("up", idx)


class Exp:
    """A parsed expression: ev (one value), evm (all values, for calls and ...), and for assignable
    ones the kind and what to assign to."""
    __slots__ = ("kind", "ev", "evm", "a", "b")

    def __init__(self, kind, ev, evm=None, a=None, b=None):
        self.kind, self.ev, self.evm, self.a, self.b = kind, ev, evm, a, b


BINPRI = {"+": (10, 10), "-": (10, 10), "*": (11, 11), "%": (11, 11), "^": (14, 13), "/": (11, 11),
          "//": (11, 11), "&": (6, 6), "|": (4, 4), "~": (5, 5), "<<": (7, 7), ">>": (7, 7), "..": (9, 8),
          "==": (3, 3), "<": (3, 3), "<=": (3, 3), "~=": (3, 3), ">": (3, 3), ">=": (3, 3),
          "and": (2, 2), "or": (1, 1)}
UNPRI = 12


def const(v):
    return Exp("const", lambda fr: v)


def explist_fn(exps):
    if not exps:
        return lambda fr: []
    last = exps[-1]
    singles = [e.ev for e in (exps[:-1] if last.evm else exps)]
    if last.evm:
        lm = last.evm
        if not singles:
            return lambda fr: list(lm(fr))
        return lambda fr: [e(fr) for e in singles] + lm(fr)
    if len(singles) == 1:
        e0 = singles[0]
        return lambda fr: [e0(fr)]
    return lambda fr: [e(fr) for e in singles]


def binop(op, l, r, line):
    if op == "and":
        return lambda fr: (lambda a: r(fr) if truth(a) else a)(l(fr))
    if op == "or":
        return lambda fr: (lambda a: a if truth(a) else r(fr))(l(fr))
    if op == "==":
        return lambda fr: eq(l(fr), r(fr))
    if op == "~=":
        return lambda fr: not eq(l(fr), r(fr))
    if op == "<":
        def ev(fr):
            a = l(fr)
            b = r(fr)
            if type(a) is int and type(b) is int:
                return a < b
            return lt(a, b, line)
        return ev
    if op == "<=":
        return lambda fr: le(l(fr), r(fr), line)
    if op == ">":
        def ev(fr):
            a = l(fr)
            b = r(fr)
            if type(a) is int and type(b) is int:
                return a > b
            return lt(b, a, line)
        return ev
    if op == ">=":
        return lambda fr: (lambda a, b: le(b, a, line))(l(fr), r(fr))
    if op == "+":
        def ev(fr):
            a = l(fr)
            b = r(fr)
            if type(a) is int and type(b) is int:
                s = a + b
                if MINI <= s <= MAXI:
                    return s
            return arith("+", a, b, line)
        return ev
    if op == "-":
        def ev(fr):
            a = l(fr)
            b = r(fr)
            if type(a) is int and type(b) is int:
                s = a - b
                if MINI <= s <= MAXI:
                    return s
            return arith("-", a, b, line)
        return ev
    if op == "..":
        def ev(fr):
            a = l(fr)
            b = r(fr)
            if type(a) is str and type(b) is str:
                return a + b
            return arith("..", a, b, line)
        return ev
    return lambda fr: arith(op, l(fr), r(fr), line)


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.p = 0
        self.fs = None

    # -- tokens
    def peek(self):
        return self.toks[self.p][0]

    def line(self):
        return self.toks[self.p][2]

    def next(self):
        t = self.toks[self.p]
        self.p += 1
        return t

    def check(self, t):
        if self.peek() == t:
            self.p += 1
            return True
        return False

    def error(self, msg):
        t = self.toks[self.p]
        near = t[1] if t[0] in ("name", "str") else (tostr(t[1]) if t[0] == "num" else t[0])
        lex_error(msg, t[2], near)

    def expect(self, t, what=None):
        if not self.check(t):
            self.error("'%s' expected" % t)

    def name(self):
        if self.peek() != "name":
            self.error("<name> expected")
        return self.next()[1]

    # -- blocks and statements
    def block(self, extra_scope=None):
        fs = self.fs
        fs.scopes.append(extra_scope if extra_scope is not None else {})
        stmts, labels = [], {}
        while True:
            t = self.peek()
            if t in ("<eof>", "end", "else", "elseif", "until"):
                break
            if t == "return":
                stmts.append(self.retstat())
                break
            if t == "::":
                self.next()
                lab = self.name()
                self.expect("::")
                labels[lab] = len(stmts)
                continue
            s = self.statement()
            if s is not None:
                stmts.append(s)
        return self.mkblock(stmts, labels)

    def close_scope(self):
        self.fs.scopes.pop()

    def mkblock(self, stmts, labels):
        if not labels:
            if not stmts:
                return lambda fr: None
            if len(stmts) == 1:
                return stmts[0]
            if len(stmts) == 2:
                s0, s1 = stmts

                def run2(fr):
                    r = s0(fr)
                    if r is not None:
                        return r
                    return s1(fr)
                return run2

            def run(fr):
                for s in stmts:
                    r = s(fr)
                    if r is not None:
                        return r
            return run
        n = len(stmts)

        def runl(fr):
            i = 0
            while i < n:
                r = stmts[i](fr)
                i += 1
                if r is not None:
                    if type(r) is Goto and r.label in labels:
                        i = labels[r.label]
                        continue
                    return r
        return runl

    def retstat(self):
        self.next()
        exps = []
        if self.peek() not in ("<eof>", "end", "else", "elseif", "until", ";"):
            exps = self.explist()
        self.check(";")
        f = explist_fn(exps)
        return lambda fr: f(fr)

    def statement(self):
        t = self.peek()
        line = self.line()
        if t == ";":
            self.next()
            return None
        if t == "if":
            return self.ifstat()
        if t == "while":
            self.next()
            cond = self.expr().ev
            self.expect("do")
            body = self.block()
            self.close_scope()
            self.expect("end")

            def run(fr):
                while truth(cond(fr)):
                    r = body(fr)
                    if r is not None:
                        if r is BREAK:
                            break
                        return r
            return run
        if t == "do":
            self.next()
            b = self.block()
            self.close_scope()
            self.expect("end")
            return b
        if t == "for":
            return self.forstat()
        if t == "repeat":
            self.next()
            body = self.block()
            self.expect("until")
            cond = self.expr().ev
            self.close_scope()

            def run(fr):
                while True:
                    r = body(fr)
                    if r is not None:
                        if r is BREAK:
                            break
                        return r
                    if truth(cond(fr)):
                        break
            return run
        if t == "function":
            self.next()
            n = self.name()
            target = self.var_exp(n, line)
            method = False
            while self.peek() in (".", ":"):
                sep = self.next()[0]
                k = self.name()
                target = self.index_exp(target, const(k), line)
                if sep == ":":
                    method = True
                    break
            fn = self.funcbody(method, line)
            return self.assign([target], [fn], line)
        if t == "local":
            self.next()
            if self.check("function"):
                n = self.name()
                slot = self.fs.declare(n)
                fn = self.funcbody(False, line).ev

                def run(fr):
                    c = fr.s[slot] = [None]
                    c[0] = fn(fr)
                return run
            names = []
            while True:
                names.append(self.name())
                if self.check("<"):
                    self.name()
                    self.expect(">")
                if not self.check(","):
                    break
            exps = self.explist() if self.check("=") else []
            slots = [self.fs.declare(n) for n in names]
            if len(slots) == 1 and len(exps) == 1:
                s0, e0 = slots[0], exps[0].ev

                def run(fr):
                    fr.s[s0] = [e0(fr)]
                return run
            f = explist_fn(exps)
            nslots = len(slots)

            def run(fr):
                vals = f(fr)
                s = fr.s
                for i in range(nslots):
                    s[slots[i]] = [vals[i] if i < len(vals) else None]
            return run
        if t == "return":
            return self.retstat()
        if t == "break":
            self.next()
            return lambda fr: BREAK
        if t == "goto":
            self.next()
            g = Goto(self.name(), line)
            return lambda fr: g
        # expression statement: call or assignment
        e = self.suffixedexp()
        if self.peek() in ("=", ","):
            targets = [e]
            while self.check(","):
                targets.append(self.suffixedexp())
            self.expect("=")
            exps = self.explist()
            for x in targets:
                if x.kind not in ("local", "up", "global", "index"):
                    self.error("syntax error")
            return self.assign(targets, exps, line)
        if e.kind != "call":
            self.error("syntax error")
        m = e.evm

        def run(fr):
            m(fr)
        return run

    def assign(self, targets, exps, line):
        setters = []
        for x in targets:
            setters.append(self.setter(x, line))
        if len(targets) == 1 and len(exps) == 1:
            st, v = setters[0], exps[0].ev
            return lambda fr: st(fr, v(fr))
        f = explist_fn(exps)

        def run(fr):
            vals = f(fr)
            n = len(vals)
            for i, st in enumerate(setters):
                st(fr, vals[i] if i < n else None)
        return run

    def setter(self, x, line):
        if x.kind == "local":
            slot = x.a

            def st(fr, v):
                fr.s[slot][0] = v
            return st
        if x.kind == "up":
            idx = x.a

            def st(fr, v):
                fr.u[idx][0] = v
            return st
        if x.kind == "global":
            name = x.a

            def st(fr, v):
                setindex(G, name, v, line)
            return st
        o, k = x.a, x.b
        return lambda fr, v: setindex(o(fr), k(fr), v, line)

    def ifstat(self):
        arms = []
        els = None
        while True:
            self.next()  # if / elseif
            c = self.expr().ev
            self.expect("then")
            b = self.block()
            self.close_scope()
            arms.append((c, b))
            if self.peek() == "elseif":
                continue
            if self.check("else"):
                els = self.block()
                self.close_scope()
            self.expect("end")
            break
        if len(arms) == 1:
            c, b = arms[0]
            if els is None:
                return lambda fr: b(fr) if truth(c(fr)) else None
            return lambda fr: b(fr) if truth(c(fr)) else els(fr)

        def run(fr):
            for c, b in arms:
                if truth(c(fr)):
                    return b(fr)
            if els is not None:
                return els(fr)
        return run

    def forstat(self):
        line = self.line()
        self.next()
        n1 = self.name()
        fs = self.fs
        if self.check("="):
            start = self.expr().ev
            self.expect(",")
            stop = self.expr().ev
            step = self.expr().ev if self.check(",") else (lambda fr: 1)
            self.expect("do")
            sc = {}
            slot = fs.proto.nslots
            fs.proto.nslots += 1
            sc[n1] = slot
            body = self.block(sc)
            self.close_scope()
            self.expect("end")

            def run(fr):
                a, b, c = start(fr), stop(fr), step(fr)
                for v, what in ((a, "initial value"), (b, "limit"), (c, "step")):
                    if type(v) is not int and type(v) is not float:
                        err("bad 'for' %s (number expected, got %s)" % (what, typename(v)), line)
                if c == 0:
                    err("'for' step is zero", line)
                s = fr.s
                if type(a) is int and type(c) is int:
                    if type(b) is float:
                        if b != b:
                            return None
                        if b >= 2.0 ** 63:
                            b = MAXI
                        elif b < -2.0 ** 63:
                            b = MINI
                        else:
                            b = int(math.floor(b) if c > 0 else math.ceil(b))
                    rng = range(a, b + 1, c) if c > 0 else range(a, b - 1, c)
                    for i in rng:
                        s[slot] = [i]
                        r = body(fr)
                        if r is not None:
                            if r is BREAK:
                                break
                            return r
                    return None
                i, b, c = float(a), float(b), float(c)
                while (i <= b) if c > 0 else (i >= b):
                    s[slot] = [i]
                    r = body(fr)
                    if r is not None:
                        if r is BREAK:
                            break
                        return r
                    i += c
            return run
        names = [n1]
        while self.check(","):
            names.append(self.name())
        self.expect("in")
        ef = explist_fn(self.explist())
        self.expect("do")
        sc = {}
        slots = []
        for n in names:
            slots.append(fs.proto.nslots)
            sc[n] = fs.proto.nslots
            fs.proto.nslots += 1
        body = self.block(sc)
        self.close_scope()
        self.expect("end")
        nv = len(slots)

        def run(fr):
            vals = ef(fr) + [None, None, None]
            f, st, ctl = vals[0], vals[1], vals[2]
            s = fr.s
            while True:
                rs = call(f, [st, ctl], line)
                v1 = rs[0] if rs else None
                if v1 is None:
                    return None
                ctl = v1
                nr = len(rs)
                for i in range(nv):
                    s[slots[i]] = [rs[i] if i < nr else None]
                r = body(fr)
                if r is not None:
                    if r is BREAK:
                        return None
                    return r
        return run

    def funcbody(self, method, line):
        fs = FS(self.fs)
        self.fs = fs
        proto = fs.proto
        if method:
            proto.params.append(fs.declare("self"))
        self.expect("(")
        if not self.check(")"):
            while True:
                if self.check("..."):
                    proto.vararg = True
                    break
                proto.params.append(fs.declare(self.name()))
                if not self.check(","):
                    break
            self.expect(")")
        proto.body = self.block()
        self.expect("end")
        self.fs = fs.parent
        desc = tuple(fs.updesc)

        def ev(fr):
            return Function(proto, [fr.s[i] if loc else fr.u[i] for loc, i in desc])
        return Exp("other", ev)

    # -- expressions
    def explist(self):
        exps = [self.expr()]
        while self.check(","):
            exps.append(self.expr())
        return exps

    def var_exp(self, name, line):
        r = self.fs.resolve(name)
        if r[0] == "local":
            slot = r[1]
            return Exp("local", lambda fr: fr.s[slot][0], None, slot)
        if r[0] == "up":
            idx = r[1]
            return Exp("up", lambda fr: fr.u[idx][0], None, idx)
        gd = G.d
        return Exp("global", lambda fr: gd.get(name) if G.mt is None and name in gd else index(G, name, line),
                   None, name)

    def index_exp(self, o, k, line):
        oe, ke = o.ev, k.ev

        def ev(fr):
            t = oe(fr)
            kk = ke(fr)
            if type(t) is Table:
                v = t.d.get(kk if type(kk) is str else key(kk))
                if v is not None or t.mt is None:
                    return v
            return index(t, kk, line)
        return Exp("index", ev, None, oe, ke)

    def primaryexp(self):
        t = self.peek()
        line = self.line()
        if t == "name":
            return self.var_exp(self.next()[1], line)
        if t == "(":
            self.next()
            e = self.expr()
            self.expect(")")
            return Exp("paren", e.ev)
        self.error("unexpected symbol")

    def suffixedexp(self):
        e = self.primaryexp()
        while True:
            t = self.peek()
            line = self.line()
            if t == ".":
                self.next()
                e = self.index_exp(e, const(self.name()), line)
            elif t == "[":
                self.next()
                k = self.expr()
                self.expect("]")
                e = self.index_exp(e, k, line)
            elif t == ":":
                self.next()
                mname = self.name()
                args = explist_fn(self.callargs())
                e = self.mkcall(e.ev, args, line, mname)
            elif t in ("(", "str", "{"):
                args = explist_fn(self.callargs())
                e = self.mkcall(e.ev, args, line, None)
            else:
                return e

    def callargs(self):
        t = self.peek()
        if t == "str":
            return [const(self.next()[1])]
        if t == "{":
            return [self.tablecons()]
        self.expect("(")
        if self.check(")"):
            return []
        exps = self.explist()
        self.expect(")")
        return exps

    def mkcall(self, fe, args, line, mname):
        if mname is None:
            def evm(fr):
                f = fe(fr)
                a = args(fr)
                stk = ST.stk
                stk.append(line)
                if len(stk) > MAXDEPTH:
                    err("stack overflow", line)
                try:
                    if type(f) is Function:
                        return f.proto.run(f, a)
                    return call(f, a, line)
                finally:
                    stk.pop()
        else:
            def evm(fr):
                o = fe(fr)
                f = index(o, mname, line)
                a = [o] + args(fr)
                stk = ST.stk
                stk.append(line)
                if len(stk) > MAXDEPTH:
                    err("stack overflow", line)
                try:
                    return call(f, a, line)
                finally:
                    stk.pop()
        return Exp("call", lambda fr: first(evm(fr)), evm)

    def tablecons(self):
        line = self.line()
        self.expect("{")
        items = []  # (key ev or None for positional, value Exp)
        while self.peek() != "}":
            if self.peek() == "[":
                self.next()
                k = self.expr().ev
                self.expect("]")
                self.expect("=")
                items.append((k, self.expr()))
            elif self.peek() == "name" and self.toks[self.p + 1][0] == "=":
                k = self.next()[1]
                self.next()
                items.append(((lambda kk: lambda fr: kk)(k), self.expr()))
            else:
                items.append((None, self.expr()))
            if not self.check(",") and not self.check(";"):
                break
        self.expect("}")
        last_multi = items and items[-1][0] is None and items[-1][1].evm is not None
        prog = []
        for j, (k, v) in enumerate(items):
            multi = last_multi and j == len(items) - 1
            prog.append((k, v.evm if multi else v.ev, multi))

        def ev(fr):
            t = Table()
            d = t.d
            n = 1
            for k, v, multi in prog:
                if k is None:
                    if multi:
                        for x in v(fr):
                            if x is not None:
                                d[n] = x
                            n += 1
                    else:
                        x = v(fr)
                        if x is not None:
                            d[n] = x
                        else:
                            d.pop(n, None)
                        n += 1
                else:
                    kk = k(fr)
                    x = v(fr)
                    if kk is None:
                        err("table index is nil", line)
                    if x is not None:
                        d[key(kk)] = x
            return t
        return Exp("other", ev)

    def simpleexp(self):
        t = self.peek()
        line = self.line()
        if t == "num" or t == "str":
            return const(self.next()[1])
        if t == "nil":
            self.next()
            return const(None)
        if t == "true":
            self.next()
            return const(True)
        if t == "false":
            self.next()
            return const(False)
        if t == "...":
            self.next()
            if not self.fs.proto.vararg:
                lex_error("cannot use '...' outside a vararg function", line, "...")
            return Exp("vararg", lambda fr: first(fr.va), lambda fr: fr.va)
        if t == "{":
            return self.tablecons()
        if t == "function":
            self.next()
            return self.funcbody(False, line)
        return self.suffixedexp()

    def expr(self, limit=0):
        t = self.peek()
        line = self.line()
        if t in ("not", "-", "#", "~"):
            self.next()
            o = self.expr(UNPRI).ev
            if t == "not":
                e = Exp("other", lambda fr: not truth(o(fr)))
            elif t == "-":
                e = Exp("other", lambda fr: (lambda v: -v if type(v) is float else unm(v, line))(o(fr)))
            elif t == "#":
                e = Exp("other", lambda fr: length(o(fr), line))
            else:
                e = Exp("other", lambda fr: bnot(o(fr), line))
        else:
            e = self.simpleexp()
        while True:
            op = self.peek()
            pri = BINPRI.get(op)
            if pri is None or pri[0] <= limit:
                return e
            line = self.line()
            self.next()
            r = self.expr(pri[1])
            e = Exp("other", binop(op, e.ev, r.ev, line))


def compile_chunk(src):
    p = Parser(lex(src))
    fs = FS(None)
    fs.proto.vararg = True
    p.fs = fs
    body = p.block()
    if p.peek() != "<eof>":
        p.error("'<eof>' expected")
    fs.proto.body = body
    return Function(fs.proto, [])


# ---------------------------------------------------------------- the standard library subset
G = Table()
STRMT = Table()


def argerr(n, fname, msg):
    raise LuaError("bad argument #%d to '%s' (%s)" % (n, fname, msg))


def arg(args, i):
    return args[i] if i < len(args) else None


def checktable(args, i, fname):
    v = arg(args, i)
    if type(v) is not Table:
        argerr(i + 1, fname, "table expected, got %s" % ("no value" if i >= len(args) else typename(v)))
    return v


def checkint(args, i, fname, default=None):
    v = arg(args, i)
    if v is None and default is not None:
        return default
    n = toint(v)
    if n is None:
        if tonum(v) is not None:
            argerr(i + 1, fname, "number has no integer representation")
        argerr(i + 1, fname, "number expected, got %s" % ("no value" if i >= len(args) else typename(v)))
    return n


def checknum(args, i, fname):
    v = tonum(arg(args, i))
    if v is None:
        argerr(i + 1, fname, "number expected, got %s" % ("no value" if i >= len(args) else typename(arg(args, i))))
    return v


def checkstr(args, i, fname):
    v = arg(args, i)
    if type(v) is str:
        return v
    if type(v) in (int, float):
        return tostr(v)
    argerr(i + 1, fname, "string expected, got %s" % ("no value" if i >= len(args) else typename(v)))


OUT = []
OUTN = [0]


def write(s):
    OUT.append(s)
    OUTN[0] += len(s)
    if OUTN[0] > 65536:
        flush()


def flush():
    sys.stdout.buffer.write("".join(OUT).encode("latin-1"))
    sys.stdout.buffer.flush()
    OUT.clear()
    OUTN[0] = 0


def b_print(args):
    write("\t".join(tostr(a) for a in args) + "\n")
    return []


def io_write(args):
    for i, a in enumerate(args):
        if type(a) is int:
            write(str(a))
        elif type(a) is float:
            write("%.14g" % a)
        else:
            write(checkstr(args, i, "write"))
    return [IO]


def b_type(args):
    if not args:
        argerr(1, "type", "value expected")
    return [typename(args[0])]


def b_tostring(args):
    return [tostr(arg(args, 0))]


def b_tonumber(args):
    v = arg(args, 0)
    if len(args) < 2 or args[1] is None:
        return [tonum(v) if type(v) is not str else str2num(v)]
    base = checkint(args, 1, "tonumber")
    s = checkstr(args, 0, "tonumber").strip().lower()
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    if not s:
        return [None]
    n = 0
    for c in s:
        d = "0123456789abcdefghijklmnopqrstuvwxyz".find(c)
        if d < 0 or d >= base:
            return [None]
        n = n * base + d
    return [wrap(-n if neg else n)]


def b_ipairs(args):
    t = arg(args, 0)
    if t is None:
        argerr(1, "ipairs", "table expected, got nil")

    def it(a):
        i = a[1] + 1
        o = a[0]
        v = o.d.get(i) if type(o) is Table and o.mt is None else index(o, i)
        return [] if v is None else [i, v]
    return [it, t, 0]


def b_next(args):
    t = checktable(args, 0, "next")
    k = arg(args, 1)
    d = t.d
    if k is None:
        for kk in d:
            return [unkey(kk), d[kk]]
        return [None]
    kk = key(k)
    if kk not in d:
        raise LuaError("invalid key to 'next'")
    keys = NEXTCACHE.get(id(t))
    if keys is None or keys[0] is not t or len(keys[1]) != len(d) or keys[2].get(kk) is None:
        ks = list(d)
        keys = (t, ks, {x: i for i, x in enumerate(ks)})
        NEXTCACHE[id(t)] = keys
    ks = keys[1]
    i = keys[2][kk] + 1
    while i < len(ks):
        x = ks[i]
        if x in d:
            return [unkey(x), d[x]]
        i += 1
    return [None]


NEXTCACHE = {}


def b_pairs(args):
    t = arg(args, 0)
    mt = getmt(t)
    if mt is not None and mt.d.get("__pairs") is not None:
        r = call(mt.d["__pairs"], [t])
        return (r + [None, None, None])[:3]
    checktable(args, 0, "pairs")
    # iterate over a snapshot of the keys: assigning to existing fields (or clearing them) is allowed
    ks = list(t.d)
    d = t.d
    st = [0]

    def it(a):
        i = st[0]
        while i < len(ks):
            k = ks[i]
            i += 1
            v = d.get(k)
            if v is not None:
                st[0] = i
                return [unkey(k), v]
        st[0] = i
        return [None]
    return [it, t, None]


def b_select(args):
    n = arg(args, 0)
    if n == "#":
        return [len(args) - 1]
    i = checkint(args, 0, "select")
    if i < 0:
        i = len(args) + i
        if i < 1:
            argerr(1, "select", "index out of range")
        return args[i:]
    if i == 0:
        argerr(1, "select", "index out of range")
    return args[i:]


def b_rawget(args):
    return [checktable(args, 0, "rawget").d.get(key(arg(args, 1)))]


def b_rawset(args):
    t = checktable(args, 0, "rawset")
    k, v = key(arg(args, 1)), arg(args, 2)
    if v is None:
        t.d.pop(k, None)
    else:
        t.d[k] = v
    return [t]


def b_rawequal(args):
    a, b = arg(args, 0), arg(args, 1)
    return [a is b or (type(a) is not bool and type(b) is not bool and type(a) not in (Table, Function)
                       and type(b) not in (Table, Function) and (type(a) is str) == (type(b) is str) and a == b)]


def b_rawlen(args):
    v = arg(args, 0)
    if type(v) is Table:
        return [border(v)]
    if type(v) is str:
        return [len(v)]
    argerr(1, "rawlen", "table or string expected")


def b_setmetatable(args):
    t = checktable(args, 0, "setmetatable")
    m = arg(args, 1)
    if m is not None and type(m) is not Table:
        argerr(2, "setmetatable", "nil or table expected")
    if t.mt is not None and t.mt.d.get("__metatable") is not None:
        raise LuaError("cannot change a protected metatable")
    t.mt = m
    return [t]


def b_getmetatable(args):
    mt = getmt(arg(args, 0))
    if mt is None:
        return [None]
    p = mt.d.get("__metatable")
    return [p if p is not None else mt]


def where(level):
    stk = ST.stk
    if level <= len(stk):
        ln = stk[-level]
        if ln is not None:
            return "%s:%d: " % (CHUNK, ln)
    return ""


def b_error(args):
    v = arg(args, 0)
    level = checkint(args, 1, "error", 1)
    if type(v) is str and level > 0:
        v = where(level) + v
    raise LuaError(v)


def b_assert(args):
    if not args or not truth(args[0]):
        if len(args) > 1:
            raise LuaError(args[1])
        raise LuaError("assertion failed!")
    return args


def protect(f, a):
    stk = ST.stk
    depth = len(stk)
    stk.append(None)
    try:
        return [True] + call(f, a)
    except LuaError as e:
        del stk[depth:]
        return [False, e.value]
    except RecursionError:
        del stk[depth:]
        return [False, "stack overflow"]
    finally:
        del stk[depth:]


def b_pcall(args):
    if not args:
        argerr(1, "pcall", "value expected")
    return protect(args[0], args[1:])


def b_xpcall(args):
    r = protect(arg(args, 0), args[2:])
    if r[0]:
        return r
    return [False] + call(arg(args, 1), [r[1]])[:1]


def b_unpack(args):
    t = arg(args, 0)
    i = checkint(args, 1, "unpack", 1)
    j = checkint(args, 2, "unpack", 0) if arg(args, 2) is not None else length(t, 0)
    if j - i >= 1000000:
        raise LuaError("too many results to unpack")
    if type(t) is Table and t.mt is None:
        d = t.d
        return [d.get(k) for k in range(i, j + 1)]
    return [index(t, k) for k in range(i, j + 1)]


def t_pack(args):
    t = Table()
    for i, v in enumerate(args):
        if v is not None:
            t.d[i + 1] = v
    t.d["n"] = len(args)
    return [t]


def t_insert(args):
    t = checktable(args, 0, "insert")
    n = length(t, 0) + 1
    if len(args) == 2:
        setindex(t, n, args[1])
        return []
    if len(args) != 3:
        raise LuaError("wrong number of arguments to 'insert'")
    pos = checkint(args, 1, "insert")
    if pos < 1 or pos > n:
        argerr(2, "insert", "position out of bounds")
    for i in range(n, pos, -1):
        setindex(t, i, index(t, i - 1))
    setindex(t, pos, args[2])
    return []


def t_remove(args):
    t = checktable(args, 0, "remove")
    n = length(t, 0)
    if len(args) < 2:
        pos = n
    else:
        pos = checkint(args, 1, "remove")
        if n + 1 == pos:
            v = index(t, pos)
            setindex(t, pos, None)
            return [v]
        if n == 0 and pos == 0:
            pass
        elif pos < 1 or pos > n + 1:
            argerr(2, "remove", "position out of bounds")
    v = index(t, pos)
    for i in range(pos, n):
        setindex(t, i, index(t, i + 1))
    if pos <= n:
        setindex(t, n, None)
    return [v]


def t_concat(args):
    t = checktable(args, 0, "concat")
    sep = checkstr(args, 1, "concat") if arg(args, 1) is not None else ""
    i = checkint(args, 2, "concat", 1)
    j = checkint(args, 3, "concat", 0) if arg(args, 3) is not None else length(t, 0)
    parts = []
    for k in range(i, j + 1):
        v = index(t, k)
        if type(v) is str:
            parts.append(v)
        elif type(v) in (int, float):
            parts.append(tostr(v))
        else:
            raise LuaError("invalid value (%s) at index %d in table for 'concat'" % (typename(v), k))
    return [sep.join(parts)]


def t_sort(args):
    import functools
    t = checktable(args, 0, "sort")
    n = length(t, 0)
    vals = [index(t, i) for i in range(1, n + 1)]
    comp = arg(args, 1)
    if comp is not None:
        def cmp(a, b):
            if truth(first(call(comp, [a, b]))):
                return -1
            if truth(first(call(comp, [b, a]))):
                return 1
            return 0
    else:
        def cmp(a, b):
            if lt(a, b, 0):
                return -1
            if lt(b, a, 0):
                return 1
            return 0
    try:
        vals.sort(key=functools.cmp_to_key(cmp))
    except LuaError as e:
        if type(e.value) is str and e.value.startswith(CHUNK + ":0: "):
            raise LuaError(e.value[len(CHUNK) + 4:])
        raise
    for i, v in enumerate(vals):
        setindex(t, i + 1, v)
    return []


def m_floor(args):
    v = checknum(args, 0, "floor")
    if type(v) is int:
        return [v]
    f = math.floor(v) if math.isfinite(v) else v
    return [int(f) if math.isfinite(v) and -2.0 ** 63 <= f < 2.0 ** 63 else float(f)]


def m_ceil(args):
    v = checknum(args, 0, "ceil")
    if type(v) is int:
        return [v]
    f = math.ceil(v) if math.isfinite(v) else v
    return [int(f) if math.isfinite(v) and -2.0 ** 63 <= f < 2.0 ** 63 else float(f)]


def m_abs(args):
    v = checknum(args, 0, "abs")
    return [wrap(abs(v)) if type(v) is int else abs(v)]


def m_minmax(name, better):
    def f(args):
        best = checknum(args, 0, name)
        for i in range(1, len(args)):
            v = checknum(args, i, name)
            if better(v, best):
                best = v
        return [best]
    return f


def m_sqrt(args):
    v = float(checknum(args, 0, "sqrt"))
    return [math.sqrt(v) if v >= 0 else -math.nan]


def m_tointeger(args):
    v = arg(args, 0)
    if type(v) is int:
        return [v]
    if type(v) is float:
        return [toint(v)]
    return [None]


def m_type(args):
    if not args:
        argerr(1, "type", "value expected")
    v = args[0]
    return ["integer" if type(v) is int else "float" if type(v) is float else None]


def m_fmod(args):
    a, b = checknum(args, 0, "fmod"), checknum(args, 1, "fmod")
    if type(a) is int and type(b) is int:
        if b == 0:
            argerr(2, "fmod", "zero")
        return [int(math.fmod(a, b)) if abs(a) < 2 ** 53 else a - b * int(a / b)]
    a, b = float(a), float(b)
    if b == 0 or math.isinf(a):
        return [math.nan]
    return [math.fmod(a, b)]


def m_ult(args):
    a, b = checkint(args, 0, "ult"), checkint(args, 1, "ult")
    return [(a & 0xFFFFFFFFFFFFFFFF) < (b & 0xFFFFFFFFFFFFFFFF)]


# ---------------------------------------------------------------- strings and patterns
def s_len(args):
    return [len(checkstr(args, 0, "len"))]


def strrange(n, i, j):
    if i < 0:
        i = max(n + i + 1, 1)
    elif i == 0:
        i = 1
    if j < 0:
        j = n + j + 1
    elif j > n:
        j = n
    return i, j


def s_sub(args):
    s = checkstr(args, 0, "sub")
    i, j = strrange(len(s), checkint(args, 1, "sub", 1), checkint(args, 2, "sub", -1))
    return [s[i - 1:j] if i <= j else ""]


def s_upper(args):
    return ["".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in checkstr(args, 0, "upper"))]


def s_lower(args):
    return ["".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in checkstr(args, 0, "lower"))]


def s_rep(args):
    s = checkstr(args, 0, "rep")
    n = checkint(args, 1, "rep")
    sep = checkstr(args, 2, "rep") if arg(args, 2) is not None else ""
    if n <= 0:
        return [""]
    if (len(s) + len(sep)) * n > 100000000:
        raise LuaError("resulting string too large")
    return [sep.join([s] * n)]


def s_reverse(args):
    return [checkstr(args, 0, "reverse")[::-1]]


def s_byte(args):
    s = checkstr(args, 0, "byte")
    i = checkint(args, 1, "byte", 1)
    i, j = strrange(len(s), i, checkint(args, 2, "byte", i))
    return [ord(c) for c in s[i - 1:j]] if i <= j else []


def s_char(args):
    out = []
    for k in range(len(args)):
        c = checkint(args, k, "char")
        if not 0 <= c <= 255:
            argerr(k + 1, "char", "value out of range")
        out.append(chr(c))
    return ["".join(out)]


CAP_UNF, CAP_POS = -1, -2
SPECIALS = "^$*+?.([%-"


def cclass(c, cl):
    o = ord(c)
    lo = cl.lower()
    if lo == "a":
        r = c.isascii() and c.isalpha()
    elif lo == "c":
        r = o < 32 or o == 127
    elif lo == "d":
        r = "0" <= c <= "9"
    elif lo == "g":
        r = 33 <= o <= 126
    elif lo == "l":
        r = "a" <= c <= "z"
    elif lo == "p":
        r = 33 <= o <= 126 and not c.isalnum()
    elif lo == "s":
        r = c in " \t\n\r\f\v"
    elif lo == "u":
        r = "A" <= c <= "Z"
    elif lo == "w":
        r = c.isascii() and c.isalnum()
    elif lo == "x":
        r = c in "0123456789abcdefABCDEF"
    else:
        return cl == c
    return not r if cl.isupper() else r


class Matcher:
    def __init__(self, src, pat):
        self.src, self.pat = src, pat
        self.caps = []
        self.depth = 0

    def class_end(self, p):
        pat = self.pat
        if p >= len(pat):
            raise LuaError("malformed pattern (ends with '%')")
        c = pat[p]
        p += 1
        if c == "%":
            if p >= len(pat):
                raise LuaError("malformed pattern (ends with '%')")
            return p + 1
        if c == "[":
            if p < len(pat) and pat[p] == "^":
                p += 1
            while True:
                if p >= len(pat):
                    raise LuaError("malformed pattern (missing ']')")
                c = pat[p]
                p += 1
                if c == "%":
                    p += 1
                if p < len(pat) and pat[p] == "]":
                    return p + 1
                if p >= len(pat):
                    raise LuaError("malformed pattern (missing ']')")
        return p

    def bracket(self, c, p, ec):
        pat = self.pat
        sig = True
        if pat[p + 1] == "^":
            sig = False
            p += 1
        p += 1
        while p < ec:
            if pat[p] == "%":
                p += 1
                if cclass(c, pat[p]):
                    return sig
                p += 1
            elif p + 2 < ec and pat[p + 1] == "-":
                if pat[p] <= c <= pat[p + 2]:
                    return sig
                p += 3
            else:
                if pat[p] == c:
                    return sig
                p += 1
        return not sig

    def single(self, s, p, ep):
        if s >= len(self.src):
            return False
        c = self.src[s]
        pc = self.pat[p]
        if pc == ".":
            return True
        if pc == "%":
            return cclass(c, self.pat[p + 1])
        if pc == "[":
            return self.bracket(c, p, ep - 1)
        return pc == c

    def match(self, s, p):
        self.depth += 1
        if self.depth > 200:
            raise LuaError("pattern too complex")
        try:
            return self.do_match(s, p)
        finally:
            self.depth -= 1

    def do_match(self, s, p):
        pat, src = self.pat, self.src
        plen = len(pat)
        while True:
            if p >= plen:
                return s
            c = pat[p]
            if c == "(":
                if p + 1 < plen and pat[p + 1] == ")":
                    return self.start_cap(s, p + 2, CAP_POS)
                return self.start_cap(s, p + 1, CAP_UNF)
            if c == ")":
                return self.end_cap(s, p + 1)
            if c == "$" and p + 1 == plen:
                return s if s == len(src) else -1
            if c == "%" and p + 1 < plen:
                d = pat[p + 1]
                if d == "b":
                    s = self.balance(s, p + 2)
                    if s == -1:
                        return -1
                    p += 4
                    continue
                if d == "f":
                    p += 2
                    if p >= plen or pat[p] != "[":
                        raise LuaError("missing '[' after '%f' in pattern")
                    ep = self.class_end(p)
                    prev = src[s - 1] if s > 0 else "\0"
                    cur = src[s] if s < len(src) else "\0"
                    if not self.bracket(prev, p, ep - 1) and self.bracket(cur, p, ep - 1):
                        p = ep
                        continue
                    return -1
                if d.isdigit():
                    s = self.match_cap(s, d)
                    if s == -1:
                        return -1
                    p += 2
                    continue
            ep = self.class_end(p)
            epc = pat[ep] if ep < plen else ""
            if not self.single(s, p, ep):
                if epc in ("*", "?", "-"):
                    p = ep + 1
                    continue
                return -1
            if epc == "?":
                r = self.match(s + 1, ep + 1)
                if r != -1:
                    return r
                p = ep + 1
                continue
            if epc == "+":
                return self.max_expand(s + 1, p, ep)
            if epc == "*":
                return self.max_expand(s, p, ep)
            if epc == "-":
                return self.min_expand(s, p, ep)
            s += 1
            p = ep

    def max_expand(self, s, p, ep):
        i = 0
        while self.single(s + i, p, ep):
            i += 1
        while i >= 0:
            r = self.match(s + i, ep + 1)
            if r != -1:
                return r
            i -= 1
        return -1

    def min_expand(self, s, p, ep):
        while True:
            r = self.match(s, ep + 1)
            if r != -1:
                return r
            if self.single(s, p, ep):
                s += 1
            else:
                return -1

    def start_cap(self, s, p, what):
        self.caps.append([s, what])
        r = self.match(s, p)
        if r == -1:
            self.caps.pop()
        return r

    def end_cap(self, s, p):
        for l in range(len(self.caps) - 1, -1, -1):
            if self.caps[l][1] == CAP_UNF:
                break
        else:
            raise LuaError("invalid pattern capture")
        self.caps[l][1] = s - self.caps[l][0]
        r = self.match(s, p)
        if r == -1:
            self.caps[l][1] = CAP_UNF
        return r

    def balance(self, s, p):
        if p + 1 >= len(self.pat):
            raise LuaError("malformed pattern (missing arguments to '%b')")
        src = self.src
        if s >= len(src) or src[s] != self.pat[p]:
            return -1
        b, e = self.pat[p], self.pat[p + 1]
        cont = 1
        s += 1
        while s < len(src):
            c = src[s]
            if c == e:
                cont -= 1
                if cont == 0:
                    return s + 1
            elif c == b:
                cont += 1
            s += 1
        return -1

    def match_cap(self, s, d):
        l = int(d) - 1
        if l < 0 or l >= len(self.caps) or self.caps[l][1] == CAP_UNF:
            raise LuaError("invalid capture index %%%d" % (l + 1))
        st, ln = self.caps[l]
        cap = self.src[st:st + ln]
        if self.src.startswith(cap, s):
            return s + len(cap)
        return -1

    def capture(self, i, s, e):
        if i >= len(self.caps):
            if i == 0:
                return self.src[s:e]
            raise LuaError("invalid capture index %%%d" % (i + 1))
        st, ln = self.caps[i]
        if ln == CAP_POS:
            return st + 1
        if ln == CAP_UNF:
            raise LuaError("unfinished capture")
        return self.src[st:st + ln]

    def captures(self, s, e, whole=True):
        n = len(self.caps) if (self.caps or not whole) else 1
        return [self.capture(i, s, e) for i in range(n)]


def str_find(args, find):
    fname = "find" if find else "match"
    s = checkstr(args, 0, fname)
    pat = checkstr(args, 1, fname)
    init = checkint(args, 2, fname, 1)
    if init < 0:
        init = max(len(s) + init + 1, 1)
    elif init == 0:
        init = 1
    if init > len(s) + 1:
        return [None]
    if find and (truth(arg(args, 3)) or not any(c in SPECIALS for c in pat)):
        i = s.find(pat, init - 1)
        return [None] if i < 0 else [i + 1, i + len(pat)]
    anchor = pat.startswith("^")
    p = 1 if anchor else 0
    st = init - 1
    while True:
        m = Matcher(s, pat)
        e = m.match(st, p)
        if e != -1:
            if find:
                return [st + 1, e] + m.captures(st, e, False)
            return m.captures(st, e)
        st += 1
        if anchor or st > len(s):
            return [None]


def s_gmatch(args):
    s = checkstr(args, 0, "gmatch")
    pat = checkstr(args, 1, "gmatch")
    state = [0, -1]

    def it(a):
        src = state[0]
        while src <= len(s):
            m = Matcher(s, pat)
            e = m.match(src, 0)
            if e != -1 and e != state[1]:
                state[0] = state[1] = e
                return m.captures(src, e)
            src += 1
        state[0] = src
        return [None]
    return [it]


def s_gsub(args):
    s = checkstr(args, 0, "gsub")
    pat = checkstr(args, 1, "gsub")
    repl = arg(args, 2)
    tr = type(repl)
    if tr in (int, float):
        repl = tostr(repl)
        tr = str
    if tr not in (str, Table) and not isfunc(repl):
        argerr(3, "gsub", "string/function/table expected, got %s" % typename(repl))
    maxn = checkint(args, 3, "gsub", len(s) + 1)
    anchor = pat.startswith("^")
    p = 1 if anchor else 0
    src, last, n = 0, -1, 0
    out = []
    while n < maxn:
        m = Matcher(s, pat)
        e = m.match(src, p)
        if e != -1 and e != last:
            n += 1
            whole = s[src:e]
            if tr is str:
                i = 0
                while i < len(repl):
                    c = repl[i]
                    if c == "%":
                        i += 1
                        d = repl[i] if i < len(repl) else ""
                        if d == "%":
                            out.append("%")
                        elif d.isdigit():
                            v = whole if d == "0" else m.capture(int(d) - 1, src, e)
                            out.append(tostr(v) if type(v) is int else v)
                        else:
                            raise LuaError("invalid use of '%' in replacement string")
                    else:
                        out.append(c)
                    i += 1
            else:
                c0 = m.captures(src, e)[0]
                v = index(repl, c0) if tr is Table else first(call(repl, m.captures(src, e)))
                if not truth(v):
                    out.append(whole)
                elif type(v) in (str, int, float):
                    out.append(tostr(v))
                else:
                    raise LuaError("invalid replacement value (a %s)" % typename(v))
            src = last = e
        elif src < len(s):
            out.append(s[src])
            src += 1
        else:
            break
        if anchor:
            break
    out.append(s[src:])
    return ["".join(out), n]


def hexfloat(v):
    h = v.hex()
    m, e = h.split("p")
    if "." in m:
        m = m.rstrip("0").rstrip(".")
    return m + "p" + e


def quote(s):
    out = ['"']
    for i, c in enumerate(s):
        if c in '"\\\n':
            out.append("\\" + c)
        elif c == "\0":
            out.append("\\0" if not (i + 1 < len(s) and s[i + 1].isdigit()) else "\\000")
        elif ord(c) < 32 or ord(c) == 127:
            out.append("\\%d" % ord(c) if not (i + 1 < len(s) and s[i + 1].isdigit()) else "\\%03d" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def s_format(args):
    fmt = checkstr(args, 0, "format")
    out = []
    i, n, a = 0, len(fmt), 1
    while i < n:
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        i += 1
        if i < n and fmt[i] == "%":
            out.append("%")
            i += 1
            continue
        j = i
        while j < n and fmt[j] in "-+ #0":
            j += 1
        while j < n and fmt[j].isdigit():
            j += 1
        if j < n and fmt[j] == ".":
            j += 1
            while j < n and fmt[j].isdigit():
                j += 1
        if j >= n:
            raise LuaError("invalid conversion '%%%s' to 'format'" % fmt[i:j])
        spec, conv = fmt[i:j], fmt[j]
        i = j + 1
        if a >= len(args) and conv != "%":
            argerr(a + 1, "format", "no value")
        if conv in "di":
            v = checkint(args, a, "format")
            out.append(("%" + spec + "d") % v)
        elif conv in "xXo":
            v = checkint(args, a, "format") & 0xFFFFFFFFFFFFFFFF
            if conv == "o" and "#" in spec:
                o = "%o" % v
                o = o if o.startswith("0") else "0" + o
                out.append(("%" + spec.replace("#", "") + "s") % o if "0" not in spec.split(".")[0].lstrip("-+ #")[:1] else ("%" + spec.replace("#", "") + "d") % int(o))
            else:
                out.append(("%" + (spec.replace("#", "") if v == 0 else spec) + conv) % v)
        elif conv == "c":
            out.append(chr(checkint(args, a, "format") & 255))
        elif conv in "eEfFgG":
            v = float(checknum(args, a, "format"))
            if not math.isfinite(v):
                s = ("inf" if v > 0 else "-inf") if v == v else "nan"
                if conv.isupper():
                    s = s.upper()
                if "+" in spec and v > 0:
                    s = "+" + s
                w = "".join(ch for ch in spec.split(".")[0] if ch.isdigit()).lstrip("0")
                out.append(s.rjust(int(w)) if w and "-" not in spec else s.ljust(int(w)) if w else s)
            else:
                out.append(("%" + (spec.replace("#", "") if v == 0 else spec) + conv) % v)
        elif conv == "a" or conv == "A":
            v = float(checknum(args, a, "format"))
            out.append(hexfloat(v) if conv == "a" else hexfloat(v).upper())
        elif conv == "s":
            v = tostr(args[a])
            out.append(("%" + spec + "s") % v)
        elif conv == "q":
            v = args[a]
            if type(v) is str:
                out.append(quote(v))
            elif type(v) is int:
                out.append(str(v) if v != MINI else "0x8000000000000000")
            elif type(v) is float:
                out.append(hexfloat(v) if math.isfinite(v) else "1e9999" if v > 0 else "-1e9999" if v < 0 else "(0/0)")
            else:
                out.append(tostr(v))
        else:
            raise LuaError("invalid conversion '%%%s' to 'format'" % (spec + conv))
        a += 1
    return ["".join(out)]


# ---------------------------------------------------------------- coroutines (one thread each)
def co_body(co, args):
    try:
        r = call(co.fn, args)
        co.transfer = ("return", r)
    except LuaError as e:
        co.transfer = ("error", e.value)
    except RecursionError:
        co.transfer = ("error", "stack overflow")
    except BaseException as e:  # an internal error: report it as a Lua error rather than hang
        co.transfer = ("error", "internal error: %r" % e)
    co.back.release()


def resume(co, args):
    if co.status == "dead":
        return [False, "cannot resume dead coroutine"]
    if co.status != "suspended":
        return [False, "cannot resume non-suspended coroutine"]
    prev = ST.co
    if prev is not None:
        prev.status = "normal"
    co.status = "running"
    ST.co = co
    saved = ST.stk
    ST.stk = co.stk
    co.transfer = args
    if co.thread is None:
        co.thread = threading.Thread(target=co_body, args=(co, args), daemon=True)
        try:
            co.thread.start()
        except RuntimeError:
            co.status = "dead"
            ST.co, ST.stk = prev, saved
            if prev is not None:
                prev.status = "running"
            raise LuaError("too many coroutines (cannot start a thread)")
    else:
        co.go.release()
    co.back.acquire()
    ST.co = prev
    ST.stk = saved
    if prev is not None:
        prev.status = "running"
    kind, vals = co.transfer
    if kind == "yield":
        co.status = "suspended"
        return [True] + vals
    co.status = "dead"
    if kind == "return":
        return [True] + vals
    return [False, vals]


def c_create(args):
    f = arg(args, 0)
    if not isfunc(f):
        argerr(1, "create", "function expected")
    return [Coroutine(f)]


def c_resume(args):
    co = arg(args, 0)
    if type(co) is not Coroutine:
        argerr(1, "resume", "coroutine expected")
    return resume(co, args[1:])


def c_yield(args):
    co = ST.co
    if co is None:
        raise LuaError("attempt to yield from outside a coroutine")
    co.transfer = ("yield", list(args))
    co.back.release()
    co.go.acquire()
    return co.transfer


def c_status(args):
    co = arg(args, 0)
    if type(co) is not Coroutine:
        argerr(1, "status", "coroutine expected")
    return [co.status]


def c_running(args):
    return [ST.co if ST.co is not None else MAINCO, ST.co is None]


def c_isyieldable(args):
    return [ST.co is not None]


def c_wrap(args):
    co = c_create(args)[0]

    def f(a):
        r = resume(co, a)
        if r[0]:
            return r[1:]
        v = r[1]
        if type(v) is str:
            v = where(1) + v
        raise LuaError(v)
    return [f]


MAINCO = Coroutine(None)
MAINCO.status = "running"


# ---------------------------------------------------------------- setup and main
def lib(name, fns):
    t = Table()
    for k, v in fns.items():
        t.d[k] = v
    G.d[name] = t
    return t


IO = Table()


def setup():
    for k, v in {"print": b_print, "type": b_type, "tostring": b_tostring, "tonumber": b_tonumber,
                 "ipairs": b_ipairs, "pairs": b_pairs, "next": b_next, "select": b_select, "rawget": b_rawget,
                 "rawset": b_rawset, "rawequal": b_rawequal, "rawlen": b_rawlen, "setmetatable": b_setmetatable,
                 "getmetatable": b_getmetatable, "error": b_error, "assert": b_assert, "pcall": b_pcall,
                 "xpcall": b_xpcall}.items():
        G.d[k] = v
    G.d["_G"] = G
    G.d["_VERSION"] = "Lua 5.4"
    s = lib("string", {"len": s_len, "sub": s_sub, "upper": s_upper, "lower": s_lower, "rep": s_rep,
                       "reverse": s_reverse, "byte": s_byte, "char": s_char, "format": s_format,
                       "find": lambda a: str_find(a, True), "match": lambda a: str_find(a, False),
                       "gmatch": s_gmatch, "gsub": s_gsub})
    STRMT.d["__index"] = s
    lib("table", {"insert": t_insert, "remove": t_remove, "concat": t_concat, "sort": t_sort,
                  "unpack": b_unpack, "pack": t_pack})
    lib("math", {"floor": m_floor, "ceil": m_ceil, "abs": m_abs, "sqrt": m_sqrt, "tointeger": m_tointeger,
                 "type": m_type, "fmod": m_fmod, "ult": m_ult, "huge": math.inf, "pi": math.pi,
                 "maxinteger": MAXI, "mininteger": MINI,
                 "max": m_minmax("max", lambda v, b: v > b), "min": m_minmax("min", lambda v, b: v < b)})
    lib("coroutine", {"create": c_create, "resume": c_resume, "yield": c_yield, "status": c_status,
                      "running": c_running, "isyieldable": c_isyieldable, "wrap": c_wrap})
    IO.d["write"] = io_write
    G.d["io"] = IO


def main():
    global CHUNK
    if len(sys.argv) != 2:
        sys.stderr.write("usage: luai FILE\n")
        os._exit(2)
    path = sys.argv[1]
    CHUNK = path
    rc = 0
    try:
        with open(path, "rb") as f:
            src = f.read().decode("latin-1")
        setup()
        threading.stack_size(2 << 20)  # coroutine threads: their stacks count against the address space
        fn = compile_chunk(src)
        call(fn, [])
    except LuaError as e:
        flush()
        v = e.value
        msg = tostr(v) if type(v) in (str, int, float) else "(error object is a %s value)" % typename(v)
        sys.stderr.write("luai: %s\n" % msg)
        rc = 1
    except RecursionError:
        flush()
        sys.stderr.write("luai: stack overflow\n")
        rc = 1
    except Exception as e:  # a bug of the interpreter: never exit 0 after it
        flush()
        sys.stderr.write("luai: internal error: %r\n" % e)
        rc = 70
    except OSError as e:
        sys.stderr.write("luai: cannot open %s: %s\n" % (path, e.strerror))
        rc = 1
    flush()
    sys.stderr.flush()
    os._exit(rc)


def start():
    sys.setrecursionlimit(1000000)
    threading.stack_size(256 << 20)
    t = threading.Thread(target=main)
    t.start()
    t.join()


if __name__ == "__main__":
    start()
