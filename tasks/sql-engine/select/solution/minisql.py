#!/usr/bin/env python3
"""minisql: a small SQL engine (reference solution).  Usage: minisql [DBFILE] < script.sql

Reads SQL statements separated by ';' from standard input and prints the rows of every SELECT,
columns joined by '|', NULL as 'NULL', followed by a line '--'.  Errors print 'error: MESSAGE'
and the statement is skipped.  With DBFILE, committed state persists across runs."""
import json, os, re, sys

# ---------------------------------------------------------------- lexer
KEYWORDS = set("""SELECT FROM WHERE GROUP BY HAVING ORDER ASC DESC LIMIT OFFSET AND OR NOT NULL IS IN
LIKE BETWEEN CASE WHEN THEN ELSE END AS JOIN INNER LEFT OUTER ON DISTINCT INSERT INTO VALUES UPDATE SET
DELETE CREATE TABLE INDEX DROP EXISTS BEGIN COMMIT ROLLBACK TRANSACTION INTEGER TEXT CROSS UNIQUE""".split())
TOKEN = re.compile(r"\s+|--[^\n]*|(?P<num>\d+)|(?P<str>'(?:[^']|'')*')|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|"
                   r"(?P<qid>\"[^\"]*\")|(?P<op><=|>=|<>|!=|==|\|\||[-+*/%(),.;<>=])")


class SqlError(Exception):
    pass


def lex(src):
    toks, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SqlError("unexpected character %r" % src[pos])
        pos = m.end()
        if m.group("num"):
            toks.append(("num", int(m.group("num"))))
        elif m.group("str"):
            toks.append(("str", m.group("str")[1:-1].replace("''", "'")))
        elif m.group("id"):
            w = m.group("id")
            toks.append(("kw", w.upper()) if w.upper() in KEYWORDS else ("id", w.lower()))
        elif m.group("qid"):
            toks.append(("id", m.group("qid")[1:-1].lower()))
        elif m.group("op"):
            toks.append(("op", m.group("op")))
    toks.append(("eof", None))
    return toks


# ---------------------------------------------------------------- parser
class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, k=0):
        return self.t[self.i + k]

    def next(self):
        tok = self.t[self.i]
        self.i += 1
        return tok

    def accept(self, kind, val=None):
        tok = self.t[self.i]
        if tok[0] == kind and (val is None or tok[1] == val):
            self.i += 1
            return tok
        return None

    def kw(self, *words):
        for w in words:
            if not self.accept("kw", w):
                return False
        return True

    def expect(self, kind, val=None):
        tok = self.accept(kind, val)
        if not tok:
            raise SqlError("near %r: expected %s" % (self.peek()[1], val or kind))
        return tok

    def ident(self):
        return self.expect("id")[1]

    def statement(self):
        if self.kw("SELECT"):
            return self.select_rest()
        if self.kw("INSERT"):
            self.expect("kw", "INTO")
            table, cols = self.ident(), None
            if self.accept("op", "("):
                cols = self.idlist()
            if self.kw("VALUES"):
                rows = []
                while True:
                    self.expect("op", "(")
                    rows.append(self.exprlist())
                    self.expect("op", ")")
                    if not self.accept("op", ","):
                        break
                return ("insert", table, cols, rows, None)
            self.expect("kw", "SELECT")
            return ("insert", table, cols, None, self.select_rest())
        if self.kw("UPDATE"):
            table = self.ident()
            self.expect("kw", "SET")
            sets = []
            while True:
                c = self.ident()
                self.expect("op", "=")
                sets.append((c, self.expr()))
                if not self.accept("op", ","):
                    break
            where = self.expr() if self.kw("WHERE") else None
            return ("update", table, sets, where)
        if self.kw("DELETE"):
            self.expect("kw", "FROM")
            table = self.ident()
            return ("delete", table, self.expr() if self.kw("WHERE") else None)
        if self.kw("CREATE"):
            unique = self.kw("UNIQUE")
            if self.kw("INDEX"):
                name = self.ident()
                self.expect("kw", "ON")
                table = self.ident()
                self.expect("op", "(")
                col = self.ident()
                self.expect("op", ")")
                return ("cindex", name, table, col, unique)
            self.expect("kw", "TABLE")
            table = self.ident()
            self.expect("op", "(")
            cols = []
            while True:
                c = self.ident()
                typ = None
                if self.accept("kw", "INTEGER"):
                    typ = "INTEGER"
                elif self.accept("kw", "TEXT"):
                    typ = "TEXT"
                cols.append((c, typ))
                if not self.accept("op", ","):
                    break
            self.expect("op", ")")
            return ("create", table, cols)
        if self.kw("DROP"):
            if self.kw("INDEX"):
                return ("dindex", self.ident())
            self.expect("kw", "TABLE")
            return ("drop", self.ident())
        if self.kw("BEGIN"):
            self.accept("kw", "TRANSACTION")
            return ("begin",)
        if self.kw("COMMIT"):
            return ("commit",)
        if self.kw("ROLLBACK"):
            return ("rollback",)
        raise SqlError("near %r: syntax error" % (self.peek()[1],))

    def idlist(self):
        ids = [self.ident()]
        while self.accept("op", ","):
            ids.append(self.ident())
        self.expect("op", ")")
        return ids

    def exprlist(self):
        es = [self.expr()]
        while self.accept("op", ","):
            es.append(self.expr())
        return es

    def select_rest(self):
        distinct = self.kw("DISTINCT")
        cols = []
        while True:
            if self.accept("op", "*"):
                cols.append(("star", None))
            elif self.peek()[0] == "id" and self.peek(1) == ("op", ".") and self.peek(2) == ("op", "*"):
                t = self.ident()
                self.next(); self.next()
                cols.append(("star", t))
            else:
                e = self.expr()
                alias = None
                if self.kw("AS"):
                    alias = self.ident()
                elif self.peek()[0] == "id":
                    alias = self.ident()
                cols.append(("expr", e, alias))
            if not self.accept("op", ","):
                break
        frm = []
        if self.kw("FROM"):
            frm.append(("first", self.table_ref(), None))
            while True:
                if self.accept("op", ","):
                    frm.append(("inner", self.table_ref(), None))
                    continue
                kind = None
                if self.kw("LEFT"):
                    self.kw("OUTER")
                    self.expect("kw", "JOIN")
                    kind = "left"
                elif self.kw("INNER") or self.kw("CROSS"):
                    self.expect("kw", "JOIN")
                    kind = "inner"
                elif self.kw("JOIN"):
                    kind = "inner"
                if not kind:
                    break
                ref = self.table_ref()
                on = self.expr() if self.kw("ON") else None
                frm.append((kind, ref, on))
        where = self.expr() if self.kw("WHERE") else None
        group = self.exprlist() if self.kw("GROUP", "BY") else None
        having = self.expr() if self.kw("HAVING") else None
        order = []
        if self.kw("ORDER", "BY"):
            while True:
                e = self.expr()
                desc = bool(self.kw("DESC"))
                if not desc:
                    self.kw("ASC")
                order.append((e, desc))
                if not self.accept("op", ","):
                    break
        limit = offset = None
        if self.kw("LIMIT"):
            limit = self.expr()
            if self.kw("OFFSET"):
                offset = self.expr()
        return ("select", distinct, cols, frm, where, group, having, order, limit, offset)

    def table_ref(self):
        if self.accept("op", "("):
            self.expect("kw", "SELECT")
            sub = self.select_rest()
            self.expect("op", ")")
            self.kw("AS")
            return ("sub", sub, self.ident())
        name = self.ident()
        alias = name
        if self.kw("AS"):
            alias = self.ident()
        elif self.peek()[0] == "id":
            alias = self.ident()
        return ("table", name, alias)

    # expressions, lowest precedence first
    def expr(self):
        e = self.and_expr()
        while self.kw("OR"):
            e = ("or", e, self.and_expr())
        return e

    def and_expr(self):
        e = self.not_expr()
        while self.kw("AND"):
            e = ("and", e, self.not_expr())
        return e

    def not_expr(self):
        if self.kw("NOT"):
            return ("not", self.not_expr())
        return self.cmp_expr()

    def cmp_expr(self):
        e = self.add_expr()
        while True:
            tok = self.peek()
            if tok[0] == "op" and tok[1] in ("=", "==", "!=", "<>", "<", "<=", ">", ">="):
                self.next()
                op = {"==": "=", "<>": "!="}.get(tok[1], tok[1])
                e = ("cmp", op, e, self.add_expr())
            elif self.kw("IS"):
                neg = self.kw("NOT")
                self.expect("kw", "NULL")
                e = ("isnull", e, neg)
            else:
                neg = False
                save = self.i
                if self.kw("NOT"):
                    neg = True
                if self.kw("IN"):
                    self.expect("op", "(")
                    if self.kw("SELECT"):
                        sub = self.select_rest()
                        self.expect("op", ")")
                        e = ("insub", e, sub, neg)
                    else:
                        items = self.exprlist()
                        self.expect("op", ")")
                        e = ("inlist", e, items, neg)
                elif self.kw("LIKE"):
                    e = ("like", e, self.add_expr(), neg)
                elif self.kw("BETWEEN"):
                    lo = self.add_expr()
                    self.expect("kw", "AND")
                    e = ("between", e, lo, self.add_expr(), neg)
                else:
                    self.i = save
                    return e

    def add_expr(self):
        e = self.mul_expr()
        while True:
            tok = self.peek()
            if tok[0] == "op" and tok[1] in ("+", "-", "||"):
                self.next()
                e = ("bin", tok[1], e, self.mul_expr())
            else:
                return e

    def mul_expr(self):
        e = self.unary()
        while True:
            tok = self.peek()
            if tok[0] == "op" and tok[1] in ("*", "/", "%"):
                self.next()
                e = ("bin", tok[1], e, self.unary())
            else:
                return e

    def unary(self):
        if self.accept("op", "-"):
            return ("neg", self.unary())
        if self.accept("op", "+"):
            return self.unary()
        return self.primary()

    def primary(self):
        tok = self.next()
        if tok[0] == "num":
            return ("lit", tok[1])
        if tok[0] == "str":
            return ("lit", tok[1])
        if tok == ("kw", "NULL"):
            return ("lit", None)
        if tok == ("op", "("):
            if self.kw("SELECT"):
                sub = self.select_rest()
                self.expect("op", ")")
                return ("scalar", sub)
            e = self.expr()
            self.expect("op", ")")
            return e
        if tok == ("kw", "EXISTS"):
            self.expect("op", "(")
            self.expect("kw", "SELECT")
            sub = self.select_rest()
            self.expect("op", ")")
            return ("exists", sub)
        if tok == ("kw", "CASE"):
            base = None
            if self.peek() != ("kw", "WHEN"):
                base = self.expr()
            whens = []
            while self.kw("WHEN"):
                c = self.expr()
                self.expect("kw", "THEN")
                whens.append((c, self.expr()))
            els = self.expr() if self.kw("ELSE") else ("lit", None)
            self.expect("kw", "END")
            return ("case", base, whens, els)
        if tok[0] == "id":
            if self.accept("op", "("):
                name = tok[1]
                if self.accept("op", "*"):
                    self.expect("op", ")")
                    return ("agg", "count*", None, False)
                distinct = self.kw("DISTINCT")
                args = [] if self.peek() == ("op", ")") else self.exprlist()
                self.expect("op", ")")
                if name in ("count", "sum", "total") or (name in ("min", "max") and len(args) == 1):
                    return ("agg", name, args[0], distinct)
                return ("func", name, args)
            if self.accept("op", "."):
                return ("col", tok[1], self.ident())
            return ("col", None, tok[1])
        raise SqlError("near %r: syntax error" % (tok[1],))


# ---------------------------------------------------------------- values
def sort_key(v):
    """SQLite's order: NULL < numbers < text."""
    if v is None:
        return (0, 0)
    if isinstance(v, int):
        return (1, v)
    return (2, v)


def compare(a, b):
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def truth(v):
    if v is None:
        return None
    if isinstance(v, int):
        return v != 0
    m = re.match(r"\s*[-+]?\d+", v)
    return bool(m and int(m.group()) != 0)


def num(v):
    if v is None or isinstance(v, int):
        return v
    m = re.match(r"\s*([-+]?\d+)", v)
    return int(m.group(1)) if m else 0


def like(s, pat):
    rx = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pat)
    return re.fullmatch(rx, s, re.S | re.I) is not None


def show(v):
    return "NULL" if v is None else str(v)


# ---------------------------------------------------------------- evaluation
class Scope:
    """The rows visible to an expression: a list of (alias, columns, row) plus the outer scope."""

    def __init__(self, frames, outer=None, group=None):
        self.frames, self.outer, self.group = frames, outer, group

    def lookup(self, table, col):
        s = self
        while s:
            hits = [(f, i) for f in s.frames for i, c in enumerate(f[1])
                    if c == col and (table is None or f[0] == table)]
            if len(hits) > 1 and table is None:
                raise SqlError("ambiguous column name: %s" % col)
            if hits:
                f, i = hits[0]
                return None if f[2] is None else f[2][i]
            s = s.outer
        raise SqlError("no such column: %s" % (table + "." + col if table else col))


class Engine:
    def __init__(self):
        self.tables = {}   # name -> {"cols": [..], "types": [..], "rows": [..]}
        self.indexes = {}  # name -> (table, col, unique)
        self.saved = None

    # -- expressions
    def ev(self, e, sc):
        k = e[0]
        if k == "lit":
            return e[1]
        if k == "col":
            return sc.lookup(e[1], e[2])
        if k == "bin":
            a, b = self.ev(e[2], sc), self.ev(e[3], sc)
            if a is None or b is None:
                return None
            if e[1] == "||":
                return show(a) + show(b)
            a, b = num(a), num(b)
            if e[1] == "+":
                return a + b
            if e[1] == "-":
                return a - b
            if e[1] == "*":
                return a * b
            if b == 0:
                return None
            q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
            return q if e[1] == "/" else a - b * q
        if k == "neg":
            v = self.ev(e[1], sc)
            return None if v is None else -num(v)
        if k == "cmp":
            a, b = self.ev(e[2], sc), self.ev(e[3], sc)
            if a is None or b is None:
                return None
            c = compare(a, b)
            return int({"=": c == 0, "!=": c != 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0}[e[1]])
        if k == "and":
            a = truth(self.ev(e[1], sc))
            if a is False:
                return 0
            b = truth(self.ev(e[2], sc))
            if b is False:
                return 0
            return None if a is None or b is None else 1
        if k == "or":
            a = truth(self.ev(e[1], sc))
            if a is True:
                return 1
            b = truth(self.ev(e[2], sc))
            if b is True:
                return 1
            return None if a is None or b is None else 0
        if k == "not":
            a = truth(self.ev(e[1], sc))
            return None if a is None else int(not a)
        if k == "isnull":
            v = self.ev(e[1], sc)
            return int((v is None) != e[2])
        if k in ("inlist", "insub"):
            v = self.ev(e[1], sc)
            items = ([self.ev(x, sc) for x in e[2]] if k == "inlist"
                     else [r[0] for r in self.run_select(e[2], sc)[1]])
            if v is None:
                return None if items else int(e[3])
            if any(x is not None and compare(v, x) == 0 for x in items):
                return int(not e[3])
            if any(x is None for x in items):
                return None
            return int(e[3])
        if k == "like":
            a, b = self.ev(e[1], sc), self.ev(e[2], sc)
            if a is None or b is None:
                return None
            return int(like(show(a), show(b)) != e[3])
        if k == "between":
            v, lo, hi = self.ev(e[1], sc), self.ev(e[2], sc), self.ev(e[3], sc)
            r = self.ev(("and", ("cmp", ">=", ("lit", v), ("lit", lo)), ("cmp", "<=", ("lit", v), ("lit", hi))), sc)
            return r if r is None or not e[4] else int(not r)
        if k == "case":
            base = self.ev(e[1], sc) if e[1] else None
            for c, r in e[2]:
                if e[1]:
                    cv = self.ev(c, sc)
                    if base is not None and cv is not None and compare(base, cv) == 0:
                        return self.ev(r, sc)
                elif truth(self.ev(c, sc)):
                    return self.ev(r, sc)
            return self.ev(e[3], sc)
        if k == "scalar":
            rows = self.run_select(e[1], sc)[1]
            return rows[0][0] if rows else None
        if k == "exists":
            return int(bool(self.run_select(e[1], sc)[1]))
        if k == "func":
            args = [self.ev(a, sc) for a in e[2]]
            f = e[1]
            if f == "coalesce" or f == "ifnull":
                return next((a for a in args if a is not None), None)
            if f == "nullif":
                return None if args[0] is not None and args[1] is not None and compare(args[0], args[1]) == 0 else args[0]
            if any(a is None for a in args):
                return None
            if f == "length":
                return len(show(args[0]))
            if f == "upper":
                return show(args[0]).upper()
            if f == "lower":
                return show(args[0]).lower()
            if f == "abs":
                return abs(num(args[0]))
            if f == "substr":
                s, start = show(args[0]), num(args[1])
                n = num(args[2]) if len(args) > 2 else len(s)
                begin = start - 1 if start > 0 else max(len(s) + start, 0)
                return s[begin:begin + n] if start != 0 else s[0:max(n - 1, 0)]
            if f in ("min", "max"):
                return (min if f == "min" else max)(args, key=sort_key)
            raise SqlError("no such function: %s" % f)
        if k == "agg":
            if sc.group is None:
                raise SqlError("misuse of aggregate function %s()" % e[1])
            rows = sc.group
            if e[1] == "count*":
                return len(rows)
            vals = [self.ev(e[2], r) for r in rows]
            vals = [v for v in vals if v is not None]
            if e[3]:
                seen, uniq = set(), []
                for v in vals:
                    if sort_key(v) not in seen:
                        seen.add(sort_key(v))
                        uniq.append(v)
                vals = uniq
            if e[1] == "count":
                return len(vals)
            if e[1] in ("sum", "total"):
                return sum(num(v) for v in vals) if vals else (0 if e[1] == "total" else None)
            if not vals:
                return None
            return (min if e[1] == "min" else max)(vals, key=sort_key)
        raise SqlError("bad expression")

    def has_agg(self, e):
        if not isinstance(e, tuple):
            return False
        if e[0] == "agg":
            return True
        if e[0] in ("scalar", "exists", "insub"):
            return e[0] == "insub" and self.has_agg(e[1])
        return any(self.has_agg(x) if isinstance(x, tuple) else
                   any(self.has_agg(y) for y in x) if isinstance(x, list) else False for x in e[1:])

    # -- FROM
    def source(self, ref, outer):
        if ref[0] == "sub":
            cols, rows = self.run_select(ref[1], outer)
            return ref[2], cols, rows, None
        t = self.table(ref[1])
        return ref[2], t["cols"], t["rows"], ref[1]

    def index_probe(self, tname, alias, cols, where, frames, outer):
        """Rows of table tname matching an indexed 'col = constant' conjunct of where, or None."""
        if not tname or where is None:
            return None
        conj, stack = [], [where]
        while stack:
            e = stack.pop()
            if e[0] == "and":
                stack += [e[1], e[2]]
            else:
                conj.append(e)
        for e in conj:
            if e[0] != "cmp" or e[1] != "=":
                continue
            for a, b in ((e[2], e[3]), (e[3], e[2])):
                if a[0] == "col" and (a[1] in (None, alias)) and a[2] in cols and self.constant(b, frames):
                    idx = self.index_for(tname, a[2])
                    if idx is not None:
                        v = self.ev(b, Scope(frames, outer))
                        return [] if v is None else idx.get(sort_key(v), [])
        return None

    def constant(self, e, frames):
        """True when e is a literal (the only right-hand side an index lookup takes)."""
        return e[0] == "lit" or (e[0] == "neg" and e[1][0] == "lit")

    def index_for(self, tname, col):
        for name, (t, c, _) in self.indexes.items():
            if t == tname and c == col:
                cache = self.tables[t].setdefault("_idx", {})
                if col not in cache:
                    i = self.tables[t]["cols"].index(col)
                    d = {}
                    for r in self.tables[t]["rows"]:
                        d.setdefault(sort_key(r[i]), []).append(r)
                    cache[col] = d
                return cache[col]
        return None

    def from_rows(self, frm, where, outer):
        combos = [[]]
        for kind, ref, on in frm:
            alias, cols, rows, tname = self.source(ref, outer)
            if len(frm) == 1:
                probe = self.index_probe(tname, alias, cols, where, [], outer)
                if probe is not None:
                    rows = probe
            out = []
            for combo in combos:
                matched = False
                for r in rows:
                    frames = combo + [(alias, cols, r)]
                    if on is None or truth(self.ev(on, Scope(frames, outer))):
                        out.append(frames)
                        matched = True
                if kind == "left" and not matched:
                    out.append(combo + [(alias, cols, None)])
            combos = out
        return combos

    # -- SELECT
    def run_select(self, s, outer=None):
        _, distinct, cols, frm, where, group, having, order, limit, offset = s
        combos = self.from_rows(frm, where, outer) if frm else [[]]
        scopes = [Scope(c, outer) for c in combos]
        if where is not None:
            scopes = [sc for sc in scopes if truth(self.ev(where, sc))]
        # output columns
        out = []
        for c in cols:
            if c[0] == "star":
                for f in (combos[0] if combos else self.frames_shape(frm, outer)):
                    if c[1] is None or f[0] == c[1]:
                        for i, name in enumerate(f[1]):
                            out.append((name, ("col", f[0], name)))
            else:
                name = c[2] or (c[1][2] if c[1][0] == "col" else "expr")
                out.append((name, c[1]))
        aggregate = group is not None or any(self.has_agg(e) for _, e in out) or (having is not None)
        if aggregate:
            groups = {}
            for sc in scopes:
                key = tuple(sort_key(self.ev(g, sc)) for g in group) if group else ()
                groups.setdefault(key, []).append(sc)
            if not group and not groups:
                groups[()] = []
            rows = []
            for key, members in groups.items():
                rep = members[0] if members else Scope(self.null_frames(frm, outer), outer)
                gsc = Scope(rep.frames, outer, members)
                if having is not None and not truth(self.ev(having, gsc)):
                    continue
                rows.append((gsc, [self.ev(e, gsc) for _, e in out]))
        else:
            rows = [(sc, [self.ev(e, sc) for _, e in out]) for sc in scopes]
        if distinct:
            seen, uniq = set(), []
            for sc, vals in rows:
                k = tuple(sort_key(v) for v in vals)
                if k not in seen:
                    seen.add(k)
                    uniq.append((sc, vals))
            rows = uniq
        if order:
            names = [n for n, _ in out]

            def keyval(item, oe):
                sc, vals = item
                if oe[0] == "lit" and isinstance(oe[1], int):
                    return vals[oe[1] - 1]
                if oe[0] == "col" and oe[1] is None and oe[2] in names:
                    try:
                        return self.ev(oe, sc)
                    except SqlError:
                        return vals[names.index(oe[2])]
                return self.ev(oe, sc)

            for oe, desc in reversed(order):
                rows.sort(key=lambda it: sort_key(keyval(it, oe)), reverse=desc)
        vals = [v for _, v in rows]
        if limit is not None:
            lim = num(self.ev(limit, Scope([], outer)))
            off = num(self.ev(offset, Scope([], outer))) if offset is not None else 0
            vals = vals[off:off + lim] if lim >= 0 else vals[off:]
        return [n for n, _ in out], vals

    def frames_shape(self, frm, outer):
        return [(a, c, None) for a, c, _, _ in (self.source(ref, outer) for _, ref, _ in frm)]

    def null_frames(self, frm, outer):
        return self.frames_shape(frm, outer) if frm else []

    # -- statements
    def table(self, name):
        if name not in self.tables:
            raise SqlError("no such table: %s" % name)
        return self.tables[name]

    def touch(self, name):
        self.tables[name].pop("_idx", None)

    def coerce(self, t, i, v):
        typ = t["types"][i]
        if typ == "INTEGER" and isinstance(v, str) and re.fullmatch(r"\s*[-+]?\d+\s*", v):
            return int(v)
        if typ == "TEXT" and isinstance(v, int):
            return str(v)
        return v

    def check_unique(self, tname, rows):
        for t, c, unique in self.indexes.values():
            if t == tname and unique:
                i = self.tables[t]["cols"].index(c)
                vals = [r[i] for r in rows if r[i] is not None]
                if len(set(map(sort_key, vals))) != len(vals):
                    raise SqlError("UNIQUE constraint failed: %s.%s" % (t, c))

    def execute(self, st):
        k = st[0]
        if k == "select":
            return self.run_select(st)[1]
        if k == "create":
            if st[1] in self.tables:
                raise SqlError("table %s already exists" % st[1])
            self.tables[st[1]] = {"cols": [c for c, _ in st[2]], "types": [t for _, t in st[2]], "rows": []}
        elif k == "drop":
            self.table(st[1])
            del self.tables[st[1]]
            for n in [n for n, v in self.indexes.items() if v[0] == st[1]]:
                del self.indexes[n]
        elif k == "cindex":
            t = self.table(st[2])
            if st[3] not in t["cols"]:
                raise SqlError("no such column: %s" % st[3])
            if st[1] in self.indexes:
                raise SqlError("index %s already exists" % st[1])
            self.indexes[st[1]] = (st[2], st[3], st[4])
            try:
                self.check_unique(st[2], t["rows"])
            except SqlError:
                del self.indexes[st[1]]
                raise
            self.touch(st[2])
        elif k == "dindex":
            if st[1] not in self.indexes:
                raise SqlError("no such index: %s" % st[1])
            self.touch(self.indexes.pop(st[1])[0])
        elif k == "insert":
            t = self.table(st[1])
            cols = st[2] or t["cols"]
            for c in cols:
                if c not in t["cols"]:
                    raise SqlError("table %s has no column named %s" % (st[1], c))
            srcrows = [[self.ev(e, Scope([])) for e in r] for r in st[3]] if st[3] is not None else self.run_select(st[4])[1]
            new = []
            for vals in srcrows:
                if len(vals) != len(cols):
                    raise SqlError("%d values for %d columns" % (len(vals), len(cols)))
                row = [None] * len(t["cols"])
                for c, v in zip(cols, vals):
                    i = t["cols"].index(c)
                    row[i] = self.coerce(t, i, v)
                new.append(row)
            self.check_unique(st[1], t["rows"] + new)
            t["rows"].extend(new)
            self.touch(st[1])
        elif k == "update":
            t = self.table(st[1])
            idx = [(t["cols"].index(c), e) if c in t["cols"] else (_ for _ in ()).throw(SqlError("no such column: %s" % c))
                   for c, e in st[2]]
            newrows = []
            for r in t["rows"]:
                sc = Scope([(st[1], t["cols"], r)])
                if st[3] is None or truth(self.ev(st[3], sc)):
                    nr = list(r)
                    for i, e in idx:
                        nr[i] = self.coerce(t, i, self.ev(e, sc))
                    newrows.append(nr)
                else:
                    newrows.append(r)
            self.check_unique(st[1], newrows)
            t["rows"] = newrows
            self.touch(st[1])
        elif k == "delete":
            t = self.table(st[1])
            t["rows"] = [r for r in t["rows"]
                         if not (st[2] is None or truth(self.ev(st[2], Scope([(st[1], t["cols"], r)]))))]
            self.touch(st[1])
        elif k == "begin":
            if self.saved is not None:
                raise SqlError("cannot start a transaction within a transaction")
            self.saved = self.snapshot()
        elif k in ("commit", "rollback"):
            if self.saved is None:
                raise SqlError("cannot %s - no transaction is active" % k)
            if k == "rollback":
                self.restore(self.saved)
            self.saved = None
        return None

    def snapshot(self):
        return json.dumps({"tables": {n: {"cols": t["cols"], "types": t["types"], "rows": t["rows"]}
                                      for n, t in self.tables.items()},
                           "indexes": self.indexes})

    def restore(self, text):
        d = json.loads(text)
        self.tables = d["tables"]
        self.indexes = {n: tuple(v) for n, v in d["indexes"].items()}


def split_statements(src):
    toks = lex(src)
    stmts, cur = [], []
    for tok in toks:
        if tok == ("op", ";") or tok[0] == "eof":
            if cur:
                stmts.append(cur + [("eof", None)])
            cur = []
        else:
            cur.append(tok)
    return stmts


def main():
    db = sys.argv[1] if len(sys.argv) > 1 else None
    eng = Engine()
    if db and os.path.exists(db):
        eng.restore(open(db).read())
    out = sys.stdout
    src = sys.stdin.read()
    try:
        stmts = split_statements(src)
    except SqlError as e:
        out.write("error: %s\n" % e)
        return
    for toks in stmts:
        try:
            p = Parser(toks)
            st = p.statement()
            if p.peek()[0] != "eof":
                raise SqlError("near %r: syntax error" % (p.peek()[1],))
            rows = eng.execute(st)
            if rows is not None:
                for r in rows:
                    out.write("|".join(show(v) for v in r) + "\n")
                out.write("--\n")
            if db and st[0] == "commit":
                save(db, eng.snapshot())
        except SqlError as e:
            out.write("error: %s\n" % e)
        except RecursionError:
            out.write("error: expression too deep\n")
    if db:  # what was committed: a transaction still open at the end is lost
        save(db, eng.saved if eng.saved is not None else eng.snapshot())


def save(db, text):
    """Replace the database file atomically: a new file, flushed, renamed over the old one."""
    tmp = db + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, db)


if __name__ == "__main__":
    main()
