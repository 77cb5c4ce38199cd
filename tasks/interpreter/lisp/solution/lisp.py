#!/usr/bin/env python3
"""Reference interpreter for the Lisp subset: proper tail calls, closures, deep recursion."""
import sys, threading


class LispError(Exception):
    pass


class Sym(str):
    pass


class Pair:
    __slots__ = ('car', 'cdr')

    def __init__(self, a, d):
        self.car, self.cdr = a, d


class Nil:
    def __repr__(self):
        return '()'


NIL = Nil()
SYMS = {}


def sym(s):
    if s not in SYMS:
        SYMS[s] = Sym(s)
    return SYMS[s]


class Str:
    __slots__ = ('s',)

    def __init__(self, s):
        self.s = s


class Proc:
    __slots__ = ('params', 'rest', 'body', 'env')

    def __init__(self, params, rest, body, env):
        self.params, self.rest, self.body, self.env = params, rest, body, env


class Builtin:
    __slots__ = ('f', 'name')

    def __init__(self, f, name):
        self.f, self.name = f, name


class Env:
    __slots__ = ('vars', 'parent')

    def __init__(self, vars, parent):
        self.vars, self.parent = vars, parent

    def find(self, name):
        e = self
        while e is not None:
            if name in e.vars:
                return e
            e = e.parent
        raise LispError('unbound variable: %s' % name)


# ---------------------------------------------------------------- reader
def tokenize(src):
    toks = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in ' \t\r\n':
            i += 1
        elif c == ';':
            while i < n and src[i] != '\n':
                i += 1
        elif c in "()'":
            toks.append(c); i += 1
        elif c == '"':
            j = i + 1
            out = []
            while True:
                if j >= n:
                    raise LispError('syntax error: unterminated string')
                d = src[j]
                if d == '"':
                    break
                if d == '\\':
                    j += 1
                    if j >= n:
                        raise LispError('syntax error: unterminated string')
                    e = src[j]
                    out.append({'n': '\n', 't': '\t', '\\': '\\', '"': '"'}.get(e))
                    if out[-1] is None:
                        raise LispError('syntax error: bad escape')
                else:
                    out.append(d)
                j += 1
            toks.append(Str(''.join(out)))
            i = j + 1
        else:
            j = i
            while j < n and src[j] not in ' \t\r\n();"\'':
                j += 1
            toks.append(src[i:j])
            i = j
    return toks


def atom(t):
    if isinstance(t, Str):
        return t
    try:
        if t.lstrip('+-').isdigit():
            return int(t)
    except ValueError:
        pass
    if t == '#t':
        return True
    if t == '#f':
        return False
    if t.startswith('#'):
        raise LispError('syntax error: bad token %s' % t)
    return sym(t)


def read_all(src):
    toks = tokenize(src)
    pos = 0

    def read():
        nonlocal pos
        if pos >= len(toks):
            raise LispError('syntax error: unexpected end of input')
        t = toks[pos]
        pos += 1
        if isinstance(t, Str):
            return t
        if t == "'":
            return Pair(sym('quote'), Pair(read(), NIL))
        if t == ')':
            raise LispError('syntax error: unexpected )')
        if t == '(':
            items = []
            tail = NIL
            while True:
                if pos >= len(toks):
                    raise LispError('syntax error: missing )')
                if toks[pos] == ')':
                    pos += 1
                    break
                if toks[pos] == '.' and items:
                    pos += 1
                    tail = read()
                    if pos >= len(toks) or toks[pos] != ')':
                        raise LispError('syntax error: bad dotted list')
                    pos += 1
                    break
                items.append(read())
            out = tail
            for x in reversed(items):
                out = Pair(x, out)
            return out
        return atom(t)

    forms = []
    while pos < len(toks):
        forms.append(read())
    return forms


# ---------------------------------------------------------------- printer
def show(x, write=False):
    if x is True:
        return '#t'
    if x is False:
        return '#f'
    if isinstance(x, int):
        return str(x)
    if isinstance(x, Str):
        if write:
            return '"' + x.s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'
        return x.s
    if x is NIL:
        return '()'
    if isinstance(x, Sym):
        return str(x)
    if isinstance(x, (Proc, Builtin)):
        return '#<procedure>'
    if isinstance(x, Pair):
        parts = []
        while isinstance(x, Pair):
            parts.append(show(x.car, write))
            x = x.cdr
        if x is not NIL:
            parts.append('.')
            parts.append(show(x, write))
        return '(' + ' '.join(parts) + ')'
    if x is None:
        return ''
    return repr(x)


def tolist(x):
    out = []
    while isinstance(x, Pair):
        out.append(x.car)
        x = x.cdr
    if x is not NIL:
        raise LispError('not a proper list')
    return out


def fromlist(xs, tail=NIL):
    out = tail
    for x in reversed(xs):
        out = Pair(x, out)
    return out


# ---------------------------------------------------------------- eval
S = {k: sym(k) for k in ['quote', 'if', 'define', 'lambda', 'let', 'let*', 'letrec', 'begin', 'cond', 'else',
                         'and', 'or', 'set!']}


def make_lambda(params, body, env):
    names = []
    rest = None
    p = params
    while isinstance(p, Pair):
        if not isinstance(p.car, Sym):
            raise LispError('bad parameter list')
        names.append(p.car)
        p = p.cdr
    if isinstance(p, Sym):
        rest = p
    elif p is not NIL:
        raise LispError('bad parameter list')
    if body is NIL:
        raise LispError('lambda: empty body')
    return Proc(names, rest, body, env)


def bind(proc, args):
    n = len(proc.params)
    if len(args) < n or (proc.rest is None and len(args) > n):
        raise LispError('wrong number of arguments: expected %d, got %d' % (n, len(args)))
    vs = dict(zip(proc.params, args))
    if proc.rest is not None:
        vs[proc.rest] = fromlist(args[n:])
    return Env(vs, proc.env)


def need(x, n, what):
    l = tolist(x)
    if len(l) not in (n if isinstance(n, tuple) else (n,)):
        raise LispError('bad %s form' % what)
    return l


def evaluate(x, env):
    while True:
        if isinstance(x, Sym):
            return env.find(x).vars[x]
        if not isinstance(x, Pair):
            if isinstance(x, (int, Str)) or x is True or x is False:
                return x
            if x is NIL:
                raise LispError('cannot evaluate ()')
            return x
        op = x.car
        if op is S['quote']:
            return need(x, 2, 'quote')[1]
        if op is S['if']:
            l = need(x, (3, 4), 'if')
            if evaluate(l[1], env) is not False:
                x = l[2]
            elif len(l) == 4:
                x = l[3]
            else:
                return False
            continue
        if op is S['define']:
            l = tolist(x)
            if len(l) < 3:
                raise LispError('bad define form')
            target = l[1]
            if isinstance(target, Pair):
                name = target.car
                if not isinstance(name, Sym):
                    raise LispError('bad define form')
                env.vars[name] = make_lambda(target.cdr, x.cdr.cdr, env)
            else:
                if not isinstance(target, Sym) or len(l) != 3:
                    raise LispError('bad define form')
                env.vars[target] = evaluate(l[2], env)
            return None
        if op is S['set!']:
            l = need(x, 3, 'set!')
            if not isinstance(l[1], Sym):
                raise LispError('bad set! form')
            e = env.find(l[1])
            e.vars[l[1]] = evaluate(l[2], env)
            return None
        if op is S['lambda']:
            if not isinstance(x.cdr, Pair):
                raise LispError('bad lambda form')
            return make_lambda(x.cdr.car, x.cdr.cdr, env)
        if op is S['begin']:
            body = x.cdr
            if body is NIL:
                return None
            while isinstance(body.cdr, Pair):
                evaluate(body.car, env)
                body = body.cdr
            x = body.car
            continue
        if op is S['let'] or op is S['let*'] or op is S['letrec']:
            if not isinstance(x.cdr, Pair) or x.cdr.cdr is NIL:
                raise LispError('bad let form')
            bindings = tolist(x.cdr.car)
            new = Env({}, env)
            for b in bindings:
                bl = tolist(b) if isinstance(b, Pair) else None
                if not bl or len(bl) != 2 or not isinstance(bl[0], Sym):
                    raise LispError('bad let binding')
                if op is S['let']:
                    new.vars[bl[0]] = evaluate(bl[1], env)
                elif op is S['let*']:
                    new = Env({bl[0]: evaluate(bl[1], new)}, new)
                else:
                    new.vars[bl[0]] = None
            if op is S['letrec']:
                for b in bindings:
                    bl = tolist(b)
                    new.vars[bl[0]] = evaluate(bl[1], new)
            env = Env({}, new) if op is S['let*'] else new
            body = x.cdr.cdr
            while isinstance(body.cdr, Pair):
                evaluate(body.car, env)
                body = body.cdr
            x = body.car
            continue
        if op is S['cond']:
            clauses = tolist(x.cdr)
            chosen = None
            for c in clauses:
                cl = tolist(c) if isinstance(c, Pair) else None
                if not cl:
                    raise LispError('bad cond clause')
                if cl[0] is S['else']:
                    chosen = cl[1:]
                    break
                v = evaluate(cl[0], env)
                if v is not False:
                    if len(cl) == 1:
                        return v
                    chosen = cl[1:]
                    break
            if chosen is None:
                return False
            if not chosen:
                return None
            for e in chosen[:-1]:
                evaluate(e, env)
            x = chosen[-1]
            continue
        if op is S['and'] or op is S['or']:
            items = tolist(x.cdr)
            if not items:
                return op is S['and']
            stop = False
            for e in items[:-1]:
                v = evaluate(e, env)
                if (v is False) == (op is S['and']):
                    return v
            x = items[-1]
            continue
        # application
        f = evaluate(op, env)
        args = []
        a = x.cdr
        while isinstance(a, Pair):
            args.append(evaluate(a.car, env))
            a = a.cdr
        if isinstance(f, Builtin):
            return f.f(*args) if f.name != 'apply' else apply_proc(args)
        if isinstance(f, Proc):
            env = bind(f, args)
            body = f.body
            while isinstance(body.cdr, Pair):
                evaluate(body.car, env)
                body = body.cdr
            x = body.car
            continue
        raise LispError('not a procedure: %s' % show(f, True))


def call(f, args):
    if isinstance(f, Builtin):
        return f.f(*args) if f.name != 'apply' else apply_proc(args)
    if isinstance(f, Proc):
        env = bind(f, args)
        body = f.body
        v = None
        while body is not NIL:
            v = evaluate(body.car, env)
            body = body.cdr
        return v
    raise LispError('not a procedure: %s' % show(f, True))


def apply_proc(args):
    if len(args) != 2:
        raise LispError('apply: expected 2 arguments')
    return call(args[0], tolist(args[1]))


# ---------------------------------------------------------------- builtins
OUT = []


def num(*xs):
    for x in xs:
        if not isinstance(x, int) or isinstance(x, bool):
            raise LispError('not a number: %s' % show(x, True))


def b_add(*a):
    num(*a); return sum(a)


def b_mul(*a):
    num(*a)
    r = 1
    for x in a:
        r *= x
    return r


def b_sub(*a):
    num(*a)
    if not a:
        raise LispError('-: needs at least 1 argument')
    if len(a) == 1:
        return -a[0]
    r = a[0]
    for x in a[1:]:
        r -= x
    return r


def arity(name, n, f):
    def g(*a):
        if len(a) != n:
            raise LispError('%s: expected %d argument(s), got %d' % (name, n, len(a)))
        return f(*a)
    return g


def quot(a, b):
    num(a, b)
    if b == 0:
        raise LispError('division by zero')
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def rem(a, b):
    return a - quot(a, b) * b


def modulo(a, b):
    num(a, b)
    if b == 0:
        raise LispError('division by zero')
    return a % b


def cmp(name, op):
    def f(*a):
        if len(a) < 2:
            raise LispError('%s: needs at least 2 arguments' % name)
        num(*a)
        return all(op(a[i], a[i + 1]) for i in range(len(a) - 1))
    return f


def car(p):
    if not isinstance(p, Pair):
        raise LispError('car: not a pair: %s' % show(p, True))
    return p.car


def cdr(p):
    if not isinstance(p, Pair):
        raise LispError('cdr: not a pair: %s' % show(p, True))
    return p.cdr


def is_eq(a, b):
    if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and not isinstance(b, bool):
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a is b


def is_equal(a, b):
    while isinstance(a, Pair) and isinstance(b, Pair):
        if not is_equal(a.car, b.car):
            return False
        a, b = a.cdr, b.cdr
    if isinstance(a, Str) and isinstance(b, Str):
        return a.s == b.s
    return is_eq(a, b)


def b_append(*ls):
    if not ls:
        return NIL
    out = ls[-1]
    for l in reversed(ls[:-1]):
        out = fromlist(tolist(l), out)
    return out


def b_display(x):
    OUT.append(show(x))
    return None


def b_write(x):
    OUT.append(show(x, True))
    return None


def b_length(l):
    return len(tolist(l))


def b_map(f, l):
    return fromlist([call(f, [x]) for x in tolist(l)])


def b_filter(f, l):
    return fromlist([x for x in tolist(l) if call(f, [x]) is not False])


def b_strapp(*a):
    for x in a:
        if not isinstance(x, Str):
            raise LispError('string-append: not a string')
    return Str(''.join(x.s for x in a))


def b_n2s(x):
    num(x)
    return Str(str(x))


def b_error(*a):
    raise LispError(' '.join(show(x) for x in a))


def is_list(x):
    while isinstance(x, Pair):
        x = x.cdr
    return x is NIL


def b_abs(x):
    num(x)
    return abs(x)


BUILTINS = {
    '+': b_add, '*': b_mul, '-': b_sub, 'quotient': arity('quotient', 2, quot), 'remainder': arity('remainder', 2, rem),
    'modulo': arity('modulo', 2, modulo), '=': cmp('=', lambda a, b: a == b), '<': cmp('<', lambda a, b: a < b),
    '>': cmp('>', lambda a, b: a > b), '<=': cmp('<=', lambda a, b: a <= b), '>=': cmp('>=', lambda a, b: a >= b),
    'abs': arity('abs', 1, b_abs),
    'not': arity('not', 1, lambda x: x is False), 'cons': arity('cons', 2, lambda a, b: Pair(a, b)),
    'car': arity('car', 1, car), 'cdr': arity('cdr', 1, cdr), 'list': lambda *a: fromlist(list(a)),
    'length': arity('length', 1, b_length), 'append': b_append,
    'reverse': arity('reverse', 1, lambda l: fromlist(tolist(l)[::-1])),
    'null?': arity('null?', 1, lambda x: x is NIL), 'pair?': arity('pair?', 1, lambda x: isinstance(x, Pair)),
    'list?': arity('list?', 1, is_list),
    'number?': arity('number?', 1, lambda x: isinstance(x, int) and not isinstance(x, bool)),
    'symbol?': arity('symbol?', 1, lambda x: isinstance(x, Sym)), 'string?': arity('string?', 1, lambda x: isinstance(x, Str)),
    'boolean?': arity('boolean?', 1, lambda x: isinstance(x, bool)),
    'procedure?': arity('procedure?', 1, lambda x: isinstance(x, (Proc, Builtin))),
    'zero?': arity('zero?', 1, lambda x: num(x) or x == 0),
    'eq?': arity('eq?', 2, is_eq), 'equal?': arity('equal?', 2, is_equal),
    'display': arity('display', 1, b_display), 'write': arity('write', 1, b_write),
    'newline': arity('newline', 0, lambda: OUT.append('\n')), 'apply': None,
    'map': arity('map', 2, b_map), 'filter': arity('filter', 2, b_filter), 'string-append': b_strapp,
    'number->string': arity('number->string', 1, b_n2s), 'error': b_error,
}


def run(src):
    env = Env({}, None)
    for k, f in BUILTINS.items():
        env.vars[sym(k)] = Builtin(f, k)
    status = 0
    try:
        forms = read_all(src)
        for f in forms:
            evaluate(f, env)
            if len(OUT) > 256:
                sys.stdout.write(''.join(OUT)); OUT.clear()
    except LispError as e:
        sys.stdout.write(''.join(OUT)); OUT.clear()
        sys.stdout.flush()
        sys.stderr.write('error: %s\n' % e)
        status = 1
    except RecursionError:
        sys.stdout.write(''.join(OUT)); OUT.clear()
        sys.stderr.write('error: recursion too deep\n')
        status = 1
    sys.stdout.write(''.join(OUT))
    sys.stdout.flush()
    return status


def main():
    if len(sys.argv) != 2:
        sys.stderr.write('usage: lisp FILE\n')
        sys.exit(2)
    with open(sys.argv[1], encoding='utf-8') as f:
        src = f.read()
    sys.setrecursionlimit(400000)
    threading.stack_size(1 << 29)
    res = []
    t = threading.Thread(target=lambda: res.append(run(src)))
    t.start()
    t.join()
    sys.exit(res[0] if res else 1)


if __name__ == '__main__':
    main()
