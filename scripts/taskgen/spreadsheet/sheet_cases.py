#!/usr/bin/env python3
"""Writes the hidden cases of one spreadsheet level: python3 sheet_cases.py LEVEL OUT.json
Each case is a command file and the output of the reference engine (sheet.py, next to this file).
Formulas are generated as trees; for everything but the structural edits, lookups, text and date
functions, the generator also evaluates the trees itself, from scratch at every print (a second,
independent evaluator: no caching, recursion, its own error rules), and refuses to write a case on
which the two disagree."""
import json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLS = "ABCDEF"
PREC = {"=": 0, "<>": 0, "<": 0, ">": 0, "<=": 0, ">=": 0, "&": 1, "+": 2, "-": 2, "*": 3, "/": 3}


class E(str):
    pass


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, E) or isinstance(v, str) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    s = "%.10g" % v
    return "0" if s == "-0" else s


class Gen:
    def __init__(self, r, level):
        self.r, self.level = r, level
        self.cells = {}     # name -> ("num", v) | ("text", s) | ("f", tree)

    def name(self):
        return self.r.choice(COLS) + str(self.r.randint(1, 10))

    def rng(self):
        a, b = sorted(self.r.sample(COLS, 2)) if self.r.random() < 0.6 else [self.r.choice(COLS)] * 2
        r1, r2 = sorted((self.r.randint(1, 10), self.r.randint(1, 10)))
        return "%s%d:%s%d" % (a, r1, b, r2)

    def tree(self, d):
        r, L = self.r, self.level
        if d <= 0 or r.random() < 0.3:
            k = r.random()
            if k < 0.4:
                return ("num", float(r.choice([r.randint(0, 99), r.randint(1, 9) / 4, r.randint(1, 999) / 100])))
            if L >= 2 and k < 0.5:
                return ("agg", r.choice(["SUM", "MIN", "MAX", "AVERAGE", "COUNT"]), self.rng())
            if L >= 3 and k < 0.58:
                return ("str", r.choice(["x", "ab", "Total", "", "n=3"]))
            return ("ref", self.name())
        k = r.random()
        if L >= 2 and k < 0.04:
            return ("call", r.choice(["FOO", "SUMM", "AVG"]), [self.tree(d - 1)])
        if L >= 2 and k < 0.07:
            return ("refbad", r.choice(["A0", "B100000"]))
        if L >= 3 and k < 0.2:
            return ("if", self.cond(d - 1), self.tree(d - 1), self.tree(d - 1))
        if L >= 3 and k < 0.27:
            return ("bin", "&", self.tree(d - 1), self.tree(d - 1))
        if k < 0.35:
            return ("neg", self.tree(d - 1))
        if k < 0.45:
            return ("paren", self.tree(d - 1))
        return ("bin", r.choice("+-*/" if L >= 2 else "+-*+-*/"), self.tree(d - 1), self.tree(d - 1))

    def cond(self, d):
        r = self.r
        k = r.random()
        if k < 0.5 or d <= 0:
            return ("bin", r.choice(["=", "<>", "<", ">", "<=", ">="]), self.tree(d - 1), self.tree(d - 1))
        if k < 0.8:
            return ("logic", r.choice(["AND", "OR"]), [self.cond(d - 1) for _ in range(r.randint(1, 3))])
        return ("logic", "NOT", [self.cond(d - 1)])

    def text(self, t):
        k = t[0]
        if k == "num":
            return fmt(t[1])
        if k == "str":
            return '"%s"' % t[1]
        if k == "ref":
            return t[1]
        if k == "refbad":
            return t[1]
        if k == "agg":
            return "%s(%s)" % (t[1], t[2])
        if k == "call":
            return "%s(%s)" % (t[1], ",".join(self.text(a) for a in t[2]))
        if k == "if":
            return "IF(%s,%s,%s)" % (self.text(t[1]), self.text(t[2]), self.text(t[3]))
        if k == "logic":
            return "%s(%s)" % (t[1], ",".join(self.text(a) for a in t[2]))
        if k == "neg":
            return "-" + self.atomtext(t[1])
        if k == "paren":
            return "(" + self.text(t[1]) + ")"
        p = PREC[t[1]]
        return self.wrap(t[2], p, False) + t[1] + self.wrap(t[3], p, True)

    def wrap(self, t, p, right):
        """A child's text, in parentheses only where precedence (left associativity) needs them."""
        s = self.text(t)
        q = PREC[t[1]] if t[0] == "bin" else 9
        return "(" + s + ")" if q < p or (right and q == p) else s

    def atomtext(self, t):
        s = self.text(t)
        return s if t[0] in ("num", "str", "ref", "refbad", "agg", "call", "if", "logic", "paren") else "(" + s + ")"

    # -- the independent evaluator --
    def value(self, name, seen):
        c = self.cells.get(name)
        if c is None:
            return None
        if c[0] != "f":
            return c[1]
        if name in seen:
            return E("#CYCLE!")
        return self.ev(c[1], seen | {name})

    def on_cycle(self, name):
        # a cell is on a cycle when it reaches itself through the references of its formula
        start = name
        todo, seen = list(self.refs(name)), set()
        while todo:
            x = todo.pop()
            if x == start:
                return True
            if x in seen:
                continue
            seen.add(x)
            todo.extend(self.refs(x))
        return False

    def refs(self, name):
        c = self.cells.get(name)
        if not c or c[0] != "f":
            return []
        out = []

        def walk(t):
            if t[0] == "ref":
                out.append(t[1])
            elif t[0] == "agg":
                out.extend(self.area(t[2]))
            for x in t[1:]:
                if isinstance(x, tuple):
                    walk(x)
                elif isinstance(x, list):
                    for y in x:
                        walk(y)
        walk(c[1])
        return out

    def area(self, rng):
        a, b = rng.split(":")
        return [c + str(n) for n in range(int(a[1:]), int(b[1:]) + 1) for c in COLS[COLS.index(a[0]):COLS.index(b[0]) + 1]]

    def cell(self, name):
        if self.on_cycle(name):
            return E("#CYCLE!")
        c = self.cells.get(name)
        if c is None:
            return None
        return self.ev(c[1], {name}) if c[0] == "f" else c[1]

    def get(self, name):
        v = self.cell(name)
        return 0.0 if v is None and name in self.cells else v

    def ev(self, t, seen):
        k = t[0]
        if k == "num" or k == "str":
            return t[1]
        if k == "paren":
            return self.ev(t[1], seen)
        if k == "ref":
            v = self.cell(t[1])
            return 0.0 if v is None else v
        if k == "refbad":
            return E("#REF!")
        if k == "call":
            return E("#NAME?")
        if k == "agg":
            vals = []
            for n in self.area(t[2]):
                v = self.cell(n)
                if isinstance(v, E):
                    return v
                if isinstance(v, float):
                    vals.append(v)
            f = t[1]
            if f == "SUM":
                return float(sum(vals))
            if f == "COUNT":
                return float(len(vals))
            if f == "AVERAGE":
                return sum(vals) / len(vals) if vals else E("#DIV/0!")
            return (min if f == "MIN" else max)(vals) if vals else 0.0
        if k == "neg":
            v = self.num(self.ev(t[1], seen))
            return v if isinstance(v, E) else -v
        if k == "if":
            c = self.ev(t[1], seen)
            if isinstance(c, E):
                return c
            if isinstance(c, str):
                return E("#VALUE!")
            return self.ev(t[2], seen) if c else self.ev(t[3], seen)
        if k == "logic":
            vals = []
            for a in t[2]:
                v = self.ev(a, seen)
                if isinstance(v, E):
                    return v
                if isinstance(v, str):
                    return E("#VALUE!")
                vals.append(bool(v))
            return not vals[0] if t[1] == "NOT" else (all(vals) if t[1] == "AND" else any(vals))
        op, a, b = t[1], self.ev(t[2], seen), self.ev(t[3], seen)
        for x in (a, b):
            if isinstance(x, E):
                return x
        if op == "&":
            return fmt(a) + fmt(b)
        if op in "+-*/":
            a, b = self.num(a), self.num(b)
            for x in (a, b):
                if isinstance(x, E):
                    return x
            if op == "/":
                return E("#DIV/0!") if b == 0 else a / b
            return a + b if op == "+" else a - b if op == "-" else a * b
        ra = 0 if isinstance(a, float) else 1 if isinstance(a, str) else 2
        rb = 0 if isinstance(b, float) else 1 if isinstance(b, str) else 2
        if ra != rb:
            x, y = ra, rb
        elif ra == 1:
            x, y = a.lower(), b.lower()
        else:
            x, y = a, b
        return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]

    def num(self, v):
        if isinstance(v, E):
            return v
        if isinstance(v, bool):
            return 1.0 if v else 0.0
        if isinstance(v, str):
            return E("#VALUE!")
        return v

    # -- case building --
    def setcell(self, lines, name, acyclic):
        r = self.r
        k = r.random()
        if k < 0.35:
            v = float(r.choice([r.randint(-20, 99), r.randint(1, 99) / 8]))
            self.cells[name] = ("num", v)
            lines.append("set %s %s" % (name, fmt(v)))
        elif self.level >= 3 and k < 0.42:
            s = r.choice(["apple", "Pear", "x y", "42abc", "Total"])
            self.cells[name] = ("text", s)
            lines.append("set %s %s" % (name, s))
        else:
            for _ in range(20):
                t = self.tree(r.randint(1, 3))
                old = self.cells.get(name)
                self.cells[name] = ("f", t)
                if not acyclic or not self.on_cycle(name):
                    break
                if old is None:
                    del self.cells[name]
                else:
                    self.cells[name] = old
            else:
                t = ("num", 1.0)
                self.cells[name] = ("f", t)
            lines.append("set %s =%s" % (name, self.text(t)))

    def printall(self, lines, want):
        lines.append("print A1:F10")
        for n in range(1, 11):
            want.append("\t".join(fmt(self.cell(c + str(n))) if (c + str(n)) in self.cells else "" for c in COLS))


def independent_case(level, r):
    g = Gen(r, level)
    lines, want = [], []
    for _ in range(r.randint(15, 40)):
        g.setcell(lines, g.name(), acyclic=level < 3 or r.random() < 0.9)
    g.printall(lines, want)
    if level >= 3:   # edits and recalculation
        for _ in range(r.randint(2, 5)):
            for _ in range(r.randint(1, 6)):
                n = g.name()
                if r.random() < 0.15 and n in g.cells:
                    del g.cells[n]
                    lines.append("clear %s" % n)
                else:
                    g.setcell(lines, n, acyclic=r.random() < 0.85)
            g.printall(lines, want)
    return lines, want


def reference(text):
    r = subprocess.run([sys.executable, os.path.join(HERE, "sheet.py")], input=text.encode(), stdout=subprocess.PIPE, check=True)
    return r.stdout.decode()


STRUCT = [  # level 4: hand-built structural scenarios, templates with random numbers
    lambda r: ["set A1 %d" % r.randint(1, 9), "set A2 %d" % r.randint(1, 9), "set A3 =A1+$A$2*A$1",
               "set B1 =SUM(A1:A3)", "copy A3 B4", "formula B4", "print B4", "copy A3:B3 C5", "formula C5", "formula D5",
               "print A1:D6", "insert row 2", "formula A4", "formula B2", "print A1:D7", "delete row 1", "formula A3",
               "formula B1", "print A1:D6", "insert col A", "formula B3", "print A1:E6", "delete col B", "formula A2",
               "formula B2", "print A1:D6"],
    lambda r: ["set A%d %d" % (i, r.randint(1, 50)) for i in range(1, 7)] +
              ["set B1 =A1*2", "copy B1 B2:B6".split(" ")[0] + " B1 B2", "copy B1:B2 B3", "copy B1:B4 C1",
               "set D1 =SUM(A2:A5)", "set D2 =AVERAGE($A$1:A3)", "delete row 3", "formula D1", "formula D2",
               "print A1:D6", "delete row 2", "delete row 2", "delete row 2", "formula D1", "print A1:D3",
               "copy D1 A1", "formula A1", "copy B1 A10", "formula A10"],
    lambda r: ["set A1 %s" % (r.randint(1, 99999) / 100), "set A2 =A1/7", "set A3 =-A1*1000", "set A4 =A1/100000",
               "format A1 0", "format A2 0.00", "format A3 #,##0", "format A4 0.0%", "print A1:A4",
               "format A2:A3 #,##0.000", "print A1:A4", "format A1:A4 general", "print A1:A4",
               "set B1 0.125", "format B1 0.00", "set B2 -0.004", "format B2 0.00", "set B3 2.5", "format B3 0",
               "set B4 1234567.891", "format B4 #,##0.00", "print B1:B4", "copy B1:B4 C1", "print C1:C4",
               "insert col B", "print A1:D4", "format A1 bogus"],
]

LEVEL5 = [
    lambda r: ["set A%d %s" % (i + 1, k) for i, k in enumerate(["apple", "pear", "fig", "kiwi", "plum"])] +
              ["set B%d %d" % (i + 1, r.randint(1, 99)) for i in range(5)] +
              ["set C1 =VLOOKUP(\"%s\",A1:B5,2)" % r.choice(["fig", "KIWI", "plum"]), "set C2 =VLOOKUP(\"nope\",A1:B5,2)",
               "set C3 =VLOOKUP(\"pear\",A1:B5,3)", "set C4 =MATCH(\"%s\",A1:A5)" % r.choice(["Fig", "pear"]),
               "set C5 =INDEX(A1:B5,%d,2)" % r.randint(1, 5), "set C6 =INDEX(A1:B5,6,1)", "set C7 =INDEX(B1:B5,MATCH(\"plum\",A1:A5))",
               "print C1:C7", "set B3 1000", "print C1:C7"],
    lambda r: ['set A1   Hello   World  ', 'set A2 =TRIM(A1)', 'set A3 =LEN(A2)&"/"&LEN(A1)', 'set A4 =UPPER(LEFT(A2,5))&LOWER(RIGHT(A2,3))',
               'set A5 =MID(A2,%d,%d)' % (r.randint(1, 5), r.randint(0, 6)), 'set A6 =CONCAT(A3,"-",1/4,"-",TRUE)',
               'set A7 =LEFT("abc",-1)', 'set A8 =RIGHT("abc",10)&MID("abc",5,2)', 'print A1:A8'],
    lambda r: ["set A1 =DATE(%d,%d,%d)" % (r.randint(1990, 2030), r.randint(1, 12), r.randint(1, 28)), "set A2 =A1+%d" % r.randint(1, 400),
               "set A3 =DATE(2024,14,1)", "set A4 =DATE(2023,3,0)", "format A1:A4 yyyy-mm-dd", "print A1:A4",
               "set B1 =YEAR(A2)*10000+MONTH(A2)*100+DAY(A2)", "set B2 =A2-A1", "set B3 =DATE(2000,1,1)", "print B1:B3"],
]


def perf_case(r):
    lines = ["set A1 %d" % r.randint(1, 9)]
    lines += ["set A%d =A%d+%d" % (i, i - 1, r.randint(1, 3)) for i in range(2, 50001)]
    lines += ["print A50000", "set C1 1", "set D1 =C1*2+SUM(A1:A3)"]
    for k in range(2000):
        lines += ["set C1 %d" % k, "print D1"]
    lines += ["set A1 0", "print A49999:A50000"]
    return lines


def main():
    level, out = int(sys.argv[1]), sys.argv[2]
    r = random.Random(7000 + level)
    cases = []
    n_ind = {1: 30, 2: 30, 3: 30, 4: 15, 5: 15}[level]
    for k in range(n_ind):
        lines, want = independent_case(min(level, 3), r)
        text = "\n".join(lines) + "\n"
        got = reference(text)
        if got != "".join(w + "\n" for w in want):
            sys.exit("case %d: the reference and the independent evaluator disagree:\n%s\n--- ref\n%s--- ind\n%s" % (k, text, got, "\n".join(want)))
        cases.append({"name": "sheet-%02d" % (k + 1), "input": text, "expect": got})
    extra = (STRUCT if level >= 4 else []) + (LEVEL5 if level >= 5 else [])
    for k, tmpl in enumerate(extra):
        for j in range(3):
            text = "\n".join(tmpl(r)) + "\n"
            cases.append({"name": "feature-%02d-%d" % (k + 1, j + 1), "input": text, "expect": reference(text)})
    if level >= 5:
        text = "\n".join(perf_case(r)) + "\n"
        cases.append({"name": "incremental-50000", "input": text, "expect": reference(text)})
    json.dump(cases, open(out, "w"), indent=0)


if __name__ == "__main__":
    main()
