#!/usr/bin/python3
"""cc: a compiler for a C subset, writing x86-64 assembly (AT&T syntax, GNU as).

Usage: cc FILE.c... writes FILE.s next to each FILE.c.  Errors: 'FILE:LINE: error: MESSAGE' on
standard error, no .s for that file, exit status 1 when any file failed.
Reference solution of the c-compiler task family."""
import os, sys

KEYWORDS = {"int", "char", "long", "void", "struct", "enum", "typedef", "sizeof", "return", "if", "else",
            "while", "for", "do", "switch", "case", "default", "break", "continue"}
PUNCT = ["<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=",
         "*=", "/=", "%=", "&=", "|=", "^="] + list("+-*/%&|^~!<>=?:;,.(){}[]#")
ESC = {"n": 10, "t": 9, "r": 13, "0": 0, "\\": 92, "'": 39, '"': 34, "a": 7, "b": 8, "f": 12, "v": 11}


class CError(Exception):
    def __init__(self, file, line, msg):
        Exception.__init__(self, "%s:%d: error: %s" % (file, line, msg))


class Tok:
    def __init__(self, kind, val, file, line, bol):
        self.kind, self.val, self.file, self.line, self.bol = kind, val, file, line, bol


def tokenize(src, file):
    toks, i, line, bol, n = [], 0, 1, True, len(src)

    def err(m):
        raise CError(file, line, m)

    def escape(j):
        c = src[j]
        if c == "x":
            k = j + 1
            while k < n and src[k] in "0123456789abcdefABCDEF":
                k += 1
            if k == j + 1:
                err("bad \\x escape")
            return int(src[j + 1:k], 16) & 255, k
        if c in "01234567":
            k = j
            while k < n and k < j + 3 and src[k] in "01234567":
                k += 1
            return int(src[j:k], 8) & 255, k
        if c not in ESC:
            err("unknown escape sequence '\\%s'" % c)
        return ESC[c], j + 1

    while i < n:
        c = src[i]
        if c == "\n":
            line += 1; bol = True; i += 1; continue
        if c in " \t\r\f\v":
            i += 1; continue
        if src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            if j < 0:
                err("unterminated comment")
            line += src.count("\n", i, j); i = j + 2; continue
        start = line
        if c.isdigit():
            j = i
            if src.startswith(("0x", "0X"), i):
                j = i + 2
                while j < n and src[j] in "0123456789abcdefABCDEF":
                    j += 1
                v = int(src[i + 2:j], 16) if j > i + 2 else err("bad number")
            else:
                while j < n and src[j].isdigit():
                    j += 1
                v = int(src[i:j], 8) if src[i] == "0" and j > i + 1 else int(src[i:j])
            islong = False
            while j < n and src[j] in "lL":
                j += 1; islong = True
            if j < n and (src[j].isalnum() or src[j] == "_"):
                err("invalid number")
            toks.append(Tok("num", (v, islong), file, start, bol)); i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            w = src[i:j]
            toks.append(Tok("kw" if w in KEYWORDS else "id", w, file, start, bol)); i = j
        elif c == "'":
            j = i + 1
            if j >= n or src[j] in "\n'":
                err("bad character constant")
            if src[j] == "\\":
                v, j = escape(j + 1)
            else:
                v, j = ord(src[j]) & 255, j + 1
            if j >= n or src[j] != "'":
                err("unterminated character constant")
            toks.append(Tok("num", (v - 256 if v > 127 else v, False), file, start, bol)); i = j + 1
        elif c == '"':
            j, s = i + 1, []
            while True:
                if j >= n or src[j] == "\n":
                    err("unterminated string literal")
                if src[j] == '"':
                    break
                if src[j] == "\\":
                    v, j = escape(j + 1); s.append(v)
                else:
                    s.extend(src[j].encode()); j += 1
            toks.append(Tok("str", bytes(s), file, start, bol)); i = j + 1
        else:
            for p in PUNCT:
                if src.startswith(p, i):
                    toks.append(Tok("p", p, file, start, bol)); i += len(p); break
            else:
                err("unexpected character '%s'" % c)
        bol = False
    toks.append(Tok("eof", None, file, toks[-1].line if toks else line, True))
    return toks


def preprocess(path, macros, depth=0):
    """Tokenize PATH, run #define/#include, expand object-like macros."""
    try:
        src = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        raise CError(path, 0, "cannot read file")
    toks, out, i = tokenize(src, path), [], 0
    while toks[i].kind != "eof":
        t = toks[i]
        if t.kind == "p" and t.val == "#" and t.bol:
            j = i + 1
            while not toks[j].bol:
                j += 1
            d = toks[i + 1:j]
            if not d:
                pass
            elif d[0].val == "define" and len(d) >= 2 and d[1].kind in ("id", "kw"):
                macros[d[1].val] = d[2:]
            elif d[0].val == "include" and len(d) == 2 and d[1].kind == "str":
                if depth > 20:
                    raise CError(t.file, t.line, "#include nested too deeply")
                inc = os.path.join(os.path.dirname(path), d[1].val.decode())
                if not os.path.isfile(inc):
                    raise CError(t.file, t.line, "cannot find include file \"%s\"" % d[1].val.decode())
                out.extend(preprocess(inc, macros, depth + 1))
            else:
                raise CError(t.file, t.line, "invalid preprocessor directive")
            i = j
            continue
        out.extend(expand(t, macros, set()))
        i += 1
    if depth == 0:
        out.append(toks[i])
    return out


def expand(t, macros, seen):
    if t.kind != "id" or t.val not in macros or t.val in seen:
        return [t]
    r = []
    for b in macros[t.val]:
        for e in expand(b, macros, seen | {t.val}):
            r.append(Tok(e.kind, e.val, t.file, t.line, False))
    return r


class Type:
    def __init__(self, kind, size=0, align=1, base=None, length=0):
        self.kind, self.size, self.align, self.base, self.length = kind, size, align, base, length
        self.members, self.complete, self.ret, self.params, self.variadic = {}, True, None, [], False

    def is_int(self):
        return self.kind in ("char", "int", "long")

    def is_ptr(self):
        return self.kind in ("ptr", "array")

    def __repr__(self):
        if self.kind == "ptr":
            return repr(self.base) + "*"
        if self.kind == "array":
            return "%r[%d]" % (self.base, self.length)
        return self.kind + (" " + self.tag if self.kind == "struct" else "")


CHAR, INT, LONG, VOID = Type("char", 1, 1), Type("int", 4, 4), Type("long", 8, 8), Type("void", 1, 1)


def ptr(t):
    return Type("ptr", 8, 8, t)


def array(t, n):
    return Type("array", t.size * n, t.align, t, n)


class Node:
    def __init__(self, kind, tok, ty=None, **kw):
        self.kind, self.tok, self.ty = kind, tok, ty
        self.__dict__.update(kw)


class Var:
    def __init__(self, name, ty, is_global, off=0):
        self.name, self.ty, self.is_global, self.off = name, ty, is_global, off
        self.init = None


def sx(v, size):
    bits = size * 8
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


class Parser:
    def __init__(self, toks, file):
        self.toks, self.i, self.file = toks, 0, file
        self.scopes = [{}]      # name -> Var | ("typedef", Type) | ("enum", value)
        self.tags = [{}]        # struct tag -> Type
        self.globals, self.funcs, self.strings = [], [], []
        self.fn = None
        self.loops = 0
        self.switches = []
        self.breakable = 0

    # tokens
    def peek(self, k=0):
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def err(self, msg, t=None):
        t = t or self.peek()
        raise CError(t.file, t.line, msg)

    def is_(self, v, k=0):
        t = self.peek(k)
        return t.kind in ("p", "kw") and t.val == v

    def accept(self, v):
        if self.is_(v):
            self.i += 1
            return True
        return False

    def expect(self, v):
        if not self.is_(v):
            t = self.peek()
            self.err("expected '%s' before %s" % (v, "end of file" if t.kind == "eof" else "'%s'" % (
                t.val.decode("latin-1") if t.kind == "str" else t.val[0] if t.kind == "num" else t.val)))
        self.i += 1

    def ident(self):
        t = self.peek()
        if t.kind != "id":
            self.err("expected an identifier")
        self.i += 1
        return t.val

    # scopes
    def lookup(self, name):
        for s in reversed(self.scopes):
            if name in s:
                return s[name]
        return None

    def declare(self, name, what, tok):
        if name in self.scopes[-1]:
            old = self.scopes[-1][name]
            if not (isinstance(old, Var) and old.ty.kind == "func" and isinstance(what, Var) and what.ty.kind == "func"):
                self.err("redefinition of '%s'" % name, tok)
        self.scopes[-1][name] = what

    def push(self):
        self.scopes.append({}); self.tags.append({})

    def pop(self):
        self.scopes.pop(); self.tags.pop()

    # types
    def is_typename(self, k=0):
        t = self.peek(k)
        if t.kind == "kw" and t.val in ("int", "char", "long", "void", "struct", "enum"):
            return True
        return t.kind == "id" and isinstance(self.lookup(t.val), tuple) and self.lookup(t.val)[0] == "typedef"

    def basetype(self):
        t = self.peek()
        if self.accept("int"):
            return INT
        if self.accept("char"):
            return CHAR
        if self.accept("void"):
            return VOID
        if self.accept("long"):
            self.accept("long"); self.accept("int")
            return LONG
        if self.accept("struct"):
            return self.struct_decl()
        if self.accept("enum"):
            return self.enum_decl()
        if t.kind == "id":
            d = self.lookup(t.val)
            if isinstance(d, tuple) and d[0] == "typedef":
                self.i += 1
                return d[1]
            self.err("unknown type name '%s'" % t.val)
        self.err("expected a type")

    def struct_decl(self):
        tok = self.peek()
        tag = self.ident() if self.peek().kind == "id" else None
        if tag and not self.is_("{"):
            for s in reversed(self.tags):
                if tag in s:
                    return s[tag]
            ty = Type("struct", 0, 1); ty.tag, ty.complete = tag, False
            self.tags[-1][tag] = ty
            return ty
        self.expect("{")
        ty = self.tags[-1].get(tag) if tag else None
        if ty is None or ty.complete:
            if ty is not None:
                self.err("redefinition of 'struct %s'" % tag, tok)
            ty = Type("struct", 0, 1); ty.tag = tag or "<anonymous>"
            if tag:
                self.tags[-1][tag] = ty
        off, align = 0, 1
        while not self.accept("}"):
            bt = self.basetype()
            while True:
                mtok = self.peek()
                mt, name = self.declarator(bt)
                if mt.kind == "void" or (mt.kind == "struct" and not mt.complete) or mt.size == 0 and mt.kind == "array":
                    self.err("member '%s' has incomplete type" % name, mtok)
                if name in ty.members:
                    self.err("duplicate member '%s'" % name, mtok)
                off = (off + mt.align - 1) // mt.align * mt.align
                ty.members[name] = (mt, off)
                off += mt.size
                align = max(align, mt.align)
                if not self.accept(","):
                    break
            self.expect(";")
        ty.size, ty.align, ty.complete = (off + align - 1) // align * align, align, True
        return ty

    def enum_decl(self):
        if self.peek().kind == "id":
            self.i += 1
        if self.accept("{"):
            v = 0
            while not self.accept("}"):
                tok = self.peek()
                name = self.ident()
                if self.accept("="):
                    v = self.const_expr()
                self.declare(name, ("enum", v), tok)
                v += 1
                if not self.accept(","):
                    self.expect("}")
                    break
        return INT

    def declarator(self, ty):
        while self.accept("*"):
            ty = ptr(ty)
        name = self.ident()
        return self.array_suffix(ty), name

    def array_suffix(self, ty):
        if not self.accept("["):
            return ty
        tok = self.peek()
        n = -1 if self.is_("]") else self.const_expr()
        if n == 0 or n < -1:
            self.err("array size must be positive", tok)
        self.expect("]")
        inner = self.array_suffix(ty)
        if inner.kind == "array" and inner.length < 0:
            self.err("array has incomplete element type", tok)
        if inner.kind == "void":
            self.err("declaration of array of void", tok)
        t = array(inner, max(n, 0))
        t.length = n
        return t

    def abstract_type(self):
        ty = self.basetype()
        while self.accept("*"):
            ty = ptr(ty)
        return self.array_suffix(ty)

    def const_expr(self):
        tok = self.peek()
        return self.eval(self.conditional(), tok)

    def eval(self, n, tok):
        k = n.kind
        if k == "num":
            return n.val
        if k == "cast":
            v = self.eval(n.a, tok)
            return sx(v, n.ty.size) if n.ty.is_int() else v
        if k in ("neg", "not", "bitnot"):
            v = self.eval(n.a, tok)
            return sx({"neg": -v, "not": int(not v), "bitnot": ~v}[k], n.ty.size)
        if k == "cond":
            return self.eval(n.b, tok) if self.eval(n.c, tok) else self.eval(n.e, tok)
        if k in ("and", "or"):
            a = self.eval(n.a, tok)
            if k == "and":
                return int(bool(a) and bool(self.eval(n.b, tok)))
            return int(bool(a) or bool(self.eval(n.b, tok)))
        if k in BINOPS:
            a, b = self.eval(n.a, tok), self.eval(n.b, tok)
            if k in ("div", "mod") and b == 0:
                self.err("division by zero in constant expression", tok)
            f = {"add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b,
                 "div": lambda: abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1),
                 "mod": lambda: a - abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1) * b,
                 "band": lambda: a & b, "bor": lambda: a | b, "bxor": lambda: a ^ b,
                 "shl": lambda: a << (b & 63), "shr": lambda: a >> (b & 63), "eq": lambda: int(a == b),
                 "ne": lambda: int(a != b), "lt": lambda: int(a < b), "le": lambda: int(a <= b)}[k]
            return sx(f(), n.ty.size if n.ty.is_int() else 8)
        self.err("expected a constant expression", tok)

    # top level
    def program(self):
        while self.peek().kind != "eof":
            if self.accept("typedef"):
                bt = self.basetype()
                self.typedef_rest(bt)
                continue
            tok = self.peek()
            bt = self.basetype()
            if self.accept(";"):
                continue
            ty, name = self.declarator(bt)
            if self.is_("("):
                self.function(ty, name, tok)
                continue
            while True:
                self.global_var(ty, name, tok)
                if not self.accept(","):
                    break
                tok = self.peek()
                ty, name = self.declarator(bt)
            self.expect(";")
        return self

    def typedef_rest(self, bt):
        while True:
            tok = self.peek()
            ty, name = self.declarator(bt)
            self.declare(name, ("typedef", ty), tok)
            if not self.accept(","):
                break
        self.expect(";")

    def global_var(self, ty, name, tok):
        if ty.kind == "void":
            self.err("variable '%s' declared void" % name, tok)
        v = Var(name, ty, True)
        if self.accept("="):
            v.init = self.initializer(v.ty, True)
            if v.ty.kind == "array" and v.ty.length < 0:
                v.ty = self.fix_length(v.ty, v.init)
        if (ty.kind == "struct" and not ty.complete) or (v.ty.kind == "array" and v.ty.length < 0):
            self.err("storage size of '%s' isn't known" % name, tok)
        self.declare(name, v, tok)
        self.globals.append(v)

    def fix_length(self, ty, init):
        n = len(init[1]) if init[0] == "list" else len(init[1]) + 1
        return array(ty.base, n)

    def function(self, ret, name, tok):
        self.expect("(")
        fty = Type("func"); fty.ret = ret
        params = []
        self.push()
        if self.is_("void") and self.is_(")", 1):
            self.i += 1
        while not self.accept(")"):
            if params or fty.variadic:
                if fty.variadic:
                    self.err("expected ')'")
                self.expect(",")
            if self.accept("..."):
                fty.variadic = True
                continue
            ptok = self.peek()
            bt = self.basetype()
            while self.accept("*"):
                bt = ptr(bt)
            pname = self.ident() if self.peek().kind == "id" else None
            pt = self.array_suffix(bt)
            if pt.kind == "array":
                pt = ptr(pt.base)
            if pt.kind == "void":
                self.err("parameter has void type", ptok)
            if pt.kind == "struct":
                self.err("struct parameters are not supported (pass a pointer)", ptok)
            params.append((pname, pt, ptok))
        if len(params) > 6:
            self.err("functions take at most 6 parameters", tok)
        if ret.kind in ("struct", "array"):
            self.err("functions cannot return a struct or an array", tok)
        fty.params = [p[1] for p in params]
        old = self.scopes[0].get(name)
        if old is not None:
            if not isinstance(old, Var) or old.ty.kind != "func":
                self.err("'%s' redeclared as a different kind of symbol" % name, tok)
            if len(old.ty.params) != len(fty.params) or old.ty.variadic != fty.variadic:
                self.err("conflicting types for '%s'" % name, tok)
        fv = old if old is not None else Var(name, fty, True)
        self.scopes[0][name] = fv
        if self.accept(";"):
            self.pop()
            return
        if getattr(fv, "defined", False):
            self.err("redefinition of '%s'" % name, tok)
        fv.defined = True
        fv.ty = fty
        self.fn = Node("func", tok, name=name, ty=fty, locals_size=0, params=[])
        for pname, pt, ptok in params:
            if pname is None:
                self.err("parameter name omitted", ptok)
            self.fn.params.append(self.new_local(pname, pt, ptok))
        self.expect("{")
        self.fn.body = self.block_body()
        self.pop()
        self.funcs.append(self.fn)
        self.fn = None

    def new_local(self, name, ty, tok):
        if ty.kind == "void":
            self.err("variable '%s' declared void" % name, tok)
        if ty.kind == "struct" and not ty.complete:
            self.err("storage size of '%s' isn't known" % name, tok)
        f = self.fn
        f.locals_size = (f.locals_size + ty.size + ty.align - 1) // ty.align * ty.align
        v = Var(name, ty, False, f.locals_size)
        if name is not None:
            self.declare(name, v, tok)
        return v

    # statements
    def block_body(self):
        stmts = []
        while not self.accept("}"):
            if self.peek().kind == "eof":
                self.expect("}")
            stmts.append(self.stmt())
        return Node("block", None, stmts=stmts)

    def declaration(self):
        tok0 = self.peek()
        if self.accept("typedef"):
            self.typedef_rest(self.basetype())
            return Node("block", tok0, stmts=[])
        bt = self.basetype()
        stmts = []
        if self.accept(";"):
            return Node("block", tok0, stmts=[])
        while True:
            tok = self.peek()
            ty, name = self.declarator(bt)
            init = None
            if self.accept("="):
                init = self.initializer(ty, False)
                if ty.kind == "array" and ty.length < 0:
                    ty = self.fix_length(ty, init)
            if ty.kind == "array" and ty.length < 0:
                self.err("array size missing in '%s'" % name, tok)
            v = self.new_local(name, ty, tok)
            if init is not None:
                stmts.append(Node("init", tok, var=v, init=init))
            if not self.accept(","):
                break
        self.expect(";")
        return Node("block", tok0, stmts=stmts)

    def initializer(self, ty, const):
        """('expr', node|value) | ('list', [...]) | ('str', bytes)"""
        tok = self.peek()
        if ty.kind == "array":
            if self.peek().kind == "str" and ty.base.kind == "char":
                s = self.peek().val
                self.i += 1
                if ty.length >= 0 and len(s) > ty.length:
                    self.err("initializer-string for array is too long", tok)
                return ("str", s)
            self.expect("{")
            items = []
            while not self.accept("}"):
                if ty.length >= 0 and len(items) >= ty.length:
                    self.err("excess elements in array initializer")
                items.append(self.initializer(ty.base, const))
                if not self.accept(","):
                    self.expect("}")
                    break
            return ("list", items)
        if ty.kind == "struct" and not (not const and not self.is_("{")):
            self.expect("{")
            items, mems = [], list(ty.members.values())
            while not self.accept("}"):
                if len(items) >= len(mems):
                    self.err("excess elements in struct initializer")
                items.append(self.initializer(mems[len(items)][0], const))
                if not self.accept(","):
                    self.expect("}")
                    break
            return ("list", items)
        if const:
            if self.peek().kind == "str" and ty.kind == "ptr":
                s = self.peek().val
                self.i += 1
                return ("strptr", self.string_label(s))
            return ("expr", self.const_expr())
        return ("expr", self.convert(self.assign(), ty, tok))

    def string_label(self, s):
        self.strings.append(s)
        return ".LS%d" % (len(self.strings) - 1)

    def stmt(self):
        tok = self.peek()
        if self.is_typename() and not (self.peek().kind == "id" and self.is_(":", 1)):
            return self.declaration()
        if self.accept("{"):
            self.push()
            b = self.block_body()
            self.pop()
            return b
        if self.accept(";"):
            return Node("block", tok, stmts=[])
        if self.accept("return"):
            rt = self.fn.ty.ret
            if self.accept(";"):
                if rt.kind != "void":
                    self.err("return with no value in a function returning a value", tok)
                return Node("return", tok, e=None)
            e = self.expr()
            self.expect(";")
            if rt.kind == "void":
                self.err("return with a value in a void function", tok)
            return Node("return", tok, e=self.convert(e, rt, tok))
        if self.accept("if"):
            self.expect("(")
            c = self.scalar(self.expr(), tok)
            self.expect(")")
            t = self.stmt()
            e = self.stmt() if self.accept("else") else None
            return Node("if", tok, c=c, t=t, e=e)
        if self.accept("while"):
            self.expect("(")
            c = self.scalar(self.expr(), tok)
            self.expect(")")
            return Node("for", tok, init=None, c=c, inc=None, body=self.loop_body())
        if self.accept("do"):
            body = self.loop_body()
            self.expect("while")
            self.expect("(")
            c = self.scalar(self.expr(), tok)
            self.expect(")")
            self.expect(";")
            return Node("do", tok, c=c, body=body)
        if self.accept("for"):
            self.expect("(")
            self.push()
            init = None
            if self.is_typename():
                init = self.declaration()
            elif not self.accept(";"):
                init = Node("expr", tok, e=self.expr())
                self.expect(";")
            c = None if self.is_(";") else self.scalar(self.expr(), tok)
            self.expect(";")
            inc = None if self.is_(")") else self.expr()
            self.expect(")")
            body = self.loop_body()
            self.pop()
            return Node("for", tok, init=init, c=c, inc=inc, body=body)
        if self.accept("switch"):
            self.expect("(")
            e = self.expr()
            if not e.ty.is_int():
                self.err("switch quantity is not an integer", tok)
            self.expect(")")
            sw = Node("switch", tok, e=e, cases=[], default=None)
            self.switches.append(sw)
            self.breakable += 1
            sw.body = self.stmt()
            self.breakable -= 1
            self.switches.pop()
            return sw
        if self.accept("case") or self.is_("default"):
            if self.accept("default"):
                kind, v = "default", None
            else:
                kind, v = "case", self.const_expr()
            self.expect(":")
            if not self.switches:
                self.err("'%s' label not within a switch statement" % kind, tok)
            sw = self.switches[-1]
            label = Node("label", tok, id=None)
            if kind == "default":
                if sw.default is not None:
                    self.err("multiple default labels in one switch", tok)
                sw.default = label
            else:
                if any(c[0] == v for c in sw.cases):
                    self.err("duplicate case value", tok)
                sw.cases.append((v, label))
            if self.is_("}"):
                self.err("label at end of compound statement")
            return Node("block", tok, stmts=[label, self.stmt()])
        if self.accept("break"):
            if not self.breakable:
                self.err("break statement not within loop or switch", tok)
            self.expect(";")
            return Node("break", tok)
        if self.accept("continue"):
            if not self.loops:
                self.err("continue statement not within a loop", tok)
            self.expect(";")
            return Node("continue", tok)
        e = self.expr()
        self.expect(";")
        return Node("expr", tok, e=e)

    def loop_body(self):
        self.loops += 1; self.breakable += 1
        s = self.stmt()
        self.loops -= 1; self.breakable -= 1
        return s

    # expressions
    def expr(self):
        return self.assign()

    def scalar(self, e, tok):
        if not (e.ty.is_int() or e.ty.is_ptr()):
            self.err("used %s where a scalar is required" % ("void value" if e.ty.kind == "void" else "struct value"), tok)
        return e

    def convert(self, e, ty, tok):
        if ty.kind == "void":
            return e
        if ty.kind == "struct":
            if e.ty is not ty:
                self.err("incompatible types in assignment or initialization", tok)
            return e
        if ty.kind == "array":
            self.err("assignment to an array", tok)
        if e.ty.kind in ("void", "struct", "func"):
            self.err("incompatible types: cannot convert %s to %r" % (e.ty.kind, ty), tok)
        if ty.kind == "ptr":
            return e if e.ty.is_ptr() else Node("cast", tok, ty, a=e)
        if e.ty.kind == ty.kind:
            return e
        return Node("cast", tok, ty, a=e)

    def lvalue(self, e, tok, what="assignment"):
        if e.kind not in ("var", "deref", "member") or e.ty.kind == "array" or e.ty.kind == "func":
            self.err("lvalue required as %s" % what, tok)

    def assign(self):
        tok = self.peek()
        lhs = self.conditional()
        t = self.peek()
        if t.kind == "p" and t.val == "=":
            self.i += 1
            self.lvalue(lhs, t, "left operand of assignment")
            rhs = self.assign()
            return Node("assign", t, lhs.ty, a=lhs, b=self.convert(rhs, lhs.ty, t))
        if t.kind == "p" and t.val in ASSIGNOPS:
            self.i += 1
            self.lvalue(lhs, t, "left operand of assignment")
            rhs = self.assign()
            return self.opassign(lhs, ASSIGNOPS[t.val], rhs, t)
        return lhs

    def opassign(self, lhs, op, rhs, tok):
        probe = self.binary(op, Node("var", tok, lhs.ty, var=None), rhs, tok)
        scale = lhs.ty.base.size if lhs.ty.kind == "ptr" else 1
        return Node("opassign", tok, lhs.ty, a=lhs, b=rhs, op=op, opty=probe.ty, scale=scale)

    def conditional(self):
        tok = self.peek()
        c = self.logor()
        if not self.accept("?"):
            return c
        self.scalar(c, tok)
        b = self.expr()
        self.expect(":")
        e = self.conditional()
        if b.ty.is_int() and e.ty.is_int():
            ty = LONG if LONG in (b.ty, e.ty) or "long" in (b.ty.kind, e.ty.kind) else INT
            b, e = self.convert(b, ty, tok), self.convert(e, ty, tok)
        elif b.ty.is_ptr() or e.ty.is_ptr():
            p = b if b.ty.is_ptr() else e
            ty = ptr(p.ty.base)
        elif b.ty.kind == "void" and e.ty.kind == "void":
            ty = VOID
        elif b.ty.kind == "struct" and b.ty is e.ty:
            self.err("struct values in '?:' are not supported", tok)
        else:
            self.err("type mismatch in conditional expression", tok)
        return Node("cond", tok, ty, c=c, b=b, e=e)

    def logor(self):
        a = self.logand()
        while self.is_("||"):
            t = self.peek(); self.i += 1
            a = Node("or", t, INT, a=self.scalar(a, t), b=self.scalar(self.logand(), t))
        return a

    def logand(self):
        a = self.level(0)
        while self.is_("&&"):
            t = self.peek(); self.i += 1
            a = Node("and", t, INT, a=self.scalar(a, t), b=self.scalar(self.level(0), t))
        return a

    def level(self, k):
        if k == len(LEVELS):
            return self.cast()
        a = self.level(k + 1)
        while True:
            t = self.peek()
            if t.kind != "p" or t.val not in LEVELS[k]:
                return a
            self.i += 1
            a = self.binary(LEVELS[k][t.val], a, self.level(k + 1), t)

    def binary(self, op, a, b, tok):
        if op in ("gt", "ge"):
            return self.binary({"gt": "lt", "ge": "le"}[op], b, a, tok)
        at, bt = a.ty, b.ty
        if at.is_int() and bt.is_int():
            ty = LONG if "long" in (at.kind, bt.kind) else INT
            if op in ("shl", "shr"):
                ty = LONG if at.kind == "long" else INT
            if op in ("eq", "ne", "lt", "le"):
                return Node(op, tok, INT, a=a, b=b)
            return Node(op, tok, ty, a=a, b=b)
        if op in ("eq", "ne", "lt", "le") and (at.is_ptr() or bt.is_ptr()) and \
                (at.is_ptr() or at.is_int()) and (bt.is_ptr() or bt.is_int()):
            return Node(op, tok, INT, a=a, b=b)
        if op == "add" and at.is_int() and bt.is_ptr():
            a, b, at, bt = b, a, bt, at
        if op in ("add", "sub") and at.is_ptr() and bt.is_int():
            if at.base.kind == "void" or at.base.kind == "struct" and not at.base.complete:
                self.err("arithmetic on a pointer to an incomplete type", tok)
            return Node(op, tok, ptr(at.base), a=a, b=Node("mul", tok, LONG, a=b, b=num(at.base.size, tok)))
        if op == "sub" and at.is_ptr() and bt.is_ptr():
            if at.base.size != bt.base.size or at.base.kind != bt.base.kind:
                self.err("invalid operands to binary - (different pointer types)", tok)
            return Node("div", tok, LONG, a=Node("sub", tok, LONG, a=a, b=b), b=num(at.base.size, tok))
        self.err("invalid operands to binary operator", tok)

    def cast(self):
        if self.is_("(") and self.is_typename(1):
            tok = self.peek()
            self.i += 1
            ty = self.abstract_type()
            self.expect(")")
            if self.is_("{"):
                self.err("compound literals are not supported")
            e = self.cast()
            if ty.kind in ("struct", "array") or (e.ty.kind in ("struct", "void") and ty.kind != "void"):
                self.err("invalid cast", tok)
            return Node("cast", tok, ty, a=e)
        return self.unary()

    def unary(self):
        t = self.peek()
        if t.kind == "p" and t.val in ("-", "+", "!", "~", "*", "&", "++", "--"):
            self.i += 1
            e = self.cast()
            v = t.val
            if v in ("++", "--"):
                self.lvalue(e, t, "increment operand")
                self.scalar(e, t)
                return self.opassign(e, "add" if v == "++" else "sub", num(1, t), t)
            if v == "&":
                if e.kind not in ("var", "deref", "member") or e.ty.kind == "func":
                    self.err("lvalue required as unary '&' operand", t)
                return Node("addr", t, ptr(e.ty), a=e)
            if v == "*":
                if not e.ty.is_ptr():
                    self.err("invalid type argument of unary '*' (have '%r')" % e.ty, t)
                if e.ty.base.kind == "void":
                    self.err("dereferencing a 'void *' pointer", t)
                return Node("deref", t, e.ty.base, a=e)
            if v == "!":
                return Node("not", t, INT, a=self.scalar(e, t))
            if not e.ty.is_int():
                self.err("wrong type argument to unary '%s'" % v, t)
            ty = LONG if e.ty.kind == "long" else INT
            if v == "+":
                return self.convert(e, ty, t)
            return Node("neg" if v == "-" else "bitnot", t, ty, a=e)
        if self.accept("sizeof"):
            if self.is_("(") and self.is_typename(1):
                self.i += 1
                ty = self.abstract_type()
                self.expect(")")
            else:
                ty = self.unary().ty
            if ty.kind in ("void", "func") or ty.kind == "struct" and not ty.complete:
                self.err("invalid application of 'sizeof' to an incomplete type", t)
            return Node("num", t, LONG, val=ty.size)
        return self.postfix()

    def postfix(self):
        e = self.primary()
        while True:
            t = self.peek()
            if self.accept("["):
                idx = self.expr()
                self.expect("]")
                s = self.binary("add", e, idx, t)
                if not s.ty.is_ptr():
                    self.err("subscripted value is neither array nor pointer", t)
                e = Node("deref", t, s.ty.base, a=s)
            elif self.accept("."):
                e = self.member(e, t)
            elif self.accept("->"):
                if not e.ty.is_ptr():
                    self.err("invalid type argument of '->'", t)
                e = self.member(Node("deref", t, e.ty.base, a=e), t)
            elif t.kind == "p" and t.val in ("++", "--"):
                self.i += 1
                self.lvalue(e, t, "increment operand")
                self.scalar(e, t)
                op = self.opassign(e, "add" if t.val == "++" else "sub", num(1, t), t)
                e = Node("postinc", t, e.ty, a=op, delta=(-1 if t.val == "++" else 1) * op.scale)
            else:
                return e

    def member(self, e, t):
        name = self.ident()
        if e.ty.kind != "struct":
            self.err("request for member '%s' in something not a structure" % name, t)
        if not e.ty.complete:
            self.err("invalid use of incomplete type 'struct %s'" % e.ty.tag, t)
        if name not in e.ty.members:
            self.err("'struct %s' has no member named '%s'" % (e.ty.tag, name), t)
        mt, off = e.ty.members[name]
        return Node("member", t, mt, a=e, off=off)

    def primary(self):
        t = self.peek()
        if self.accept("("):
            e = self.expr()
            self.expect(")")
            return e
        if t.kind == "num":
            self.i += 1
            v, islong = t.val
            return Node("num", t, LONG if islong or not -2**31 <= v < 2**31 else INT, val=sx(v, 8))
        if t.kind == "str":
            s = bytearray(t.val)
            self.i += 1
            while self.peek().kind == "str":
                s += self.peek().val
                self.i += 1
            return Node("strlit", t, array(CHAR, len(s) + 1), label=self.string_label(bytes(s)))
        if t.kind == "id":
            self.i += 1
            if self.is_("("):
                return self.call(t)
            d = self.lookup(t.val)
            if d is None:
                self.err("'%s' undeclared" % t.val, t)
            if isinstance(d, tuple):
                if d[0] == "enum":
                    return Node("num", t, INT, val=d[1])
                self.err("unexpected type name '%s'" % t.val, t)
            if d.ty.kind == "func":
                self.err("function '%s' used as a value (function pointers are not supported)" % t.val, t)
            return Node("var", t, d.ty, var=d)
        self.err("expected an expression")

    def call(self, t):
        d = self.lookup(t.val)
        if d is None:
            self.err("implicit declaration of function '%s'" % t.val, t)
        if not isinstance(d, Var) or d.ty.kind != "func":
            self.err("called object '%s' is not a function" % t.val, t)
        self.expect("(")
        args = []
        while not self.accept(")"):
            if args:
                self.expect(",")
            args.append(self.assign())
        fty = d.ty
        if len(args) < len(fty.params) or len(args) > len(fty.params) and not fty.variadic:
            self.err("too %s arguments to function '%s'" % ("few" if len(args) < len(fty.params) else "many", t.val), t)
        if len(args) > 6:
            self.err("calls take at most 6 arguments", t)
        conv = []
        for k, a in enumerate(args):
            if k < len(fty.params):
                conv.append(self.convert(a, fty.params[k], t))
            else:
                if a.ty.kind in ("struct", "void"):
                    self.err("invalid argument to variadic function", t)
                conv.append(a)
        return Node("call", t, fty.ret, name=t.val, args=conv)


def num(v, tok):
    return Node("num", tok, LONG, val=v)


LEVELS = [{"|": "bor"}, {"^": "bxor"}, {"&": "band"}, {"==": "eq", "!=": "ne"},
          {"<": "lt", "<=": "le", ">": "gt", ">=": "ge"}, {"<<": "shl", ">>": "shr"},
          {"+": "add", "-": "sub"}, {"*": "mul", "/": "div", "%": "mod"}]
BINOPS = {"add", "sub", "mul", "div", "mod", "band", "bor", "bxor", "shl", "shr", "eq", "ne", "lt", "le"}
ASSIGNOPS = {"+=": "add", "-=": "sub", "*=": "mul", "/=": "div", "%=": "mod", "&=": "band", "|=": "bor",
             "^=": "bxor", "<<=": "shl", ">>=": "shr"}

class Gen:
    def __init__(self, p):
        self.p, self.out, self.nlabel, self.depth = p, [], 0, 0
        self.brk, self.cont = [], []

    def emit(self, s):
        self.out.append("\t" + s)

    def label(self):
        self.nlabel += 1
        return ".L%d" % self.nlabel

    def push(self):
        self.emit("pushq %rax"); self.depth += 1

    def pop(self, reg):
        self.emit("popq %" + reg); self.depth -= 1

    def run(self):
        o = self.out
        o.append("\t.data")
        for v in self.p.globals:
            o.append("\t.globl %s\n\t.align %d\n%s:" % (v.name, max(v.ty.align, 1), v.name))
            data = bytearray(v.ty.size)
            relocs = {}
            if v.init is not None:
                self.gdata(v.ty, v.init, data, 0, relocs)
            k = 0
            if not any(data) and not relocs:
                o.append("\t.zero %d" % max(len(data), 1)); k = len(data); data = b"\0"
            while k < len(data):
                if k in relocs:
                    o.append("\t.quad %s" % relocs[k]); k += 8
                else:
                    o.append("\t.byte %d" % data[k]); k += 1
            if not data:
                o.append("\t.zero 1")
        for n, s in enumerate(self.p.strings):
            o.append(".LS%d:\n\t.byte %s" % (n, ",".join(str(b) for b in bytes(s) + b"\0")))
        o.append("\t.text")
        for f in self.p.funcs:
            self.function(f)
        o.append('\t.section .note.GNU-stack,"",@progbits')
        return "\n".join(o) + "\n"

    def gdata(self, ty, init, data, off, relocs):
        kind, val = init
        if kind == "str":
            data[off:off + len(val)] = val
        elif kind == "list":
            if ty.kind == "array":
                for k, it in enumerate(val):
                    self.gdata(ty.base, it, data, off + k * ty.base.size, relocs)
            else:
                for it, (mt, moff) in zip(val, ty.members.values()):
                    self.gdata(mt, it, data, off + moff, relocs)
        elif kind == "strptr":
            relocs[off] = val
        else:
            data[off:off + ty.size] = (val & ((1 << (8 * ty.size)) - 1)).to_bytes(ty.size, "little")

    def function(self, f):
        o = self.out
        o.append("\t.globl %s\n%s:" % (f.name, f.name))
        self.emit("pushq %rbp"); self.emit("movq %rsp, %rbp")
        size = (f.locals_size + 15) // 16 * 16
        if size:
            self.emit("subq $%d, %%rsp" % size)
        regs = [("dil", "edi", "rdi"), ("sil", "esi", "rsi"), ("dl", "edx", "rdx"), ("cl", "ecx", "rcx"),
                ("r8b", "r8d", "r8"), ("r9b", "r9d", "r9")]
        for v, r in zip(f.params, regs):
            sz = v.ty.size
            self.emit("mov%s %%%s, -%d(%%rbp)" % ({1: "b", 4: "l", 8: "q"}[sz], r[{1: 0, 4: 1, 8: 2}[sz]], v.off))
        self.ret = ".Lret_" + f.name
        self.stmt(f.body)
        if f.name == "main":
            self.emit("movl $0, %eax")
        o.append(self.ret + ":")
        self.emit("movq %rbp, %rsp"); self.emit("popq %rbp"); self.emit("ret")

    # statements
    def stmt(self, n):
        k = n.kind
        if k == "block":
            for s in n.stmts:
                self.stmt(s)
        elif k == "expr":
            self.expr(n.e)
        elif k == "return":
            if n.e is not None:
                self.expr(n.e)
            self.emit("jmp " + self.ret)
        elif k == "init":
            self.local_init(n.var.ty, n.init, n.var.off)
        elif k == "if":
            els, end = self.label(), self.label()
            self.expr(n.c); self.emit("cmpq $0, %rax"); self.emit("je " + els)
            self.stmt(n.t); self.emit("jmp " + end)
            self.out.append(els + ":")
            if n.e:
                self.stmt(n.e)
            self.out.append(end + ":")
        elif k == "for":
            top, cont, end = self.label(), self.label(), self.label()
            if n.init:
                self.stmt(n.init)
            self.out.append(top + ":")
            if n.c:
                self.expr(n.c); self.emit("cmpq $0, %rax"); self.emit("je " + end)
            self.brk.append(end); self.cont.append(cont)
            self.stmt(n.body)
            self.brk.pop(); self.cont.pop()
            self.out.append(cont + ":")
            if n.inc:
                self.expr(n.inc)
            self.emit("jmp " + top)
            self.out.append(end + ":")
        elif k == "do":
            top, cont, end = self.label(), self.label(), self.label()
            self.out.append(top + ":")
            self.brk.append(end); self.cont.append(cont)
            self.stmt(n.body)
            self.brk.pop(); self.cont.pop()
            self.out.append(cont + ":")
            self.expr(n.c); self.emit("cmpq $0, %rax"); self.emit("jne " + top)
            self.out.append(end + ":")
        elif k == "switch":
            end = self.label()
            self.expr(n.e)
            for v, lab in n.cases:
                lab.id = self.label()
                v = sx(v, 8 if n.e.ty.kind == "long" else 4)
                self.emit(("movq $%d, %%rdi" if -2**31 <= v < 2**31 else "movabsq $%d, %%rdi") % v)
                self.emit("cmpq %rdi, %rax"); self.emit("je " + lab.id)
            if n.default:
                n.default.id = self.label()
                self.emit("jmp " + n.default.id)
            else:
                self.emit("jmp " + end)
            self.brk.append(end)
            self.stmt(n.body)
            self.brk.pop()
            self.out.append(end + ":")
        elif k == "label":
            self.out.append(n.id + ":")
        elif k == "break":
            self.emit("jmp " + self.brk[-1])
        elif k == "continue":
            self.emit("jmp " + self.cont[-1])
        else:
            raise AssertionError(k)

    def local_init(self, ty, init, off):
        kind, val = init
        if kind in ("list", "str"):
            for b in range(ty.size):
                self.emit("movb $0, -%d(%%rbp)" % (off - b))
            if kind == "str":
                for b, c in enumerate(val):
                    self.emit("movb $%d, -%d(%%rbp)" % (c, off - b))
            elif ty.kind == "array":
                for i, it in enumerate(val):
                    self.local_init(ty.base, it, off - i * ty.base.size)
            else:
                for it, (mt, moff) in zip(val, ty.members.values()):
                    self.local_init(mt, it, off - moff)
            return
        self.emit("leaq -%d(%%rbp), %%rax" % off)
        self.push()
        self.expr(val if ty.kind == "struct" else Node("cast", val.tok, ty, a=val) if ty.is_int() else val)
        self.store(ty)

    # expressions
    def addr(self, n):
        k = n.kind
        if k == "var":
            if n.var.is_global:
                self.emit("leaq %s(%%rip), %%rax" % n.var.name)
            else:
                self.emit("leaq -%d(%%rbp), %%rax" % n.var.off)
        elif k == "deref":
            self.expr(n.a)
        elif k == "member":
            self.addr(n.a)
            if n.off:
                self.emit("addq $%d, %%rax" % n.off)
        elif k == "strlit":
            self.emit("leaq %s(%%rip), %%rax" % n.label)
        else:
            raise AssertionError(k)

    def load(self, ty):
        if ty.kind in ("array", "struct"):
            return
        self.emit({1: "movsbq (%rax), %rax", 4: "movslq (%rax), %rax", 8: "movq (%rax), %rax"}[ty.size])

    def store(self, ty):
        self.pop("rdi")
        if ty.kind == "struct":
            for b in range(ty.size):
                self.emit("movb %d(%%rax), %%r8b" % b); self.emit("movb %%r8b, %d(%%rdi)" % b)
            self.emit("movq %rdi, %rax")
            return
        self.emit({1: "movb %al, (%rdi)", 4: "movl %eax, (%rdi)", 8: "movq %rax, (%rdi)"}[ty.size])

    def norm(self, ty):
        if ty.kind == "int":
            self.emit("movslq %eax, %rax")
        elif ty.kind == "char":
            self.emit("movsbq %al, %rax")

    def expr(self, n):
        k = n.kind
        if k == "num":
            if -2**31 <= n.val < 2**31:
                self.emit("movq $%d, %%rax" % n.val)
            else:
                self.emit("movabsq $%d, %%rax" % n.val)
        elif k in ("var", "deref", "member", "strlit"):
            self.addr(n)
            self.load(n.ty)
        elif k == "addr":
            self.addr(n.a)
        elif k == "assign":
            self.addr(n.a); self.push()
            self.expr(n.b)
            self.store(n.ty)
        elif k == "opassign":
            self.addr(n.a); self.push()
            self.load(n.a.ty); self.push()
            self.expr(n.b)
            if n.scale != 1:
                self.emit("imulq $%d, %%rax" % n.scale)
            self.emit("movq %rax, %rdi")
            self.pop("rax")
            self.arith(n.op, n.opty)
            self.norm(n.ty)
            self.store(n.ty)
        elif k == "postinc":
            self.expr(n.a)
            self.emit("addq $%d, %%rax" % n.delta)
            self.norm(n.ty)
        elif k == "cast":
            self.expr(n.a)
            if n.ty.kind == "void":
                return
            self.norm(n.ty)
        elif k == "call":
            for a in n.args:
                self.expr(a); self.push()
            regs = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"]
            for r in reversed(regs[:len(n.args)]):
                self.pop(r)
            pad = self.depth % 2
            if pad:
                self.emit("subq $8, %rsp")
            self.emit("movl $0, %eax")
            self.emit("call " + n.name)
            if pad:
                self.emit("addq $8, %rsp")
            if n.ty.is_int():
                self.norm(n.ty)
        elif k == "cond":
            els, end = self.label(), self.label()
            self.expr(n.c); self.emit("cmpq $0, %rax"); self.emit("je " + els)
            self.expr(n.b); self.emit("jmp " + end)
            self.out.append(els + ":")
            self.expr(n.e)
            self.out.append(end + ":")
        elif k in ("and", "or"):
            short, end = self.label(), self.label()
            jump = "je" if k == "and" else "jne"
            self.expr(n.a); self.emit("cmpq $0, %rax"); self.emit(jump + " " + short)
            self.expr(n.b); self.emit("cmpq $0, %rax"); self.emit(jump + " " + short)
            self.emit("movq $%d, %%rax" % (1 if k == "and" else 0)); self.emit("jmp " + end)
            self.out.append(short + ":")
            self.emit("movq $%d, %%rax" % (0 if k == "and" else 1))
            self.out.append(end + ":")
        elif k == "not":
            self.expr(n.a); self.emit("cmpq $0, %rax"); self.emit("sete %al"); self.emit("movzbq %al, %rax")
        elif k == "neg":
            self.expr(n.a); self.emit("negq %rax"); self.norm(n.ty)
        elif k == "bitnot":
            self.expr(n.a); self.emit("notq %rax"); self.norm(n.ty)
        else:
            self.expr(n.b); self.push()
            self.expr(n.a)
            self.pop("rdi")
            self.arith(k, n.ty)
            if k not in ("eq", "ne", "lt", "le"):
                self.norm(n.ty)

    def arith(self, k, ty):
        """rax = rax OP rdi"""
        e = self.emit
        if k in ("add", "sub", "band", "bor", "bxor"):
            e("%sq %%rdi, %%rax" % {"add": "add", "sub": "sub", "band": "and", "bor": "or", "bxor": "xor"}[k])
        elif k == "mul":
            e("imulq %rdi, %rax")
        elif k in ("div", "mod"):
            e("cqo"); e("idivq %rdi")
            if k == "mod":
                e("movq %rdx, %rax")
        elif k in ("shl", "shr"):
            e("movq %rdi, %rcx")
            if ty.kind == "int" and k == "shl":
                e("shll %cl, %eax")
            elif ty.kind == "int":
                e("sarl %cl, %eax")
            else:
                e("%sq %%cl, %%rax" % ("shl" if k == "shl" else "sar"))
        else:
            e("cmpq %rdi, %rax")
            e("set%s %%al" % {"eq": "e", "ne": "ne", "lt": "l", "le": "le"}[k])
            e("movzbq %al, %rax")


def compile_file(path):
    toks = preprocess(path, {})
    prog = Parser(toks, path).program()
    return Gen(prog).run()


def main():
    files = sys.argv[1:]
    if not files:
        sys.stderr.write("usage: cc FILE.c...\n")
        return 2
    status = 0
    for f in files:
        try:
            asm = compile_file(f)
        except CError as e:
            sys.stderr.write(str(e) + "\n"); status = 1; continue
        except RecursionError:
            sys.stderr.write("%s:0: error: program too deeply nested\n" % f); status = 1; continue
        out = f[:-2] + ".s" if f.endswith(".c") else f + ".s"
        with open(out, "w") as fh:
            fh.write(asm)
    return status


if __name__ == "__main__":
    sys.setrecursionlimit(20000)
    sys.exit(main())
