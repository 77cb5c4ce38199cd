"""Random customers/orders files in the documented (dirty) format, and the exact expected report."""
import random

def gen(seed, n_cust=40, n_orders=400):
    r = random.Random(seed)
    regions = ["north", "North", " SOUTH", "south ", "East", "west", "Central"]
    cust = ["customer_id,name,region"]
    ids = ["C%03d" % i for i in range(1, n_cust + 1)]
    for cid in ids:
        cid2 = r.choice([cid, cid.lower(), " " + cid, cid + "  "])
        cust.append("%s,%s,%s" % (cid2, "Name %s" % cid, r.choice(regions)))
        if r.random() < 0.1:
            cust.append("")
        if r.random() < 0.08:  # a later duplicate overrides
            cust.append("%s,%s,%s" % (cid, "Renamed", r.choice(regions)))
    orders = ["order_id,customer_id,date,amount,status"]
    for k in range(n_orders):
        oid = "O%05d" % r.randint(1, n_orders * 0.9)
        cid = r.choice(ids + ["C999", "X01"]) if r.random() < 0.97 else "c%03d" % r.randint(1, n_cust)
        cid = r.choice([cid, cid.lower(), " " + cid + " "])
        date = "202%d-%02d-%02d" % (r.randint(5, 6), r.randint(1, 12), r.randint(1, 28))
        cents = r.randint(0, 500000)
        amount = r.choice(["%d.%02d" % (cents // 100, cents % 100), "%d" % (cents // 100), "%d.%d" % (cents // 100, cents % 10)])
        status = r.choice(["paid", "paid", "PAID", " paid", "refunded", "Refunded ", "cancelled", "CANCELLED"])
        orders.append("%s,%s,%s,%s,%s" % (oid, cid, date, amount, status))
        if r.random() < 0.05: orders.append("")
    return "\n".join(cust) + "\n", "\n".join(orders) + r.choice(["\n", ""])

def cents(s):
    s = s.strip()
    if "." in s:
        a, b = s.split(".")
        return int(a) * 100 + int((b + "00")[:2])
    return int(s) * 100

def expected(cust_text, orders_text):
    region = {}
    for line in cust_text.split("\n")[1:]:
        if not line.strip(): continue
        cid, name, reg = [x.strip() for x in line.split(",")]
        region[cid.upper()] = reg.upper()
    seen = set(); agg = {}
    for line in orders_text.split("\n")[1:]:
        if not line.strip(): continue
        oid, cid, date, amount, status = [x.strip() for x in line.split(",")]
        if oid in seen: continue
        seen.add(oid)
        st = status.lower()
        if st == "cancelled": continue
        c = cents(amount) * (1 if st == "paid" else -1)
        key = (region.get(cid.upper(), "UNKNOWN"), date[:7])
        n, t = agg.get(key, (0, 0)); agg[key] = (n + 1, t + c)
    def money(c):
        return ("-" if c < 0 else "") + "%d.%02d" % (abs(c) // 100, abs(c) % 100)
    out = ["region,month,orders,total"]
    for (reg, month) in sorted(agg):
        n, t = agg[(reg, month)]; out.append("%s,%s,%d,%s" % (reg, month, n, money(t)))
    out.append("ALL,ALL,%d,%s" % (sum(v[0] for v in agg.values()), money(sum(v[1] for v in agg.values()))))
    return "\n".join(out) + "\n"
