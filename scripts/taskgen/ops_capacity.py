#!/usr/bin/env python3
"""ops-capacity: capacity and SLO questions from monitoring exports (answer tasks)."""
import datetime as dt, random, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]
R = random.Random(8080)

# 1. disk fill date from daily usage with a cleanup event and a missing day
t0 = dt.date(2025, 8, 1)
used, rows = 410.0, []
for d in range(60):
    day = t0 + dt.timedelta(days=d)
    used += 3.2 + R.uniform(-0.8, 0.8)
    if d == 29:
        used -= 150  # log cleanup
    if d in (12, 44):
        continue
    rows.append((day, round(used, 1)))
cap = 1000.0
# fit a least-squares line on the data after the cleanup (the last 30 days), then find the first day >= 90%
post = [(d, u) for d, u in rows if d > t0 + dt.timedelta(days=29)]
xs = [(d - t0).days for d, _ in post]; ys = [u for _, u in post]
n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs); a = my - b * mx
x = 0
while a + b * x < 0.9 * cap:
    x += 1
ansday = t0 + dt.timedelta(days=x)
csvtext = "date,used_gb\n" + "".join("%s,%.1f\n" % (d.isoformat(), u) for d, u in rows)
task(CAT, "ops-capacity/disk-full-date", domain="ops",
     summary="Forecast the day a volume crosses 90% from daily usage with a cleanup step and gaps, by a least-squares trend",
     minutes=15, notes="estimate: read the export and the method (3 min), notice the cleanup drop on 30 August that a fit over all days would straddle and the two missing days (4 min), fit a line on the 30 days after it in a short script (5 min), find the first day at or over 900 GB and check (3 min): about 15 min",
     instructions="`usage.csv` has the daily used space of a 1000 GB volume (two days are missing). On 30 August a log cleanup freed space, and growth since then is steady.\n\nFit a least-squares straight line (used_gb against the day number) to the days **after** the cleanup day (from 31 August on), and extrapolate it: on which date will the fitted line first reach 90% of the capacity (900 GB or more)? Write the date as `YYYY-MM-DD` to `answer.txt`.",
     files={"usage.csv": csvtext}, tests={"answer.txt": ansday.isoformat() + "\n"},
     solve='''python3 - <<'EOF' > answer.txt
import csv, datetime as dt
rows = [(dt.date.fromisoformat(r["date"]), float(r["used_gb"])) for r in csv.DictReader(open("usage.csv"))]
t0 = rows[0][0]
pts = [((d - t0).days, u) for d, u in rows if d >= dt.date(2025, 8, 31)]
n = len(pts); mx = sum(x for x, _ in pts) / n; my = sum(y for _, y in pts) / n
b = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts); a = my - b * mx
x = 0
while a + b * x < 900:
    x += 1
print(t0 + dt.timedelta(days=x))
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "ops", "capacity"])
open("/tmp/taskgen/capacity_naive.txt", "w").write("")

# 2. SLO breach: the host whose 5-minute p99 latency was above 300 ms for the longest total time
hosts = ["web-%02d" % i for i in range(1, 7)]
lines = ["timestamp,host,p99_ms"]
breach = {h: 0 for h in hosts}
start = dt.datetime(2025, 10, 1, 0, 0)
for k in range(288):
    ts = start + dt.timedelta(minutes=5 * k)
    for h in hosts:
        base = 180 + (60 if h == "web-03" else 0) + (90 if h == "web-05" and 100 <= k < 150 else 0)
        v = base + R.gauss(0, 45)
        if R.random() < 0.01:
            v = 5000  # one-off spikes
        if h == "web-02" and k % 50 == 0:
            v = 9000  # a host with rare huge spikes
        if R.random() < 0.02:
            continue
        lines.append("%s,%s,%.0f" % (ts.strftime("%Y-%m-%dT%H:%M:%SZ"), h, v))
        if v > 300:
            breach[h] += 5
R.shuffle(lines[1:]) if False else None
body = lines[1:]; R.shuffle(body)
worst = max(breach, key=lambda h: (breach[h], h))
task(CAT, "ops-capacity/slo-breach", domain="ops",
     summary="Name the host that spent the most time over its latency SLO from an unordered export of 5-minute p99 samples",
     minutes=8, notes="estimate: read the export and the SLO definition (2 min), count the over-300 ms samples per host times 5 minutes rather than looking at peaks or means (3 min), check the runner-up and missing samples (3 min): about 8 min",
     instructions="`latency.csv` holds 5-minute p99 latency samples of six web hosts for one day, in no particular order (some samples are missing). The SLO is breached during a 5-minute interval when its p99 is above 300 ms; a missing sample does not count as a breach.\n\nWhich host was in breach for the longest total time that day? Write the host name and the total minutes, separated by a space (e.g. `web-01 85`), to `answer.txt`.",
     files={"latency.csv": lines[0] + "\n" + "\n".join(body) + "\n"}, tests={"answer.txt": "%s %d\n" % (worst, breach[worst])},
     solve='''python3 - <<'EOF' > answer.txt
import csv, collections
c = collections.Counter(r["host"] for r in csv.DictReader(open("latency.csv")) if float(r["p99_ms"]) > 300)
h, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
print(h, 5 * n)
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "ops", "monitoring"])
