#!/usr/bin/env python3
"""brx: a backtracking regular-expression engine (reference solution, no `re`).
Reads 'P <pattern>' and 'S <subject>' lines; prints, per subject, the first match in Perl's
leftmost-first order with the spans of its groups, 'none', or 'error'."""
import sys

sys.setrecursionlimit(100000)


class Error(Exception):
    pass


WORD = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
DIGIT = set(b"0123456789")
SPACE = set(b" \t\n\r\f\v")
ALL = set(range(256))
CLASSES = {"d": DIGIT, "D": ALL - DIGIT, "w": WORD, "W": ALL - WORD, "s": SPACE, "S": ALL - SPACE}
LITERAL_ESC = set(b".[]()*+?{}|^$\\/-")


class Parser:
    def __init__(self, pat):
        self.p, self.i, self.ngroups, self.names, self.icase = pat, 0, 0, {}, False
        if pat.startswith(b"(?i)"):
            self.icase, self.i = True, 4
        self.refs = []
        self.open = set()

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.alt()
        if self.i != len(self.p):
            raise Error("unbalanced parenthesis")
        for r in self.refs:
            if r > self.ngroups:
                raise Error("invalid group reference")
        return node

    def alt(self):
        branches = [self.seq()]
        while self.peek() == ord("|"):
            self.i += 1
            branches.append(self.seq())
        return ("alt", branches) if len(branches) > 1 else branches[0]

    def seq(self):
        items = []
        while self.peek() is not None and self.peek() not in b"|)":
            atom = self.atom()
            atom = self.quant(atom)
            items.append(atom)
        return ("seq", items)

    def number(self):
        start = self.i
        while self.peek() is not None and self.peek() in DIGIT:
            self.i += 1
        return int(self.p[start:self.i]) if self.i > start else None

    def quant(self, atom):
        while True:
            c = self.peek()
            if c is None:
                return atom
            if c in b"*+?":
                self.i += 1
                lo, hi = {ord("*"): (0, None), ord("+"): (1, None), ord("?"): (0, 1)}[c]
            elif c == ord("{"):
                save = self.i
                self.i += 1
                lo = self.number()
                hi = lo
                if self.peek() == ord(","):
                    self.i += 1
                    hi = self.number()
                if self.peek() != ord("}") or lo is None:
                    self.i = save  # not a quantifier: a literal '{'
                    return atom
                self.i += 1
                if hi is not None and hi < lo:
                    raise Error("min repeat greater than max repeat")
            else:
                return atom
            if atom[0] in ("bol", "eol", "wordb", "nwordb", "look"):
                raise Error("nothing to repeat")
            if atom[0] == "rep":
                raise Error("multiple repeat")
            lazy = False
            if self.peek() == ord("?"):
                self.i += 1
                lazy = True
            atom = ("rep", atom, lo, hi, lazy)

    def atom(self):
        c = self.peek()
        self.i += 1
        if c == ord("("):
            if self.p[self.i:self.i + 1] == b"?":
                kind = self.p[self.i + 1:self.i + 2]
                if kind == b":":
                    self.i += 2
                    node = self.alt()
                    self.close()
                    return node
                if kind in (b"=", b"!"):
                    self.i += 2
                    node = self.alt()
                    self.close()
                    return ("look", node, kind == b"=", False, 0)
                if self.p[self.i + 1:self.i + 3] in (b"<=", b"<!"):
                    pos = self.p[self.i + 2:self.i + 3] == b"="
                    self.i += 3
                    node = self.alt()
                    self.close()
                    w = width(node)
                    if w is None:
                        raise Error("look-behind requires fixed-width pattern")
                    return ("look", node, pos, True, w)
                if kind == b"P" and self.p[self.i + 2:self.i + 3] == b"<":
                    end = self.p.find(b">", self.i + 3)
                    name = self.p[self.i + 3:end] if end >= 0 else b""
                    if end < 0 or not name or not all(ch in WORD for ch in name) or name[0] in DIGIT:
                        raise Error("bad group name")
                    if name in self.names:
                        raise Error("redefinition of group name")
                    self.i = end + 1
                    self.ngroups += 1
                    n = self.ngroups
                    self.names[name] = n
                    self.open.add(n)
                    node = self.alt()
                    self.close()
                    self.open.discard(n)
                    return ("group", n, node)
                if kind == b"P" and self.p[self.i + 2:self.i + 3] == b"=":
                    end = self.p.find(b")", self.i + 3)
                    name = self.p[self.i + 3:end] if end >= 0 else b""
                    if end < 0 or name not in self.names:
                        raise Error("unknown group name")
                    if self.names[name] in self.open:
                        raise Error("cannot refer to an open group")
                    self.i = end + 1
                    return ("ref", self.names[name])
                raise Error("unknown extension")
            self.ngroups += 1
            n = self.ngroups
            self.open.add(n)
            node = self.alt()
            self.close()
            self.open.discard(n)
            return ("group", n, node)
        if c == ord(")"):
            raise Error("unbalanced parenthesis")
        if c in b"*+?":
            raise Error("nothing to repeat")
        if c == ord("{"):
            save = self.i
            self.number()
            if self.peek() == ord(","):
                self.i += 1
                self.number()
            if self.peek() == ord("}") and self.i > save:
                raise Error("nothing to repeat")
            self.i = save
            return ("set", {c})
        if c == ord("."):
            return ("set", ALL - {10})
        if c == ord("^"):
            return ("bol",)
        if c == ord("$"):
            return ("eol",)
        if c == ord("["):
            return ("set", self.bracket())
        if c == ord("\\"):
            return self.escape()
        return ("set", {c})

    def close(self):
        if self.peek() != ord(")"):
            raise Error("missing ), unterminated subpattern")
        self.i += 1

    def escape(self):
        c = self.peek()
        if c is None:
            raise Error("bad escape (end of pattern)")
        self.i += 1
        if chr(c) in CLASSES:
            return ("set", CLASSES[chr(c)])
        if c == ord("b"):
            return ("wordb",)
        if c == ord("B"):
            return ("nwordb",)
        if c in DIGIT and c != ord("0"):
            n = c - 48
            if self.peek() is not None and self.peek() in DIGIT:
                n = n * 10 + self.peek() - 48
                self.i += 1
            if n > self.ngroups:
                raise Error("invalid group reference")
            if n in self.open:
                raise Error("cannot refer to an open group")
            return ("ref", n)
        if c == ord("n"):
            return ("set", {10})
        if c == ord("t"):
            return ("set", {9})
        if c in LITERAL_ESC:
            return ("set", {c})
        raise Error("bad escape \\%c" % c)

    def bracket(self):
        neg = False
        if self.peek() == ord("^"):
            neg = True
            self.i += 1
        items, first = set(), True
        while True:
            c = self.peek()
            if c is None:
                raise Error("unterminated character set")
            if c == ord("]") and not first:
                self.i += 1
                break
            first = False
            self.i += 1
            if c == ord("\\"):
                e = self.peek()
                if e is None:
                    raise Error("unterminated character set")
                self.i += 1
                if chr(e) in CLASSES:
                    items |= CLASSES[chr(e)]
                    continue
                lo = {ord("n"): 10, ord("t"): 9}.get(e, e)
                if e not in LITERAL_ESC and e not in (ord("n"), ord("t")):
                    raise Error("bad escape in set")
            else:
                lo = c
            if self.peek() == ord("-") and self.i + 1 < len(self.p) and self.p[self.i + 1] != ord("]"):
                self.i += 1
                hi = self.peek()
                self.i += 1
                if hi == ord("\\"):
                    hi = self.peek()
                    self.i += 1
                    if hi is None or chr(hi) in CLASSES:
                        raise Error("bad character range")
                if hi < lo:
                    raise Error("bad character range")
                items |= set(range(lo, hi + 1))
            else:
                items.add(lo)
        return ALL - items if neg else items


def width(node):
    """The fixed width of a node, or None."""
    k = node[0]
    if k == "set":
        return 1
    if k in ("bol", "eol", "wordb", "nwordb", "look"):
        return 0
    if k == "seq":
        ws = [width(x) for x in node[1]]
        return None if None in ws else sum(ws)
    if k == "alt":
        ws = {width(x) for x in node[1]}
        return ws.pop() if len(ws) == 1 and None not in ws else None
    if k == "group":
        return width(node[2])
    if k == "rep":
        w = width(node[1])
        return w * node[2] if w is not None and node[2] == node[3] else None
    return None


def fold(s):
    return {c for ch in s for c in (ch, ch ^ 32 if (65 <= ch <= 90 or 97 <= ch <= 122) else ch)}


class Matcher:
    def __init__(self, node, ngroups, icase):
        self.node, self.ngroups, self.icase = node, ngroups, icase
        if icase:
            self.node = self.fold(node)

    def fold(self, n):
        k = n[0]
        if k == "set":
            return ("set", fold(n[1]))
        if k in ("seq", "alt"):
            return (k, [self.fold(x) for x in n[1]])
        if k == "group":
            return ("group", n[1], self.fold(n[2]))
        if k == "rep":
            return ("rep", self.fold(n[1])) + n[2:]
        if k == "look":
            return ("look", self.fold(n[1])) + n[2:]
        return n

    def m(self, n, s, i, caps, k):
        """Match node n at s[i:], then call the continuation k(i, caps); return its result or None."""
        t = n[0]
        if t == "set":
            return k(i + 1, caps) if i < len(s) and s[i] in n[1] else None
        if t == "seq":
            items = n[1]

            def step(j, pos, c):
                if j == len(items):
                    return k(pos, c)
                return self.m(items[j], s, pos, c, lambda p2, c2: step(j + 1, p2, c2))
            return step(0, i, caps)
        if t == "alt":
            for b in n[1]:
                r = self.m(b, s, i, caps, k)
                if r is not None:
                    return r
            return None
        if t == "group":
            g = n[1]
            return self.m(n[2], s, i, caps, lambda j, c: k(j, c[:2 * g] + (i, j) + c[2 * g + 2:]))
        if t == "rep":
            _, body, lo, hi, lazy = n

            def rep(count, pos, c):
                def more():
                    if hi is not None and count >= hi:
                        return None
                    return self.m(body, s, pos, c, lambda j, c2: rep(count + 1, j, c2) if j != pos or count < lo else None)
                if count < lo:
                    return more()
                if lazy:
                    r = k(pos, c)
                    return r if r is not None else more()
                r = more()
                return r if r is not None else k(pos, c)
            return rep(0, i, caps)
        if t == "bol":
            return k(i, caps) if i == 0 else None
        if t == "eol":
            return k(i, caps) if i == len(s) or (i == len(s) - 1 and s[i] == 10) else None
        if t in ("wordb", "nwordb"):
            a = i > 0 and s[i - 1] in WORD
            b = i < len(s) and s[i] in WORD
            return k(i, caps) if (a != b) == (t == "wordb") else None
        if t == "ref":
            g = n[1]
            st, en = caps[2 * g], caps[2 * g + 1]
            if st < 0:
                return None
            sub = s[st:en]
            seg = s[i:i + len(sub)]
            if self.icase:
                ok = len(seg) == len(sub) and all(a == b or (a ^ 32 == b and chr(a).isalpha()) for a, b in zip(seg, sub))
            else:
                ok = seg == sub
            return k(i + len(sub), caps) if ok else None
        if t == "look":
            _, body, pos, behind, w = n
            start = i - w if behind else i
            if start < 0:
                r = None
            else:
                r = self.m(body, s, start, caps, lambda j, c: (c,) if (not behind or j == i) else None)
            if pos:
                return k(i, r[0]) if r is not None else None
            return k(i, caps) if r is None else None
        raise Error("bad node")

    def search(self, s):
        empty = (-1, -1) * (self.ngroups + 1)
        for start in range(len(s) + 1):
            r = self.m(self.node, s, start, empty, lambda j, c: (j, c))
            if r is not None:
                return start, r[0], r[1]
        return None


def main():
    rx = None
    inp = sys.stdin.buffer.read().split(b"\n")
    if inp and inp[-1] == b"":
        inp.pop()
    out = []
    for line in inp:
        if line.startswith(b"P "):
            try:
                p = Parser(line[2:])
                node = p.parse()
                rx = Matcher(node, p.ngroups, p.icase)
            except (Error, IndexError, TypeError):
                rx = "error"
        elif line.startswith(b"S "):
            if rx is None or rx == "error":
                out.append("error")
                continue
            r = rx.search(line[2:])
            if r is None:
                out.append("none")
            else:
                st, en, caps = r
                out.append(" ".join(str(v) for v in (st, en) + caps[2:]))
    sys.stdout.write("".join(o + "\n" for o in out))


if __name__ == "__main__":
    main()
