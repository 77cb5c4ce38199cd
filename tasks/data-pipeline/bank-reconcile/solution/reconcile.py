"""reconcile.py BANK LEDGER RATES OUTDIR: match bank statement lines to ledger entries (see instructions)."""
import csv
import datetime
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

INV = re.compile(r"INV-[0-9]{4,}", re.IGNORECASE)
CENT = Decimal("0.01")


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r, None)
        for row in r:
            if row and any(c.strip() for c in row):
                yield [c.strip() for c in row]


def day(s):
    return datetime.date.fromisoformat(s)


def main(bank_path, ledger_path, rates_path, outdir):
    rates = {}
    for d, cur, rate in rows(rates_path):
        rates.setdefault(cur.upper(), []).append((day(d), Decimal(rate)))
    for v in rates.values():
        v.sort()

    def to_eur(d, amount, cur):
        cur = cur.upper()
        if cur == "EUR":
            return amount.quantize(CENT, rounding=ROUND_HALF_UP)
        best = None
        for rd, rate in rates.get(cur, []):
            if rd <= d:
                best = rate
            else:
                break
        if best is None:
            return None
        return (amount * best).quantize(CENT, rounding=ROUND_HALF_UP)

    bank = []
    for n, (d, amount, cur, ref, _cp) in enumerate(rows(bank_path), 1):
        dd = day(d)
        bank.append({"line": n, "date": dd, "eur": to_eur(dd, Decimal(amount), cur),
                     "invoices": {m.upper() for m in INV.findall(ref)}})
    ledger = []
    for lid, d, amount, invoice, _desc in rows(ledger_path):
        ledger.append({"id": int(lid), "date": day(d), "eur": Decimal(amount), "invoice": invoice.upper()})
    free = {e["id"]: e for e in ledger}
    matches = []

    def best(b, ok):
        cands = [e for e in free.values() if ok(b, e)]
        if not cands:
            return None
        return min(cands, key=lambda e: (abs((e["date"] - b["date"]).days), e["id"]))

    def close(b, e):
        return abs(e["eur"] - b["eur"]) <= CENT

    passes = [
        (1, lambda b, e: e["invoice"] in b["invoices"] and close(b, e) and abs((e["date"] - b["date"]).days) <= 7),
        (2, lambda b, e: close(b, e) and abs((e["date"] - b["date"]).days) <= 3),
    ]
    matched = set()
    for p, ok in passes:
        for b in bank:
            if b["line"] in matched or b["eur"] is None:
                continue
            e = best(b, ok)
            if e is not None:
                del free[e["id"]]
                matched.add(b["line"])
                matches.append((b["line"], e["id"], p, e["eur"] - b["eur"]))
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "matches.csv"), "w") as f:
        f.write("bank_line,ledger_id,pass,diff\n")
        for line, lid, p, diff in sorted(matches):
            f.write("%d,%d,%d,%s\n" % (line, lid, p, diff.quantize(CENT)))
    ub = [b for b in bank if b["line"] not in matched]
    with open(os.path.join(outdir, "unmatched_bank.csv"), "w") as f:
        f.write("bank_line,date,amount_eur,reason\n")
        for b in ub:
            f.write("%d,%s,%s,%s\n" % (b["line"], b["date"].isoformat(), "" if b["eur"] is None else b["eur"],
                                       "no_rate" if b["eur"] is None else "no_match"))
    ul = sorted(free.values(), key=lambda e: e["id"])
    with open(os.path.join(outdir, "unmatched_ledger.csv"), "w") as f:
        f.write("id,date,amount_eur\n")
        for e in ul:
            f.write("%d,%s,%s\n" % (e["id"], e["date"].isoformat(), e["eur"].quantize(CENT)))
    print("matched %d" % len(matches))
    print("unmatched_bank %d" % len(ub))
    print("unmatched_ledger %d" % len(ul))


if __name__ == "__main__":
    main(*sys.argv[1:5])
