"""Generator of access logs and the exact expected sessionisation (the spec in instructions.md)."""
import datetime, gzip, random, re

TS = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$")

def parse_ts(s):
    m = TS.match(s)
    if not m: return None
    y, mo, d, h, mi, se, off = m.groups()
    try:
        dt = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se), tzinfo=datetime.timezone.utc)
    except ValueError:
        return None
    if off != "Z":
        sign = 1 if off[0] == "+" else -1
        oh, om = int(off[1:3]), int(off[4:6])
        if oh > 23 or om > 59: return None
        dt -= sign * datetime.timedelta(hours=oh, minutes=om)
    return int(dt.timestamp())

def fmt(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def expected(files):
    """files: list of (name, bytes). Returns (stdout, skipped)."""
    events = []; skipped = 0; seq = 0
    for name, data in files:
        if name.endswith(".gz"): data = gzip.decompress(data)
        for line in data.decode().split("\n"):
            if line.endswith("\r"): line = line[:-1]
            if not line.strip(): continue
            f = line.split()
            ok = len(f) == 6
            if ok:
                t = parse_ts(f[0])
                ok = t is not None and re.fullmatch(r"[1-5]\d\d", f[4]) is not None and (f[5] == "-" or re.fullmatch(r"\d+", f[5]) is not None)
            if not ok:
                skipped += 1; continue
            events.append((f[1], t, seq, f[3].split("?", 1)[0], int(f[4]), 0 if f[5] == "-" else int(f[5])))
            seq += 1
    by_user = {}
    for e in events: by_user.setdefault(e[0], []).append(e)
    sessions = []
    for user, evs in by_user.items():
        evs.sort(key=lambda e: (e[1], e[2]))
        cur = [evs[0]]
        for e in evs[1:]:
            if e[1] - cur[-1][1] > 1800:
                sessions.append((user, cur)); cur = [e]
            else: cur.append(e)
        sessions.append((user, cur))
    out = []
    for user, evs in sorted(sessions, key=lambda s: (s[1][0][1], s[0])):
        counts = {}
        for e in evs: counts[e[3]] = counts.get(e[3], 0) + 1
        top = min(counts, key=lambda p: (-counts[p], p))
        out.append("%s,%s,%s,%d,%d,%d,%d,%s" % (user, fmt(evs[0][1]), fmt(evs[-1][1]), evs[-1][1] - evs[0][1], len(evs),
                   sum(1 for e in evs if e[4] >= 400), sum(e[5] for e in evs), top))
    return "user,start,end,duration_s,requests,errors,bytes,top_path\n" + "".join(l + "\n" for l in out), skipped

def gen(seed, nfiles=3, nlines=600, gz=False):
    r = random.Random(seed)
    users = ["u%02d" % i for i in range(12)] + ["alice", "bob"]
    paths = ["/", "/index.html", "/api/items", "/api/items?page=2", "/api/items?page=3", "/login", "/static/app.js", "/b", "/a"]
    offs = ["Z", "+00:00", "+02:00", "-05:00", "+05:30", "-00:30", "+14:00"]
    base = int(datetime.datetime(2026, 3, 28, 22, 0, tzinfo=datetime.timezone.utc).timestamp())
    clock = {u: base + r.randint(0, 3600) for u in users}
    files = []
    for fi in range(nfiles):
        lines = []
        for k in range(nlines):
            u = r.choice(users)
            clock[u] += r.choice([1, 5, 30, 120, 600, 1799, 1800, 1801, 4000, 0])
            t = clock[u]
            off = r.choice(offs)
            if off == "Z":
                ts = fmt(t)
            else:
                sign = 1 if off[0] == "+" else -1
                delta = sign * (int(off[1:3]) * 3600 + int(off[4:6]) * 60)
                ts = datetime.datetime.fromtimestamp(t + delta, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + off
            status = r.choice(["200", "200", "200", "304", "404", "500", "503", "201"])
            size = r.choice(["-", str(r.randint(0, 90000))])
            line = "%s %s %s %s %s %s" % (ts, u, r.choice(["GET", "POST"]), r.choice(paths), status, size)
            x = r.random()
            if x < 0.02: line = line.replace("T", " ", 1)
            elif x < 0.03: line = line + " extra"
            elif x < 0.04: line = line.replace(" " + status + " ", " OK ")
            elif x < 0.05: line = line.replace("2026-03-", "2026-02-3", 1) if "2026-03-" in line else line[:-1] + "x"
            elif x < 0.06: line = ""
            elif x < 0.07: line = line.replace(" ", "  ").replace(" ", "\t", 1)
            lines.append(line)
        r.shuffle(lines)
        data = ("\n".join(lines) + "\n").encode()
        name = "access-%d.log" % fi
        if gz and fi == 0:
            data = gzip.compress(data, mtime=0); name += ".gz"
        files.append((name, data))
    return files
