"""Monthly sales per region: report.py ORDERS CUSTOMERS (see instructions)."""
import sys


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines[1:]:
        if line.strip():
            yield [x.strip() for x in line.split(",")]


def cents(s):
    whole, _, frac = s.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def money(c):
    return ("-" if c < 0 else "") + "%d.%02d" % (abs(c) // 100, abs(c) % 100)


def main(orders_path, customers_path):
    region = {}
    for cid, _name, reg in rows(customers_path):
        region[cid.upper()] = reg.upper()
    seen, agg = set(), {}
    for oid, cid, date, amount, status in rows(orders_path):
        if oid in seen:
            continue
        seen.add(oid)
        status = status.lower()
        if status == "cancelled":
            continue
        c = cents(amount) if status == "paid" else -cents(amount)
        key = (region.get(cid.upper(), "UNKNOWN"), date[:7])
        n, t = agg.get(key, (0, 0))
        agg[key] = (n + 1, t + c)
    out = ["region,month,orders,total"]
    for key in sorted(agg):
        n, t = agg[key]
        out.append("%s,%s,%d,%s" % (key[0], key[1], n, money(t)))
    out.append("ALL,ALL,%d,%s" % (sum(n for n, _ in agg.values()), money(sum(t for _, t in agg.values()))))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
