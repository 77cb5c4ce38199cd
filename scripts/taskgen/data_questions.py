#!/usr/bin/env python3
"""data-questions: questions about messy generated datasets (answer tasks)."""
import csv, datetime as dt, io, json, random, statistics, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]
R = random.Random(1313)

# ---- 1. distinct customers (emails with case and space noise)
people = ["%s.%s@%s" % (a, b, c) for a in ("ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kim")
          for b in ("lund", "park", "ruiz") for c in ("mail.test", "corp.test")]
chosen = R.sample(people, 41)
rows = []
for i in range(400):
    e = R.choice(chosen)
    v = R.choice([e, e.upper(), " " + e, e + " ", e.capitalize(), "\t" + e.title()])
    rows.append((1000 + i, v, R.choice(["web", "shop", "phone"])))
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n"); w.writerow(["order_id", "email", "channel"]); w.writerows(rows)
ans = len({r[1].strip().lower() for r in rows})
task(CAT, "data-questions/distinct-customers", domain="data",
     summary="Count distinct customers in an order export whose emails differ in case and padding",
     minutes=3, notes="estimate: open the CSV, notice mixed case and stray spaces/tabs in emails (1 min), one normalising pipeline or 5-line script (1.5 min), sanity check against the raw distinct count: about 3 min",
     instructions="`orders.csv` is an export of web, shop and phone orders. The same customer's email was typed differently on different orders.\n\nHow many distinct customers (distinct email addresses, compared case-insensitively and ignoring surrounding white space) placed an order? Write the number to `answer.txt`.",
     files={"orders.csv": buf.getvalue()}, tests={"answer.txt": "%d\n" % ans},
     solve="python3 -c \"import csv; print(len({r['email'].strip().lower() for r in csv.DictReader(open('orders.csv'))}))\" > answer.txt",
     scorer=answer_scorer("number"), requires=["bash", "python3"], tags=["answer", "csv", "cleaning"])

# ---- 2. Q2 revenue with mixed date and amount formats, refunds
def fmt_date(d):
    return R.choice([d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%b %d %Y"), d.strftime("%Y%m%d")])
def fmt_amt(c):
    return R.choice(["$%s" % "{:,.2f}".format(c / 100), "%.2f USD" % (c / 100), "USD %d.%02d" % divmod(c, 100), "%d.%02d" % divmod(c, 100)])
rows, total = [], 0
for i in range(300):
    d = dt.date(2025, 1, 1) + dt.timedelta(days=R.randint(0, 300))
    c = R.randint(500, 250000)
    st = R.choice(["paid", "paid", "paid", "PAID", "refunded", "Refunded ", "paid "])
    rows.append((i + 1, fmt_date(d), fmt_amt(c), st))
    if dt.date(2025, 4, 1) <= d <= dt.date(2025, 6, 30) and st.strip().lower() == "paid":
        total += c
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n"); w.writerow(["id", "date", "amount", "status"]); w.writerows(rows)
solve2 = r'''python3 - <<'EOF' > answer.txt
import csv, datetime as dt, re
tot = 0
for r in csv.DictReader(open("sales.csv")):
    s = r["date"]
    for f in ("%Y-%m-%d", "%d/%m/%Y", "%b %d %Y", "%Y%m%d"):
        try: d = dt.datetime.strptime(s, f).date(); break
        except ValueError: pass
    cents = round(float(re.sub(r"[^0-9.]", "", r["amount"])) * 100)
    if dt.date(2025, 4, 1) <= d <= dt.date(2025, 6, 30) and r["status"].strip().lower() == "paid":
        tot += cents
print("%d.%02d" % divmod(tot, 100))
EOF'''
task(CAT, "data-questions/quarter-revenue", domain="data",
     summary="Total the paid Q2 revenue of a sales export with four date formats and four amount formats",
     minutes=10, notes="estimate: inspect the file and find the 4 date and 4 amount spellings and the status variants (3 min), write a 15-line parser (4 min), cross-check counts per format and the total (3 min): about 10 min",
     instructions="`sales.csv` was merged from several systems: dates and amounts are written in several ways (all amounts are US dollars), and the status column is not tidy either.\n\nWhat was the total amount of the orders dated in the second quarter of 2025 (1 April to 30 June inclusive) whose status is paid? Write it in dollars with exactly two decimals and no currency sign or thousands separators (e.g. `12345.60`) to `answer.txt`.",
     files={"sales.csv": buf.getvalue()}, tests={"answer.txt": "%d.%02d\n" % divmod(total, 100)},
     solve=solve2, scorer=answer_scorer("exact"), requires=["bash", "python3"], tags=["answer", "csv", "dates"])

# ---- 3. median order value by category after de-duplicating revisions
cats = ["garden", "kitchen", "toys", "books", "tools"]
def revisions(R):
  orders, latest = [], {}
  t0 = dt.datetime(2025, 3, 1, 8)
  for oid in range(1, 181):
    cat = R.choice(cats)
    base = R.randint(100, 9000) * (2 if cat in ("toys", "tools") else 1)
    revs = []
    for rev in range(R.choice([1, 1, 2, 3, 4])):
        ts = t0 + dt.timedelta(minutes=R.randint(0, 60 * 24 * 20))
        revs.append([oid, cat if R.random() > 0.2 else cat.upper() + " ", None, ts.strftime("%Y-%m-%dT%H:%M:%S")])
    revs.sort(key=lambda r: r[3])
    for k, r in enumerate(revs):  # early revisions of an order were drafts: much larger baskets
        r[2] = (base + (len(revs) - 1 - k) * R.randint(1500, 6000)) / 100
    orders += revs
  R.shuffle(orders)
  for o in orders:
    if o[0] not in latest or o[3] > latest[o[0]][3]:
        latest[o[0]] = o
  return orders, latest
seed = 0
while True:
    orders, latest = revisions(random.Random("median-%d" % seed))
    med = {c: statistics.median(o[2] for o in latest.values() if o[1].strip().lower() == c) for c in cats}
    best = max(med, key=med.get)
    naive = {c: statistics.median(o[2] for o in orders if o[1].strip().lower() == c) for c in cats}
    nb = max(naive, key=naive.get)
    if nb != best and ("%s %.2f" % (nb, naive[nb])) != ("%s %.2f" % (best, med[best])):
        break
    seed += 1
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n"); w.writerow(["order_id", "category", "value", "updated_at"]); w.writerows(orders)
solve3 = r'''python3 - <<'EOF' > answer.txt
import csv, statistics
latest = {}
for r in csv.DictReader(open("order_revisions.csv")):
    if r["order_id"] not in latest or r["updated_at"] > latest[r["order_id"]]["updated_at"]:
        latest[r["order_id"]] = r
by = {}
for r in latest.values():
    by.setdefault(r["category"].strip().lower(), []).append(float(r["value"]))
c = max(by, key=lambda k: statistics.median(by[k]))
print(c, "%.2f" % statistics.median(by[c]))
EOF'''
task(CAT, "data-questions/median-category", domain="data",
     summary="Find the category with the highest median order value after keeping only each order's latest revision",
     minutes=15, notes="estimate: read the data and the note on revisions (3 min), notice the unsorted revisions and the upper-case categories with trailing spaces (3 min), script the latest-revision de-duplication and per-category medians (6 min), check against counts (3 min): about 15 min",
     instructions="`order_revisions.csv` holds every revision of every order: an order that was edited appears once per revision, the rows are in no particular order, and `updated_at` tells which revision is the latest. Categories were typed inconsistently.\n\nConsidering only the latest revision of each order, which category (lower case) has the highest median order `value`? Write the category and that median with two decimals, separated by one space (e.g. `books 42.50`), to `answer.txt`.",
     files={"order_revisions.csv": buf.getvalue()}, tests={"answer.txt": "%s %.2f\n" % (best, med[best])},
     solve=solve3, scorer=answer_scorer("exact"), requires=["bash", "python3"], tags=["answer", "csv", "dedup"])
open("/tmp/taskgen/data_naive.json", "w").write(json.dumps({"median": ["%s %.2f" % (max(naive, key=naive.get), naive[max(naive, key=naive.get)])]}))

# ---- 4. sensors: units, clock offsets, longest hot period
devices = {}
files = {}
hot_best = None
for k in range(6):
    name = "dev%02d" % (k + 1)
    unit = R.choice(["C", "F"])
    off = R.choice([0, 0, 3600, -7200, 1800])
    devices[name] = {"unit": unit, "clock_offset_s": off, "file": "readings/%s.csv" % name}
    t = dt.datetime(2025, 7, 1, 0, 0)
    temp = 24.0
    lines = ["local_time,temp"]
    readings = []
    for i in range(500):
        temp += R.uniform(-1.3, 1.35)
        temp = max(15, min(40, temp))
        ts = t + dt.timedelta(minutes=5 * i)
        if R.random() < 0.03:
            continue  # missing reading
        v = temp if unit == "C" else temp * 9 / 5 + 32
        s = "%.1f" % v if R.random() > 0.02 else "ERR"
        lines.append("%s,%s" % ((ts + dt.timedelta(seconds=off)).strftime("%Y-%m-%d %H:%M"), s))
        if s != "ERR":
            readings.append((ts, float(s) if unit == "C" else (float(s) - 32) * 5 / 9))
    files["readings/%s.csv" % name] = "\n".join(lines) + "\n"
    # longest run of consecutive valid readings above 30 C: duration from first to last reading of the run
    run = None
    for ts, c in readings:
        if c > 30:
            run = (run[0], ts) if run else (ts, ts)
            dur = (run[1] - run[0]).total_seconds() / 60
            if hot_best is None or dur > hot_best[1]:
                hot_best = (name, dur, run[0])
        else:
            run = None
files["devices.json"] = json.dumps(devices, indent=2) + "\n"
solve4 = r'''python3 - <<'EOF' > answer.txt
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
EOF'''
task(CAT, "data-questions/hot-period", domain="data",
     summary="Find the longest period above 30 C across sensors logging in mixed units with clock offsets and bad readings",
     minutes=30, notes="estimate: read devices.json and the rules (4 min), inspect files and spot Fahrenheit devices, offsets and ERR rows (5 min), write a 30-line script converting units, correcting clocks, tracking runs (12 min), check edge cases (a missing reading keeps a run, ERR skipped) and the answer (9 min): about 30 min",
     instructions="""`readings/` holds one CSV per temperature sensor, and `devices.json` says for each sensor the unit of its readings (`C` or `F`) and its clock's offset: a sensor's `local_time` is UTC plus `clock_offset_s` seconds. Sensors log every 5 minutes; some readings are missing (no row) and some are `ERR` (ignore those rows; neither a missing row nor an `ERR` row ends a period).

A *hot period* of a sensor is a maximal run of its consecutive valid readings that are all strictly above 30 degrees Celsius; its length is the time from its first to its last reading.

Which sensor had the longest hot period, when did it start (UTC), and how long was it in whole minutes (rounded down)? Write `SENSOR START MINUTES`, e.g. `dev03 2025-07-01T13:05 85`, with START as `YYYY-MM-DDTHH:MM` in UTC, to `answer.txt`.""",
     files=files, tests={"answer.txt": "%s %s %d\n" % (hot_best[0], hot_best[2].strftime("%Y-%m-%dT%H:%M"), int(hot_best[1]))},
     solve=solve4, scorer=answer_scorer("exact"), requires=["bash", "python3"], tags=["answer", "csv", "time-series"])

# ---- 5. net revenue with customer merges and partial refunds
cust = []
for i in range(1, 61):
    cust.append({"customer_id": "C%03d" % i, "name": "cust%d" % i, "merged_into": ""})
for c in R.sample(cust[10:], 18):
    c["merged_into"] = R.choice(cust[:40])["customer_id"]
# avoid cycles: a merge target never merges into its source chain
def root(cid, m):
    seen = set()
    while m[cid] and cid not in seen:
        seen.add(cid); cid = m[cid]
    return cid
m = {c["customer_id"]: c["merged_into"] for c in cust}
for c in cust:
    if root(c["customer_id"], m) in ("",) :
        pass
orders, refunds = [], []
for i in range(1, 500):
    c = R.choice(cust)["customer_id"]
    amt = R.randint(1000, 90000)
    orders.append({"order_id": "O%04d" % i, "customer_id": c, "amount_cents": amt, "currency": R.choice(["USD", "USD", "EUR"])})
    if R.random() < 0.2:
        for _ in range(R.randint(1, 2)):
            refunds.append({"order_id": "O%04d" % i, "refund_cents": R.randint(100, amt // 2)})
rates = {"USD": 1.0, "EUR": 1.25}
net = {}
ordmap = {o["order_id"]: o for o in orders}
for o in orders:
    r = root(o["customer_id"], m)
    net[r] = net.get(r, 0) + o["amount_cents"] * rates[o["currency"]]
for f in refunds:
    o = ordmap[f["order_id"]]
    r = root(o["customer_id"], m)
    net[r] -= f["refund_cents"] * rates[o["currency"]]
top = sorted(net, key=lambda k: (-net[k], k))[:3]
def tocsv(rows, cols):
    b = io.StringIO(); w = csv.DictWriter(b, cols, lineterminator="\n"); w.writeheader(); w.writerows(rows); return b.getvalue()
solve5 = r'''python3 - <<'EOF' > answer.txt
import csv
m = {r["customer_id"]: r["merged_into"] for r in csv.DictReader(open("customers.csv"))}
def root(c):
    seen = set()
    while m.get(c) and c not in seen:
        seen.add(c); c = m[c]
    return c
rate = {"USD": 1.0, "EUR": 1.25}
orders = {r["order_id"]: r for r in csv.DictReader(open("orders.csv"))}
net = {}
for o in orders.values():
    k = root(o["customer_id"]); net[k] = net.get(k, 0) + int(o["amount_cents"]) * rate[o["currency"]]
for f in csv.DictReader(open("refunds.csv")):
    o = orders[f["order_id"]]; k = root(o["customer_id"]); net[k] -= int(f["refund_cents"]) * rate[o["currency"]]
print(",".join(sorted(net, key=lambda k: (-net[k], k))[:3]))
EOF'''
task(CAT, "data-questions/net-revenue-merged", domain="data",
     summary="Rank customers by net revenue across three tables, following chains of merged customer records and converting currency",
     minutes=25, notes="estimate: read three tables and the rules (5 min), see that merges chain (A into B into C) and that orders have several partial refunds (4 min), write a 30-line join script (10 min), verify totals and the chain handling (6 min): about 25 min",
     instructions="""Three exports: `customers.csv` (a customer record may have been merged into another: `merged_into` names the record it now belongs to, and that one may itself have been merged further), `orders.csv` (amounts in cents, in USD or EUR), and `refunds.csv` (zero or more partial refunds per order, in the order's currency).

Net revenue of a customer = the sum of its orders minus their refunds, in USD (1 EUR = 1.25 USD), where the orders of every record merged into a customer (directly or through a chain) count for the final customer of the chain.

Which three final customers have the highest net revenue? Write their ids, highest first, separated by commas (e.g. `C007,C012,C001`), to `answer.txt`.""",
     files={"customers.csv": tocsv(cust, ["customer_id", "name", "merged_into"]), "orders.csv": tocsv(orders, ["order_id", "customer_id", "amount_cents", "currency"]),
            "refunds.csv": tocsv(refunds, ["order_id", "refund_cents"])},
     tests={"answer.txt": ",".join(top) + "\n"}, solve=solve5, scorer=answer_scorer("exact"),
     requires=["bash", "python3"], tags=["answer", "csv", "join"])
