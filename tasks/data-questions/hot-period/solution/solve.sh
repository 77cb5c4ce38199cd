#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
python3 - <<'EOF' > answer.txt
import csv, datetime as dt, json
devs = json.load(open("devices.json"))
best = None
for name, d in sorted(devs.items()):
    run = None
    for r in csv.DictReader(open(d["file"])):
        if r["temp"] == "ERR":
            continue
        ts = dt.datetime.strptime(r["local_time"], "%Y-%m-%d %H:%M") - dt.timedelta(seconds=d["clock_offset_s"])
        c = float(r["temp"]) if d["unit"] == "C" else (float(r["temp"]) - 32) * 5 / 9
        if c > 30:
            run = (run[0], ts) if run else (ts, ts)
            m = (run[1] - run[0]).total_seconds() / 60
            if best is None or m > best[1]:
                best = (name, m, run[0])
        else:
            run = None
print(best[0], best[2].strftime("%Y-%m-%dT%H:%M"), int(best[1]))
EOF
