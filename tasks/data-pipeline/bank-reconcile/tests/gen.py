"""Deterministic random bank/ledger/rates files with known near-matches, ties and FX cases."""
import datetime, random
from decimal import ROUND_HALF_UP, Decimal

def gen(seed, n=120):
    r = random.Random(seed)
    base = datetime.date(2026, 3, 1)
    curs = {"USD": Decimal("0.9"), "GBP": Decimal("1.17"), "CHF": Decimal("1.04"), "SEK": Decimal("0.088")}
    rates = ["date,currency,rate"]
    table = {}
    for c, v in curs.items():
        for k in range(0, 60, r.choice([1, 2, 3, 7])):
            d = base + datetime.timedelta(days=k)
            rate = (v * Decimal(1 + r.uniform(-0.03, 0.03))).quantize(Decimal("0.000001"))
            rates.append("%s,%s,%s" % (d, r.choice([c, c.lower()]), rate)); table.setdefault(c, []).append((d, rate))
    r.shuffle(rates[1:]) if False else None
    body = rates[1:]; r.shuffle(body); rates = [rates[0]] + body
    bank = ["date,amount,currency,reference,counterparty"]; ledger = ["id,date,amount_eur,invoice,description"]
    lid = 100
    def eur_of(d, amt, c):
        if c == "EUR": return amt.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        best = None
        for rd, rate in sorted(table.get(c, [])):
            if rd <= d: best = rate
        return None if best is None else (amt * best).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    for i in range(n):
        d = base + datetime.timedelta(days=r.randint(-2, 58))
        c = r.choice(["EUR", "EUR", "EUR", "USD", "GBP", "CHF", "SEK", "JPY"])
        amt = (Decimal(r.randint(-500000, 500000)) / 100).quantize(Decimal("0.01"))
        if r.random() < 0.15: amt = Decimal(r.choice([-100, 250, 99.99, -42.5])).quantize(Decimal("0.01"))
        inv = "INV-%05d" % r.randint(1, 400)
        ref = r.choice(["Payment %s" % inv, "%s / order 7" % inv.lower(), "transfer", "inv-12 " + inv, "Refund", "INV-123 and %s" % inv])
        bank.append('%s,%s,%s,"%s",%s' % (d, amt, r.choice([c, c.lower()]), ref, r.choice(["ACME", "Globex", "Initech"])))
        e = eur_of(d, amt, c)
        k = r.random()
        if e is None or k < 0.15: continue
        lid += r.randint(1, 3)
        ld = d + datetime.timedelta(days=r.choice([0, 0, 1, -1, 2, 3, 4, -5, 7, 8]))
        le = e + r.choice([Decimal("0"), Decimal("0"), Decimal("0.01"), Decimal("-0.01"), Decimal("0.02"), Decimal("1.00")])
        linv = inv if r.random() < 0.6 else r.choice(["", "INV-%05d" % r.randint(1, 400)])
        ledger.append("%d,%s,%s,%s,%s" % (lid, ld, le, linv, "entry %d" % i))
        if r.random() < 0.1:   # a competing duplicate
            lid += 1; ledger.append("%d,%s,%s,%s,dup" % (lid, d + datetime.timedelta(days=r.choice([0, 1, -2])), e, r.choice(["", linv])))
    for j in range(8):
        lid += 1; ledger.append("%d,%s,%s,,orphan" % (lid, base + datetime.timedelta(days=r.randint(0, 50)), (Decimal(r.randint(-9999, 9999)) / 100).quantize(Decimal("0.01"))))
    body = ledger[1:]; r.shuffle(body); ledger = [ledger[0]] + body
    return "\n".join(bank) + "\n", "\n".join(ledger) + "\n", "\n".join(rates) + "\n"
