#!/usr/bin/env python3
"""Reference spreadsheet engine of the spreadsheet family: reads commands on standard input,
prints values (see the instructions).  Formulas are kept as token lists (so references can be
rewritten by copy, insert and delete) and parsed to trees on demand; values are cached and
invalidated along the reverse dependency graph, and computed lazily with an explicit stack (no
recursion: chains of 50,000 cells), marking cycles."""
import datetime, math, re, sys

ERRS = ("#DIV/0!", "#REF!", "#NAME?", "#VALUE!", "#CYCLE!", "#N/A", "#PARSE!")
MAXCOL, MAXROW = 702, 99999


class Err(str):
    pass


def col_num(s):
    n = 0
    for ch in s:
        n = n * 26 + ord(ch) - 64
    return n


def col_name(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


REF = re.compile(r"(\$?)([A-Za-z]{1,2})(\$?)([0-9]+)")
TOK = re.compile(r'\s*(?:(?P<num>[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)|(?P<str>"(?:[^"]|"")*")|'
                 r'(?P<ref>\$?[A-Za-z]{1,2}\$?[0-9]+(?![A-Za-z0-9_(]))|(?P<referr>#REF!)|(?P<name>[A-Za-z_][A-Za-z0-9_.]*)|(?P<op><>|<=|>=|[-+*/&=<>(),:])|(?P<bad>\S))')


class Ref:
    __slots__ = ("c", "r", "ac", "ar")

    def __init__(self, c, r, ac, ar):
        self.c, self.r, self.ac, self.ar = c, r, ac, ar

    def text(self):
        if self.c is None:
            return "#REF!"
        return ("$" if self.ac else "") + col_name(self.c) + ("$" if self.ar else "") + str(self.r)


def tokenize(src):
    out, i = [], 0
    while i < len(src):
        m = TOK.match(src, i)
        if not m or m.end() == i:
            break
        i = m.end()
        k = m.lastgroup
        v = m.group(k)
        if k == "referr":
            out.append(("ref", Ref(None, None, 0, 0)))
        elif k == "ref":
            a = REF.fullmatch(v)
            c, r = col_num(a.group(2).upper()), int(a.group(4))
            if r < 1 or r > MAXROW or c > MAXCOL:   # outside the grid
                out.append(("ref", Ref(None, None, 0, 0)))
            else:
                out.append(("ref", Ref(c, r, a.group(1) == "$", a.group(3) == "$")))
        elif k == "name":
            out.append(("name", v.upper()))
        elif k == "bad":
            raise SyntaxError
        else:
            out.append((k, v))
    return out


def untok(toks):
    return "=" + "".join(v.text() if k == "ref" else v for k, v in toks)


class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, v=None):
        k, x = self.peek()
        if k is None or (v is not None and x != v):
            raise SyntaxError
        self.i += 1
        return k, x

    def parse(self):
        e = self.cmp()
        if self.i != len(self.t):
            raise SyntaxError
        return e

    def cmp(self):
        e = self.cat()
        while self.peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            op = self.take()[1]
            e = ("bin", op, e, self.cat())
        return e

    def cat(self):
        e = self.add()
        while self.peek()[1] == "&":
            self.take()
            e = ("bin", "&", e, self.add())
        return e

    def add(self):
        e = self.mul()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            e = ("bin", op, e, self.mul())
        return e

    def mul(self):
        e = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            e = ("bin", op, e, self.unary())
        return e

    def unary(self):
        if self.peek()[1] in ("-", "+"):
            op = self.take()[1]
            return ("neg", self.unary()) if op == "-" else ("pos", self.unary())
        return self.atom()

    def atom(self):
        k, v = self.take()
        if k == "num":
            return ("val", float(v))
        if k == "str":
            return ("val", v[1:-1].replace('""', '"'))
        if k == "ref" and v.c is None:
            if self.peek()[1] == ":":
                self.take()
                self.take()
            return ("val", Err("#REF!"))
        if k == "ref":
            if self.peek()[1] == ":":
                self.take()
                k2, v2 = self.take()
                if k2 != "ref":
                    raise SyntaxError
                return ("range", v, v2) if v2.c is not None else ("val", Err("#REF!"))
            return ("ref", v)
        if k == "name":
            if self.peek()[1] == "(":
                self.take()
                args = []
                if self.peek()[1] != ")":
                    args.append(self.cmp())
                    while self.peek()[1] == ",":
                        self.take()
                        args.append(self.cmp())
                self.take(")")
                return ("call", v, args)
            if v in ("TRUE", "FALSE"):
                return ("val", v == "TRUE")
            return ("val", Err("#NAME?"))
        if v == "(":
            e = self.cmp()
            self.take(")")
            return e
        if v == "#REF!":
            return ("val", Err("#REF!"))
        raise SyntaxError


def fmt_num(v):
    s = "%.10g" % v
    return "0" if s == "-0" else s


def show(v, f=None):
    if v is None:
        return ""
    if isinstance(v, Err):
        return str(v)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return fmt_value(v, f) if f else fmt_num(v)
    return v


def fmt_value(v, f):
    if f == "general":
        return fmt_num(v)
    if f == "yyyy-mm-dd":
        d = serial_date(v)
        return d.isoformat() if d else "#VALUE!"
    m = re.fullmatch(r"(#,##)?0(?:\.(0+))?(%?)", f)
    dec = len(m.group(2) or "")
    x = v * 100 if m.group(3) else v
    s = "%.*f" % (dec, round_half_away(x, dec))
    if s.startswith("-") and float(s) == 0:
        s = s[1:]
    if m.group(1):
        neg = s.startswith("-")
        ip, _, fp = s.lstrip("-").partition(".")
        ip = "{:,}".format(int(ip))
        s = ("-" if neg else "") + ip + ("." + fp if fp else "")
    return s + m.group(3)


def round_half_away(x, d):
    q = 10 ** d
    y = abs(x) * q
    r = math.floor(y + 0.5 + 1e-9 * max(1.0, y))
    return math.copysign(r / q, x)


EPOCH = datetime.date(1899, 12, 30)


def serial_date(v):
    try:
        return EPOCH + datetime.timedelta(days=math.floor(v))
    except (OverflowError, ValueError):
        return None


class Sheet:
    def __init__(self):
        self.inp = {}      # (c, r) -> ("num", float) | ("text", str) | ("f", tokens)
        self.fmt = {}
        self.cache = {}
        self.deps = {}     # cell -> set of cells / ranges it reads (as a frozenset of cells)
        self.rdeps = {}    # cell -> set of cells that read it
        self.rng_readers = []   # (c1, r1, c2, r2, reader)
        self.ast = {}

    # -- inputs --
    def set(self, cell, text):
        self.invalidate(cell)
        self.unlink(cell)
        self.ast.pop(cell, None)
        if text == "":
            self.inp.pop(cell, None)
            return
        if text.startswith("="):
            try:
                toks = tokenize(text[1:])
            except SyntaxError:
                toks = None
            self.inp[cell] = ("f", toks, text)
            self.link(cell)
        elif re.fullmatch(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?", text):
            self.inp[cell] = ("num", float(text))
        else:
            self.inp[cell] = ("text", text)

    def link(self, cell):
        k = self.inp.get(cell)
        if not k or k[0] != "f" or k[1] is None:
            return
        refs, rngs = set(), []
        toks = k[1]
        for i, (kind, v) in enumerate(toks):
            if kind != "ref" or v.c is None:
                continue
            if i + 2 < len(toks) and toks[i + 1] == ("op", ":") and toks[i + 2][0] == "ref" and toks[i + 2][1].c is not None:
                w = toks[i + 2][1]
                rngs.append((min(v.c, w.c), min(v.r, w.r), max(v.c, w.c), max(v.r, w.r), cell))
            elif not (i >= 2 and toks[i - 1] == ("op", ":")):
                refs.add((v.c, v.r))
        self.deps[cell] = (refs, rngs)
        for x in refs:
            self.rdeps.setdefault(x, set()).add(cell)
        self.rng_readers.extend(rngs)

    def unlink(self, cell):
        d = self.deps.pop(cell, None)
        if d:
            for x in d[0]:
                self.rdeps.get(x, set()).discard(cell)
            if d[1]:
                self.rng_readers = [g for g in self.rng_readers if g[4] != cell]

    def readers(self, cell):
        out = list(self.rdeps.get(cell, ()))
        c, r = cell
        for c1, r1, c2, r2, who in self.rng_readers:
            if c1 <= c <= c2 and r1 <= r <= r2:
                out.append(who)
        return out

    def invalidate(self, cell):
        todo = [cell]
        while todo:
            x = todo.pop()
            if x in self.cache or x == cell:
                self.cache.pop(x, None)
                todo.extend(y for y in self.readers(x) if y in self.cache)

    def rebuild(self):
        self.cache, self.deps, self.rdeps, self.rng_readers, self.ast = {}, {}, {}, [], {}
        for cell in self.inp:
            self.link(cell)

    # -- evaluation --
    def tree(self, cell):
        t = self.ast.get(cell)
        if t is None:
            toks = self.inp[cell][1]
            try:
                t = Parser(toks).parse() if toks is not None else ("val", Err("#PARSE!"))
            except SyntaxError:
                t = ("val", Err("#PARSE!"))
            self.ast[cell] = t
        return t

    def value(self, cell):
        if cell in self.cache:
            return self.cache[cell]
        # explicit DFS: compute dependencies first; a cell met again while on the stack is a cycle
        stack, onstack = [cell], {cell: 0}
        while stack:
            x = stack[-1]
            k = self.inp.get(x)
            if not k or k[0] != "f":
                self.cache[x] = None if not k else (k[1])
                stack.pop()
                onstack.pop(x, None)
                continue
            need = None
            refs, rngs = self.deps.get(x, (set(), []))
            for y in self.cells_read(refs, rngs):
                if y not in self.cache and self.inp.get(y, ("", 0))[0] == "f":
                    if y in onstack:
                        for z in stack[stack.index(y):]:
                            self.cache[z] = Err("#CYCLE!")
                        continue
                    need = y
                    break
            if x in self.cache:
                stack.pop()
                onstack.pop(x, None)
                continue
            if need is not None:
                stack.append(need)
                onstack[need] = 0
                continue
            self.cache[x] = self.ev(self.tree(x))
            stack.pop()
            onstack.pop(x, None)
        return self.cache[cell]

    def cells_read(self, refs, rngs):
        for y in refs:
            yield y
        for c1, r1, c2, r2, _ in rngs:
            for c in range(c1, c2 + 1):
                for r in range(r1, r2 + 1):
                    if (c, r) in self.inp:
                        yield (c, r)

    def get(self, c, r):
        x = (c, r)
        if x not in self.inp:
            return None
        k = self.inp[x]
        if k[0] != "f":
            return k[1]
        v = self.cache.get(x)
        if v is None and x not in self.cache:
            v = self.value(x)
        return v if v is not None else 0.0

    def ev(self, t):
        k = t[0]
        if k == "val":
            return t[1]
        if k == "ref":
            v = self.get(t[1].c, t[1].r)
            return 0.0 if v is None else v
        if k == "range":
            return Err("#VALUE!")
        if k == "neg" or k == "pos":
            v = num(self.ev(t[1]))
            return v if isinstance(v, Err) else (-v if k == "neg" else v)
        if k == "bin":
            return binop(t[1], self.ev(t[2]), self.ev(t[3]))
        return self.call(t[1], t[2])

    def area(self, t):
        a, b = t[1], t[2]
        c1, c2, r1, r2 = min(a.c, b.c), max(a.c, b.c), min(a.r, b.r), max(a.r, b.r)
        return [[self.get(c, r) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    def flat(self, args, strict_text=True):
        """Values of aggregate arguments: cells of ranges (numbers only), direct values (coerced)."""
        out = []
        for a in args:
            if a[0] == "range":
                for row in self.area(a):
                    for v in row:
                        if isinstance(v, Err):
                            return v
                        if isinstance(v, float):
                            out.append(v)
            else:
                v = self.ev(a)
                if isinstance(v, Err):
                    return v
                if isinstance(v, str):
                    return Err("#VALUE!")
                out.append(float(v) if v is not None else 0.0)
        return out

    def call(self, name, args):
        f = FUNCS.get(name)
        if f is None:
            return Err("#NAME?")
        try:
            return f(self, args)
        except ArgError:
            return Err("#VALUE!")


class ArgError(Exception):
    pass


def num(v):
    if isinstance(v, Err):
        return v
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if v is None:
        return 0.0
    if isinstance(v, str):
        return Err("#VALUE!")
    return v


def text(v):
    if isinstance(v, float):
        return fmt_num(v)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return v or ""


def rank(v):
    return 0 if isinstance(v, float) else 1 if isinstance(v, str) else 2


def binop(op, a, b):
    if isinstance(a, Err):
        return a
    if isinstance(b, Err):
        return b
    if op == "&":
        return text(a) + text(b)
    if op in ("+", "-", "*", "/"):
        a, b = num(a), num(b)
        if isinstance(a, Err):
            return a
        if isinstance(b, Err):
            return b
        if op == "/":
            return Err("#DIV/0!") if b == 0 else a / b
        return a + b if op == "+" else a - b if op == "-" else a * b
    a = 0.0 if a is None else a
    b = 0.0 if b is None else b
    if rank(a) != rank(b):
        ka, kb = (rank(a), 0), (rank(b), 0)
    elif isinstance(a, str):
        ka, kb = a.lower(), b.lower()
    else:
        ka, kb = a, b
    return {"=": ka == kb, "<>": ka != kb, "<": ka < kb, ">": ka > kb, "<=": ka <= kb, ">=": ka >= kb}[op]


def truth(v):
    if isinstance(v, Err):
        return v
    if isinstance(v, str):
        return Err("#VALUE!")
    return bool(v)


def agg(fn):
    def f(s, args):
        v = s.flat(args)
        return v if isinstance(v, Err) else fn(v)
    return f


def f_if(s, args):
    if len(args) not in (2, 3):
        raise ArgError
    c = truth(s.ev(args[0]))
    if isinstance(c, Err):
        return c
    return s.ev(args[1]) if c else (s.ev(args[2]) if len(args) == 3 else False)


def logic(fn):
    def f(s, args):
        vals = []
        for a in args:
            if a[0] == "range":
                vals.extend(bool(v) for row in s.area(a) for v in row if isinstance(v, (float, bool)))
                errs = [v for row in s.area(a) for v in row if isinstance(v, Err)]
                if errs:
                    return errs[0]
            else:
                v = truth(s.ev(a))
                if isinstance(v, Err):
                    return v
                vals.append(v)
        if not args:
            raise ArgError
        return fn(vals)
    return f


def f_not(s, args):
    if len(args) != 1:
        raise ArgError
    v = truth(s.ev(args[0]))
    return v if isinstance(v, Err) else not v


def scalars(s, args, n):
    if len(args) not in n:
        raise ArgError
    vals = []
    for a in args:
        v = s.ev(a)
        if isinstance(v, Err):
            return v
        vals.append(v)
    return vals


def number_args(s, args, n):
    v = scalars(s, args, n)
    if isinstance(v, Err):
        return v
    v = [num(x) for x in v]
    for x in v:
        if isinstance(x, Err):
            return x
    return v


def texty(fn, n, nums=()):
    def f(s, args):
        v = scalars(s, args, n)
        if isinstance(v, Err):
            return v
        v = [text(x) if i not in nums else num(x) for i, x in enumerate(v)]
        for x in v:
            if isinstance(x, Err):
                return x
        return fn(*v)
    return f


def f_mid(t, st, n):
    if st < 1 or n < 0:
        return Err("#VALUE!")
    return t[int(st) - 1:int(st) - 1 + int(n)]


def lookup_key(v):
    return v.lower() if isinstance(v, str) else v


def f_vlookup(s, args):
    if len(args) != 3 or args[1][0] != "range":
        raise ArgError
    key, col = s.ev(args[0]), num(s.ev(args[2]))
    for x in (key, col):
        if isinstance(x, Err):
            return x
    rows = s.area(args[1])
    col = int(col)
    if col < 1:
        return Err("#VALUE!")
    if col > len(rows[0]):
        return Err("#REF!")
    for row in rows:
        if row[0] is not None and rank(row[0]) == rank(key) and lookup_key(row[0]) == lookup_key(key):
            return row[col - 1] if row[col - 1] is not None else 0.0
    return Err("#N/A")


def f_match(s, args):
    if len(args) != 2 or args[1][0] != "range":
        raise ArgError
    key = s.ev(args[0])
    if isinstance(key, Err):
        return key
    rows = s.area(args[1])
    if len(rows) > 1 and len(rows[0]) > 1:
        return Err("#N/A")
    cells = [v for row in rows for v in row]
    for i, v in enumerate(cells):
        if v is not None and rank(v) == rank(key) and lookup_key(v) == lookup_key(key):
            return float(i + 1)
    return Err("#N/A")


def f_index(s, args):
    if len(args) not in (2, 3) or args[0][0] != "range":
        raise ArgError
    rest = number_args(s, args[1:], (1, 2))
    if isinstance(rest, Err):
        return rest
    rows = s.area(args[0])
    r = int(rest[0])
    c = int(rest[1]) if len(rest) == 2 else 1
    if len(rest) == 1 and len(rows) == 1:
        r, c = 1, r
    if r < 1 or c < 1 or r > len(rows) or c > len(rows[0]):
        return Err("#REF!")
    v = rows[r - 1][c - 1]
    return 0.0 if v is None else v


def f_date(s, args):
    v = number_args(s, args, (3,))
    if isinstance(v, Err):
        return v
    y, m, d = (int(math.floor(x)) for x in v)
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    try:
        base = datetime.date(y, m, 1)
    except ValueError:
        return Err("#VALUE!")
    return float((base - EPOCH).days + d - 1)


def datepart(k):
    def f(s, args):
        v = number_args(s, args, (1,))
        if isinstance(v, Err):
            return v
        d = serial_date(v[0])
        if d is None or v[0] < 1:
            return Err("#VALUE!")
        return float((d.year, d.month, d.day)[k])
    return f


FUNCS = {
    "SUM": agg(lambda v: float(sum(v))), "MIN": agg(lambda v: min(v) if v else 0.0),
    "MAX": agg(lambda v: max(v) if v else 0.0), "COUNT": agg(lambda v: float(len(v))),
    "AVERAGE": agg(lambda v: sum(v) / len(v) if v else Err("#DIV/0!")),
    "IF": f_if, "AND": logic(all), "OR": logic(any), "NOT": f_not,
    "LEN": texty(lambda t: float(len(t)), (1,)), "UPPER": texty(str.upper, (1,)), "LOWER": texty(str.lower, (1,)),
    "TRIM": texty(lambda t: re.sub(" +", " ", t.strip(" ")), (1,)),
    "LEFT": texty(lambda t, n=1.0: t[:int(n)] if n >= 0 else Err("#VALUE!"), (1, 2), nums=(1,)),
    "RIGHT": texty(lambda t, n=1.0: (t[len(t) - int(n):] if int(n) < len(t) else t) if n >= 0 else Err("#VALUE!"), (1, 2), nums=(1,)),
    "MID": texty(f_mid, (3,), nums=(1, 2)),
    "CONCAT": texty(lambda *t: "".join(t), range(1, 256)),
    "VLOOKUP": f_vlookup, "MATCH": f_match, "INDEX": f_index,
    "DATE": f_date, "YEAR": datepart(0), "MONTH": datepart(1), "DAY": datepart(2),
}


# -- structural edits --
def parse_cell(s):
    m = re.fullmatch(r"([A-Za-z]{1,2})([0-9]+)", s)
    if not m or not 1 <= int(m.group(2)) <= MAXROW:
        raise ValueError(s)
    return col_num(m.group(1).upper()), int(m.group(2))


def moved_tokens(toks, fn):
    """A copy of the token list with every reference passed through fn(ref) -> Ref or None (#REF!)."""
    out = []
    for i, (k, v) in enumerate(toks):
        if k == "ref":
            w = fn(v) if v.c is not None else None
            out.append(("ref", w if w is not None else Ref(None, None, 0, 0)))
        else:
            out.append((k, v))
    # a range with one end gone loses both ends
    for i in range(len(out) - 2):
        if out[i][0] == "ref" and out[i + 1] == ("op", ":") and out[i + 2][0] == "ref":
            if out[i][1].c is None or out[i + 2][1].c is None:
                out[i] = out[i + 2] = ("ref", Ref(None, None, 0, 0))
    return out


def restructure(sh, axis, at, delta):
    """Insert (delta 1) or delete (delta -1) row/column `at`: cells move, references follow."""
    def pos(c, r):
        return c if axis == "col" else r

    def shift(c, r):
        p = pos(c, r)
        if delta < 0 and p == at:
            return None
        if p >= at + (1 if delta < 0 else 0):
            p += delta
        if p < 1 or p > (MAXCOL if axis == "col" else MAXROW):
            return None
        return (p, r) if axis == "col" else (c, p)

    def mv(ref):
        t = shift(ref.c, ref.r)
        return None if t is None else Ref(t[0], t[1], ref.ac, ref.ar)

    def rewrite(toks):
        out = []
        i = 0
        while i < len(toks):
            k, v = toks[i]
            if k == "ref" and i + 2 < len(toks) and toks[i + 1] == ("op", ":") and toks[i + 2][0] == "ref" and v.c is not None and toks[i + 2][1].c is not None:
                a, b = v, toks[i + 2][1]
                pa, pb = pos(a.c, a.r), pos(b.c, b.r)
                lo, hi = min(pa, pb), max(pa, pb)
                if delta < 0 and lo <= at <= hi and lo != hi:
                    nlo, nhi = lo, hi - 1
                    def put(ref, p):
                        return Ref(p, ref.r, ref.ac, ref.ar) if axis == "col" else Ref(ref.c, p, ref.ac, ref.ar)
                    na, nb = (put(a, nlo), put(b, nhi)) if pa <= pb else (put(a, nhi), put(b, nlo))
                    out += [("ref", na), toks[i + 1], ("ref", nb)]
                else:
                    ma, mb = mv(a), mv(b)
                    if ma is None or mb is None:
                        out += [("ref", Ref(None, None, 0, 0)), toks[i + 1], ("ref", Ref(None, None, 0, 0))]
                    else:
                        out += [("ref", ma), toks[i + 1], ("ref", mb)]
                i += 3
                continue
            if k == "ref":
                out.append(("ref", (mv(v) if v.c is not None else None) or Ref(None, None, 0, 0)))
            else:
                out.append((k, v))
            i += 1
        return out

    new_inp, new_fmt = {}, {}
    for (c, r), k in sh.inp.items():
        t = shift(c, r)
        if t is None:
            continue
        if k[0] == "f" and k[1] is not None:
            toks = rewrite(k[1])
            k = ("f", toks, untok(toks))
        new_inp[t] = k
    for (c, r), f in sh.fmt.items():
        t = shift(c, r)
        if t is not None:
            new_fmt[t] = f
    sh.inp, sh.fmt = new_inp, new_fmt
    sh.rebuild()


def copy(sh, src, dst):
    (c1, r1), (c2, r2) = src
    dc, dr = dst
    items = []
    for c in range(c1, c2 + 1):
        for r in range(r1, r2 + 1):
            items.append(((c, r), (dc + c - c1, dr + r - r1), sh.inp.get((c, r)), sh.fmt.get((c, r))))
    for (c, r), (tc, tr), k, f in items:
        if tc > MAXCOL or tr > MAXROW:
            continue
        oc, orow = tc - c, tr - r

        def mv(ref):
            nc = ref.c if ref.ac else ref.c + oc
            nr = ref.r if ref.ar else ref.r + orow
            if not (1 <= nc <= MAXCOL and 1 <= nr <= MAXROW):
                return None
            return Ref(nc, nr, ref.ac, ref.ar)
        if k is None:
            sh.set((tc, tr), "")
        elif k[0] == "f":
            sh.set((tc, tr), untok(moved_tokens(k[1], mv)) if k[1] is not None else k[2])
        elif k[0] == "num":
            sh.set((tc, tr), repr(k[1]))
        else:
            sh.set((tc, tr), k[1])
        if f:
            sh.fmt[(tc, tr)] = f
        else:
            sh.fmt.pop((tc, tr), None)



def parse_area(s):
    a, _, b = s.partition(":")
    p = parse_cell(a)
    q = parse_cell(b) if b else p
    return (min(p[0], q[0]), min(p[1], q[1])), (max(p[0], q[0]), max(p[1], q[1]))


FORMATS = re.compile(r"general|yyyy-mm-dd|(#,##)?0(\.0+)?%?")


def main():
    sh = Sheet()
    out = []
    for n, line in enumerate(sys.stdin.read().split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(" ", 2)
        cmd = parts[0]
        try:
            if cmd == "set":
                sh.set(parse_cell(parts[1]), parts[2] if len(parts) > 2 else "")
            elif cmd == "clear":
                sh.set(parse_cell(parts[1]), "")
            elif cmd == "print":
                (c1, r1), (c2, r2) = parse_area(parts[1])
                for r in range(r1, r2 + 1):
                    out.append("\t".join(show(sh.value((c, r)) if (c, r) in sh.inp else None, sh.fmt.get((c, r))) for c in range(c1, c2 + 1)))
            elif cmd == "formula":
                k = sh.inp.get(parse_cell(parts[1]))
                out.append("" if k is None else (untok(k[1]) if k[1] is not None else k[2]) if k[0] == "f" else k[1] if k[0] == "text" else fmt_num(k[1]))
            elif cmd == "copy":
                sh_src = parse_area(parts[1])
                copy(sh, sh_src, parse_cell(parts[2]))
            elif cmd in ("insert", "delete"):
                what, where = parts[1], parts[2]
                if what == "row":
                    at = int(where)
                    if not 1 <= at <= MAXROW:
                        raise ValueError
                elif what == "col":
                    if not re.fullmatch(r"[A-Z]{1,2}", where):
                        raise ValueError
                    at = col_num(where)
                else:
                    raise ValueError
                restructure(sh, what, at, 1 if cmd == "insert" else -1)
            elif cmd == "format":
                f = parts[2] if len(parts) > 2 else ""
                if not FORMATS.fullmatch(f):
                    raise ValueError
                (c1, r1), (c2, r2) = parse_area(parts[1])
                for c in range(c1, c2 + 1):
                    for r in range(r1, r2 + 1):
                        sh.fmt[(c, r)] = f
            else:
                raise ValueError
        except (ValueError, IndexError):
            out.append("error: line %d" % n)
    sys.stdout.write("".join(x + "\n" for x in out))


if __name__ == "__main__":
    main()
