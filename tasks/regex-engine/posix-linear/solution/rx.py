#!/usr/bin/env python3
"""Reference POSIX-ERE-like engine: Thompson NFA, leftmost-longest, linear time.
Reads blocks of 'P <pattern>' / 'S <subject>' lines on stdin; one output line per S line."""
import sys

MODE = 'span'  # 'span' prints "START END" or "none"; 'bool' prints 1/0

class RxError(Exception):
    pass

CLASSES = {
    'alpha': lambda c: 65 <= c <= 90 or 97 <= c <= 122,
    'digit': lambda c: 48 <= c <= 57,
    'alnum': lambda c: 65 <= c <= 90 or 97 <= c <= 122 or 48 <= c <= 57,
    'upper': lambda c: 65 <= c <= 90,
    'lower': lambda c: 97 <= c <= 122,
    'space': lambda c: c in (32, 9, 10, 11, 12, 13),
    'blank': lambda c: c in (32, 9),
    'punct': lambda c: 33 <= c <= 126 and not (65 <= c <= 90 or 97 <= c <= 122 or 48 <= c <= 57),
    'xdigit': lambda c: 48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102,
    'cntrl': lambda c: c < 32 or c == 127,
    'print': lambda c: 32 <= c <= 126,
    'graph': lambda c: 33 <= c <= 126,
}
SPECIAL = b'.[]()*+?{}|^$\\'
DUP_MAX = 255

class Parser:
    def __init__(self, pat):
        self.p = pat
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.alt()
        if self.i != len(self.p):
            raise RxError('unmatched )')
        return node

    def alt(self):
        branches = [self.cat()]
        while self.peek() == ord('|'):
            self.i += 1
            branches.append(self.cat())
        return branches[0] if len(branches) == 1 else ('alt', branches)

    def cat(self):
        items = []
        while True:
            c = self.peek()
            if c is None or c == ord('|') or c == ord(')'):
                break
            atom = self.atom()
            while True:
                q = self.peek()
                if q == ord('*'):
                    self.i += 1; atom = ('rep', atom, 0, None)
                elif q == ord('+'):
                    self.i += 1; atom = ('rep', atom, 1, None)
                elif q == ord('?'):
                    self.i += 1; atom = ('rep', atom, 0, 1)
                elif q == ord('{'):
                    self.i += 1
                    lo, hi = self.bound()
                    atom = ('rep', atom, lo, hi)
                else:
                    break
            items.append(atom)
        if not items:
            return ('empty',)
        return items[0] if len(items) == 1 else ('cat', items)

    def number(self):
        s = self.i
        while self.peek() is not None and 48 <= self.peek() <= 57:
            self.i += 1
        if s == self.i:
            return None
        return int(self.p[s:self.i])

    def bound(self):
        lo = self.number()
        if lo is None:
            raise RxError('bad bound')
        hi = lo
        if self.peek() == ord(','):
            self.i += 1
            hi = self.number()
        if self.peek() != ord('}'):
            raise RxError('bad bound')
        self.i += 1
        if lo > DUP_MAX or (hi is not None and (hi > DUP_MAX or hi < lo)):
            raise RxError('bad bound')
        return lo, hi

    def atom(self):
        c = self.p[self.i]
        self.i += 1
        if c == ord('('):
            node = self.alt()
            if self.peek() != ord(')'):
                raise RxError('unmatched (')
            self.i += 1
            return ('group', node)
        if c in b'*+?{':
            raise RxError('nothing to repeat')
        if c == ord('.'):
            return ('set', bytes(1 for _ in range(256)))
        if c == ord('^'):
            return ('bol',)
        if c == ord('$'):
            return ('eol',)
        if c == ord('\\'):
            if self.i >= len(self.p):
                raise RxError('trailing backslash')
            d = self.p[self.i]
            self.i += 1
            if d not in SPECIAL:
                raise RxError('bad escape')
            return ('set', single(d))
        if c == ord('['):
            return self.bracket()
        return ('set', single(c))

    def bracket(self):
        m = bytearray(256)
        neg = False
        if self.peek() == ord('^'):
            neg = True; self.i += 1
        first = True
        while True:
            c = self.peek()
            if c is None:
                raise RxError('unterminated [')
            if c == ord(']') and not first:
                self.i += 1
                break
            first = False
            if c == ord('[') and self.i + 1 < len(self.p) and self.p[self.i + 1] == ord(':'):
                end = self.p.find(b':]', self.i + 2)
                if end < 0:
                    raise RxError('unterminated [')
                name = self.p[self.i + 2:end].decode('latin-1')
                if name not in CLASSES:
                    raise RxError('bad class')
                f = CLASSES[name]
                for k in range(256):
                    if f(k):
                        m[k] = 1
                self.i = end + 2
                continue
            self.i += 1
            if self.peek() == ord('-') and self.i + 1 < len(self.p) and self.p[self.i + 1] != ord(']'):
                d = self.p[self.i + 1]
                if d == ord('[') and self.i + 2 < len(self.p) and self.p[self.i + 2] == ord(':'):
                    raise RxError('bad range')
                self.i += 2
                if d < c:
                    raise RxError('bad range')
                for k in range(c, d + 1):
                    m[k] = 1
            else:
                m[c] = 1
        if neg:
            m = bytearray(1 - v for v in m)
            m[10] = 0
        return ('set', bytes(m))


def single(c):
    m = bytearray(256)
    m[c] = 1
    return bytes(m)

# Program: list of instructions
# ('char', mask, next) ('split', a, b) ('jmp', a) ('bol', next) ('eol', next) ('match',)

class Compiler:
    def __init__(self):
        self.prog = []

    def emit(self, ins):
        self.prog.append(list(ins))
        return len(self.prog) - 1

    # each compile returns (start, list of dangling (pc, slot)) - use explicit patching
    def comp(self, node):
        k = node[0]
        if k == 'set':
            pc = self.emit(['char', node[1], None])
            return pc, [(pc, 2)]
        if k == 'empty':
            pc = self.emit(['jmp', None])
            return pc, [(pc, 1)]
        if k == 'bol' or k == 'eol':
            pc = self.emit([k, None])
            return pc, [(pc, 1)]
        if k == 'group':
            return self.comp(node[1])
        if k == 'cat':
            start, outs = self.comp(node[1][0])
            for sub in node[1][1:]:
                s2, o2 = self.comp(sub)
                self.patch(outs, s2)
                outs = o2
            return start, outs
        if k == 'alt':
            starts, outs = [], []
            for sub in node[1]:
                s, o = self.comp(sub)
                starts.append(s); outs += o
            # chain of splits
            head = starts[-1]
            for s in reversed(starts[:-1]):
                head = self.emit(['split', s, head])
            return head, outs
        if k == 'rep':
            sub, lo, hi = node[1], node[2], node[3]
            parts = []  # list of (start, outs) fragments to concatenate
            start = None
            outs = None
            def chain(frag):
                nonlocal start, outs
                if start is None:
                    start, outs = frag
                else:
                    self.patch(outs, frag[0])
                    outs = frag[1]
            for _ in range(lo):
                chain(self.comp(sub))
            if hi is None:
                # star loop
                s, o = self.comp(sub)
                sp = self.emit(['split', s, None])
                self.patch(o, sp)
                chain((sp, [(sp, 2)]))
            else:
                # (sub(sub(...)?)?)? nested optionals
                opt_outs = []
                for _ in range(hi - lo):
                    s, o = self.comp(sub)
                    sp = self.emit(['split', s, None])
                    opt_outs.append((sp, 2))
                    chain((sp, o))
                if start is None:
                    pc = self.emit(['jmp', None])
                    start, outs = pc, [(pc, 1)]
                outs = outs + opt_outs
            if start is None:
                pc = self.emit(['jmp', None])
                return pc, [(pc, 1)]
            return start, outs
        raise AssertionError(k)

    def patch(self, outs, target):
        for pc, slot in outs:
            self.prog[pc][slot] = target


def compile_pattern(pat):
    ast = Parser(pat).parse()
    c = Compiler()
    start, outs = c.comp(ast)
    m = c.emit(['match'])
    c.patch(outs, m)
    return c.prog, start


def search(prog, start, s):
    n = len(s)
    best_s = -1
    best_e = -1
    clist = []      # list of (pc, start) for char states, ascending start
    seen = {}
    def addthread(lst, seen, pc, st, i):
        stack = [pc]
        while stack:
            pc = stack.pop()
            if pc in seen:
                continue
            seen[pc] = st
            ins = prog[pc]
            op = ins[0]
            if op == 'char':
                lst.append((pc, st))
            elif op == 'jmp':
                stack.append(ins[1])
            elif op == 'split':
                stack.append(ins[2]); stack.append(ins[1])
            elif op == 'bol':
                if i == 0:
                    stack.append(ins[1])
            elif op == 'eol':
                if i == n:
                    stack.append(ins[1])
            else:  # match
                lst.append((pc, st))
    matchpc = len(prog) - 1
    cur = []
    seen = {}
    for i in range(n + 1):
        if best_s < 0:
            addthread(cur, seen, start, i, i)
        # check match
        nxt = []
        nseen = {}
        c = s[i] if i < n else -1
        for pc, st in cur:
            if pc == matchpc:
                if best_s < 0 or st < best_s or (st == best_s and i > best_e):
                    best_s, best_e = st, i
                continue
            if best_s >= 0 and st > best_s:
                continue
            if c >= 0 and prog[pc][1][c]:
                addthread(nxt, nseen, prog[pc][2], st, i + 1)
        if best_s >= 0:
            nxt = [t for t in nxt if t[1] <= best_s]
        cur, seen = nxt, nseen
        if not cur and best_s >= 0:
            break
        if i == n:
            break
    return best_s, best_e


def main():
    out = sys.stdout.buffer
    prog = None
    err = True
    for line in sys.stdin.buffer:
        if line.endswith(b'\n'):
            line = line[:-1]
        if line.startswith(b'P '):
            try:
                prog, start = compile_pattern(line[2:])
                err = False
            except RxError:
                err = True
        elif line.startswith(b'S '):
            if err:
                out.write(b'error\n')
                continue
            s, e = search(prog, start, line[2:])
            if MODE == 'bool':
                out.write(b'1\n' if s >= 0 else b'0\n')
            else:
                out.write(b'none\n' if s < 0 else b'%d %d\n' % (s, e))
    out.flush()

if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--bool':
        MODE = 'bool'
    main()
