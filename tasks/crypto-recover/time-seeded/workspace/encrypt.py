#!/usr/bin/env python3
"""Encrypt a backup manifest (our "lightweight" scheme).  Usage: encrypt.py IN OUT"""
import sys, time


def keystream(seed, n):
    x, out = seed & 0xFFFFFFFF, []
    for _ in range(n):
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


data = open(sys.argv[1], "rb").read()
seed = int(time.time())  # fresh key every run
open(sys.argv[2], "wb").write(bytes(a ^ b for a, b in zip(data, keystream(seed, len(data)))))
