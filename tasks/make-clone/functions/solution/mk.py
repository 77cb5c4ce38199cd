#!/usr/bin/env python3
"""mk: a make clone (reference solution).  Usage: mk [-f FILE] [-n] [-s] [-k] [VAR=value ...] [TARGET ...]"""
import glob, os, subprocess, sys


class MakeError(Exception):
    pass


class Var:
    def __init__(self, value, recursive, origin="file"):
        self.value, self.recursive, self.origin = value, recursive, origin


class Rule:
    def __init__(self, targets, prereqs, recipe, pattern=False):
        self.targets, self.prereqs, self.recipe, self.pattern = targets, prereqs, recipe, pattern


def split_words(s):
    return s.split()


def find_close(s, i, open_c, close_c):
    depth = 1
    while i < len(s):
        if s[i] == open_c:
            depth += 1
        elif s[i] == close_c:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise MakeError("unterminated variable reference")


def split_args(s):
    """Split function arguments at top-level commas."""
    args, depth, cur = [], 0, ""
    for c in s:
        if c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
        if c == "," and depth == 0:
            args.append(cur)
            cur = ""
        else:
            cur += c
    args.append(cur)
    return args


def pat_match(pat, word):
    """The stem when word matches a %-pattern, else None."""
    if "%" not in pat:
        return "" if pat == word else None
    pre, suf = pat.split("%", 1)
    if len(word) >= len(pre) + len(suf) and word.startswith(pre) and word.endswith(suf):
        return word[len(pre):len(word) - len(suf)]
    return None


def pat_subst(pat, rep, word):
    stem = pat_match(pat, word)
    if stem is None:
        return word
    return rep.replace("%", stem, 1) if "%" in pat else rep


class Make:
    def __init__(self):
        self.vars, self.rules, self.patterns, self.phony = {}, {}, [], set()
        self.default = None
        self.auto = {}
        self.dry = self.silent = self.keep = False

    # ---------------------------------------------------------- expansion
    def expand(self, s):
        out, i = [], 0
        while i < len(s):
            c = s[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            if i + 1 >= len(s):
                i += 1
                continue
            n = s[i + 1]
            if n == "$":
                out.append("$")
                i += 2
            elif n in "({":
                close = find_close(s, i + 2, n, ")" if n == "(" else "}")
                out.append(self.reference(s[i + 2:close]))
                i = close + 1
            else:
                out.append(self.lookup(n))
                i += 2
        return "".join(out)

    def lookup(self, name):
        if name in self.auto:
            return self.auto[name]
        if name in ("@D", "@F", "<D", "<F"):
            v = self.auto.get(name[0], "")
            return os.path.dirname(v) or "." if name[1] == "D" else os.path.basename(v)
        v = self.vars.get(name)
        if v is None:
            return os.environ.get(name, "") if name not in ("SHELL",) else "/bin/sh"
        return self.expand(v.value) if v.recursive else v.value

    def reference(self, body):
        # function call?
        for j, ch in enumerate(body):
            if ch in " \t":
                fname = body[:j]
                if fname in FUNCS:
                    return FUNCS[fname](self, body[j + 1:])
                break
            if ch in ":$(){}":
                break
        name = self.expand(body) if "$" in body else body
        # substitution reference $(VAR:a=b)
        if ":" in name and "=" in name.split(":", 1)[1]:
            var, rep = name.split(":", 1)
            a, b = rep.split("=", 1)
            if "%" not in a:
                a, b = "%" + a, "%" + b
            return " ".join(pat_subst(a, b, w) for w in self.lookup(var).split())
        return self.lookup(name)

    # ---------------------------------------------------------- parsing
    def read(self, path):
        try:
            text = open(path).read()
        except OSError:
            raise MakeError("%s: No such file or directory" % path)
        lines = text.split("\n")
        logical, i = [], 0
        while i < len(lines):
            line = lines[i]
            num = i + 1
            if not line.startswith("\t"):
                while line.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    line = line[:-1].rstrip() + " " + lines[i].lstrip()
            else:  # a recipe line: backslash-newline goes to the shell, one leading tab of the next line dropped
                while line.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    nxt = lines[i]
                    line = line + "\n" + (nxt[1:] if nxt.startswith("\t") else nxt)
            logical.append((num, line))
            i += 1
        self.parse(logical, path)

    def parse(self, lines, path):
        cond = []  # stack of [active, seen_true]
        rule = None
        for num, line in lines:
            active = all(c[0] for c in cond)
            if line.startswith("\t") and rule is not None and not self.cond_word(line):
                if active:
                    rule.recipe.append(line[1:])
                continue
            stripped = strip_comment(line).strip()
            word = stripped.split(None, 1)[0] if stripped else ""
            if word in ("ifeq", "ifneq", "ifdef", "ifndef"):
                val = self.cond_value(word, stripped[len(word):].strip()) if active else False
                cond.append([val, val])
                continue
            if word == "else":
                if not cond:
                    raise MakeError("%s:%d: extraneous 'else'" % (path, num))
                rest = stripped[4:].strip()
                parent = all(c[0] for c in cond[:-1])
                if rest:
                    w2 = rest.split(None, 1)[0]
                    val = (not cond[-1][1]) and parent and self.cond_value(w2, rest[len(w2):].strip())
                else:
                    val = not cond[-1][1]
                cond[-1][0] = val
                cond[-1][1] = cond[-1][1] or val
                continue
            if word == "endif":
                if not cond:
                    raise MakeError("%s:%d: extraneous 'endif'" % (path, num))
                cond.pop()
                continue
            if not active:
                continue
            if not stripped:
                continue
            if word in ("include", "-include"):
                for f in self.expand(stripped[len(word):]).split():
                    try:
                        self.read(f)
                    except MakeError:
                        if word == "include":
                            raise
                rule = None
                continue
            assign = self.assignment(stripped)
            if assign:
                rule = None
                continue
            if ":" in stripped:
                rule = self.rule_line(stripped, path, num)
                continue
            raise MakeError("%s:%d: *** missing separator.  Stop." % (path, num))
        if cond:
            raise MakeError("%s: missing 'endif'" % path)

    def cond_word(self, line):
        s = line.strip().split(None, 1)
        return bool(s) and s[0] in ("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif") and False

    def cond_value(self, word, rest):
        if word in ("ifdef", "ifndef"):
            name = self.expand(rest).strip()
            v = self.vars.get(name)
            defined = v is not None and v.value != ""
            return defined if word == "ifdef" else not defined
        if rest.startswith("("):
            inner = rest[1:rest.rindex(")")]
            a, b = split_args(inner) if inner.count(",") else (inner, "")
            a, b = self.expand(a).strip(), self.expand(b).strip()
        else:
            parts = []
            j = 0
            while j < len(rest):
                if rest[j] in "\"'":
                    k = rest.index(rest[j], j + 1)
                    parts.append(rest[j + 1:k])
                    j = k + 1
                else:
                    j += 1
            a, b = self.expand(parts[0]), self.expand(parts[1])
        return (a == b) if word == "ifeq" else (a != b)

    def assignment(self, s):
        for op in (":=", "::=", "?=", "+=", "="):
            pass
        # find the first '=' not inside a reference, and the operator before it
        depth = 0
        for i, c in enumerate(s):
            if c in "({":
                depth += 1
            elif c in ")}":
                depth -= 1
            elif depth == 0 and c == ":" and s[i + 1:i + 2] != "=":
                return False  # a rule
            elif depth == 0 and c == "=":
                op = "="
                name_end = i
                if i > 0 and s[i - 1] in ":?+":
                    op = s[i - 1] + "="
                    name_end = i - 1
                    if op == ":=" and i > 1 and s[i - 2] == ":":
                        name_end = i - 2
                name = self.expand(s[:name_end]).strip()
                if not name or " " in name:
                    return False
                value = s[i + 1:].lstrip()
                old = self.vars.get(name)
                if old is not None and old.origin == "command line":
                    return True
                if op == "=":
                    self.vars[name] = Var(value, True)
                elif op == ":=":
                    self.vars[name] = Var(self.expand(value), False)
                elif op == "?=":
                    if old is None:
                        self.vars[name] = Var(value, True)
                elif op == "+=":
                    if old is None:
                        self.vars[name] = Var(value, True)
                    elif old.recursive:
                        old.value = (old.value + " " + value) if old.value else value
                    else:
                        ev = self.expand(value)
                        old.value = (old.value + " " + ev) if old.value else ev
                return True
        return False

    def rule_line(self, s, path, num):
        recipe = []
        if ";" in s:
            s, r = s.split(";", 1)
            recipe.append(r.strip())
        # split at the first top-level ':'
        depth = 0
        for i, c in enumerate(s):
            if c in "({":
                depth += 1
            elif c in ")}":
                depth -= 1
            elif c == ":" and depth == 0:
                break
        targets = self.expand(s[:i]).split()
        rest = s[i + 1:]
        if ":" in rest:  # static pattern rule: targets: target-pattern: prereq-patterns
            tpat, ppat = rest.split(":", 1)
            tpat = self.expand(tpat).strip()
            ppats = self.expand(ppat).split()
            rule = Rule(targets, [], recipe)
            for t in targets:
                stem = pat_match(tpat, t)
                if stem is None:
                    raise MakeError("%s:%d: target '%s' doesn't match the target pattern" % (path, num, t))
                self.add_rule(Rule([t], [p.replace("%", stem, 1) for p in ppats], rule.recipe), stem)
            return rule
        prereqs = self.expand(rest).split()
        if not targets:
            raise MakeError("%s:%d: *** missing target" % (path, num))
        if any("%" in t for t in targets):
            rule = Rule(targets, prereqs, recipe, pattern=True)
            self.patterns.append(rule)
            return rule
        rule = Rule(targets, prereqs, recipe)
        for t in targets:
            if t == ".PHONY":
                self.phony.update(prereqs)
                continue
            if self.default is None and not t.startswith("."):
                self.default = t
            self.add_rule(Rule([t], prereqs, rule.recipe))
        return rule

    def add_rule(self, r, stem=None):
        t = r.targets[0]
        old = self.rules.get(t)
        if old is None:
            self.rules[t] = {"prereqs": list(r.prereqs), "recipe": r.recipe, "stem": stem}
        else:
            old["prereqs"] += [p for p in r.prereqs]
            if r.recipe and r.recipe is not old["recipe"]:
                if old["recipe"]:
                    sys.stderr.write("mk: warning: overriding recipe for target '%s'\n" % t)
                old["recipe"] = r.recipe
            if stem is not None:
                old["stem"] = stem

    # ---------------------------------------------------------- building
    def mtime(self, f):
        try:
            return os.stat(f).st_mtime_ns
        except OSError:
            return None

    def plan(self, t, stack):
        """The rule to build t: (prereqs, recipe, stem) or None when t is a plain file."""
        r = self.rules.get(t)
        if r is not None and (r["recipe"] or t in self.phony):
            return r["prereqs"], r["recipe"], r["stem"] or ""
        extra = r["prereqs"] if r else []
        for p in self.patterns:
            for tp in p.targets:
                stem = pat_match(tp, t)
                if stem is None:
                    continue
                pre = [x.replace("%", stem, 1) for x in p.prereqs]
                if all(self.mtime(x) is not None or x in self.rules or x in self.phony for x in pre):
                    return pre + extra, p.recipe, stem
        if r is not None:
            return r["prereqs"], r["recipe"], r["stem"] or ""
        return None

    def build(self, t, stack=()):
        """Bring t up to date; returns True when it was (re)made. Raises MakeError on failure."""
        if t in self.done:
            if self.done[t] == "failed":
                raise MakeError("")
            return self.done[t]
        if t in stack:
            sys.stderr.write("mk: Circular %s <- %s dependency dropped.\n" % (stack[-1], t))
            return False
        plan = self.plan(t, stack)
        if plan is None:
            if self.mtime(t) is None:
                self.done[t] = "failed"
                raise MakeError("No rule to make target '%s'%s" % (t, (", needed by '%s'" % stack[-1]) if stack else ""))
            self.done[t] = False
            return False
        prereqs, recipe, stem = plan
        failed = False
        remade = False
        for p in prereqs:
            try:
                remade |= self.build(p, stack + (t,))
            except MakeError as e:
                if not self.keep:
                    raise
                if str(e):
                    sys.stderr.write("mk: *** %s.\n" % e)
                failed = True
        if failed:
            self.done[t] = "failed"
            raise MakeError("")
        mt = self.mtime(t)
        newer = [p for p in prereqs if mt is None or (self.mtime(p) or 0) > mt or p in self.phony]
        need = t in self.phony or mt is None or bool(newer) or any(self.done.get(p) is True for p in prereqs)
        if not need:
            self.done[t] = False
            return False
        uniq = []
        for p in prereqs:
            if p not in uniq:
                uniq.append(p)
        self.auto = {"@": t, "<": prereqs[0] if prereqs else "", "^": " ".join(uniq), "+": " ".join(prereqs),
                     "?": " ".join(p for p in uniq if p in newer or mt is None), "*": stem}
        try:
            lines = [self.expand(l) for l in recipe]
        finally:
            pass
        for line in lines:
            for sub in [line]:
                silent, ignore = self.silent, False
                cmd = sub
                while cmd[:1] in ("@", "-", "+", " ", "\t"):
                    if cmd[0] == "@":
                        silent = True
                    elif cmd[0] == "-":
                        ignore = True
                    cmd = cmd[1:]
                if not cmd:
                    continue
                if self.dry or not silent:
                    sys.stdout.write(cmd + "\n")
                    sys.stdout.flush()
                if self.dry:
                    continue
                rc = subprocess.run(["/bin/sh", "-c", cmd]).returncode
                if rc != 0:
                    if ignore:
                        sys.stderr.write("mk: [%s] Error %d (ignored)\n" % (t, rc))
                        continue
                    self.done[t] = "failed"
                    raise MakeError("[%s] Error %d" % (t, rc))
        self.auto = {}
        self.done[t] = True
        return True


def strip_comment(line):
    out, i = [], 0
    while i < len(line):
        if line[i] == "\\" and line[i + 1:i + 2] == "#":
            out.append("#")
            i += 2
            continue
        if line[i] == "#":
            break
        out.append(line[i])
        i += 1
    return "".join(out)


# ---------------------------------------------------------- functions
def f_subst(m, a):
    frm, to, text = split_args(a)
    return m.expand(text).replace(m.expand(frm), m.expand(to))


def f_patsubst(m, a):
    p, r, text = split_args(a)
    p, r = m.expand(p).strip(), m.expand(r).strip()
    return " ".join(pat_subst(p, r, w) for w in m.expand(text).split())


def f_strip(m, a):
    return " ".join(m.expand(a).split())


def f_filter(m, a, keep=True):
    pats, text = split_args(a)
    pats = m.expand(pats).split()
    return " ".join(w for w in m.expand(text).split() if any(pat_match(p, w) is not None for p in pats) == keep)


def f_sort(m, a):
    return " ".join(sorted(set(m.expand(a).split())))


def f_word(m, a):
    n, text = split_args(a)
    ws = m.expand(text).split()
    n = int(m.expand(n))
    return ws[n - 1] if 0 < n <= len(ws) else ""


def f_words(m, a):
    return str(len(m.expand(a).split()))


def f_firstword(m, a):
    ws = m.expand(a).split()
    return ws[0] if ws else ""


def f_wildcard(m, a):
    out = []
    for p in m.expand(a).split():
        out += sorted(glob.glob(p))
    return " ".join(out)


def f_dir(m, a):
    return " ".join((os.path.dirname(w) + "/") if "/" in w else "./" for w in m.expand(a).split())


def f_notdir(m, a):
    return " ".join(w.rsplit("/", 1)[-1] for w in m.expand(a).split())


def f_suffix(m, a):
    out = []
    for w in m.expand(a).split():
        b = w.rsplit("/", 1)[-1]
        if "." in b:
            out.append("." + b.rsplit(".", 1)[1])
    return " ".join(out)


def f_basename(m, a):
    out = []
    for w in m.expand(a).split():
        d, _, b = w.rpartition("/")
        if "." in b:
            b = b.rsplit(".", 1)[0]
        out.append((d + "/" if d or w.startswith("/") else "") + b)
    return " ".join(out)


def f_addprefix(m, a):
    p, text = split_args(a)
    p = m.expand(p)
    return " ".join(p + w for w in m.expand(text).split())


def f_addsuffix(m, a):
    s, text = split_args(a)
    s = m.expand(s)
    return " ".join(w + s for w in m.expand(text).split())


def f_join(m, a):
    x, y = split_args(a)
    x, y = m.expand(x).split(), m.expand(y).split()
    n = max(len(x), len(y))
    return " ".join((x[i] if i < len(x) else "") + (y[i] if i < len(y) else "") for i in range(n))


def f_if(m, a):
    args = split_args(a)
    cond = m.expand(args[0].strip()).strip()
    if cond:
        return m.expand(args[1]) if len(args) > 1 else ""
    return m.expand(",".join(args[2:])) if len(args) > 2 else ""


def f_or(m, a):
    for x in split_args(a):
        v = m.expand(x).strip()
        if v:
            return v
    return ""


def f_and(m, a):
    v = ""
    for x in split_args(a):
        v = m.expand(x).strip()
        if not v:
            return ""
    return v


def f_foreach(m, a):
    var, lst, text = split_args(a)
    var = m.expand(var).strip()
    old = m.vars.get(var)
    out = []
    for w in m.expand(lst).split():
        m.vars[var] = Var(w, False)
        out.append(m.expand(text))
    if old is None:
        m.vars.pop(var, None)
    else:
        m.vars[var] = old
    return " ".join(out)


def f_shell(m, a):
    r = subprocess.run(["/bin/sh", "-c", m.expand(a)], stdout=subprocess.PIPE)
    return r.stdout.decode().rstrip("\n").replace("\n", " ")


def f_findstring(m, a):
    f, text = split_args(a)
    f = m.expand(f)
    return f if f in m.expand(text) else ""


def f_value(m, a):
    v = m.vars.get(m.expand(a).strip())
    return v.value if v else ""


def f_origin(m, a):
    name = m.expand(a).strip()
    v = m.vars.get(name)
    if v is not None:
        return v.origin
    return "environment" if name in os.environ else "undefined"


def f_error(m, a):
    raise MakeError("*** %s.  Stop." % m.expand(a))


FUNCS = {"subst": f_subst, "patsubst": f_patsubst, "strip": f_strip, "filter": f_filter,
         "filter-out": lambda m, a: f_filter(m, a, False), "sort": f_sort, "word": f_word, "words": f_words,
         "firstword": f_firstword, "wildcard": f_wildcard, "dir": f_dir, "notdir": f_notdir, "suffix": f_suffix,
         "basename": f_basename, "addprefix": f_addprefix, "addsuffix": f_addsuffix, "join": f_join, "if": f_if,
         "or": f_or, "and": f_and, "foreach": f_foreach, "shell": f_shell, "findstring": f_findstring,
         "value": f_value, "origin": f_origin, "error": f_error}


def main(argv):
    m = Make()
    goals, mfile = [], None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-f":
            mfile = argv[i + 1]
            i += 2
            continue
        if a.startswith("-") and len(a) > 1 and "=" not in a:
            for ch in a[1:]:
                if ch == "n":
                    m.dry = True
                elif ch == "s":
                    m.silent = True
                elif ch == "k":
                    m.keep = True
                else:
                    sys.stderr.write("mk: unknown option -%s\n" % ch)
                    return 2
        elif "=" in a:
            name, val = a.split("=", 1)
            m.vars[name.strip()] = Var(val, False, "command line")
        else:
            goals.append(a)
        i += 1
    try:
        if mfile is None:
            mfile = next((f for f in ("GNUmakefile", "makefile", "Makefile") if os.path.exists(f)), None)
            if mfile is None:
                raise MakeError("*** No targets specified and no makefile found.  Stop.")
        m.read(mfile)
        if not goals:
            if m.default is None:
                raise MakeError("*** No targets.  Stop.")
            goals = [m.default]
    except MakeError as e:
        sys.stderr.write("mk: %s\n" % e)
        return 2
    m.done = {}
    status = 0
    for g in goals:
        try:
            made = m.build(g)
            if not made:
                r = m.rules.get(g)
                if r is not None and not r["recipe"] and r["prereqs"] or g in m.phony:
                    print("mk: Nothing to be done for '%s'." % g)
                else:
                    print("mk: '%s' is up to date." % g)
        except MakeError as e:
            if str(e):
                sys.stderr.write("mk: *** %s\n" % e)
            status = 2
            if not m.keep:
                break
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
