#!/usr/bin/env python3
"""Reference crash-safe key-value store: snapshot + write-ahead log with CRC-checked records,
group commit (one fsync per batch of pipelined commands), torn-tail truncation on recovery,
and compaction by atomic snapshot replacement."""
import os, struct, sys, zlib

HDR = struct.Struct('<II')  # payload length, crc32(payload)


def fsync_dir(d):
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode(op, key, value=b''):
    payload = op + struct.pack('<I', len(key)) + key + value
    return HDR.pack(len(payload), zlib.crc32(payload)) + payload


def read_records(data):
    """Yield (op, key, value) for each valid record; return the length of the valid prefix."""
    pos = 0
    out = []
    while pos + HDR.size <= len(data):
        ln, crc = HDR.unpack_from(data, pos)
        if ln < 5 or pos + HDR.size + ln > len(data):
            break
        payload = data[pos + HDR.size:pos + HDR.size + ln]
        if zlib.crc32(payload) != crc:
            break
        kl = struct.unpack_from('<I', payload, 1)[0]
        if 5 + kl > ln:
            break
        out.append((payload[:1], payload[5:5 + kl], payload[5 + kl:]))
        pos += HDR.size + ln
    return out, pos


class Store:
    def __init__(self, d):
        self.d = d
        os.makedirs(d, exist_ok=True)
        self.data = {}
        self.gen = 0
        snap = os.path.join(d, 'snapshot.dat')
        if os.path.exists(snap):
            with open(snap, 'rb') as f:
                recs, end = read_records(f.read())
            for op, k, v in recs:
                if op == b'G':
                    self.gen = int(v)
                elif op == b'S':
                    self.data[k] = v
        for name in os.listdir(d):
            if name.endswith('.tmp') or (name.startswith('wal-') and name != self.walname()):
                os.unlink(os.path.join(d, name))
        path = os.path.join(d, self.walname())
        raw = b''
        if os.path.exists(path):
            with open(path, 'rb') as f:
                raw = f.read()
        recs, end = read_records(raw)
        for op, k, v in recs:
            self.apply(op, k, v)
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
        if end != len(raw):
            os.ftruncate(self.fd, end)  # drop a torn or corrupt tail
        os.lseek(self.fd, end, os.SEEK_SET)
        os.fsync(self.fd)
        fsync_dir(d)
        self.walsize = end
        self.live = sum(len(k) + len(v) for k, v in self.data.items())
        self.pending = []

    def walname(self):
        return 'wal-%d.log' % self.gen

    def apply(self, op, k, v):
        if op == b'S':
            self.data[k] = v
        elif op == b'D':
            self.data.pop(k, None)

    def log(self, op, k, v=b''):
        old = self.data.get(k)
        if old is not None:
            self.live -= len(k) + len(old)
        self.apply(op, k, v)
        if op == b'S':
            self.live += len(k) + len(v)
        self.pending.append(encode(op, k, v))

    def commit(self):
        if self.pending:
            buf = b''.join(self.pending)
            self.pending = []
            while buf:
                n = os.write(self.fd, buf)
                buf = buf[n:]
                self.walsize += n
            os.fsync(self.fd)
        if self.walsize > 2 * self.live + (1 << 20):
            self.compact()

    def compact(self):
        self.commit_only()
        gen = self.gen + 1
        tmp = os.path.join(self.d, 'snapshot.tmp')
        with open(tmp, 'wb') as f:
            f.write(encode(b'G', b'', str(gen).encode()))
            f.write(b''.join(encode(b'S', k, v) for k, v in self.data.items()))
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.d, 'snapshot.dat'))
        fsync_dir(self.d)
        old = os.path.join(self.d, self.walname())
        self.gen = gen
        os.close(self.fd)
        self.fd = os.open(os.path.join(self.d, self.walname()), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.fsync(self.fd)
        os.unlink(old)
        fsync_dir(self.d)
        self.walsize = 0

    def commit_only(self):
        if self.pending:
            buf = b''.join(self.pending)
            self.pending = []
            while buf:
                n = os.write(self.fd, buf)
                buf = buf[n:]
                self.walsize += n
            os.fsync(self.fd)


def valid_key(k):
    return 0 < len(k) <= 100 and not any(c <= 32 or c == 127 for c in k)


def handle(st, line, out):
    if line.endswith(b'\r'):
        line = line[:-1]
    cmd, sp, rest = line.partition(b' ')
    if cmd == b'SET':
        key, sp2, value = rest.partition(b' ')
        if not sp or not sp2 or not valid_key(key) or len(value) > 10000:
            out.append(b'ERR bad SET\n'); return
        st.log(b'S', key, value)
        out.append(b'OK\n')
    elif cmd == b'GET' or cmd == b'DEL':
        if not sp or not valid_key(rest):
            out.append(b'ERR bad ' + cmd + b'\n'); return
        if rest not in st.data:
            out.append(b'NOTFOUND\n')
        elif cmd == b'GET':
            out.append(b'VALUE ' + st.data[rest] + b'\n')
        else:
            st.log(b'D', rest)
            out.append(b'OK\n')
    elif line == b'COUNT':
        out.append(b'%d\n' % len(st.data))
    elif line == b'COMPACT':
        st.compact()
        out.append(b'OK\n')
    else:
        out.append(b'ERR unknown command\n')


def main():
    if len(sys.argv) != 2:
        sys.stderr.write('usage: kvd DIR\n')
        sys.exit(2)
    st = Store(sys.argv[1])
    buf = b''
    while True:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            break
        buf += chunk
        *lines, buf = buf.split(b'\n')
        out = []
        for line in lines:
            handle(st, line, out)
            if line == b'COMPACT':
                pass
        st.commit()  # durable before any acknowledgement of this batch is written
        data = b''.join(out)
        while data:
            n = os.write(1, data)
            data = data[n:]
    if buf:
        out = []
        handle(st, buf, out)
        st.commit()
        os.write(1, b''.join(out))


if __name__ == '__main__':
    main()
