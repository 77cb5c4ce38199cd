#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF'
import csv, datetime, re

rx = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \[t\d+\] \w+\s+session (start|end) (.*)$")
starts, rows = {}, []
with open("app.log") as f:
    for line in f:
        m = rx.match(line.rstrip("\n"))
        if not m:
            continue
        ts, kind, rest = m.groups()
        kv = dict(p.split("=", 1) for p in rest.split())
        if kind == "start":
            starts[kv["sid"]] = (ts, kv["user"])
        elif kv["sid"] in starts:
            st, user = starts.pop(kv["sid"])
            parse = lambda s: datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S,%f")
            rows.append((st, kv["sid"], user, ts, (parse(ts) - parse(st)).total_seconds()))
rows.sort()
with open("sessions.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["sid", "user", "start", "end", "duration_s"])
    for st, sid, user, end, d in rows:
        w.writerow([sid, user, st, end, f"{d:.3f}"])
EOF
