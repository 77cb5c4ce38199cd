"""Roman numerals: conversion both ways, and a small command-line front end.

    python3 roman.py 1994      -> MCMXCIV
    python3 roman.py MCMXCIV   -> 1994
"""
import sys

VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

TABLE = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def to_roman(n):
    """Return the canonical Roman numeral for 1 <= n <= 3999; ValueError otherwise."""
    if not isinstance(n, int) or isinstance(n, bool) or not 0 < n < 3999:
        raise ValueError("out of range: %r" % (n,))
    out = []
    for value, letters in TABLE:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s):
    """Return the integer value of a canonical upper-case Roman numeral; ValueError otherwise."""
    if not isinstance(s, str) or not s or any(ch not in VALUES for ch in s):
        raise ValueError("not a Roman numeral: %r" % (s,))
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] >= v:
            total -= v
        else:
            total += v
    # Only the canonical spelling is accepted ("IIII", "IC", "VX" are rejected).
    if total < 1 or total > 3999 or to_roman(total) != s:
        raise ValueError("not a canonical Roman numeral: %r" % (s,))
    return total


def main(argv):
    if len(argv) != 2:
        print("usage: roman.py NUMBER|NUMERAL", file=sys.stderr)
        return 2
    arg = argv[1]
    try:
        if arg.isdigit():
            print(to_roman(int(arg)))
        else:
            print(from_roman(arg))
    except ValueError as e:
        print("roman: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
