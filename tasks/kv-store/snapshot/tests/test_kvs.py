#!/usr/bin/env python3
"""Hidden tests for kv-store/snapshot: the line protocol against a model, INCR and KEYS edge cases,
SAVE/LOAD round trips across processes, and rejection of bad snapshot files.  Exit 0 = pass."""
import os, random, shutil, subprocess, sys, tempfile

R = random.Random(4242)
PROG = './kvs'
I64 = (-(1 << 63), (1 << 63) - 1)
FAILS = []


def parse_int(s):
    if not s:
        return None
    t = s[1:] if s[:1] in (b'-', b'+') else s
    if not t or not t.isdigit():
        return None
    t = t.lstrip(b'0') or b'0'
    if len(t) > 19:
        return None
    v = -int(t) if s[:1] == b'-' else int(t)
    return v if I64[0] <= v <= I64[1] else None


def valid_key(k):
    return 0 < len(k) <= 100 and all(33 <= c <= 126 for c in k)


class Model:
    def __init__(self):
        self.data = {}
        self.files = {}

    def run(self, line):
        """Expected response; None means 'ERR...' expected."""
        cmd, sp, rest = line.partition(b' ')
        d = self.data
        if cmd == b'SET':
            k, sp2, v = rest.partition(b' ')
            if sp and sp2 and valid_key(k) and len(v) <= 10000:
                d[k] = v; return b'OK'
            return None
        if cmd in (b'GET', b'DEL') and sp and valid_key(rest):
            if rest not in d:
                return b'NOTFOUND'
            if cmd == b'GET':
                return b'VALUE ' + d[rest]
            del d[rest]; return b'OK'
        if line == b'COUNT':
            return b'%d' % len(d)
        if cmd == b'INCR' and sp:
            parts = rest.split(b' ')
            if 1 <= len(parts) <= 2 and valid_key(parts[0]):
                delta = parse_int(parts[1]) if len(parts) == 2 else 1
                cur = parse_int(d[parts[0]]) if parts[0] in d else 0
                if delta is None or cur is None or not I64[0] <= cur + delta <= I64[1]:
                    return None
                d[parts[0]] = b'%d' % (cur + delta)
                return d[parts[0]]
            return None
        if cmd == b'KEYS':
            if not sp:
                return b' '.join(sorted(d))
            if valid_key(rest):
                return b' '.join(sorted(k for k in d if k.startswith(rest)))
            return None
        if cmd == b'SAVE' and sp and rest:
            if rest.startswith(b'nodir/'):
                return None
            self.files[rest] = dict(d); return b'OK'
        if cmd == b'LOAD' and sp and rest:
            if rest in self.files:
                self.data = dict(self.files[rest]); return b'OK'
            return None
        return None


def run(lines, timeout=60):
    r = subprocess.run([PROG], input=b''.join(l + b'\n' for l in lines), stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=timeout)
    out = r.stdout.split(b'\n')
    return [o.rstrip(b'\r') for o in out], r.returncode


def check(name, lines, model):
    got, rc = run(lines)
    bad = 0
    for i, l in enumerate(lines):
        e = model.run(l)
        g = got[i] if i < len(got) else b'<missing>'
        ok = g.startswith(b'ERR') if e is None else g == e
        if not ok:
            bad += 1
            if bad <= 5:
                print('FAIL %s: %r -> %r, expected %r' % (name, l[:60], g[:60], b'ERR...' if e is None else e[:60]))
    if rc != 0:
        print('FAIL %s: exit status %d' % (name, rc)); bad += 1
    print('%s: %d/%d ok' % (name, len(lines) - bad, len(lines)))
    if bad:
        FAILS.append(name)


def rand_key():
    return R.choice([b'a', b'b', b'c', b'ab', b'abc', b'b:1', b'b:2', b'user:%d' % R.randint(0, 20),
                     b'~x!', b'Z' * R.randint(1, 100)])


def rand_val():
    return R.choice([b'', b'0', b'1', b'-7', b'+3', b'007', b'hello world', b' lead', b'trail ', b'9223372036854775807',
                     b'-9223372036854775808', b'12a', b'x' * R.randint(0, 10000), bytes(R.randint(32, 126) for _ in range(R.randint(0, 40)))])


def main():
    if os.path.exists('Makefile') or os.path.exists('makefile'):
        r = subprocess.run(['make'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print('make failed:', r.stdout.decode('latin-1')[-2000:]); return 1
    if not os.access(PROG, os.X_OK):
        print('FAIL: no executable ./kvs'); return 1
    tmp = tempfile.mkdtemp(prefix='kvs-test-', dir='.')
    rel = os.path.basename(tmp).encode() + b'/'
    try:
        # 1. fixed protocol and edge cases
        m = Model()
        fixed = [b'GET a', b'COUNT', b'KEYS', b'SET a 1', b'GET a', b'SET a  two  spaces ', b'GET a', b'SET e ', b'GET e',
                 b'KEYS', b'DEL a', b'DEL a', b'COUNT', b'SET', b'SET k', b'GET', b'DEL', b'get e', b'', b'COUNT 1',
                 b'SET ' + b'k' * 101 + b' v', b'SET ' + b'k' * 100 + b' v', b'SET big ' + b'v' * 10001, b'NOPE',
                 b'INCR n', b'INCR n', b'INCR n 5', b'INCR n -20', b'GET n', b'INCR n +3', b'INCR n 0007', b'INCR n x',
                 b'INCR n 1 2', b'INCR', b'SET s abc', b'INCR s', b'GET s', b'SET m 9223372036854775806', b'INCR m',
                 b'INCR m', b'GET m', b'SET m -9223372036854775807', b'INCR m -1', b'INCR m -1', b'SET z 0042',
                 b'INCR z', b'SET w -0', b'INCR w 0', b'INCR q 99999999999999999999', b'INCR q -',
                 b'SET b:1 x', b'SET b:2 y', b'SET ba z', b'SET c w', b'KEYS b', b'KEYS b:', b'KEYS zzz', b'KEYS ',
                 b'KEYS a b', b'SAVE', b'LOAD', b'SAVE ' + rel + b'one.snap', b'SET after x', b'DEL c', b'LOAD ' + rel + b'one.snap',
                 b'GET after', b'GET c', b'KEYS', b'COUNT', b'SAVE ' + rel + b'nodir/x.snap', b'LOAD ' + rel + b'missing.snap',
                 b'COUNT']
        m.files = {}
        # paths: the model treats '<rel>nodir/...' as unwritable
        fixed = [l.replace(rel + b'nodir/', b'nodir/') for l in fixed]
        fixed = [l.replace(b'SAVE nodir/', b'SAVE ' + rel + b'nodir/') for l in fixed]
        model_lines = [l.replace(rel + b'nodir/', b'nodir/') for l in fixed]

        class M2(Model):
            def run(self, line):
                return Model.run(self, line.replace(rel + b'nodir/', b'nodir/'))
        check('protocol', fixed, M2())

        # 2. random operations against the model, with SAVE/LOAD in between
        m = Model()
        lines = []
        for i in range(3000):
            x = R.random()
            if x < 0.35:
                lines.append(b'SET ' + rand_key() + b' ' + rand_val())
            elif x < 0.55:
                lines.append(b'GET ' + rand_key())
            elif x < 0.62:
                lines.append(b'DEL ' + rand_key())
            elif x < 0.75:
                lines.append(b'INCR ' + rand_key() + R.choice([b'', b' 1', b' -5', b' 100', b' 9223372036854775807', b' -2']))
            elif x < 0.82:
                lines.append(b'KEYS' + R.choice([b'', b' b', b' user:1', b' a', b' Z']))
            elif x < 0.87:
                lines.append(b'COUNT')
            elif x < 0.93:
                lines.append(b'SAVE ' + rel + b'r%d.snap' % R.randint(0, 3))
            else:
                lines.append(b'LOAD ' + rel + b'r%d.snap' % R.randint(0, 4))
        check('random', lines, m)

        # 3. a snapshot made by one process is loaded by another
        m = Model()
        lines = [b'SET k%d %s' % (i, b'v%d ' % i * (i % 7)) for i in range(5000)] + [b'SET sp   ', b'SET e ', b'SAVE ' + rel + b'big.snap']
        check('save', lines, m)
        m2 = Model()
        m2.files = m.files
        lines = [b'LOAD ' + rel + b'big.snap', b'COUNT', b'GET sp', b'GET e', b'KEYS k499'] + [b'GET k%d' % i for i in range(0, 5000, 7)]
        check('load in a new process', lines, m2)

        # 4. bad snapshot files are rejected and leave the store unchanged
        snap = os.path.join(tmp, 'big.snap')
        blob = open(snap, 'rb').read()
        bads = {'empty': b'', 'text': b'SET a 1\n', 'garbage': bytes(R.randint(0, 255) for _ in range(3000)),
                'extra': blob + b'x', 'double': blob + blob}
        for n in sorted(set([1, 2, 4, 8, 9, 16, len(blob) // 2, len(blob) - 9, len(blob) - 5, len(blob) - 2, len(blob) - 1]
                            + [R.randint(1, len(blob) - 1) for _ in range(8)])):
            bads['trunc%d' % n] = blob[:n]
        lines = [b'SET keep me', b'SET other 1']
        m = Model()
        for name, data in sorted(bads.items()):
            with open(os.path.join(tmp, name + '.bad'), 'wb') as f:
                f.write(data)
            lines += [b'LOAD ' + rel + name.encode() + b'.bad', b'COUNT', b'GET keep']
        check('bad snapshots', lines, m)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('PASS' if not FAILS else 'FAILED: ' + ', '.join(FAILS))
    return 0 if not FAILS else 1


if __name__ == '__main__':
    sys.exit(main())
