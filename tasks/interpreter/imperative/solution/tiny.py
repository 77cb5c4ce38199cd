#!/usr/bin/env python3
"""Reference interpreter for Tiny: a small imperative language with functions, closures,
arrays, strings and line-numbered errors."""
import sys, threading

LO, HI = -(1 << 63), (1 << 63) - 1


class TinyError(Exception):
    def __init__(self, line, msg, syntax=False):
        Exception.__init__(self, msg)
        self.line, self.msg, self.syntax = line, msg, syntax


# ------------------------------------------------------------------ lexer
KEYWORDS = {'let', 'fn', 'return', 'if', 'else', 'while', 'break', 'continue', 'true', 'false', 'nil'}
TWO = {'==', '!=', '<=', '>=', '&&', '||'}
ONE = set('+-*/%<>=!(){}[],;')


def lex(src):
    toks = []
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == '\n':
            line += 1; i += 1
        elif c in ' \t\r':
            i += 1
        elif src.startswith('//', i):
            while i < n and src[i] != '\n':
                i += 1
        elif c.isdigit() and c.isascii():
            j = i
            while j < n and src[j].isdigit() and src[j].isascii():
                j += 1
            if j < n and (src[j].isalpha() or src[j] == '_'):
                raise TinyError(line, 'bad number', True)
            v = int(src[i:j])
            if v > HI:
                raise TinyError(line, 'integer literal too large', True)
            toks.append(('int', v, line)); i = j
        elif c.isascii() and (c.isalpha() or c == '_'):
            j = i
            while j < n and src[j].isascii() and (src[j].isalnum() or src[j] == '_'):
                j += 1
            w = src[i:j]
            toks.append((w if w in KEYWORDS else 'id', w, line)); i = j
        elif c == '"':
            start = line
            j = i + 1
            out = []
            while True:
                if j >= n or src[j] == '\n':
                    raise TinyError(start, 'unterminated string', True)
                d = src[j]
                if d == '"':
                    break
                if d == '\\':
                    e = src[j + 1] if j + 1 < n else ''
                    m = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(e)
                    if m is None:
                        raise TinyError(line, 'bad escape', True)
                    out.append(m); j += 2
                else:
                    out.append(d); j += 1
            toks.append(('str', ''.join(out), line)); i = j + 1
        elif src[i:i + 2] in TWO:
            toks.append((src[i:i + 2], None, line)); i += 2
        elif c in ONE:
            toks.append((c, None, line)); i += 1
        else:
            raise TinyError(line, 'unexpected character %r' % c, True)
    last = toks[-1][2] if toks else 1
    toks.append(('eof', None, last))
    return toks


# ------------------------------------------------------------------ parser
class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0
        self.fn_depth = 0
        self.loop_depth = 0

    def peek(self, k=0):
        return self.t[self.i + k][0]

    def line(self):
        return self.t[self.i][2]

    def take(self, kind=None):
        tok = self.t[self.i]
        if kind is not None and tok[0] != kind:
            raise TinyError(tok[2], 'expected %s, found %s' % (kind, tok[0] if tok[0] != 'eof' else 'end of file'), True)
        self.i += 1
        return tok

    def program(self):
        out = []
        while self.peek() != 'eof':
            out.append(self.statement())
        return out

    def block(self):
        self.take('{')
        out = []
        while self.peek() != '}':
            if self.peek() == 'eof':
                self.take('}')
            out.append(self.statement())
        self.take('}')
        return out

    def statement(self):
        k = self.peek()
        ln = self.line()
        if k == 'let':
            self.take()
            name = self.take('id')[1]
            self.take('=')
            e = self.expr()
            self.take(';')
            return ('let', ln, name, e)
        if k == 'fn' and self.peek(1) == 'id':
            self.take()
            name = self.take('id')[1]
            f = self.func_rest(name, ln)
            return ('let', ln, name, f)
        if k == 'if':
            self.take()
            self.take('(')
            c = self.expr()
            self.take(')')
            then = self.block()
            els = None
            if self.peek() == 'else':
                self.take()
                if self.peek() == 'if':
                    els = [self.statement()]
                else:
                    els = self.block()
            return ('if', ln, c, then, els)
        if k == 'while':
            self.take()
            self.take('(')
            c = self.expr()
            self.take(')')
            self.loop_depth += 1
            body = self.block()
            self.loop_depth -= 1
            return ('while', ln, c, body)
        if k in ('break', 'continue'):
            self.take()
            if self.loop_depth == 0:
                raise TinyError(ln, '%s outside a loop' % k, True)
            self.take(';')
            return (k, ln)
        if k == 'return':
            self.take()
            if self.fn_depth == 0:
                raise TinyError(ln, 'return outside a function', True)
            e = None
            if self.peek() != ';':
                e = self.expr()
            self.take(';')
            return ('return', ln, e)
        if k == '{':
            return ('block', ln, self.block())
        e = self.expr()
        if self.peek() == '=':
            eqline = self.line()
            self.take()
            if e[0] not in ('var', 'index'):
                raise TinyError(eqline, 'invalid assignment target', True)
            v = self.expr()
            self.take(';')
            return ('assign', ln, e, v)
        self.take(';')
        return ('expr', ln, e)

    def func_rest(self, name, ln):
        self.take('(')
        params = []
        if self.peek() != ')':
            params.append(self.take('id')[1])
            while self.peek() == ',':
                self.take()
                params.append(self.take('id')[1])
        self.take(')')
        if len(set(params)) != len(params):
            raise TinyError(ln, 'duplicate parameter', True)
        saved = self.loop_depth
        self.loop_depth = 0
        self.fn_depth += 1
        body = self.block()
        self.fn_depth -= 1
        self.loop_depth = saved
        return ('fn', ln, name, params, body)

    # precedence climbing
    BIN = [('||',), ('&&',), ('==', '!='), ('<', '<=', '>', '>='), ('+', '-'), ('*', '/', '%')]

    def expr(self, level=0):
        if level == len(self.BIN):
            return self.unary()
        e = self.expr(level + 1)
        while self.peek() in self.BIN[level]:
            op, _, ln = self.take()
            r = self.expr(level + 1)
            e = (op, ln, e, r)
        return e

    def unary(self):
        if self.peek() in ('-', '!'):
            op, _, ln = self.take()
            return ('neg' if op == '-' else 'not', ln, self.unary())
        return self.postfix()

    def postfix(self):
        e = self.primary()
        while True:
            if self.peek() == '(':
                ln = self.take()[2]
                args = []
                if self.peek() != ')':
                    args.append(self.expr())
                    while self.peek() == ',':
                        self.take()
                        args.append(self.expr())
                self.take(')')
                e = ('call', ln, e, args)
            elif self.peek() == '[':
                ln = self.take()[2]
                idx = self.expr()
                self.take(']')
                e = ('index', ln, e, idx)
            else:
                return e

    def primary(self):
        k, v, ln = self.t[self.i]
        if k in ('int', 'str'):
            self.take()
            return ('const', ln, v)
        if k == 'true' or k == 'false':
            self.take()
            return ('const', ln, k == 'true')
        if k == 'nil':
            self.take()
            return ('const', ln, None)
        if k == 'id':
            self.take()
            return ('var', ln, v)
        if k == '(':
            self.take()
            e = self.expr()
            self.take(')')
            return e
        if k == '[':
            self.take()
            items = []
            if self.peek() != ']':
                items.append(self.expr())
                while self.peek() == ',':
                    self.take()
                    items.append(self.expr())
            self.take(']')
            return ('array', ln, items)
        if k == 'fn':
            self.take()
            return self.func_rest(None, ln)
        raise TinyError(ln, 'unexpected %s' % ('end of file' if k == 'eof' else repr(v if v is not None else k)), True)


# ------------------------------------------------------------------ runtime
class Scope:
    __slots__ = ('vars', 'parent')

    def __init__(self, parent):
        self.vars, self.parent = {}, parent

    def find(self, name):
        s = self
        while s is not None:
            if name in s.vars:
                return s
            s = s.parent
        return None


class Func:
    __slots__ = ('name', 'params', 'body', 'scope')

    def __init__(self, name, params, body, scope):
        self.name, self.params, self.body, self.scope = name, params, body, scope


class Builtin:
    __slots__ = ('name', 'f', 'nargs')

    def __init__(self, name, f, nargs):
        self.name, self.f, self.nargs = name, f, nargs


class Array:
    __slots__ = ('items',)

    def __init__(self, items):
        self.items = items


class ReturnSignal(Exception):
    def __init__(self, v):
        self.v = v


class BreakSignal(Exception):
    pass


class ContinueSignal(Exception):
    pass


def typename(v):
    if v is None:
        return 'nil'
    if v is True or v is False:
        return 'bool'
    if isinstance(v, int):
        return 'int'
    if isinstance(v, str):
        return 'string'
    if isinstance(v, Array):
        return 'array'
    return 'function'


def fmt(v, nested=False):
    t = typename(v)
    if t == 'nil':
        return 'nil'
    if t == 'bool':
        return 'true' if v else 'false'
    if t == 'int':
        return str(v)
    if t == 'string':
        if nested:
            return '"' + v.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'
        return v
    if t == 'array':
        return '[' + ', '.join(fmt(x, True) for x in v.items) + ']'
    name = v.name
    return '<fn %s>' % name if name else '<fn>'


OUT = []


class Interp:
    def __init__(self):
        self.builtins = Scope(None)
        self.glob = Scope(self.builtins)
        for name, f, n in [('print', self.b_print, None), ('len', self.b_len, 1), ('push', self.b_push, 2),
                           ('pop', self.b_pop, 1), ('str', self.b_str, 1), ('int', self.b_int, 1),
                           ('type', self.b_type, 1)]:
            self.builtins.vars[name] = Builtin(name, f, n)
        self.depth = 0

    def b_print(self, ln, *a):
        OUT.append(' '.join(fmt(x) for x in a) + '\n')
        if len(OUT) > 512:
            flush()
        return None

    def b_len(self, ln, x):
        if isinstance(x, str):
            return len(x)
        if isinstance(x, Array):
            return len(x.items)
        raise TinyError(ln, 'len: expected a string or an array, got %s' % typename(x))

    def b_push(self, ln, a, v):
        if not isinstance(a, Array):
            raise TinyError(ln, 'push: expected an array, got %s' % typename(a))
        a.items.append(v)
        return None

    def b_pop(self, ln, a):
        if not isinstance(a, Array):
            raise TinyError(ln, 'pop: expected an array, got %s' % typename(a))
        if not a.items:
            raise TinyError(ln, 'pop: empty array')
        return a.items.pop()

    def b_str(self, ln, x):
        return fmt(x)

    def b_int(self, ln, s):
        if typename(s) == 'int':
            return s
        if not isinstance(s, str):
            raise TinyError(ln, 'int: expected a string, got %s' % typename(s))
        t = s[1:] if s[:1] == '-' else s
        if not t or not all('0' <= ch <= '9' for ch in t):
            raise TinyError(ln, 'int: invalid number %r' % s)
        v = int(s)
        if v < LO or v > HI:
            raise TinyError(ln, 'integer overflow')
        return v

    def b_type(self, ln, x):
        return typename(x)

    # statements
    def run_block(self, stmts, scope):
        for s in stmts:
            self.stmt(s, scope)

    def stmt(self, s, scope):
        k = s[0]
        if k == 'expr':
            self.ev(s[2], scope)
        elif k == 'let':
            name = s[2]
            if name in scope.vars:
                raise TinyError(s[1], 'variable %s already declared in this scope' % name)
            if s[3][0] == 'fn':
                scope.vars[name] = None  # allow recursion
            v = self.ev(s[3], scope)
            scope.vars[name] = v
        elif k == 'assign':
            target = s[2]
            if target[0] == 'var':
                v = self.ev(s[3], scope)
                sc = scope.find(target[2])
                if sc is None:
                    raise TinyError(target[1], 'undefined variable %s' % target[2])
                sc.vars[target[2]] = v
            else:
                arr = self.ev(target[2], scope)
                idx = self.ev(target[3], scope)
                v = self.ev(s[3], scope)
                if not isinstance(arr, Array):
                    raise TinyError(target[1], 'cannot assign into %s' % typename(arr))
                self.check_index(target[1], arr.items, idx)
                arr.items[idx] = v
        elif k == 'if':
            if self.cond(s[2], scope):
                self.run_block(s[3], Scope(scope))
            elif s[4] is not None:
                self.run_block(s[4], Scope(scope))
        elif k == 'while':
            while self.cond(s[2], scope):
                try:
                    self.run_block(s[3], Scope(scope))
                except BreakSignal:
                    break
                except ContinueSignal:
                    continue
        elif k == 'block':
            self.run_block(s[2], Scope(scope))
        elif k == 'return':
            raise ReturnSignal(None if s[2] is None else self.ev(s[2], scope))
        elif k == 'break':
            raise BreakSignal()
        elif k == 'continue':
            raise ContinueSignal()

    def cond(self, e, scope):
        v = self.ev(e, scope)
        if v is not True and v is not False:
            raise TinyError(e[1], 'condition must be a bool, got %s' % typename(v))
        return v

    def check_index(self, ln, seq, idx):
        if typename(idx) != 'int':
            raise TinyError(ln, 'index must be an int, got %s' % typename(idx))
        if idx < 0 or idx >= len(seq):
            raise TinyError(ln, 'index %d out of range' % idx)

    def ev(self, e, scope):
        k = e[0]
        if k == 'const':
            return e[2]
        if k == 'var':
            sc = scope.find(e[2])
            if sc is None:
                raise TinyError(e[1], 'undefined variable %s' % e[2])
            return sc.vars[e[2]]
        if k == '&&' or k == '||':
            a = self.ev(e[2], scope)
            if a is not True and a is not False:
                raise TinyError(e[1], '%s expects bools, got %s' % (k, typename(a)))
            if (k == '&&') != a:
                return a
            b = self.ev(e[3], scope)
            if b is not True and b is not False:
                raise TinyError(e[1], '%s expects bools, got %s' % (k, typename(b)))
            return b
        if k in ('+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!='):
            a = self.ev(e[2], scope)
            b = self.ev(e[3], scope)
            return self.binop(k, e[1], a, b)
        if k == 'neg':
            v = self.ev(e[2], scope)
            if typename(v) != 'int':
                raise TinyError(e[1], 'unary - expects an int, got %s' % typename(v))
            return self.ck(e[1], -v)
        if k == 'not':
            v = self.ev(e[2], scope)
            if v is not True and v is not False:
                raise TinyError(e[1], '! expects a bool, got %s' % typename(v))
            return not v
        if k == 'array':
            return Array([self.ev(x, scope) for x in e[2]])
        if k == 'index':
            a = self.ev(e[2], scope)
            i = self.ev(e[3], scope)
            if isinstance(a, Array):
                self.check_index(e[1], a.items, i)
                return a.items[i]
            if isinstance(a, str):
                self.check_index(e[1], a, i)
                return a[i]
            raise TinyError(e[1], 'cannot index %s' % typename(a))
        if k == 'fn':
            return Func(e[2], e[3], e[4], scope)
        if k == 'call':
            f = self.ev(e[2], scope)
            args = [self.ev(x, scope) for x in e[3]]
            return self.call(e[1], f, args)
        raise AssertionError(k)

    def call(self, ln, f, args):
        if isinstance(f, Builtin):
            if f.nargs is not None and len(args) != f.nargs:
                raise TinyError(ln, '%s expects %d argument(s), got %d' % (f.name, f.nargs, len(args)))
            return f.f(ln, *args)
        if not isinstance(f, Func):
            raise TinyError(ln, 'cannot call %s' % typename(f))
        if len(args) != len(f.params):
            raise TinyError(ln, '%s expects %d argument(s), got %d' % (f.name or 'function', len(f.params), len(args)))
        self.depth += 1
        if self.depth > 20000:
            raise TinyError(ln, 'stack overflow')
        sc = Scope(f.scope)
        for p, a in zip(f.params, args):
            sc.vars[p] = a
        try:
            self.run_block(f.body, sc)
        except ReturnSignal as r:
            return r.v
        finally:
            self.depth -= 1
        return None

    def ck(self, ln, v):
        if v < LO or v > HI:
            raise TinyError(ln, 'integer overflow')
        return v

    def binop(self, op, ln, a, b):
        ta, tb = typename(a), typename(b)
        if op == '==' or op == '!=':
            if ta != tb:
                eq = False
            elif ta in ('array', 'function'):
                eq = a is b
            else:
                eq = a == b
            return eq if op == '==' else not eq
        if op == '+' and ta == 'string' and tb == 'string':
            return a + b
        if op in ('<', '<=', '>', '>=') and ta == tb and ta in ('int', 'string'):
            if ta == 'string':
                a, b = a.encode('utf-8'), b.encode('utf-8')
            return {'<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b}[op]
        if ta != 'int' or tb != 'int':
            raise TinyError(ln, 'operator %s cannot be applied to %s and %s' % (op, ta, tb))
        if op == '+':
            return self.ck(ln, a + b)
        if op == '-':
            return self.ck(ln, a - b)
        if op == '*':
            return self.ck(ln, a * b)
        if b == 0:
            raise TinyError(ln, 'division by zero')
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        if op == '/':
            return self.ck(ln, q)
        return a - q * b


def flush():
    sys.stdout.write(''.join(OUT))
    OUT.clear()
    sys.stdout.flush()


def run(src):
    try:
        prog = Parser(lex(src)).program()
    except TinyError as e:
        sys.stderr.write('error: line %d: syntax error: %s\n' % (e.line, e.msg))
        return 2
    it = Interp()
    try:
        it.run_block(prog, it.glob)
    except TinyError as e:
        flush()
        sys.stderr.write('error: line %d: %s\n' % (e.line, e.msg))
        return 1
    flush()
    return 0


def main():
    if len(sys.argv) != 2:
        sys.stderr.write('usage: tiny FILE\n')
        sys.exit(64)
    with open(sys.argv[1], encoding='utf-8') as f:
        src = f.read()
    sys.setrecursionlimit(1000000)
    threading.stack_size(1 << 29)
    res = []
    t = threading.Thread(target=lambda: res.append(run(src)))
    t.start()
    t.join()
    sys.exit(res[0] if res else 70)


if __name__ == '__main__':
    main()
