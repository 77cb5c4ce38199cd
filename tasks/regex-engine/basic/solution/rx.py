#!/usr/bin/env python3
"""Reference matcher for the basic regex subset: literals . * + ? ^ $ and backslash escapes.
Compiles to a Thompson NFA and simulates it (linear time, no backtracking)."""
import sys

def parse(p):
    """Return a list of (charset_or_None_for_dot, quantifier) items and the anchors, or None if invalid."""
    items = []
    i, n = 0, len(p)
    bol = eol = False
    if n and p[0] == ord('^'):
        bol = True; i = 1
    while i < n:
        c = p[i]
        if c == ord('$') and i == n - 1:
            eol = True; i += 1; continue
        if c in b'*+?':
            if not items or items[-1][1] is not None:
                return None
            items[-1][1] = chr(c); i += 1; continue
        if c == ord('\\'):
            if i + 1 >= n:
                return None
            items.append([p[i + 1], None]); i += 2; continue
        items.append([None if c == ord('.') else c, None])
        i += 1
    return items, bol, eol

def match(parsed, s):
    items, bol, eol = parsed
    m = len(items)
    def closure(states):
        # state k = about to match items[k]; epsilon over optional items
        out = set()
        stack = list(states)
        while stack:
            k = stack.pop()
            if k in out:
                continue
            out.add(k)
            if k < m and items[k][1] in ('*', '?'):
                stack.append(k + 1)
        return out
    cur = set()
    n = len(s)
    for i in range(n + 1):
        if not bol or i == 0:
            cur = cur | closure([0])
        if m in cur and (not eol or i == n):
            return True
        if i == n:
            break
        c = s[i]
        nxt = []
        for k in cur:
            if k < m and (items[k][0] is None or items[k][0] == c):
                nxt.append(k + 1)
                if items[k][1] in ('*', '+'):
                    nxt.append(k)
        cur = closure(nxt)
    return False

def main():
    parsed = None
    out = sys.stdout
    for line in sys.stdin.buffer:
        if line.endswith(b'\n'):
            line = line[:-1]
        if line.startswith(b'P '):
            parsed = parse(line[2:])
        elif line.startswith(b'S '):
            if parsed is None:
                out.write('error\n')
            else:
                out.write('1\n' if match(parsed, line[2:]) else '0\n')
    out.flush()

if __name__ == '__main__':
    main()
