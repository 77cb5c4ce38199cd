#!/usr/bin/env python3
"""Reference line calculator: 64-bit integers, variables, precedence, built-ins, exact errors."""
import sys

LO, HI = -(1 << 63), (1 << 63) - 1


class CalcError(Exception):
    pass


def tokenize(s):
    toks = []
    i = 0
    while i < len(s):
        c = s[i]
        if c in ' \t':
            i += 1
        elif c.isdigit() and c.isascii():
            j = i
            while j < len(s) and s[j].isdigit() and s[j].isascii():
                j += 1
            toks.append(('num', s[i:j])); i = j
        elif c.isascii() and (c.isalpha() or c == '_'):
            j = i
            while j < len(s) and s[j].isascii() and (s[j].isalnum() or s[j] == '_'):
                j += 1
            toks.append(('id', s[i:j])); i = j
        elif c in '+-*/%^(),=':
            toks.append((c, c)); i += 1
        else:
            raise CalcError('syntax')
    toks.append(('end', ''))
    return toks


class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self):
        return self.t[self.i][0]

    def take(self, kind=None):
        tok = self.t[self.i]
        if kind and tok[0] != kind:
            raise CalcError('syntax')
        self.i += 1
        return tok

    def statement(self):
        if self.peek() == 'id' and self.t[self.i + 1][0] == '=':
            name = self.take()[1]; self.take('=')
            e = self.expr()
            self.take('end')
            return ('set', name, e)
        e = self.expr()
        self.take('end')
        return e

    def expr(self):
        e = self.term()
        while self.peek() in '+-':
            op = self.take()[0]
            e = (op, e, self.term())
        return e

    def term(self):
        e = self.unary()
        while self.peek() in ('*', '/', '%'):
            op = self.take()[0]
            e = (op, e, self.unary())
        return e

    def unary(self):
        if self.peek() in ('-', '+'):
            op = self.take()[0]
            return ('neg' if op == '-' else 'pos', self.unary())
        return self.power()

    def power(self):
        b = self.primary()
        if self.peek() == '^':
            self.take()
            return ('^', b, self.unary())
        return b

    def primary(self):
        k = self.peek()
        if k == 'num':
            return ('num', self.take()[1])
        if k == 'id':
            name = self.take()[1]
            if self.peek() == '(':
                self.take()
                args = []
                if self.peek() != ')':
                    args.append(self.expr())
                    while self.peek() == ',':
                        self.take(); args.append(self.expr())
                self.take(')')
                return ('call', name, args)
            return ('var', name)
        if k == '(':
            self.take()
            e = self.expr()
            self.take(')')
            return e
        raise CalcError('syntax')


def chk(v):
    if v < LO or v > HI:
        raise CalcError('overflow')
    return v


def ipow(b, e):
    if e < 0:
        raise CalcError('negative exponent')
    if b in (0, 1):
        return 1 if e == 0 else b
    if b == -1:
        return 1 if e % 2 == 0 else -1
    r = 1
    for _ in range(e):
        r = chk(r * b)
    return r


FUNCS = {'abs': (1, 1), 'min': (1, None), 'max': (1, None)}


def ev(n, env):
    k = n[0]
    if k == 'num':
        return chk(int(n[1]))
    if k == 'var':
        if n[1] not in env:
            raise CalcError('undefined ' + n[1])
        return env[n[1]]
    if k == 'neg':
        return chk(-ev(n[1], env))
    if k == 'pos':
        return ev(n[1], env)
    if k == 'call':
        name, args = n[1], n[2]
        if name not in FUNCS:
            raise CalcError('undefined ' + name)
        lo, hi = FUNCS[name]
        if len(args) < lo or (hi is not None and len(args) > hi):
            raise CalcError('arity')
        vals = [ev(a, env) for a in args]
        if name == 'abs':
            return chk(abs(vals[0]))
        return min(vals) if name == 'min' else max(vals)
    a = ev(n[1], env)
    b = ev(n[2], env)
    if k == '+':
        return chk(a + b)
    if k == '-':
        return chk(a - b)
    if k == '*':
        return chk(a * b)
    if k in '/%':
        if b == 0:
            raise CalcError('division by zero')
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        return chk(q) if k == '/' else a - q * b
    if k == '^':
        return ipow(a, b)
    raise AssertionError(k)


def main():
    env = {}
    out = sys.stdout
    for line in sys.stdin:
        line = line.rstrip('\n').rstrip('\r')
        line = line.split('#', 1)[0]
        if not line.strip(' \t'):
            continue
        try:
            st = Parser(tokenize(line)).statement()
            if st[0] == 'set':
                v = ev(st[2], env)
                env[st[1]] = v
            else:
                v = ev(st, env)
            out.write('%d\n' % v)
        except CalcError as e:
            out.write('error: %s\n' % e)
    out.flush()


if __name__ == '__main__':
    main()
