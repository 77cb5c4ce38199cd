#!/usr/bin/env python3
"""linksim: a lossy datagram link between two programs, on UDP over 127.0.0.1.

    python3 linksim.py [--duplex] PROFILE.json [--in-a F] [--in-b F] [--out-a F] [--out-b F] A_CMD... -- B_CMD...

Endpoint B is started first and A 0.1 s later (unless the profile's `start_s` says otherwise), each as
`CMD PORT PEER MTU` (plus `connect` for A and `listen` for B with --duplex): it binds UDP 127.0.0.1:PORT and sends
every datagram to 127.0.0.1:PEER, a port of the simulator, which forwards it (or not) to the other
endpoint's PORT.  The profile (JSON) sets, per direction, the random impairments (drop, duplicate,
reorder, corrupt; drawn from a generator seeded with `seed`, one draw sequence per direction, so a
given profile impairs the n-th datagram of a direction the same way every time), the propagation
delay and jitter, the MTU (a longer datagram is dropped), a bottleneck (bandwidth in bytes/s, a
drop-tail queue of `buffer` bytes) and outages (time windows in which everything is dropped).
Every datagram an endpoint sends counts `len + 28` bytes on the wire (IPv4 and UDP headers).
The simulator feeds each endpoint's standard input from a file, collects its standard output, and
prints a JSON summary: exit statuses, elapsed seconds, wire bytes, datagram counts, memory growth.
"""
import heapq, json, os, random, select, signal, socket, subprocess, sys, time

OVERHEAD = 28
DIRS = ("ab", "ba")


class Direction:
    def __init__(self, p, seed):
        self.p = p
        self.rng = random.Random(seed)
        self.busy = 0.0
        self.stats = {"sent": 0, "wire_bytes": 0, "delivered": 0, "dropped": 0, "queue_drops": 0,
                      "corrupted": 0, "duplicated": 0, "too_big": 0}

    def arrive(self, now, data):
        """Returns the list of (delay_until, bytes) deliveries for one datagram."""
        p, st, r = self.p, self.stats, self.rng
        st["sent"] += 1
        st["wire_bytes"] += len(data) + OVERHEAD
        # one fixed set of draws per datagram keeps the sequence independent of the outcome
        u_drop, u_dup, u_reo, u_cor, u_jit, u_jit2 = (r.random() for _ in range(6))
        cor_pos = [r.randrange(1 << 30) for _ in range(3)]
        cor_val = [r.randrange(1, 256) for _ in range(3)]
        if len(data) > p.get("mtu", 1500):
            st["too_big"] += 1
            return []
        if any(a <= now < b for a, b in p.get("outages", [])) or u_drop < p.get("loss", 0.0):
            st["dropped"] += 1
            return []
        bw = p.get("bw", 0)
        t = now
        if bw:
            backlog = max(0.0, self.busy - now) * bw
            if backlog + len(data) > p.get("buffer", 1 << 30):
                st["queue_drops"] += 1
                return []
            self.busy = max(now, self.busy) + (len(data) + OVERHEAD) / bw
            t = self.busy
        t += p.get("delay_ms", 0) / 1000.0 + u_jit * p.get("jitter_ms", 0) / 1000.0
        if u_reo < p.get("reorder", 0.0):
            t += p.get("reorder_ms", 30) / 1000.0 * (0.5 + u_jit2)
        if data and u_cor < p.get("corrupt", 0.0):
            st["corrupted"] += 1
            b = bytearray(data)
            for k in range(1 + cor_pos[2] % 3):
                b[cor_pos[k] % len(b)] ^= cor_val[k]
            data = bytes(b)
        out = [(t, data)]
        if u_dup < p.get("dup", 0.0):
            st["duplicated"] += 1
            out.append((t + (0.001 + u_jit2 * p.get("jitter_ms", 0) / 1000.0), data))
        return out


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tree_rss_kb(pid):
    """Resident memory of a process and its descendants, in KiB (0 once gone)."""
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        try:
            for line in open("/proc/%d/status" % q):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for t in os.listdir("/proc/%d/task" % q):
                todo.extend(int(c) for c in open("/proc/%d/task/%s/children" % (q, t)).read().split())
        except (OSError, ValueError):
            pass
    return total


def run(profile, cmds, inputs, limit_s=None, ghosts=None, preexec=None, tails=None, ports=None):
    """Runs the two endpoints over the link; returns the summary (outputs under "out", bytes)."""
    seed = profile.get("seed", 1)
    dirs = {d: Direction(dict(profile.get("link", {}), **profile.get(d, {})), seed * 2 + i) for i, d in enumerate(DIRS)}
    mtu = max(dirs[d].p.get("mtu", 1500) for d in DIRS)
    limit_s = limit_s or profile.get("limit_s", 60)
    socks, eports = {}, {}
    for side in "ab":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", ports[side][0] if ports else 0))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 21)
        s.setblocking(False)
        socks[side] = s            # where endpoint `side` sends
        eports[side] = ports[side][1] if ports else free_port()  # where endpoint `side` listens
    capture = [] if profile.get("capture") else None
    t0 = time.monotonic()
    procs, outs, pipes, rss = {}, {"a": bytearray(), "b": bytearray()}, {}, {}
    starts = dict({"a": 0.1, "b": 0.0}, **profile.get("start_s", {}))
    order = sorted("ab", key=lambda s: starts.get(s, 0.0))
    pending = list(order)
    heap, n = [], 0
    for g in ghosts or []:  # (time, direction, bytes): stale datagrams of an earlier connection
        heapq.heappush(heap, (g[0], n, g[1], g[2]))
        n += 1
    stalls = profile.get("stalls", {})
    status, reason = {}, None
    last_out = {}
    deadline = t0 + limit_s
    while True:
        now = time.monotonic()
        rel = now - t0
        while pending and starts.get(pending[0], 0.0) <= rel:
            side = pending.pop(0)
            argv = cmds[side] + [str(eports[side]), str(socks[side].getsockname()[1]), str(mtu)] + (tails or {}).get(side, [])
            inp = open(inputs[side], "rb")
            procs[side] = subprocess.Popen(argv, stdin=inp, stdout=subprocess.PIPE, stderr=open(os.environ["LINKSIM_STDERR"] + "." + side, "w") if os.environ.get("LINKSIM_STDERR") else subprocess.DEVNULL,
                                           preexec_fn=preexec, start_new_session=True)
            inp.close()
            pipes[side] = procs[side].stdout
            os.set_blocking(pipes[side].fileno(), False)
            rss[side] = []
        while heap and heap[0][0] <= rel:
            _, _, d, data = heapq.heappop(heap)
            try:
                socks[d[0]].sendto(data, ("127.0.0.1", eports[d[1]]))
                dirs[d].stats["delivered"] += 1
            except OSError:
                pass
        for side, p in list(procs.items()):
            if side not in status and p.poll() is not None and pipes.get(side) is None:
                status[side] = p.returncode
        if len(status) == 2:
            break
        if now > deadline:
            reason = "time limit (%.0f s) exceeded" % limit_s
            break
        rd = [socks["a"], socks["b"]]
        for side, f in pipes.items():
            if f is not None and not any(a <= rel < a + dur for a, dur in stalls.get(side, [])):
                rd.append(f)
        timeout = 0.02
        if heap:
            timeout = max(0.0, min(timeout, heap[0][0] - rel))
        r, _, _ = select.select(rd, [], [], timeout)
        rel = time.monotonic() - t0
        for f in r:
            if f is socks["a"] or f is socks["b"]:
                src = "a" if f is socks["a"] else "b"
                d = src + ("b" if src == "a" else "a")
                for _ in range(64):
                    try:
                        data = f.recv(65536)
                    except BlockingIOError:
                        break
                    if capture is not None and len(capture) < 4000:
                        capture.append((rel, d, data))
                    for t, out in dirs[d].arrive(rel, data):
                        heapq.heappush(heap, (t, n, d, out))
                        n += 1
            else:
                side = "a" if f is pipes.get("a") else "b"
                try:
                    chunk = os.read(f.fileno(), 1 << 16)
                except BlockingIOError:
                    continue
                if chunk:
                    outs[side] += chunk
                    last_out[side] = rel
                else:
                    f.close()
                    pipes[side] = None
        if int(rel * 10) != int((rel - 0.02) * 10):
            for side, p in procs.items():
                if p.poll() is None:
                    rss[side].append((rel, tree_rss_kb(p.pid)))
    for side, p in procs.items():
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            p.wait()
        if pipes.get(side) is not None:
            pipes[side].close()
    socks_port = {s: socks[s].getsockname()[1] for s in "ab"}
    for s in socks.values():
        s.close()
    elapsed = time.monotonic() - t0
    base = profile.get("rss_base_s", 0.5)   # memory growth from then on (the program has started)
    growth = {}
    for s, v in rss.items():
        v = [kb for t, kb in v if t >= base]
        growth[s] = max(v) - v[0] if v else 0
    wire = sum(dirs[d].stats["wire_bytes"] for d in DIRS)
    return {"ok_exit": reason is None and all(status.get(s) == 0 for s in "ab"), "reason": reason,
            "status": status, "elapsed_s": round(elapsed, 3), "wire_bytes": wire,
            "dirs": {d: dirs[d].stats for d in DIRS}, "rss_growth_kb": growth,
            "out": outs, "capture": capture, "last_out_s": last_out,
            "ports": {s: (socks_port[s], eports[s]) for s in "ab"}}


def main():
    if len(sys.argv) < 4 or "--" not in sys.argv:
        sys.stderr.write("usage: linksim.py [--duplex] PROFILE.json [--in-a FILE] [--in-b FILE] [--out-a FILE] [--out-b FILE]"
                         " A_CMD... -- B_CMD...\n")
        sys.exit(2)
    args = sys.argv[1:]
    tails = None
    if args[0] == "--duplex":   # A is started with the argument `connect` after MTU, B with `listen`
        tails = {"a": ["connect"], "b": ["listen"]}
        args = args[1:]
    profile = json.load(open(args[0]))
    args = args[1:]
    inputs = {"a": "/dev/null", "b": "/dev/null"}
    outfiles = {}
    while args and args[0] in ("--in-a", "--in-b", "--out-a", "--out-b"):
        (inputs if args[0].startswith("--in") else outfiles)[args[0][-1]] = args[1]
        args = args[2:]
    k = args.index("--")
    res = run(profile, {"a": args[:k], "b": args[k + 1:]}, inputs, tails=tails)
    for side, path in outfiles.items():
        open(path, "wb").write(res["out"][side])
    for side in "ab":
        src = inputs["b" if side == "a" else "a"]
        res["out_%s_bytes" % side] = len(res["out"][side])
        res["out_%s_matches_%s_input" % (side, "b" if side == "a" else "a")] = open(src, "rb").read() == bytes(res["out"][side])
    del res["out"], res["capture"], res["ports"]
    print(json.dumps(res, indent=1))
    sys.exit(0 if res["ok_exit"] else 1)


if __name__ == "__main__":
    main()
