#!/usr/bin/env python3
"""Hidden tests for kv-store/wal: protocol, restart, kill -9 at random points, torn log tails,
disk usage bounds, compaction and crashes during compaction.  Exit status 0 = pass."""
import os, queue, random, shutil, signal, subprocess, sys, tempfile, threading, time

R = random.Random(20261122)
PROG = './kvd'
FAILS = []


def fail(msg):
    print('FAIL:', msg)
    FAILS.append(msg)


class Kvd:
    def __init__(self, d):
        self.p = subprocess.Popen([PROG, d], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        self.q = queue.Queue()
        self.t = threading.Thread(target=self._read, daemon=True)
        self.t.start()

    def _read(self):
        for line in self.p.stdout:
            self.q.put(line.rstrip(b'\n').rstrip(b'\r'))
        self.q.put(None)

    def send(self, data):
        try:
            self.p.stdin.write(data)
            self.p.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def recv(self, timeout=20):
        try:
            r = self.q.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError('no response within %d s' % timeout)
        if r is None:
            raise EOFError('kvd exited (status %s)' % self.p.poll())
        return r

    def cmd(self, line):
        self.send(line + b'\n')
        return self.recv()

    def kill(self):
        try:
            os.killpg(self.p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.p.wait()

    def close(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        try:
            self.p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()
            return None
        return self.p.returncode


def rand_value():
    n = R.choice([0, 1, 5, 20, 50, 120, 300])
    return bytes(R.randint(32, 126) for _ in range(n))


KEYS = [b'k%d' % i for i in range(60)] + [b'user:%d' % i for i in range(30)] + [b'x-y_z.%d' % i for i in range(10)]


def apply(state, c):
    parts = c.split(b' ', 2)
    if parts[0] == b'SET':
        state[parts[1]] = parts[2]
    elif parts[0] == b'DEL':
        state.pop(parts[1], None)


def dump(k, keys):
    k.send(b''.join(b'GET ' + key + b'\n' for key in keys))
    st = {}
    for key in keys:
        r = k.recv()
        if r.startswith(b'VALUE '):
            st[key] = r[6:]
        elif r != b'NOTFOUND':
            raise ValueError('bad GET response %r' % r[:80])
    return st


def dir_size(d):
    return sum(os.path.getsize(os.path.join(dp, f)) for dp, dn, fs in os.walk(d) for f in fs)


def newest_log(d):
    logs = [os.path.join(dp, f) for dp, dn, fs in os.walk(d) for f in fs if f.endswith('.log')]
    return max(logs, key=lambda p: (os.path.getmtime(p), p)) if logs else None


def t_protocol(d):
    k = Kvd(d)
    cases = [
        (b'GET a', b'NOTFOUND'), (b'COUNT', b'0'), (b'SET a 1', b'OK'), (b'GET a', b'VALUE 1'),
        (b'SET a hello  world ', b'OK'), (b'GET a', b'VALUE hello  world '), (b'SET empty ', b'OK'),
        (b'GET empty', b'VALUE '), (b'COUNT', b'2'), (b'DEL a', b'OK'), (b'DEL a', b'NOTFOUND'),
        (b'GET a', b'NOTFOUND'), (b'COUNT', b'1'), (b'SET key:with/punct.-_ v=1;w=2', b'OK'),
        (b'GET key:with/punct.-_', b'VALUE v=1;w=2'), (b'SET ' + b'K' * 100 + b' long', b'OK'),
        (b'GET ' + b'K' * 100, b'VALUE long'), (b'SET big ' + b'v' * 10000, b'OK'),
        (b'GET big', b'VALUE ' + b'v' * 10000), (b'COUNT', b'4'), (b'SET a b c d', b'OK'), (b'GET a', b'VALUE b c d'),
    ]
    bad = [b'SET', b'SET onlykey', b'GET', b'DEL', b'FROB x', b'get a', b'', b'SET ' + b'K' * 101 + b' v',
           b'SET big2 ' + b'v' * 10001, b'COUNT x']
    for c, e in cases:
        r = k.cmd(c)
        if r != e:
            fail('protocol: %r -> %r, expected %r' % (c[:60], r[:60], e[:60]))
    for c in bad:
        r = k.cmd(c)
        if not r.startswith(b'ERR'):
            fail('protocol: %r -> %r, expected ERR ...' % (c[:60], r[:60]))
    if k.cmd(b'COUNT') != b'5':
        fail('protocol: errors must not change the store')
    rc = k.close()
    if rc != 0:
        fail('protocol: exit status %r at end of input, expected 0' % rc)
    k = Kvd(d)
    st = dump(k, [b'a', b'empty', b'big', b'K' * 100, b'key:with/punct.-_', b'zz'])
    exp = {b'a': b'b c d', b'empty': b'', b'big': b'v' * 10000, b'K' * 100: b'long', b'key:with/punct.-_': b'v=1;w=2'}
    if st != exp:
        fail('restart: data after a clean restart differs: %r' % sorted(st)[:5])
    if k.cmd(b'COUNT') != b'5':
        fail('restart: COUNT after restart')
    k.close()


def verify_prefix(d, base, sent, acked, what):
    """Restart and check that the recovered state is base + a prefix of sent that includes every acked command."""
    k = Kvd(d)
    try:
        got = dump(k, KEYS)
    except Exception as e:
        fail('%s: after restart: %s' % (what, e))
        k.kill()
        return None, None
    st = dict(base)
    for c in sent[:acked]:
        apply(st, c)
    for j in range(acked, len(sent) + 1):
        if j > acked:
            apply(st, sent[j - 1])
        if {kk: v for kk, v in st.items() if kk in KEYS} == got:
            return k, got
    lost = [c[:40] for c in sent[:acked]][-3:]
    fail('%s: recovered state is not the acknowledged writes plus a prefix of the unacknowledged ones '
         '(%d acked, %d sent; last acked %r)' % (what, acked, len(sent), lost))
    k.kill()
    return None, None


def random_cmd():
    key = R.choice(KEYS)
    if R.random() < 0.15:
        return b'DEL ' + key
    return b'SET ' + key + b' ' + rand_value()


def crash_round(d, base, rnd, torn):
    k = Kvd(d)
    sent, acked = [], 0
    target = R.randint(5, 200)
    window = R.choice([1, 8, 32, 64])
    deadline = time.time() + 30
    while acked < target and time.time() < deadline:
        while len(sent) - acked < window:
            c = random_cmd()
            sent.append(c)
            k.send(c + b'\n')
        r = k.recv()
        c = sent[acked]
        if c.startswith(b'SET') and r != b'OK' or c.startswith(b'DEL') and r not in (b'OK', b'NOTFOUND'):
            fail('crash round %d: unexpected response %r to %r' % (rnd, r[:40], c[:40]))
            k.kill()
            return None
        acked += 1
    # kill with commands in flight
    time.sleep(R.choice([0, 0, 0.001, 0.003]))
    k.kill()
    while True:  # responses that arrived before the kill are acknowledgements too
        try:
            k.q.get_nowait() is not None and None
        except queue.Empty:
            break
    if torn:
        log = newest_log(d)
        if log is None:
            fail('crash round %d: no *.log file in the data directory' % rnd)
            return None
        with open(log, 'ab') as f:
            f.write(bytes(R.randint(0, 255) for _ in range(R.randint(1, 64))))
    k2, got = verify_prefix(d, base, sent, acked, 'crash round %d%s' % (rnd, ' (torn tail)' if torn else ''))
    if k2 is None:
        return None
    # the store must keep working after recovery (and after a torn tail was cut off)
    extra = [random_cmd() for _ in range(20)]
    k2.send(b''.join(c + b'\n' for c in extra))
    for c in extra:
        k2.recv()
        apply(got, c)
    k2.kill()
    k3, got2 = verify_prefix(d, got, [], 0, 'crash round %d, writes after recovery' % rnd)
    if k3 is None:
        return None
    k3.close()
    return got2


def t_crashes(d):
    base = {}
    for rnd in range(10):
        got = crash_round(d, base, rnd, torn=rnd in (2, 4, 5, 7, 9))
        if got is None:
            return
        base = got


def t_space_and_compaction(d):
    k = Kvd(d)
    keys = [b'big%d' % i for i in range(30)]
    val = lambda i: (b'%06d ' % i) * 250  # 1750 bytes
    n = 2600
    live = 0
    sent = [b'SET ' + keys[i % 30] + b' ' + val(i) for i in range(n)]
    maxsize = 0
    for off in range(0, n, 100):
        batch = sent[off:off + 100]
        k.send(b''.join(c + b'\n' for c in batch))
        for c in batch:
            if k.recv() != b'OK':
                fail('space: SET not acknowledged'); k.kill(); return
        maxsize = max(maxsize, dir_size(d))
    state = {}
    for c in sent:
        apply(state, c)
    live = sum(len(a) + len(b) for a, b in state.items())
    bound = 3 * live + 2 * 1024 * 1024
    print('space: wrote %d bytes, live %d, largest directory size %d (bound %d)' % (
        sum(len(c) for c in sent), live, maxsize, bound))
    if maxsize > bound:
        fail('space: data directory grew to %d bytes with %d bytes of live data (limit %d): no automatic compaction'
             % (maxsize, live, bound))
    if k.cmd(b'COMPACT') != b'OK':
        fail('COMPACT did not answer OK')
    sz = dir_size(d)
    if sz > 2 * live + 65536:
        fail('COMPACT: data directory is %d bytes for %d bytes of live data (limit %d)' % (sz, live, 2 * live + 65536))
    for key in keys[:5]:
        k.send(b'DEL ' + key + b'\n')
        k.recv()
        state.pop(key)
    k.cmd(b'COMPACT')
    if dump(k, keys) != state:
        fail('COMPACT: contents changed')
    k.close()
    k = Kvd(d)
    if dump(k, keys) != state:
        fail('COMPACT: contents after restart differ')
    k.close()


def t_crash_during_compaction(d):
    # fill with data, then kill at random moments around COMPACT
    k = Kvd(d)
    base = {}
    cmds = [b'SET ' + key + b' ' + bytes(R.randint(97, 122) for _ in range(R.randint(100, 3000))) for key in KEYS]
    k.send(b''.join(c + b'\n' for c in cmds))
    for c in cmds:
        k.recv()
        apply(base, c)
    k.close()
    for rnd in range(6):
        k = Kvd(d)
        sent = [random_cmd() for _ in range(5)] + [b'COMPACT'] + [random_cmd() for _ in range(30)]
        k.send(b''.join(c + b'\n' for c in sent))
        acked = 0
        end = time.time() + R.choice([0.0, 0.01, 0.03, 0.06, 0.1, 0.2])
        while True:
            try:
                r = k.q.get(timeout=max(0, end - time.time()))
            except queue.Empty:
                break
            if r is None:
                break
            acked += 1
        k.kill()
        seq = [c for c in sent if c != b'COMPACT']
        acked_w = len([c for c in sent[:acked] if c != b'COMPACT'])
        k2, got = verify_prefix(d, base, seq, acked_w, 'crash during compaction %d' % rnd)
        if k2 is None:
            return
        k2.close()
        base = got


def main():
    if os.path.exists('Makefile') or os.path.exists('makefile'):
        r = subprocess.run(['make'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print('make failed:', r.stdout.decode('latin-1')[-2000:])
            return 1
    if not os.access(PROG, os.X_OK):
        print('FAIL: no executable ./kvd in the workspace')
        return 1
    root = tempfile.mkdtemp(prefix='kvtest-')
    try:
        for name, fn in [('protocol', t_protocol), ('crashes', t_crashes), ('space', t_space_and_compaction),
                         ('compaction crashes', t_crash_during_compaction)]:
            d = os.path.join(root, name.replace(' ', '_'))
            t0 = time.time()
            before = len(FAILS)
            try:
                fn(d)
            except (TimeoutError, EOFError, ValueError, OSError) as e:
                fail('%s: %s' % (name, e))
            print('%s: %s (%.1f s)' % (name, 'ok' if len(FAILS) == before else 'FAILED', time.time() - t0))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print('PASS' if not FAILS else '%d failure(s)' % len(FAILS))
    return 0 if not FAILS else 1


if __name__ == '__main__':
    sys.exit(main())
