#!/usr/bin/env python3
"""dedup: keep the latest record per e-mail address.

Reads tab-separated records from standard input, one per line:

    TIMESTAMP<TAB>EMAIL<TAB>NAME

TIMESTAMP is a non-negative integer.  Two records are about the same person when their e-mail
addresses are equal after removing surrounding white space and lower-casing.  For every person the
record with the largest TIMESTAMP is kept (on a tie, the one that comes later in the input).  People
are printed in the order in which they first appear in the input; each kept record is printed exactly
as its input line (without the line terminator), followed by a newline.  Blank lines are ignored.
"""
import sys


def parse(line):
    ts, email, name = line.split("\t", 2)
    return int(ts), email.strip().lower(), line


def dedup(lines):
    keys = []
    best = []
    for line in lines:
        if not line.strip():
            continue
        ts, key, raw = parse(line)
        if key in keys:
            i = keys.index(key)
            if ts >= best[i][0]:
                best[i] = (ts, raw)
        else:
            keys.append(key)
            best.append((ts, raw))
    return [raw for ts, raw in best]


def main():
    lines = sys.stdin.read().split("\n")
    for raw in dedup(lines):
        sys.stdout.write(raw + "\n")


if __name__ == "__main__":
    main()
