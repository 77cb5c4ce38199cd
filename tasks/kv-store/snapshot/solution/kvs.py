#!/usr/bin/env python3
"""Reference in-memory key-value store with a line protocol and snapshot SAVE/LOAD."""
import os, struct, sys, zlib

MAGIC = b'KVS1\n'
I64 = (-(1 << 63), (1 << 63) - 1)


def valid_key(k):
    return 0 < len(k) <= 100 and all(33 <= c <= 126 for c in k)


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


def save(data, path):
    body = b''.join(struct.pack('<II', len(k), len(v)) + k + v for k, v in sorted(data.items()))
    blob = MAGIC + struct.pack('<Q', len(data)) + body
    blob += struct.pack('<I', zlib.crc32(blob)) + b'END\n'
    tmp = path + b'.tmp%d' % os.getpid()
    with open(tmp, 'wb') as f:
        f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, path)


def load(path):
    with open(path, 'rb') as f:
        blob = f.read()
    if len(blob) < len(MAGIC) + 8 + 8 or not blob.startswith(MAGIC) or not blob.endswith(b'END\n'):
        raise ValueError('bad snapshot')
    body, crc = blob[:-8], struct.unpack('<I', blob[-8:-4])[0]
    if zlib.crc32(body) != crc:
        raise ValueError('bad checksum')
    n = struct.unpack_from('<Q', body, len(MAGIC))[0]
    pos = len(MAGIC) + 8
    out = {}
    for _ in range(n):
        kl, vl = struct.unpack_from('<II', body, pos)
        pos += 8
        out[body[pos:pos + kl]] = body[pos + kl:pos + kl + vl]
        pos += kl + vl
    if pos != len(body):
        raise ValueError('bad length')
    return out


def main():
    data = {}
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        line = line.rstrip(b'\n')
        if line.endswith(b'\r'):
            line = line[:-1]
        cmd, sp, rest = line.partition(b' ')
        r = b'ERR bad command'
        if cmd == b'SET':
            k, sp2, v = rest.partition(b' ')
            if sp and sp2 and valid_key(k) and len(v) <= 10000:
                data[k] = v; r = b'OK'
        elif cmd in (b'GET', b'DEL') and sp and valid_key(rest):
            if rest not in data:
                r = b'NOTFOUND'
            elif cmd == b'GET':
                r = b'VALUE ' + data[rest]
            else:
                del data[rest]; r = b'OK'
        elif line == b'COUNT':
            r = b'%d' % len(data)
        elif cmd == b'INCR' and sp:
            parts = rest.split(b' ')
            if 1 <= len(parts) <= 2 and valid_key(parts[0]):
                delta = parse_int(parts[1]) if len(parts) == 2 else 1
                cur = parse_int(data[parts[0]]) if parts[0] in data else 0
                if delta is None:
                    r = b'ERR bad delta'
                elif cur is None:
                    r = b'ERR not an integer'
                elif not I64[0] <= cur + delta <= I64[1]:
                    r = b'ERR overflow'
                else:
                    data[parts[0]] = b'%d' % (cur + delta); r = data[parts[0]]
        elif cmd == b'KEYS':
            if not sp:
                r = b' '.join(sorted(data))
            elif valid_key(rest):
                r = b' '.join(sorted(k for k in data if k.startswith(rest)))
        elif cmd == b'SAVE' and sp and rest:
            try:
                save(data, rest); r = b'OK'
            except OSError:
                r = b'ERR cannot save'
        elif cmd == b'LOAD' and sp and rest:
            try:
                data = load(rest); r = b'OK'
            except (OSError, ValueError, struct.error):
                r = b'ERR cannot load'
        out.write(r + b'\n')
        out.flush()


if __name__ == '__main__':
    main()
