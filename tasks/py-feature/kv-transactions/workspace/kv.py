#!/usr/bin/env python3
"""kv: an in-memory key-value store driven by commands on standard input, one per line.

Commands (words separated by white space; keys and values are single words, case-sensitive):

    SET key value     set key to value                     (prints nothing)
    GET key           print the value, or NULL
    DEL key           remove the key if present            (prints nothing)
    INCR key [n]      add the integer n (default 1) to the integer value of key (a missing key counts
                      as 0) and print the new value; "ERR not an integer" if the value or n is not an
                      integer (optional '-' then digits), and then nothing changes
    COUNT value       print how many keys currently have exactly this value
    KEYS prefix       print the keys starting with prefix, sorted (byte order), separated by one space,
                      or "(empty)"; "KEYS" alone lists all keys
    END               stop (also at end of input)

Blank lines are ignored. A command with the wrong number of arguments prints "ERR usage"; an unknown
command prints "ERR unknown command". Command names are case-insensitive.
"""
import re
import sys

INT = re.compile(r"-?[0-9]+")


class Store:
    def __init__(self):
        self.data = {}

    def set(self, key, value):
        self.data[key] = value

    def get(self, key):
        return self.data.get(key)

    def delete(self, key):
        self.data.pop(key, None)

    def count(self, value):
        return sum(1 for v in self.data.values() if v == value)

    def keys(self, prefix=""):
        return sorted(k for k in self.data if k.startswith(prefix))


ARITY = {"SET": (2, 2), "GET": (1, 1), "DEL": (1, 1), "INCR": (1, 2), "COUNT": (1, 1), "KEYS": (0, 1), "END": (0, 0)}


def execute(store, words, out):
    """Run one command; returns False when the session ends."""
    cmd, args = words[0].upper(), words[1:]
    if cmd not in ARITY:
        out.append("ERR unknown command")
        return True
    lo, hi = ARITY[cmd]
    if not lo <= len(args) <= hi:
        out.append("ERR usage")
        return True
    if cmd == "SET":
        store.set(args[0], args[1])
    elif cmd == "GET":
        v = store.get(args[0])
        out.append("NULL" if v is None else v)
    elif cmd == "DEL":
        store.delete(args[0])
    elif cmd == "INCR":
        cur = store.get(args[0])
        n = args[1] if len(args) == 2 else "1"
        if (cur is not None and not INT.fullmatch(cur)) or not INT.fullmatch(n):
            out.append("ERR not an integer")
        else:
            v = str(int(cur or "0") + int(n))
            store.set(args[0], v)
            out.append(v)
    elif cmd == "COUNT":
        out.append(str(store.count(args[0])))
    elif cmd == "KEYS":
        ks = store.keys(args[0] if args else "")
        out.append(" ".join(ks) if ks else "(empty)")
    elif cmd == "END":
        return False
    return True


def main():
    store = Store()
    out = []
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        keep_going = execute(store, words, out)
        if len(out) > 1000:
            sys.stdout.write("\n".join(out) + "\n")
            out.clear()
        if not keep_going:
            break
    if out:
        sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
