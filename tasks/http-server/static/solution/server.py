#!/usr/bin/env python3
"""Reference HTTP server on raw sockets, one thread per connection.
MODE '1.1': persistent connections, pipelining, chunked request bodies, POST /echo, Range.
MODE '1.0': one request per connection, GET/HEAD of static files only."""
import os, socket, sys, threading, urllib.parse

MODE = "1.0"
MAX_HEAD = 16384
MAX_BODY = 1 << 20
REASONS = {200: 'OK', 206: 'Partial Content', 301: 'Moved Permanently', 400: 'Bad Request', 403: 'Forbidden',
           404: 'Not Found', 405: 'Method Not Allowed', 411: 'Length Required', 413: 'Content Too Large',
           416: 'Range Not Satisfiable', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
           501: 'Not Implemented', 505: 'HTTP Version Not Supported'}
TYPES = {'.html': 'text/html', '.htm': 'text/html', '.txt': 'text/plain', '.css': 'text/css',
         '.js': 'application/javascript', '.json': 'application/json', '.png': 'image/png',
         '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml'}
TCHAR = set(b"!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class Bad(Exception):
    def __init__(self, code):
        self.code = code


class Conn:
    def __init__(self, sock):
        self.s = sock
        self.buf = b''

    def fill(self):
        d = self.s.recv(65536)
        if not d:
            raise EOFError
        self.buf += d

    def read_head(self):
        while True:
            i = self.buf.find(b'\r\n\r\n')
            j = self.buf.find(b'\n\n')
            ends = [(x, n) for x, n in ((i, 4), (j, 2)) if x >= 0]
            if ends:
                x, n = min(ends)
                if x + n > MAX_HEAD:
                    raise Bad(431)
                head, self.buf = self.buf[:x], self.buf[x + n:]
                return head
            if len(self.buf) > MAX_HEAD:
                raise Bad(431)
            self.fill()

    def read_exact(self, n):
        while len(self.buf) < n:
            self.fill()
        d, self.buf = self.buf[:n], self.buf[n:]
        return d

    def read_line(self):
        while b'\n' not in self.buf:
            if len(self.buf) > MAX_HEAD:
                raise Bad(400)
            self.fill()
        i = self.buf.index(b'\n')
        line, self.buf = self.buf[:i], self.buf[i + 1:]
        return line.rstrip(b'\r')


def send(sock, code, headers, body=b'', head_only=False, close=False, version='HTTP/1.1'):
    lines = ['%s %d %s' % (version, code, REASONS[code])]
    hdrs = dict(headers)
    if 'Content-Length' not in hdrs:
        hdrs['Content-Length'] = str(len(body))
    if close:
        hdrs['Connection'] = 'close'
    for k, v in hdrs.items():
        lines.append('%s: %s' % (k, v))
    data = ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1')
    if not head_only:
        data += body
    sock.sendall(data)


def error_body(code):
    return ('%d %s\n' % (code, REASONS[code])).encode()


def parse_range(h, size):
    """Return (start, end) inclusive, 'unsat', or None to ignore the header."""
    h = h.strip()
    if not h.startswith('bytes='):
        return None
    spec = h[6:].strip()
    if ',' in spec or '-' not in spec:
        return None
    a, b = spec.split('-', 1)
    a, b = a.strip(), b.strip()
    if a and not a.isdigit() or b and not b.isdigit() or not a and not b:
        return None
    if not a:
        n = int(b)
        if n == 0 or size == 0:
            return 'unsat'
        return max(0, size - n), size - 1
    start = int(a)
    end = int(b) if b else size - 1
    if b and end < start:
        return None
    if start >= size:
        return 'unsat'
    return start, min(end, size - 1)


class Handler:
    def __init__(self, root, sock):
        self.root = os.path.realpath(root)
        self.sock = sock
        self.c = Conn(sock)

    def run(self):
        try:
            while True:
                if not self.one():
                    break
        except (EOFError, ConnectionError, socket.timeout, OSError):
            pass
        finally:
            try:
                self.sock.close()
            except OSError:
                pass

    def one(self):
        version = 'HTTP/1.1' if MODE == '1.1' else 'HTTP/1.0'
        try:
            head = self.c.read_head()
        except Bad as e:
            send(self.sock, e.code, {'Content-Type': 'text/plain'}, error_body(e.code), close=True, version=version)
            return False
        if not head.strip(b'\r\n'):
            return True  # tolerate empty lines between requests
        head = head.lstrip(b'\r\n')
        lines = head.split(b'\n')
        lines = [l[:-1] if l.endswith(b'\r') else l for l in lines]
        try:
            return self.dispatch(lines, version)
        except Bad as e:
            send(self.sock, e.code, {'Content-Type': 'text/plain'}, error_body(e.code), close=True, version=version)
            return False

    def dispatch(self, lines, version):
        parts = lines[0].split(b' ')
        if len(parts) != 3 or not parts[0] or not all(c in TCHAR for c in parts[0]) or not parts[1]:
            raise Bad(400)
        method, target, proto = parts[0].decode('latin-1'), parts[1].decode('latin-1'), parts[2].decode('latin-1')
        if not proto.startswith('HTTP/') or len(proto) != 8 or not proto[5].isdigit() or proto[6] != '.' or not proto[7].isdigit():
            raise Bad(400)
        if proto not in ('HTTP/1.0', 'HTTP/1.1'):
            raise Bad(505)
        headers = {}
        for l in lines[1:]:
            if b':' not in l or l[:1] in (b' ', b'\t'):
                raise Bad(400)
            k, v = l.split(b':', 1)
            if not k or not all(c in TCHAR for c in k):
                raise Bad(400)
            k = k.decode('latin-1').lower()
            v = v.strip(b' \t').decode('latin-1')
            if k in headers:
                if k in ('content-length', 'host'):
                    if headers[k] != v:
                        raise Bad(400)
                else:
                    headers[k] = headers[k] + ', ' + v
            else:
                headers[k] = v
        if MODE == '1.1' and proto == 'HTTP/1.1' and 'host' not in headers:
            raise Bad(400)
        conn_tokens = [t.strip().lower() for t in headers.get('connection', '').split(',')]
        if MODE == '1.0':
            keep = False
        elif proto == 'HTTP/1.1':
            keep = 'close' not in conn_tokens
        else:
            keep = 'keep-alive' in conn_tokens
        # body
        body = b''
        if MODE == '1.1':
            te = headers.get('transfer-encoding')
            cl = headers.get('content-length')
            if te is not None:
                if cl is not None or te.strip().lower() != 'chunked':
                    raise Bad(400 if cl is not None else 501)
                body = self.read_chunked()
            elif cl is not None:
                if not cl.isdigit():
                    raise Bad(400)
                n = int(cl)
                if n > MAX_BODY:
                    raise Bad(413)
                body = self.c.read_exact(n)
        extra = {}
        if MODE == '1.1' and keep and proto == 'HTTP/1.0':
            extra['Connection'] = 'keep-alive'
        close = not keep

        def reply(code, hdrs, data=b'', head_only=False):
            h = dict(hdrs)
            h.update(extra)
            send(self.sock, code, h, data, head_only=head_only, close=close, version=version)
            return keep

        def err(code, hdrs=None):
            h = {'Content-Type': 'text/plain'}
            h.update(hdrs or {})
            return reply(code, h, error_body(code), head_only=(method == 'HEAD'))

        if not target.startswith('/'):
            return err(400)
        path = target.split('?', 1)[0].split('#', 1)[0]
        if '%' in path:
            # validate escapes
            i = 0
            while True:
                i = path.find('%', i)
                if i < 0:
                    break
                h2 = path[i + 1:i + 3]
                if len(h2) != 2 or any(ch not in '0123456789abcdefABCDEF' for ch in h2):
                    return err(400)
                i += 3
        raw = urllib.parse.unquote_to_bytes(path)
        if b'\0' in raw:
            return err(400)
        segs = raw.split(b'/')
        if b'..' in segs:
            return err(403)
        if MODE == '1.1' and raw == b'/echo':
            if method != 'POST':
                return err(405, {'Allow': 'POST'})
            return reply(200, {'Content-Type': 'application/octet-stream'}, body)
        if method not in ('GET', 'HEAD'):
            return err(405, {'Allow': 'GET, HEAD'})
        fs = os.path.join(self.root.encode(), raw.lstrip(b'/'))
        if os.path.isdir(fs):
            if not raw.endswith(b'/'):
                loc = urllib.parse.quote(raw.decode('latin-1'), safe='/') + '/'
                return err(301, {'Location': loc})
            fs = os.path.join(fs, b'index.html')
        if not os.path.isfile(fs):
            return err(404)
        try:
            with open(fs, 'rb') as f:
                data = f.read()
        except OSError:
            return err(403)
        ext = os.path.splitext(fs)[1].decode('latin-1').lower()
        ctype = TYPES.get(ext, 'application/octet-stream')
        size = len(data)
        if MODE == '1.1' and 'range' in headers:
            r = parse_range(headers['range'], size)
            if r == 'unsat':
                return err(416, {'Content-Range': 'bytes */%d' % size})
            if r is not None:
                a, b = r
                return reply(206, {'Content-Type': ctype, 'Content-Range': 'bytes %d-%d/%d' % (a, b, size)},
                             data[a:b + 1], head_only=(method == 'HEAD'))
        h = {'Content-Type': ctype}
        if MODE == '1.1':
            h['Accept-Ranges'] = 'bytes'
        return reply(200, h, data, head_only=(method == 'HEAD'))

    def read_chunked(self):
        body = b''
        while True:
            line = self.c.read_line()
            size = line.split(b';', 1)[0].strip()
            if not size or any(ch not in b'0123456789abcdefABCDEF' for ch in size) or len(size) > 8:
                raise Bad(400)
            n = int(size, 16)
            if n == 0:
                break
            if len(body) + n > MAX_BODY:
                raise Bad(413)
            body += self.c.read_exact(n)
            if self.c.read_exact(2) not in (b'\r\n',):
                raise Bad(400)
        while True:  # trailers
            line = self.c.read_line()
            if not line:
                break
        return body


def main():
    global MODE
    args = sys.argv[1:]
    if args and args[0] == '--http10':
        MODE = '1.0'
        args = args[1:]
    if len(args) != 2:
        sys.stderr.write('usage: server PORT ROOT\n')
        sys.exit(2)
    port, root = int(args[0]), args[1]
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(('127.0.0.1', port))
    ls.listen(128)
    while True:
        s, _ = ls.accept()
        s.settimeout(30)
        threading.Thread(target=Handler(root, s).run, daemon=True).start()


if __name__ == '__main__':
    main()
