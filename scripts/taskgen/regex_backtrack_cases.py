#!/usr/bin/env python3
"""Hidden cases of regex-engine/backrefs and regex-engine/perl-subset: random patterns and subjects,
answers from Python's re (search, spans of group 0 and every group)."""
import random, re, subprocess, sys
OUT, REF = sys.argv[1], sys.argv[2]

def gen(rng, level, depth=0):
    def atom():
        r = rng.random()
        if depth < 3 and r < 0.22:
            inner = gen(rng, level, depth + 1)
            kind = rng.random()
            if level >= 2 and kind < 0.15:
                return "(?P<g%d>%s)" % (rng.randint(0, 99), inner)
            if kind < 0.3:
                return "(?:%s)" % inner
            return "(%s)" % inner
        if level >= 2 and r < 0.3:
            return rng.choice(["(?=%s)" % rng.choice("abc"), "(?!%s)" % rng.choice("abc"), "(?<=%s)" % rng.choice(["a", "b", "ab", "[bc]"]),
                               "(?<!%s)" % rng.choice(["a", "c", "ba"]), r"\b", r"\B"])
        if r < 0.38:
            return "\\%d" % rng.randint(1, 3)
        if r < 0.5:
            return rng.choice(["[ab]", "[^a]", "[a-c]", "[^bc]", r"\d", r"\w", r"\s", ".", r"[\d_]", "[b-]"])
        if r < 0.55:
            return rng.choice(["^", "$"])
        return rng.choice("aabbcc1 _")
    items = []
    for _ in range(rng.randint(1, 4)):
        a = atom()
        if rng.random() < 0.35 and not a.startswith(("(?=", "(?!", "(?<", "\\b", "\\B", "^", "$")):
            a += rng.choice(["*", "+", "?", "{2}", "{1,3}", "{2,}", "*?", "+?", "??", "{1,2}?"])
        items.append(a)
    s = "".join(items)
    if rng.random() < 0.2:
        s += "|" + gen(rng, level, depth + 1)
    return s

def nullable_rep(p):
    """Skip patterns where a quantified piece can match empty (behaviour differs between engines)."""
    try:
        import sre_parse
        tree = sre_parse.parse(p)
    except Exception:
        return False
    def walk(t):
        for op, av in t:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                lo, hi, sub = av
                if sub.getwidth()[0] == 0:
                    return True
                if walk(sub):
                    return True
            elif name == "SUBPATTERN":
                if walk(av[-1]):
                    return True
            elif name == "BRANCH":
                if any(walk(x) for x in av[1]):
                    return True
            elif name in ("ASSERT", "ASSERT_NOT"):
                if walk(av[1]):
                    return True
        return False
    return walk(tree)

def answer(p, s):
    try:
        rx = re.compile(p.encode())
    except re.error:
        return "error"
    m = rx.search(s.encode())
    if not m:
        return "none"
    return " ".join("%d %d" % m.span(g) for g in range(rx.groups + 1))

import warnings
warnings.filterwarnings("ignore")
for task, level, n in (("backrefs", 1, 260), ("perl-subset", 2, 320)):
    rng = random.Random("brx" + task)
    lines, outs = [], []
    fixed = ["(a", "a)", "*a", "a**", "[b-a]", "(?P<x>a)(?P<x>b)", "\\9", "[abc", "(?<=a+)b", "a{3,1}", "\\q"] if level == 2 else ["(a", "a)", "*a", "a**", "[b-a]", "\\4(a)", "[abc", "a{3,1}", "\\q"]
    pats = []
    while len(pats) < n:
        p = gen(rng, level)
        if "(?P<" in p:
            names = re.findall(r"\(\?P<(g\d+)>", p)
            if len(set(names)) != len(names):
                continue
            if names and rng.random() < 0.5:
                p += "(?P=%s)" % rng.choice(names)
        if nullable_rep(p):
            continue
        try:
            re.compile(p)
        except re.error:
            if rng.random() < 0.9:
                continue
        pats.append(p)
    if level == 2:
        pats = ["(?i)" + p if rng.random() < 0.15 else p for p in pats]
    refpats = ["(a|b)\\1", "(\\w+) \\1", "(a+)b\\1", "((a)|b)+\\2", "(?:(a)|b)\\1c", "(a*?)b\\1", "([abc])([abc])\\2\\1",
               "(a|ab)(c|bcd)\\2", "^(\\w)\\w*\\1$", "(b+?)\\1+", "(.)(.)(.)\\3\\2\\1"]
    pats += fixed + refpats
    for p in pats:
        lines.append("P " + p)
        for j in range(6):
            s = "".join(rng.choice("aabbc1 _") for _ in range(rng.randint(0, 10)))
            if p in refpats and j < 4:  # subjects that contain a repeat, so the reference can match
                w = "".join(rng.choice("abc") for _ in range(rng.randint(1, 3)))
                s = rng.choice(["", "x", "c "]) + w + rng.choice(["", " ", "b"]) + w + rng.choice(["", "c", "cba"])
            if rng.random() < 0.2:
                s = s.upper()
            lines.append("S " + s)
            outs.append(answer(p, s))
    inp = "\n".join(lines) + "\n"
    got = subprocess.run([sys.executable, REF], input=inp.encode(), capture_output=True).stdout.decode().split("\n")[:-1]
    # report disagreements with the reference (they are bugs of the reference to fix)
    bad = 0
    cur = None
    k = 0
    for l in lines:
        if l.startswith("P "):
            cur = l[2:]
        else:
            if k >= len(got) or got[k] != outs[k]:
                bad += 1
                if bad <= 8:
                    print(task, "MISMATCH", repr(cur), repr(l[2:]), "want", outs[k], "got", got[k] if k < len(got) else None)
            k += 1
    print(task, len(pats), "patterns", len(outs), "subjects", bad, "mismatches")
    import os
    d = os.path.join(OUT, task, "tests")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "cases.in"), "w").write(inp)
    open(os.path.join(d, "cases.out"), "w").write("\n".join(outs) + "\n")
