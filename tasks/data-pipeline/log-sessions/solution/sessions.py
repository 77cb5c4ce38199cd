"""sessions.py LOGFILE...: per-user sessions of access logs (see instructions.md)."""
import datetime
import gzip
import re
import sys

TS = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})")
GAP = 1800


def parse_ts(s):
    m = TS.fullmatch(s)
    if not m:
        return None
    y, mo, d, h, mi, se, off = m.groups()
    try:
        dt = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se), tzinfo=datetime.timezone.utc)
    except ValueError:
        return None
    if off != "Z":
        oh, om = int(off[1:3]), int(off[4:6])
        if oh > 23 or om > 59:
            return None
        delta = datetime.timedelta(hours=oh, minutes=om)
        dt = dt - delta if off[0] == "+" else dt + delta
    return int(dt.timestamp())


def utc(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace").split("\n")


def main(paths):
    by_user, skipped, seq = {}, 0, 0
    for path in paths:
        for line in read(path):
            if line.endswith("\r"):
                line = line[:-1]
            if not line.strip():
                continue
            f = line.split()
            t = parse_ts(f[0]) if len(f) == 6 else None
            if (t is None or not re.fullmatch(r"[1-5][0-9][0-9]", f[4])
                    or not (f[5] == "-" or re.fullmatch(r"[0-9]+", f[5]))):
                skipped += 1
                continue
            by_user.setdefault(f[1], []).append(
                (t, seq, f[3].split("?", 1)[0], int(f[4]), 0 if f[5] == "-" else int(f[5])))
            seq += 1
    sessions = []
    for user, evs in by_user.items():
        evs.sort()
        cur = [evs[0]]
        for e in evs[1:]:
            if e[0] - cur[-1][0] > GAP:
                sessions.append((cur[0][0], user, cur))
                cur = [e]
            else:
                cur.append(e)
        sessions.append((cur[0][0], user, cur))
    sessions.sort(key=lambda s: (s[0], s[1]))
    out = ["user,start,end,duration_s,requests,errors,bytes,top_path"]
    for start, user, evs in sessions:
        counts = {}
        for e in evs:
            counts[e[2]] = counts.get(e[2], 0) + 1
        top = min(counts, key=lambda p: (-counts[p], p))
        out.append("%s,%s,%s,%d,%d,%d,%d,%s" % (user, utc(start), utc(evs[-1][0]), evs[-1][0] - start, len(evs),
                                                 sum(1 for e in evs if e[3] >= 400), sum(e[4] for e in evs), top))
    sys.stdout.write("\n".join(out) + "\n")
    sys.stderr.write("skipped %d\n" % skipped)


if __name__ == "__main__":
    main(sys.argv[1:])
