#!/usr/bin/env python3
"""Reference endpoint of the reliable-transport family: a full-duplex reliable byte stream over UDP.

    rt.py PORT PEER MTU ROLE      ROLE: connect or listen

Reads the stream to send from standard input, writes the stream received to standard output.
Protocol: a 3-way handshake with random connection ids (stale datagrams of another connection are
ignored), byte sequence numbers from 0 in each direction, segments cut at fixed offsets, cumulative
ACKs with up to 3 SACK blocks and the receiver's free window, CRC-32 over every datagram, RFC 6298
retransmission timer with backoff, time-based loss detection from SACKs (RACK-like), NewReno-style
congestion window (slow start, additive increase, halving once per loss episode, 1 segment after a
timeout), zero-window probes, FIN in each direction (half-close), a quiet-time linger at the end.
"""
import os, random, select, socket, struct, sys, time, zlib

SACK = True          # send SACK blocks (else only cumulative ACKs: timeouts go back N)
CHECKSUM = True      # check the CRC-32 of every datagram
CC = True            # congestion control (else the window is only the receiver's)
FLOW = True          # bounded receive buffer and window (else everything is buffered)
CIDS = True          # random connection ids (else every connection is number 1)
GIVE_UP_S = 30.0     # silence from the peer after which the endpoint gives up
RCVBUF = 256 * 1024
FLOOR = 16           # the congestion window never halves below FLOOR segments (random loss is not congestion)
SYN, ACK, FIN = 1, 2, 4
HDR = struct.Struct("!BIIIIIIIB")   # flags, cid_c, cid_l, seq, ack, window, timestamp, echo, n_sack
SACKB = struct.Struct("!II")
OVER = HDR.size + 3 * SACKB.size + 4


def cid():
    return random.SystemRandom().randrange(1, 1 << 32) if CIDS else 1


class Endpoint:
    def __init__(self, role, port, peer, mtu):
        self.role, self.peer = role, ("127.0.0.1", peer)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        self.sock.bind(("127.0.0.1", port))
        self.sock.setblocking(False)
        self.mss = max(16, mtu - OVER)
        self.data = sys.stdin.buffer.read()
        self.n = (len(self.data) + self.mss - 1) // self.mss
        self.state = bytearray(self.n)   # 0 unsent, 1 in flight, 2 sacked, 3 lost
        self.sent_at = [0.0] * self.n
        self.una = 0          # first segment not cumulatively acked
        self.nxt = 0          # next new segment
        self.fin_sent = self.fin_acked = False
        self.rwnd = RCVBUF
        self.cwnd = 4 * self.mss if CC else 1 << 30
        self.ssthresh = 1 << 30
        self.recover = -1
        self.srtt = None
        self.rttvar = 0.0
        self.rto = 0.3
        self.backoff = 1
        self.timer = None
        self.latest = 0.0     # latest send time among the segments known delivered
        # receive side
        self.rcv_nxt = 0
        self.ooo = {}
        self.ooo_bytes = 0
        self.out = bytearray()
        self.peer_fin = None
        self.out_open = True
        self.unacked = 0
        self.delack = None
        self.small_wnd = False
        os.set_blocking(1, False)
        # connection
        self.cid_c = cid() if role == "connect" else 0
        self.cid_l = 0
        self.cands = {}
        self.up = False
        self.last_heard = time.monotonic()
        self.start = self.last_heard
        self.ts_recent = 0
        self.newly = False
        self.done_at = None

    # -- wire --
    def send(self, flags, seq=0, payload=b""):
        if self.up:
            flags |= ACK
        blocks = self.sack_blocks() if SACK else []
        ts = int((time.monotonic() - self.start) * 1000) + 1
        h = HDR.pack(flags, self.cid_c, self.cid_l, seq, self.rcv_nxt, self.window(), ts, self.ts_recent, len(blocks))
        body = h + b"".join(SACKB.pack(a, b) for a, b in blocks) + payload
        try:
            self.sock.sendto(body + struct.pack("!I", zlib.crc32(body)), self.peer)
        except OSError:
            pass
        self.unacked = 0
        self.delack = None

    def window(self):
        if not FLOW:
            return 1 << 30
        return max(0, RCVBUF - len(self.out))

    def sack_blocks(self):
        out = []
        for s in sorted(self.ooo):
            e = s + len(self.ooo[s])
            if out and out[-1][1] == s:
                out[-1][1] = e
            else:
                if len(out) == 3:
                    break
                out.append([s, e])
        return out

    def parse(self, d):
        if len(d) < HDR.size + 4:
            return None
        body, crc = d[:-4], struct.unpack("!I", d[-4:])[0]
        if CHECKSUM and zlib.crc32(body) != crc:
            return None
        flags, cc, cl, seq, ack, wnd, ts, ecr, ns = HDR.unpack_from(body)
        off = HDR.size + ns * SACKB.size
        if ns > 3 or off > len(body):
            return None
        blocks = [SACKB.unpack_from(body, HDR.size + k * SACKB.size) for k in range(ns)]
        return flags, cc, cl, seq, ack, wnd, ts, ecr, blocks, body[off:]

    # -- receiving --
    def on_datagram(self, d, now):
        p = self.parse(d)
        if p is None:
            return
        flags, cc, cl, seq, ack, wnd, ts, ecr, blocks, payload = p
        if self.role == "listen":
            if flags & SYN:
                if not self.up:
                    self.cands.setdefault(cc, cid())
                    self.cid_c, self.cid_l = cc, self.cands[cc]
                    self.send(SYN | ACK)
                    self.cid_c = self.cid_l = 0
                elif cc == self.cid_c:
                    self.send(SYN | ACK)
                return
            if not self.up:
                if self.cands.get(cc) != cl or not flags & ACK:
                    return
                self.cid_c, self.cid_l, self.up = cc, cl, True
                self.rearm(now)
        else:
            if cc != self.cid_c:
                return
            if flags & SYN:
                if not self.up:
                    self.cid_l, self.up = cl, True
                    self.timer = None
                    self.backoff = 1
                if cl == self.cid_l:
                    self.send(0)
                return
            if not self.up:
                return
        if cc != self.cid_c or cl != self.cid_l:
            return
        self.last_heard = now
        self.ts_recent = ts
        if flags & ACK:
            self.on_ack(ack, wnd, blocks, now, ecr)
        if payload or flags & FIN:
            self.on_data(seq, payload, flags & FIN)

    def on_data(self, seq, payload, fin):
        if fin:
            self.peer_fin = seq
        elif seq >= self.rcv_nxt and seq not in self.ooo:
            room = self.rcv_nxt + self.window() - len(payload) if FLOW else 1 << 62
            if seq <= room or seq == self.rcv_nxt and not self.out:
                self.ooo[seq] = payload
                self.ooo_bytes += len(payload)
        inorder = seq == self.rcv_nxt
        while self.rcv_nxt in self.ooo:
            p = self.ooo.pop(self.rcv_nxt)
            self.ooo_bytes -= len(p)
            self.out += p
            self.rcv_nxt += len(p)
        if self.peer_fin is not None and self.rcv_nxt == self.peer_fin:
            self.rcv_nxt += 1
        if self.window() < 2 * self.mss:
            self.small_wnd = True
        self.unacked += 1
        if not inorder or self.ooo or self.unacked >= 2 or fin or not payload:
            self.send(0)
        elif self.delack is None:
            self.delack = time.monotonic() + 0.01

    def sample(self, r):
        if self.srtt is None:
            self.srtt, self.rttvar = r, r / 2
        else:
            self.rttvar = 0.75 * self.rttvar + 0.25 * abs(self.srtt - r)
            self.srtt = 0.875 * self.srtt + 0.125 * r
        self.rto = min(1.0, max(0.06, self.srtt + max(4 * self.rttvar, 0.02)))

    def on_ack(self, ack, wnd, blocks, now, ecr):
        self.rwnd = wnd
        L = len(self.data)
        if ack > L and self.fin_sent and not self.fin_acked:
            self.fin_acked = self.newly = True
        segs = min(self.n, ack // self.mss) if ack < L else self.n
        progressed = segs > self.una
        for i in range(self.una, segs):
            if self.state[i] != 2:
                self.delivered(i, now)
        self.una = max(self.una, segs)
        for a, b in blocks:
            for i in range(max(self.una, a // self.mss), min(self.n, (b + 0) // self.mss + (1 if b >= L else 0))):
                s, e = i * self.mss, min(L, (i + 1) * self.mss)
                if s >= a and e <= b and self.state[i] in (1, 3):
                    self.delivered(i, now)
                    self.state[i] = 2
        if progressed or self.fin_acked:
            self.backoff = 1
            self.rearm(now)
            if CC and self.una >= self.recover:
                if self.cwnd < self.ssthresh:
                    self.cwnd += self.mss
                else:
                    self.cwnd += self.mss * self.mss // self.cwnd
        if ecr and self.newly:
            self.sample(max(0.0, (now - self.start) - (ecr - 1) / 1000.0))
        self.newly = False
        self.detect(now)

    def delivered(self, i, now):
        self.newly = True
        self.latest = max(self.latest, self.sent_at[i])

    def detect(self, now):
        reo = max((self.srtt or 0.05) / 2, 0.065)   # reordering tolerance
        lost = False
        for i in range(self.una, self.nxt):
            if self.state[i] == 1 and self.sent_at[i] + reo < self.latest:
                self.state[i] = 3
                lost = True
        if lost and CC and self.una >= self.recover:
            self.ssthresh = max(self.cwnd // 2, FLOOR * self.mss)
            self.cwnd = self.ssthresh
            self.recover = self.nxt

    def flight(self):
        return sum(self.mss for i in range(self.una, self.nxt) if self.state[i] == 1)

    def rearm(self, now):
        out = self.una < self.n or (self.fin_sent and not self.fin_acked) or not self.up
        self.timer = now + min(1.0, self.rto * self.backoff) if out else None

    # -- sending --
    def pump(self, now):
        if not self.up:
            if self.role == "connect" and self.timer is None:
                self.send(SYN)
                self.timer = now + min(1.0, self.rto * self.backoff)
            return
        L = len(self.data)
        pipe = self.flight()
        sent = False
        while pipe + self.mss <= max(self.cwnd, self.mss):
            i = next((k for k in range(self.una, self.nxt) if self.state[k] == 3), None)
            if i is None:
                if self.nxt >= self.n or (self.nxt + 1) * self.mss > self.una * self.mss + self.rwnd:
                    break
                i = self.nxt
                self.nxt += 1
            self.state[i] = 1
            self.sent_at[i] = now
            self.send(0, i * self.mss, self.data[i * self.mss:(i + 1) * self.mss])
            pipe += self.mss
            sent = True
        if self.nxt >= self.n and not self.fin_sent:
            self.fin_sent = True
            self.send(FIN, L)
            sent = True
        if sent and self.timer is None:
            self.rearm(now)

    def on_timer(self, now):
        if not self.up:
            if self.role == "connect":
                self.backoff = min(self.backoff * 2, 8)
                self.timer = None
            return
        self.backoff = min(self.backoff * 2, 8)
        if self.una < self.nxt:
            for i in range(self.una, self.nxt):
                if self.state[i] == 1:
                    self.state[i] = 3
            if CC:
                self.ssthresh = max(self.cwnd // 2, FLOOR * self.mss)
                self.cwnd = 2 * self.mss
                self.recover = self.nxt
        elif self.una < self.n:   # zero window: probe with the next segment
            i = self.nxt
            self.nxt += 1
            self.state[i] = 1
            self.sent_at[i] = now
            self.send(0, i * self.mss, self.data[i * self.mss:(i + 1) * self.mss])
        elif self.fin_sent and not self.fin_acked:
            self.send(FIN, len(self.data))
        self.rearm(now)

    def flush(self):
        if self.out:
            try:
                k = os.write(1, self.out[:1 << 16])
            except BlockingIOError:
                k = 0
            del self.out[:k]
            if self.small_wnd and self.window() >= RCVBUF // 2:
                self.small_wnd = False
                self.send(0)
        if self.out_open and not self.out and self.peer_fin is not None and self.rcv_nxt > self.peer_fin:
            os.close(1)
            self.out_open = False

    def loop(self):
        while True:
            now = time.monotonic()
            if self.timer is not None and now >= self.timer:
                self.on_timer(now)
            if self.delack is not None and now >= self.delack:
                self.send(0)
            self.pump(now)
            both = self.up and self.fin_acked and not self.out_open
            if both and self.done_at is None:
                self.done_at = now
            if self.done_at is not None and (now - max(self.last_heard, self.done_at) > 1.0 or now - self.done_at > 4.0):
                return 0
            if self.up and not self.out_open and self.fin_sent and now - self.last_heard > 3.0:
                return 0   # the peer has all our data (it only leaves after our FIN) and is gone
            if now - max(self.last_heard, self.start) > GIVE_UP_S:
                return 1
            waits = [t for t in (self.timer, self.delack) if t is not None] + [now + 0.2]
            wl = [1] if self.out and self.out_open else []
            r, w, _ = select.select([self.sock], wl, [], max(0.0, min(waits) - now))
            if r:
                now = time.monotonic()
                for _ in range(256):
                    try:
                        d = self.sock.recv(65536)
                    except (BlockingIOError, ConnectionRefusedError):
                        break
                    self.on_datagram(d, now)
            if w or self.out:
                self.flush()
            elif self.out_open:
                self.flush()


def main():
    port, peer, mtu, role = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    sys.exit(Endpoint(role, port, peer, mtu).loop())


if __name__ == "__main__":
    main()
