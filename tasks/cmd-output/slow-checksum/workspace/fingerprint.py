#!/usr/bin/env python3
"""Fingerprint the parts catalogue: one digest over every part record.

The records used to come from the supplier API, which allows one request per
half second, hence the throttle.  They are local now (parts.tsv).
"""
import hashlib
import sys
import time

THROTTLE_S = 0.5


def fetch(record_line):
    time.sleep(THROTTLE_S)  # rate limit of the old supplier API
    sku, name, qty, price = record_line.rstrip("\n").split("\t")
    return {"sku": sku, "name": name.strip().lower(), "qty": int(qty), "price_cents": round(float(price) * 100)}


def main(path):
    digest = hashlib.sha256()
    total = 0
    with open(path) as f:
        next(f)  # header
        for line in f:
            rec = fetch(line)
            if rec["qty"] == 0:
                continue
            total += rec["qty"] * rec["price_cents"]
            digest.update(f"{rec['sku']}|{rec['name']}|{rec['qty']}".encode())
    print(f"value={total / 100:.2f} digest={digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "parts.tsv")
