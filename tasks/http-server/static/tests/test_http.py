#!/usr/bin/env python3
"""Hidden tests for the http-server family.  Starts ./server PORT ROOT on 127.0.0.1 and talks to it
with raw sockets (every socket operation has a timeout).  Argument: '1.1' or '1.0' (the variant).
Prints each failed check; the last line is {"score": passed/total}."""
import json, os, random, shutil, signal, socket, subprocess, sys, tempfile, threading, time

MODE = sys.argv[1] if len(sys.argv) > 1 else '1.1'
VER = b'HTTP/1.1' if MODE == '1.1' else b'HTTP/1.0'
R = random.Random(1234)
PORT = None
RESULTS = []
T = 5.0


def check(name, cond, detail=''):
    RESULTS.append(bool(cond))
    if not cond:
        print('FAIL %s %s' % (name, detail))


def connect():
    s = socket.create_connection(('127.0.0.1', PORT), timeout=T)
    s.settimeout(T)
    return s


class Resp:
    def __init__(self, status, reason, headers, body):
        self.status, self.reason, self.headers, self.body = status, reason, headers, body

    def h(self, name):
        return self.headers.get(name.lower())

    def __repr__(self):
        return '<%s %s %r body=%r>' % (self.status, self.reason, self.headers, self.body[:60])


class Reader:
    def __init__(self, s):
        self.s, self.buf = s, b''

    def fill(self):
        d = self.s.recv(65536)
        if not d:
            raise EOFError('connection closed')
        self.buf += d

    def response(self, head_only=False):
        while b'\r\n\r\n' not in self.buf:
            if len(self.buf) > 100000:
                raise ValueError('no end of headers')
            self.fill()
        head, self.buf = self.buf.split(b'\r\n\r\n', 1)
        lines = head.split(b'\r\n')
        parts = lines[0].split(b' ', 2)
        if len(parts) < 2 or parts[0] != VER or not parts[1].isdigit() or len(parts[1]) != 3:
            raise ValueError('bad status line %r' % lines[0][:80])
        headers = {}
        for l in lines[1:]:
            k, _, v = l.partition(b':')
            headers[k.strip().lower().decode('latin-1')] = v.strip().decode('latin-1')
        body = b''
        if not head_only:
            if 'content-length' not in headers:
                raise ValueError('response without Content-Length')
            n = int(headers['content-length'])
            while len(self.buf) < n:
                self.fill()
            body, self.buf = self.buf[:n], self.buf[n:]
        return Resp(int(parts[1]), parts[2] if len(parts) > 2 else b'', headers, body)

    def closed(self, wait=T):
        """True if the peer closes the connection (EOF) with no further data."""
        self.s.settimeout(wait)
        try:
            while True:
                d = self.s.recv(65536)
                if not d:
                    return not self.buf
                self.buf += d
        except socket.timeout:
            return False
        except ConnectionResetError:
            return True
        finally:
            self.s.settimeout(T)


def req(method, path, headers=None, body=b'', proto=None):
    proto = proto or ('HTTP/1.1' if MODE == '1.1' else 'HTTP/1.0')
    h = [] if headers is None else list(headers)
    if headers is None and proto == 'HTTP/1.1':
        h = [('Host', 'localhost')]
    out = '%s %s %s\r\n' % (method, path, proto) + ''.join('%s: %s\r\n' % kv for kv in h) + '\r\n'
    return out.encode('latin-1') + body


def one(raw, head_only=False):
    """Send one raw request on a new connection, return the response (or an exception string)."""
    s = connect()
    try:
        s.sendall(raw)
        rd = Reader(s)
        return rd.response(head_only), rd
    finally:
        pass


def get(path, **kw):
    r, rd = one(req('GET', path, **kw))
    rd.s.close()
    return r


FILES = {}


def make_root(root):
    def put(rel, data):
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(data)
        FILES[rel] = data
    put('index.html', b'<html><body>home</body></html>\n')
    put('a.txt', b'hello, world\n')
    put('empty.txt', b'')
    put('style.css', b'body { color: red }\n')
    put('app.js', b'console.log(1);\n')
    put('nested/deep/data.json', b'{"k": [1, 2, 3]}\n')
    put('pic.png', bytes(R.randint(0, 255) for _ in range(3000)))
    put('blob.xyz', b'\x00\x01binary\xff')
    put('noext', b'no extension\n')
    put('space name.txt', b'spaces in the name\n')
    put('sub/index.html', b'<p>sub index</p>\n')
    put('noindex/file.txt', b'file in a directory without index\n')
    put('data.bin', bytes(R.randint(0, 255) for _ in range(100000)))
    put('large.bin', os.urandom(0) + bytes(R.getrandbits(8) for _ in range(1 << 21)))
    put('UPPER.TXT', b'upper case extension\n')


def t_basic():
    r = get('/a.txt')
    check('GET file', r.status == 200 and r.body == FILES['a.txt'], repr(r))
    check('GET file content-type', (r.h('content-type') or '').split(';')[0].strip() == 'text/plain', repr(r))
    check('GET file content-length', r.h('content-length') == str(len(FILES['a.txt'])), repr(r))
    r = get('/')
    check('GET / index.html', r.status == 200 and r.body == FILES['index.html'] and
          (r.h('content-type') or '').startswith('text/html'), repr(r))
    r = get('/index.html')
    check('GET /index.html', r.status == 200 and r.body == FILES['index.html'], repr(r))
    r = get('/sub')
    check('directory without slash redirects', r.status == 301 and r.h('location') in ('/sub/', 'http://localhost/sub/'), repr(r))
    r = get('/sub/')
    check('directory index', r.status == 200 and r.body == FILES['sub/index.html'], repr(r))
    r = get('/noindex/')
    check('directory without index.html', r.status == 404, repr(r))
    r = get('/noindex/file.txt')
    check('file in subdirectory', r.status == 200 and r.body == FILES['noindex/file.txt'], repr(r))
    r = get('/nested/deep/data.json')
    check('deep file + json type', r.status == 200 and r.body == FILES['nested/deep/data.json'] and
          (r.h('content-type') or '').startswith('application/json'), repr(r))
    r = get('/empty.txt')
    check('empty file', r.status == 200 and r.body == b'' and r.h('content-length') == '0', repr(r))
    for path, ctype in [('/style.css', 'text/css'), ('/app.js', 'application/javascript'), ('/pic.png', 'image/png'),
                        ('/blob.xyz', 'application/octet-stream'), ('/noext', 'application/octet-stream'),
                        ('/UPPER.TXT', 'text/plain')]:
        r = get(path)
        check('content type %s' % path, r.status == 200 and r.body == FILES[path[1:]] and
              (r.h('content-type') or '').split(';')[0].strip() == ctype, repr(r))
    r = get('/missing.txt')
    check('404', r.status == 404, repr(r))
    r = get('/a.txt/')
    check('file with trailing slash', r.status == 404, repr(r))
    r = get('/space%20name.txt')
    check('percent-decoding', r.status == 200 and r.body == FILES['space name.txt'], repr(r))
    r = get('/%61%2Etxt')
    check('percent-decoding letters', r.status == 200 and r.body == FILES['a.txt'], repr(r))
    r = get('/a.txt?x=1&y=../../etc')
    check('query string ignored', r.status == 200 and r.body == FILES['a.txt'], repr(r))
    for p in ['/../a.txt', '/sub/../a.txt', '/%2e%2e/a.txt', '/sub/%2E%2E/%2e%2e/etc/passwd', '/..']:
        r = get(p)
        check('dot-dot %s' % p, r.status == 403, repr(r))
    r = get('/large.bin')
    check('large file', r.status == 200 and r.body == FILES['large.bin'], 'status %s len %d' % (r.status, len(r.body)))


def t_methods():
    r, rd = one(req('HEAD', '/data.bin'), head_only=True)
    check('HEAD status/length', r.status == 200 and r.h('content-length') == '100000', repr(r))
    if MODE == '1.1':
        rd.s.sendall(req('GET', '/a.txt'))
        try:
            r2 = rd.response()
            check('HEAD sends no body', r2.status == 200 and r2.body == FILES['a.txt'], repr(r2))
        except Exception as e:
            check('HEAD sends no body', False, str(e))
    else:
        check('HEAD sends no body', rd.closed(), 'data after HEAD response: %r' % rd.buf[:40])
    rd.s.close()
    r, rd = one(req('HEAD', '/missing'), head_only=True)
    check('HEAD 404', r.status == 404, repr(r))
    rd.s.close()
    for m in ['DELETE', 'PUT', 'OPTIONS', 'PATCH']:
        r = get_raw(req(m, '/a.txt', body=b''))
        check('%s -> 405' % m, r is not None and r.status == 405 and 'GET' in (r.h('allow') or ''), repr(r))
    if MODE == '1.1':
        r = get_raw(req('POST', '/a.txt', [('Host', 'x'), ('Content-Length', '5')], b'hello'))
        check('POST file -> 405', r is not None and r.status == 405, repr(r))


def get_raw(raw, head_only=False):
    try:
        r, rd = one(raw, head_only)
        rd.s.close()
        return r
    except Exception as e:
        print('  (%s: %s)' % (raw[:40], e))
        return None


def t_bad_requests():
    cases = [(b'GARBAGE\r\n\r\n', 400), (b'GET /a.txt HTTP/1.1 extra\r\nHost: x\r\n\r\n', 400),
             (b'GET a.txt HTTP/1.1\r\nHost: x\r\n\r\n', 400), (b'GET /a.txt HTTP/2.0\r\nHost: x\r\n\r\n', 505),
             (b'GET /a.txt HTTP/3.0\r\n\r\n', 505), (b'GET /a.txt FOO/1.1\r\nHost: x\r\n\r\n', 400),
             (b'GET /a.txt HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n', 400), (b'GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n', 400),
             (b'GET /%4 HTTP/1.1\r\nHost: x\r\n\r\n', 400), (b'G(T /a.txt HTTP/1.1\r\nHost: x\r\n\r\n', 400),
             (b'GET  /a.txt HTTP/1.1\r\nHost: x\r\n\r\n', 400),
             (b'GET /a.txt HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'y' * 20000 + b'\r\n\r\n', 431)]
    if MODE == '1.1':
        cases += [(b'GET /a.txt HTTP/1.1\r\n\r\n', 400), (b'GET /a.txt HTTP/1.1\r\nUser-Agent: t\r\n\r\n', 400)]
    for raw, code in cases:
        r = get_raw(raw)
        check('bad request %r -> %d' % (raw[:40], code), r is not None and r.status == code, repr(r))
    r = get_raw(b'GET /a.txt HTTP/1.0\r\n\r\n')
    check('HTTP/1.0 without Host is fine', r is not None and r.status == 200 and r.body == FILES['a.txt'], repr(r))
    r = get_raw(b'GET /a.txt HTTP/1.1\r\nhOsT: x\r\nuser-agent:   spaces   \r\n\r\n')
    check('header names are case-insensitive', r is not None and r.status == 200, repr(r))


def t_close_10():
    for proto in ['HTTP/1.0', 'HTTP/1.1']:
        s = connect()
        s.sendall(req('GET', '/a.txt', headers=[('Host', 'x')], proto=proto))
        rd = Reader(s)
        r = rd.response()
        check('%s request: %s response' % (proto, VER.decode()), r.status == 200 and r.body == FILES['a.txt'], repr(r))
        check('%s request: connection closed after the response' % proto, rd.closed(), '')
        s.close()


def t_keepalive():
    s = connect()
    rd = Reader(s)
    ok = True
    for p in ['/a.txt', '/index.html', '/nested/deep/data.json', '/missing', '/a.txt']:
        s.sendall(req('GET', p))
        r = rd.response()
        exp = FILES.get(p.lstrip('/'))
        if (exp is None and r.status != 404) or (exp is not None and r.body != exp):
            ok = False
    check('HTTP/1.1 keeps the connection open by default', ok, '')
    s.sendall(req('GET', '/a.txt', headers=[('Host', 'x'), ('Connection', 'close')]))
    r = rd.response()
    check('Connection: close is honoured', r.status == 200 and rd.closed() and
          (r.h('connection') or '').lower() == 'close', repr(r))
    s.close()
    s = connect(); rd = Reader(s)
    s.sendall(req('GET', '/a.txt', headers=[], proto='HTTP/1.0'))
    r = rd.response()
    check('HTTP/1.0 closes by default', r.status == 200 and rd.closed(), repr(r))
    s.close()
    s = connect(); rd = Reader(s)
    s.sendall(req('GET', '/a.txt', headers=[('Connection', 'Keep-Alive')], proto='HTTP/1.0'))
    r = rd.response()
    check('HTTP/1.0 keep-alive header in the response', (r.h('connection') or '').lower() == 'keep-alive', repr(r))
    s.sendall(req('GET', '/sub/', headers=[('Connection', 'keep-alive')], proto='HTTP/1.0'))
    r = rd.response()
    check('HTTP/1.0 keep-alive connection reused', r.status == 200 and r.body == FILES['sub/index.html'], repr(r))
    s.sendall(req('GET', '/a.txt', headers=[], proto='HTTP/1.0'))
    r = rd.response()
    check('HTTP/1.0 without keep-alive then closes', rd.closed(), '')
    s.close()
    # errors close or keep consistently: a 404 keeps the connection usable
    s = connect(); rd = Reader(s)
    s.sendall(req('GET', '/nope') + req('HEAD', '/a.txt') + req('GET', '/a.txt'))
    r1 = rd.response(); r2 = rd.response(head_only=True); r3 = rd.response()
    check('404, HEAD, GET pipelined', r1.status == 404 and r2.status == 200 and r2.h('content-length') == str(len(FILES['a.txt']))
          and r3.body == FILES['a.txt'], '%r %r %r' % (r1, r2, r3))
    s.close()
    # pipelining many requests in one write
    paths = [R.choice(['/a.txt', '/index.html', '/style.css', '/data.bin', '/missing', '/sub/']) for _ in range(30)]
    methods = [R.choice(['GET', 'GET', 'HEAD']) for _ in paths]
    s = connect(); rd = Reader(s)
    s.sendall(b''.join(req(m, p) for m, p in zip(methods, paths)))
    ok = True
    for m, p in zip(methods, paths):
        r = rd.response(head_only=(m == 'HEAD'))
        key = 'sub/index.html' if p == '/sub/' else p.lstrip('/')
        exp = FILES.get(key)
        if exp is None:
            ok &= r.status == 404
        else:
            ok &= r.status == 200 and r.h('content-length') == str(len(exp)) and (m == 'HEAD' or r.body == exp)
    check('30 pipelined requests answered in order', ok, '')
    s.close()
    # requests split into tiny pieces
    s = connect(); rd = Reader(s)
    raw = req('GET', '/a.txt') + req('GET', '/style.css')
    for i in range(0, len(raw), 3):
        s.sendall(raw[i:i + 3]); time.sleep(0.002)
    r1 = rd.response(); r2 = rd.response()
    check('requests arriving a few bytes at a time', r1.body == FILES['a.txt'] and r2.body == FILES['style.css'], '')
    s.close()


def t_bodies():
    H = [('Host', 'x')]
    def echo(raw, name, exp_body, then_get=True):
        try:
            s = connect(); rd = Reader(s)
            s.sendall(raw + (req('GET', '/a.txt') if then_get else b''))
            r = rd.response()
            ok = r.status == 200 and r.body == exp_body
            if then_get:
                r2 = rd.response()
                ok = ok and r2.body == FILES['a.txt']
            check(name, ok, repr(r))
            s.close()
        except Exception as e:
            check(name, False, str(e))
    echo(req('POST', '/echo', H + [('Content-Length', '11')], b'hello world'), 'POST /echo content-length', b'hello world')
    echo(req('POST', '/echo', H + [('Content-Length', '0')]), 'POST /echo empty', b'')
    echo(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked')], b'5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'),
         'chunked body', b'hello world')
    echo(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked')],
             b'A;ext=1\r\n0123456789\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: yes\r\nOther: 2\r\n\r\n'),
         'chunked with extensions, hex sizes and trailers', b'0123456789abcdefghijklmnopqrstuvwxyz')
    big = bytes(R.getrandbits(8) for _ in range(300000))
    chunks = []
    pos = 0
    while pos < len(big):
        n = R.randint(1, 40000)
        chunks.append(b'%x\r\n' % len(big[pos:pos + n]) + big[pos:pos + n] + b'\r\n')
        pos += n
    echo(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked')], b''.join(chunks) + b'0\r\n\r\n'),
         'large chunked body', big)
    echo(req('POST', '/echo', H + [('Content-Length', str(len(big)))], big), 'large content-length body', big)
    # chunked body trickling in
    try:
        s = connect(); rd = Reader(s)
        s.sendall(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked')]))
        for part in [b'3\r\nabc\r\n', b'4\r', b'\ndefg', b'\r\n', b'0\r\n', b'\r\n']:
            time.sleep(0.05); s.sendall(part)
        r = rd.response()
        check('chunked body arriving slowly', r.status == 200 and r.body == b'abcdefg', repr(r))
        s.close()
    except Exception as e:
        check('chunked body arriving slowly', False, str(e))
    echo(req('GET', '/a.txt', H + [('Content-Length', '5')], b'xxxxx'), 'GET with a body that must be skipped', FILES['a.txt'])
    echo(req('GET', '/a.txt', H + [('Transfer-Encoding', 'chunked')], b'2\r\nxx\r\n0\r\n\r\n'),
         'GET with a chunked body that must be skipped', FILES['a.txt'])
    r = get_raw(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked')], b'zz\r\nhello\r\n0\r\n\r\n'))
    check('bad chunk size -> 400', r is not None and r.status == 400, repr(r))
    r = get_raw(req('POST', '/echo', H + [('Transfer-Encoding', 'chunked'), ('Content-Length', '5')], b'0\r\n\r\n'))
    check('both Transfer-Encoding and Content-Length -> 400', r is not None and r.status == 400, repr(r))
    r = get_raw(req('POST', '/echo', H + [('Content-Length', 'abc')]))
    check('bad Content-Length -> 400', r is not None and r.status == 400, repr(r))
    r = get_raw(req('POST', '/echo', H + [('Content-Length', str((1 << 20) + 1))]))
    check('body over 1 MiB -> 413', r is not None and r.status == 413, repr(r))
    r = get_raw(req('GET', '/echo'))
    check('GET /echo -> 405', r is not None and r.status == 405 and 'POST' in (r.h('allow') or ''), repr(r))


def t_ranges():
    D = FILES['data.bin']
    n = len(D)
    def rng(spec, head=False):
        r = get_raw(req('HEAD' if head else 'GET', '/data.bin', [('Host', 'x'), ('Range', spec)]), head_only=head)
        return r
    for spec, a, b in [('bytes=0-9', 0, 9), ('bytes=5-5', 5, 5), ('bytes=99990-', 99990, n - 1), ('bytes=-10', n - 10, n - 1),
                       ('bytes=0-999999', 0, n - 1), ('bytes=-200000', 0, n - 1), ('bytes=1000-1999', 1000, 1999),
                       ('bytes= 20-29', 20, 29)]:
        r = rng(spec)
        check('range %s' % spec, r is not None and r.status == 206 and r.body == D[a:b + 1] and
              r.h('content-range') == 'bytes %d-%d/%d' % (a, b, n) and r.h('content-length') == str(b - a + 1), repr(r))
    for spec in ['bytes=100000-', 'bytes=200000-300000', 'bytes=-0']:
        r = rng(spec)
        check('unsatisfiable range %s' % spec, r is not None and r.status == 416 and
              r.h('content-range') == 'bytes */%d' % n, repr(r))
    for spec in ['bytes=0-1,5-6', 'bytes=abc', 'items=0-1', 'bytes=9-5', 'bytes=-', 'bytes=1-2-3']:
        r = rng(spec)
        check('ignored range %s' % spec, r is not None and r.status == 200 and r.body == D, repr(r))
    r = rng('bytes=10-19', head=True)
    check('HEAD with range', r is not None and r.status == 206 and r.h('content-length') == '10', repr(r))
    r = get('/data.bin')
    check('Accept-Ranges: bytes', (r.h('accept-ranges') or '') == 'bytes', repr(r))


def t_concurrency():
    # slow clients must not block others
    slow = []
    for i in range(20):
        s = connect()
        s.sendall(b'GET /a.txt HTTP/1.1\r\nHo')
        slow.append(s)
    time.sleep(0.2)
    t0 = time.time()
    try:
        r = get('/index.html')
        check('server answers while 20 clients are half-way through a request',
              r.status == 200 and time.time() - t0 < 3, '%.1f s' % (time.time() - t0))
    except Exception as e:
        check('server answers while 20 clients are half-way through a request', False, str(e))
    ok = True
    for s in slow:
        try:
            s.sendall(b'st: x\r\nConnection: close\r\n\r\n' if MODE == '1.1' else b'st: x\r\n\r\n')
            r = Reader(s).response()
            ok &= r.status == 200 and r.body == FILES['a.txt']
        except Exception:
            ok = False
        s.close()
    check('the slow clients are answered', ok, '')
    # many parallel clients
    errors = []
    def worker(k):
        try:
            rr = random.Random(k)
            s = connect(); rd = Reader(s)
            for j in range(6):
                p = rr.choice(['/a.txt', '/data.bin', '/style.css', '/nested/deep/data.json'])
                s.sendall(req('GET', p))
                r = rd.response()
                if r.body != FILES[p[1:]]:
                    errors.append('bad body %s' % p)
                if MODE != '1.1':
                    s.close(); s = connect(); rd = Reader(s)
            s.close()
        except Exception as e:
            errors.append(str(e))
    ths = [threading.Thread(target=worker, args=(k,)) for k in range(25)]
    for t in ths:
        t.start()
    for t in ths:
        t.join(30)
    check('25 parallel clients x 6 requests', not errors and not any(t.is_alive() for t in ths), '; '.join(errors[:3]))


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    p = s.getsockname()[1]
    s.close()
    return p


def main():
    global PORT
    if os.path.exists('Makefile') or os.path.exists('makefile'):
        r = subprocess.run(['make'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print('make failed:', r.stdout.decode('latin-1')[-2000:])
            print(json.dumps({'score': 0.0})); return
    if not os.access('./server', os.X_OK):
        print('no executable ./server'); print(json.dumps({'score': 0.0})); return
    root = tempfile.mkdtemp(prefix='http-root-')
    make_root(root)
    proc = None
    try:
        for attempt in range(5):
            PORT = free_port()
            proc = subprocess.Popen(['./server', str(PORT), root], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            up = False
            for i in range(100):
                if proc.poll() is not None:
                    break
                try:
                    socket.create_connection(('127.0.0.1', PORT), timeout=1).close()
                    up = True
                    break
                except OSError:
                    time.sleep(0.1)
            if up:
                break
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            proc = None
        if proc is None:
            print('the server did not accept connections on 127.0.0.1')
            print(json.dumps({'score': 0.0})); return
        suites = [t_basic, t_methods, t_bad_requests]
        suites += [t_keepalive, t_bodies, t_ranges] if MODE == '1.1' else [t_close_10]
        suites += [t_concurrency]
        for fn in suites:
            before = len(RESULTS)
            t0 = time.time()
            try:
                fn()
            except Exception as e:
                check(fn.__name__, False, 'aborted: %s: %s' % (type(e).__name__, e))
            print('%s: %d/%d (%.1f s)' % (fn.__name__, sum(RESULTS[before:]), len(RESULTS) - before, time.time() - t0))
    finally:
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps({'score': round(sum(RESULTS) / len(RESULTS), 6), 'passed': sum(RESULTS), 'total': len(RESULTS)}))


if __name__ == '__main__':
    main()
