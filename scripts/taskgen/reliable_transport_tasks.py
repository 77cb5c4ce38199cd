#!/usr/bin/env python3
"""Writes the reliable-transport family: python3 reliable_transport_tasks.py CATALOG
(the sources are in scripts/taskgen/reliable_transport/: linksim.py, the simulator shipped to the
agent and to the scorer; run_rt.py, the scorer; rt.py, the reference endpoint; rt_cases.py, the
hidden cases of each level, fixed seeds)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "reliable_transport"))
from lib import task  # noqa: E402
import rt_cases  # noqa: E402

SRC = os.path.join(HERE, "reliable_transport")
read = lambda f: open(os.path.join(SRC, f)).read()
CAT = sys.argv[1]

ONEWAY = """Write two programs, `sender` and `receiver`, executables in the workspace root (a script with a
`#!` line, or a binary: if the workspace has `build.sh`, the scorer runs `bash build.sh` first).  Any
language installed here (Python 3, C with gcc, shell); no library that implements a reliable transport
for you (no TCP: only UDP datagrams may be used, and only to the simulator's ports).

The scorer starts them as `./receiver PORT PEER MTU` and, 0.1 s later, `./sender PORT PEER MTU`, each
with its own numbers.  Each program binds a UDP socket to `127.0.0.1:PORT` and sends every datagram to
`127.0.0.1:PEER`, a port of the link simulator, which passes it on (or not) to the other program's PORT.
`MTU` is the largest UDP payload, in bytes, the link carries (576 to 1500; a longer datagram is
dropped).  `sender` reads a byte stream from its standard input until end of file and must deliver it;
`receiver` writes the stream it receives to its standard output, byte for byte (binary data: every
byte value occurs), and nothing else.  Both must then exit with status 0: the sender once it knows
the receiver has the whole stream, the receiver once it has written the whole stream and the sender
has no reason to send more (for example after a second without a datagram from the sender once the
end of the stream is acknowledged; it may exit earlier when it knows the sender is done).  Nothing
goes to standard output except the stream; anything may go to standard error.
"""

DUPLEX = """Write one program, `peer`, an executable in the workspace root (a script with a `#!` line, or a
binary: if the workspace has `build.sh`, the scorer runs `bash build.sh` first).  Any language
installed here (Python 3, C with gcc, shell); no library that implements a reliable transport for you
(no TCP: only UDP datagrams may be used, and only to the simulator's ports).

The scorer starts two of them, `./peer PORT PEER MTU connect` and `./peer PORT PEER MTU listen`, each
with its own numbers, not necessarily at the same time (the listening side may start up to a second
after the connecting side, or before it).  Each binds a UDP socket to `127.0.0.1:PORT` and sends
every datagram to `127.0.0.1:PEER`, a port of the link simulator, which passes it on (or not) to the
other program's PORT.  `MTU` is the largest UDP payload, in bytes, the link carries (576 to 1500; a
longer datagram is dropped).  The connecting side opens a connection to the listening side (the
listening side must not send data before it has heard from the connecting side).  Then each peer
sends the byte stream of its standard input (read until end of file) and writes the stream it
receives to its standard output, both directions at the same time.  A side whose input ends closes
its direction (half-close): it keeps receiving, and the other side keeps sending, until that one's
input ends too; either stream may be empty.  A peer exits with status 0 once its own stream is
acknowledged, the other side's stream has been received whole and written, and the other side has no
reason to send more (a linger of about a second without datagrams is enough).  Nothing goes to
standard output except the received stream.

Connections: the hidden tests run two connections one after the other on the same ports, and
datagrams of the first one (delayed copies, in both directions) are injected into the second one
during its first seconds: a peer must tell its connection's datagrams from any other's (pick a random
connection identifier or initial sequence number at each start; a datagram from another connection
must neither be delivered nor close the connection).  The link may also go down completely for up to
6 seconds in the middle of a transfer: a peer must keep trying (it may give up, exit non-zero, only
after 20 seconds without hearing from the other side).
"""

LINK = """## The link

`linksim.py` in the workspace is the simulator the scorer uses (the scorer has its own copy and its
own profiles; see `linksim.py`'s header and `README.md` here).  Try your programs with it:

```
head -c 300000 /dev/urandom > in.bin
python3 linksim.py profiles/PROFILE.json --in-a in.bin --out-b out.bin ./sender -- ./receiver
cmp in.bin out.bin
```

It prints a JSON summary (exit statuses, seconds, bytes on the wire per direction, drops, memory).
A profile sets, for each direction (`link` for both, `ab` / `ba` to override one): `loss`, `dup`,
`reorder` (probability that a datagram is held back an extra `reorder_ms` x 0.5..1.5), `corrupt`
(probability that 1 to 3 of its bytes are changed), `delay_ms` and `jitter_ms` (one-way), `mtu`,
`bw` (bytes per second of a bottleneck, 0 for none) with a drop-tail queue of `buffer` bytes, and
`outages` (time windows, in seconds from the start, when everything is dropped); `stalls` make the
simulator stop reading a program's standard output for a while.  Every datagram a program sends
counts its length plus 28 bytes (IP and UDP headers) as bytes on the wire.  Impairments are drawn
from a generator seeded with the profile's `seed`, one sequence per direction.
"""

FEAT = {
    1: """## This level: stop-and-wait over a drop-only link

The hidden link profiles only drop datagrams (up to 30 % in one direction, 40 % of the datagrams from
the receiver in one test), with a one-way delay of a few milliseconds; datagrams are never
duplicated, reordered or changed.  Streams are 0 to 25,000 bytes.  Bounds per test: 30 seconds (streams
up to 3,000 bytes) or 60 seconds, and at most 4 x the stream's length + 16,384 bytes on the wire.  Stop-and-wait (one datagram in flight,
a sequence bit or number, retransmission on a timeout) is enough.
""",
    2: """## This level: a sliding window with cumulative acknowledgements

The hidden link profiles drop up to 12 % of the datagrams and duplicate up to 50 %, with a one-way
delay of 20 to 40 ms; datagrams are not reordered (a duplicate may follow its original closely) or
changed.  Streams are 150,000 to 300,000 bytes.  Bounds per test: the time limit is 3 s plus half of
what stop-and-wait would need without loss (one round trip per MTU - 100 bytes; 8 s for the test
that duplicates half of the datagrams) (so stop-and-wait is too slow: keep many datagrams in
flight), and at most 3 x the stream's length + 16,384 bytes on the wire.
""",
    3: """## This level: selective repeat, reordering, corruption, efficiency

The hidden link profiles drop 5 to 12 % of the datagrams, duplicate up to 10 %, reorder 5 to 25 %
(held back 7 to 60 ms), change bytes in 2 to 6 % of them, with a one-way delay of 10 to 30 ms and
a few ms of jitter.  Streams are 200,000 to 400,000 bytes.  A changed datagram must be detected
(a checksum over every datagram, e.g. CRC-32) and dropped.  Bounds per test: the time limit is 6 s
plus half of what stop-and-wait would need without loss (one round trip per MTU - 100 bytes), and the bytes on the wire at most
1.4 / (1 - p) x the stream's length + 16,384, where p is the profile's drop probability plus its
corruption probability: retransmit only what was lost (selective acknowledgements or selective
repeat), not the whole window, and keep headers and acknowledgements small.
""",
    4: """## This level: flow control and congestion control

On top of everything the selective-repeat level handles (the profiles of the mixed tests drop,
duplicate, reorder and corrupt datagrams as there), the hidden tests add:

- Bottlenecks: a link of 300,000 to 800,000 bytes/s in each direction with a drop-tail queue of 12,000
  to 32,000 bytes (and up to 1 % random loss).  A sender that sends faster than the bottleneck loses
  most of what it sends.  The stream (1.5 to 2 times the bottleneck's bytes per second) must arrive
  at no less than 0.2 x the bottleneck's rate, counted from the start to the last byte written, and the
  bytes on the wire stay under 1.35 x the stream + 16,384: a congestion window that grows while
  nothing is lost and shrinks when the link drops datagrams (AIMD as in TCP Reno, or better).
  The mixed tests (600,000 bytes/s, 2 to 5 % loss, corruption, reordering) need 70,000 bytes/s and
  the selective-repeat level's wire bound.
- A slow reader: the scorer stops reading the receiver's standard output for 3.5 seconds during a
  2,500,000-byte transfer over a 1,000,000 bytes/s link.  The receiver may hold at most 256 KiB of
  data it has not yet written (its resident memory, with its child processes, must not grow by more
  than 768 KiB from the first second on) and must not drop what the sender sends in good faith: the
  receiver advertises the room it has left (a receive window) and the sender never sends beyond it,
  probing now and then while the window is zero.  Wire bound 1.35 x the stream + 16,384.
- Time limit per test: 30 s (40 s for the slow reader).
""",
    5: """## This level: connections, both directions, outages

The hidden link profiles combine the impairments of the earlier levels: loss up to 10 %, duplicates,
reordering, corruption, a bottleneck of 500,000 to 600,000 bytes/s with a drop-tail queue, outages of
2.5 and 6 seconds, and stale datagrams of an earlier connection.  Streams are 0 to 600,000 bytes in
each direction.  Bounds per test: 30 s (40 s with an outage); bytes on the wire (both directions,
both streams) at most 1.4 / (1 - p) x the two streams + 32,768 where p is the drop plus corruption
probability, and 1.5 x + 65,536 in the outage and stale-datagram tests.  A changed datagram must be
detected and dropped; the sender must not overrun the bottleneck (congestion control) or the other
side's receive buffer.
""",
}

LEVELS = {
    1: ("stop-and-wait", 120, "Write a sender and receiver that deliver a byte stream over a UDP link simulator that drops datagrams (stop-and-wait)",
        "estimate: reading the task and the simulator 0.3 h, designing a header with a sequence number and acknowledgements 0.2 h, "
        "writing sender and receiver (sockets, timeouts, end of stream, the receiver's linger) 0.8 h, testing with the simulator on "
        "lossy profiles, the empty stream and lost acknowledgements, fixing the termination races 0.7 h: about 2 h; the reference's "
        "equivalent part is about 120 lines", ["networking", "protocols"]),
    2: ("sliding-window", 300, "Write a sliding-window reliable transport (cumulative ACKs) over a UDP link simulator with loss and duplication, within a time bound",
        "estimate: the stop-and-wait level (about 2 h) plus a window of segments in flight with cumulative acknowledgements and "
        "go-back-N or per-segment timers 1.5 h, an adaptive retransmission timeout (RTT estimation) 0.5 h, duplicates and window "
        "edge cases 0.5 h, tuning until the time bound holds on the lossy profiles 0.5 h: about 5 h", ["networking", "protocols"]),
    3: ("selective-repeat", 540, "Write a selective-repeat reliable transport with checksums over a UDP link simulator that drops, duplicates, reorders and corrupts, within time and wire-efficiency bounds",
        "estimate: the sliding-window level (about 5 h) plus a receiver buffer for out-of-order segments and selective acknowledgements "
        "1.5 h, loss detection that tolerates reordering (SACK scoreboard, time-based detection) 1 h, checksums and header validation "
        "0.5 h, measuring and cutting wire overhead to meet the efficiency bound 1 h: about 9 h; the reference's equivalent part is "
        "about 250 of its 360 lines", ["networking", "protocols", "long"]),
    4: ("congestion-control", 960, "Write a reliable transport with selective repeat, receive-window flow control and loss-reacting congestion control, with throughput, efficiency and memory bounds on bottleneck links",
        "estimate: the selective-repeat level (about 9 h) plus a receive window with zero-window probes and window updates 2 h, a "
        "congestion window (slow start, additive increase, multiplicative decrease, timeout collapse) 2 h, tuning against drop-tail "
        "bottlenecks for throughput and efficiency at once, which usually takes several attempts 2 h, the slow-reader test with bounded "
        "buffering 1 h: about 16 h (a comparable TCP-like course project, e.g. Stanford CS144's labs, is budgeted at 30 to 40 h for "
        "students)", ["networking", "protocols", "long"]),
    5: ("full-duplex", 1560, "Write a full-duplex reliable transport with connection setup and teardown, half-close, stale-datagram rejection and outage survival, on top of selective repeat, flow and congestion control",
        "estimate: the congestion-control level (about 16 h) plus a handshake with random connection identifiers and the rejection of "
        "stale datagrams 3 h, turning the one-way design into a symmetric peer (both directions at once, piggy-backed acknowledgements) "
        "3 h, teardown with half-close, FIN retransmission and the linger 2 h, outage survival (timer back-off caps, not giving up) 1 h, "
        "debugging the races these add 1 h: about 26 h; the reference is 360 lines of Python", ["networking", "protocols", "long"]),
}

README = """# Workspace

`linksim.py` is the link simulator the hidden tests use (same code; the tests have their own profiles and
streams).  `profiles/` holds example profiles like the tests' ones.  Put your programs here (see the
instructions): `{progs}`.
"""

PROFILES = {
    1: {"drop-10": {"seed": 1, "link": {"loss": 0.1, "delay_ms": 5, "mtu": 1000}},
        "drop-30": {"seed": 2, "link": {"loss": 0.3, "delay_ms": 8, "mtu": 576}}},
    2: {"window": {"seed": 3, "link": {"loss": 0.08, "dup": 0.15, "delay_ms": 30, "mtu": 1200}}},
    3: {"selective": {"seed": 4, "link": {"loss": 0.08, "dup": 0.05, "reorder": 0.15, "reorder_ms": 30, "corrupt": 0.04,
                                          "jitter_ms": 3, "delay_ms": 20, "mtu": 1200}}},
    4: {"bottleneck": {"seed": 5, "link": {"bw": 500000, "buffer": 20000, "delay_ms": 25, "loss": 0.005, "mtu": 1400}},
        "slow-reader": {"seed": 6, "link": {"bw": 1000000, "buffer": 64000, "delay_ms": 10, "mtu": 1400},
                        "stalls": {"b": [[0.6, 3.5]]}, "rss_base_s": 1.0}},
    5: {"duplex": {"seed": 7, "link": {"loss": 0.05, "dup": 0.05, "reorder": 0.1, "reorder_ms": 20, "corrupt": 0.02, "delay_ms": 15,
                                       "mtu": 1200, "bw": 600000, "buffer": 40000}, "start_s": {"a": 0.0, "b": 0.5}},
        "outage": {"seed": 8, "link": {"loss": 0.03, "delay_ms": 15, "mtu": 1200, "bw": 500000, "buffer": 30000,
                                       "outages": [[0.8, 4.0]]}}},
}

for level, (name, minutes, summary, notes, tags) in LEVELS.items():
    duplex = level == 5
    profiles = {}
    for lv in range(1, level + 1):
        profiles.update(PROFILES[lv])
    files = {"linksim.py": read("linksim.py"), "README.md": README.format(progs="peer" if duplex else "sender, receiver")}
    for k, v in profiles.items():
        files["profiles/%s.json" % k] = json.dumps(v, indent=1) + "\n"
    ins = "# A reliable byte stream over a lossy link (%s)\n\n" % name + (DUPLEX if duplex else ONEWAY) + "\n" + LINK
    if duplex:
        ins = ins.replace("python3 linksim.py profiles/PROFILE.json --in-a in.bin --out-b out.bin ./sender -- ./receiver\ncmp in.bin out.bin",
                          "head -c 100000 /dev/urandom > back.bin\npython3 linksim.py --duplex profiles/PROFILE.json --in-a in.bin --in-b back.bin --out-a got-a.bin --out-b got-b.bin ./peer -- ./peer\ncmp in.bin got-b.bin && cmp back.bin got-a.bin")
    ins += "\n" + FEAT[level] + """
## Scoring

The hidden tests run your programs over many seeded link profiles like the ones in `profiles/`
(several tests at a time, on a machine that may be busy: leave margin).  A test passes when both
programs exit with status 0 within its time limit, every stream arrives byte for byte, and the
test's bounds hold; every test must pass.
"""
    cases = {"level": level, "duplex": duplex, "cases": rt_cases.level_cases(level)}
    solve = ('d="$(dirname "$0")"\ncp "$d/rt.py" rt.py\n' +
             ("printf '#!/bin/sh\\nexec python3 \"$(dirname \"$0\")/rt.py\" \"$@\"\\n' > peer\nchmod +x peer" if duplex else
              "printf '#!/bin/sh\\nexec python3 \"$(dirname \"$0\")/rt.py\" \"$1\" \"$2\" \"$3\" connect\\n' > sender\n"
              "printf '#!/bin/sh\\nexec python3 \"$(dirname \"$0\")/rt.py\" \"$1\" \"$2\" \"$3\" listen\\n' > receiver\nchmod +x sender receiver"))
    task(CAT, "reliable-transport/" + name, domain="software", summary=summary, minutes=minutes, notes=notes, instructions=ins,
         files=files, tests={"run_rt.py": read("run_rt.py"), "linksim.py": read("linksim.py"), "cases.json": json.dumps(cases, indent=1) + "\n"},
         extra_solution={"rt.py": read("rt.py")}, solve=solve,
         scorer={"kind": "json", "command": ["python3", "{tests}/run_rt.py"], "timeout_s": 300},
         resources={"memory_mb": 2048, "processes": 64}, requires=["python3", "gcc"],
         tags=tags + (["from-scratch"] if level >= 3 else []), limit=int(max(3600, minutes * 60 * 3)))
