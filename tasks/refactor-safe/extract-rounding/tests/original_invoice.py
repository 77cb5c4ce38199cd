#!/usr/bin/env python3
"""invoice.py FILE: print an invoice from a file of items.

Each non-blank line of FILE is "DESCRIPTION;QUANTITY;UNIT_PRICE;VAT_PERCENT" (VAT_PERCENT optional,
default 20).  Amounts are decimals; every printed amount is rounded to cents, halves away from zero.
"""
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def parse(lines):
    items = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(";")]
        if len(parts) not in (3, 4):
            raise ValueError("line %d: expected 3 or 4 fields" % no)
        try:
            qty = Decimal(parts[1])
            price = Decimal(parts[2])
            vat = Decimal(parts[3]) if len(parts) == 4 and parts[3] else Decimal(20)
        except InvalidOperation:
            raise ValueError("line %d: bad number" % no)
        items.append((parts[0], qty, price, vat))
    return items


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        try:
            items = parse(f.read().splitlines())
        except ValueError as e:
            print("invoice: %s" % e, file=sys.stderr)
            return 1
    net_total = Decimal(0)
    vat_by_rate = {}
    for desc, qty, price, vat in items:
        net = (qty * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        net_total += net
        vat_amount = (net * vat / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        vat_by_rate[vat] = vat_by_rate.get(vat, Decimal(0)) + vat_amount
        print("%-30s %8s x %10s = %12s" % (desc[:30], qty, price.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), net))
    print("%-30s %35s" % ("Net total", net_total))
    vat_total = Decimal(0)
    for rate in sorted(vat_by_rate):
        print("%-30s %35s" % ("VAT %s%%" % rate, vat_by_rate[rate]))
        vat_total += vat_by_rate[rate]
    gross = (net_total + vat_total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    print("%-30s %35s" % ("Total", gross))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
