#!/usr/bin/env python3
"""Hidden scorer of the reliable-transport family: builds the workspace (bash build.sh when there is
one), then runs the endpoints over the link simulator (linksim.py, next to this file) on every case of
cases.json: seeded link profiles and streams.  A case passes when both endpoints exit with status 0
within the case's time limit, every stream arrives byte for byte, the bytes on the wire stay within the
case's efficiency bound, and (where the case says so) the stream's rate reaches the case's minimum and
the receiving program's memory does not grow past the bound.  The scorer stops at the first failing
case (the cases not run count as failed).
Last line: {"score": passed/total}; every case must pass."""
import concurrent.futures, json, os, random, resource, subprocess, sys, tempfile

TESTS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TESTS)
import linksim  # noqa: E402


def limits():
    resource.setrlimit(resource.RLIMIT_CPU, (120, 121))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def stream(seed, size, kind):
    r = random.Random(seed)
    if kind == "text":
        words = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(1, 9))) for _ in range(300)]
        out, n = [], 0
        while n < size:
            w = r.choice(words) + r.choice("     \n.,")
            out.append(w)
            n += len(w)
        return "".join(out).encode()[:size]
    if kind == "zeros":
        return bytes(size)
    return r.randbytes(size)


def one(case, cmds, tails, tmp, data, ghosts=None, ports=None, capture=False):
    inputs = {}
    for side in "ab":
        inputs[side] = os.path.join(tmp, "in_" + side)
        open(inputs[side], "wb").write(data[side])
    prof = dict(case["profile"], capture=capture)
    return linksim.run(prof, cmds, inputs, limit_s=case["limit_s"], ghosts=ghosts, preexec=limits, tails=tails, ports=ports)


def check(case, duplex):
    name = case["name"]
    if duplex:
        cmds, tails = {"a": ["./peer"], "b": ["./peer"]}, {"a": ["connect"], "b": ["listen"]}
    else:
        cmds, tails = {"a": ["./sender"], "b": ["./receiver"]}, None
    size = case["size"]
    data = {"a": stream(case["seed"], size["a"], case.get("kind", "bytes")),
            "b": stream(case["seed"] + 7, size.get("b", 0), case.get("kind", "bytes"))}
    with tempfile.TemporaryDirectory() as tmp:
        ghosts, ports = None, None
        if case.get("ghost"):   # an earlier connection on the same ports leaves stale datagrams
            old = {s: stream(case["seed"] + 99, len(data[s]), "bytes") for s in "ab"}
            prev = one(case, cmds, tails, tmp, old, capture=True)
            if not prev["ok_exit"]:
                return name, "the first of two connections failed: " + (prev["reason"] or "exit statuses %r" % prev["status"])
            r = random.Random(case["seed"])
            cap = prev["capture"]
            ghosts = [(0.05 + r.random() * case["ghost"], d, b) for _, d, b in r.sample(cap, min(len(cap), 300))]
            ports = prev["ports"]
        res = one(case, cmds, tails, tmp, data, ghosts=ghosts, ports=ports)
    if os.environ.get("RT_VERBOSE"):
        pay = max(1, sum(len(v) for v in data.values()))
        sys.stderr.write("%s: %.2f s of %s, wire/payload %.3f (k %s), last out %r, rss %r\n" % (
            name, res["elapsed_s"], case["limit_s"], res["wire_bytes"] / pay, case["eff_k"], res["last_out_s"], res["rss_growth_kb"]))
    if res["reason"]:
        return name, res["reason"] + " (received %d of %d bytes)" % (len(res["out"]["b"]), len(data["a"]))
    if res["status"] != {"a": 0, "b": 0}:
        return name, "exit statuses %r" % res["status"]
    for src, dst in (("a", "b"), ("b", "a")) if duplex else (("a", "b"),):
        got, want = bytes(res["out"][dst]), data[src]
        if got != want:
            k = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
            return name, "stream %s->%s: received %d bytes, expected %d, first difference at byte %d" % (src, dst, len(got), len(want), k)
    payload = sum(len(v) for v in data.values())
    bound = case["eff_k"] * payload + case["eff_c"]
    if res["wire_bytes"] > bound:
        return name, "%d bytes on the wire for %d bytes of payload (bound %d)" % (res["wire_bytes"], payload, bound)
    if case.get("min_rate"):
        t = max(res["last_out_s"].values())
        rate = len(data["a"]) / max(t, 1e-3)
        if rate < case["min_rate"]:
            return name, "stream rate %.0f bytes/s (%d bytes by %.2f s), below the %d bytes/s required" % (rate, len(data["a"]), t, case["min_rate"])
    if case.get("rss_kb"):
        g = res["rss_growth_kb"].get("b", 0)
        if g > case["rss_kb"]:
            return name, "the receiving program's memory grew by %d KiB (at most %d KiB)" % (g, case["rss_kb"])
    return name, None


def main():
    cases = json.load(open(os.path.join(TESTS, "cases.json")))
    duplex = cases["duplex"]
    if os.path.exists("build.sh"):
        r = subprocess.run(["bash", "build.sh"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print("build.sh failed:\n" + r.stdout.decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0}))
            return
    for prog in (["peer"] if duplex else ["sender", "receiver"]):
        if not os.access(prog, os.X_OK):
            print("no executable ./%s in the workspace" % prog)
            print(json.dumps({"score": 0.0}))
            return
    todo = cases["cases"]
    if len(sys.argv) > 1:
        todo = [c for c in todo if c["name"] in sys.argv[1:]]
    passed, failed = 0, False
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        futs = [ex.submit(check, c, duplex) for c in todo]
        for f in futs:   # in order; after the first failure the cases not yet started are skipped
            if failed and f.cancel():
                continue
            name, why = f.result()
            if why is None:
                passed += 1
            else:
                print("FAIL %s: %s" % (name, why))
                failed = True
                for g in futs:
                    g.cancel()
    print("%d/%d cases" % (passed, len(todo)))
    print(json.dumps({"score": round(passed / max(1, len(todo)), 6), "passed": passed, "total": len(todo)}))


main()
