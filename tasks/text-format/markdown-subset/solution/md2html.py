#!/usr/bin/env python3
"""md2html.py FILE: a Markdown subset to HTML (see instructions.md)."""
import re
import sys

ESCAPABLE = set("\\`*_[]()#+-.!>")
FENCE = re.compile(r"```([A-Za-z0-9_+-]*)\s*$")
HEADING = re.compile(r"(#{1,6}) +(\S.*)$")
RULE = re.compile(r"(-{3,}|\*{3,}|_{3,})\s*$")
ITEM = re.compile(r"( *)([-*]|(\d+)\.) +(\S.*)$")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ---------------------------------------------------------------- inline
def skip(s, i):
    """If s[i] starts an escape or a complete code span, return the index after it, else None."""
    if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in ESCAPABLE:
        return i + 2
    if s[i] == "`":
        j = s.find("`", i + 1)
        if j >= 0:
            return j + 1
    return None


def single_star(s, i):
    return s[i] == "*" and (i == 0 or s[i - 1] != "*") and (i + 1 >= len(s) or s[i + 1] != "*")


def find(s, i, pred):
    """First index >= i where pred(s, k) holds, skipping escapes and code spans; -1 if none."""
    while i < len(s):
        j = skip(s, i)
        if j is not None:
            i = j
            continue
        if pred(s, i):
            return i
        i += 1
    return -1


def inline(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in ESCAPABLE:
            out.append(esc(s[i + 1]))
            i += 2
            continue
        if c == "`":
            j = s.find("`", i + 1)
            if j >= 0:
                out.append("<code>" + esc(s[i + 1:j]) + "</code>")
                i = j + 1
                continue
        if c == "[":
            j = find(s, i + 1, lambda t, k: t[k] == "]")
            if j >= 0 and j + 1 < len(s) and s[j + 1] == "(":
                k = s.find(")", j + 2)
                if k >= 0 and " " not in s[j + 2:k]:
                    out.append('<a href="%s">%s</a>' % (esc(s[j + 2:k]), inline(s[i + 1:j])))
                    i = k + 1
                    continue
        if s.startswith("**", i):
            j = find(s, i + 2, lambda t, k: t.startswith("**", k))
            if j > i + 2:
                out.append("<strong>" + inline(s[i + 2:j]) + "</strong>")
                i = j + 2
                continue
            out.append("**")
            i += 2
            continue
        if c == "*" and single_star(s, i):
            j = find(s, i + 1, single_star)
            if j > i + 1:
                out.append("<em>" + inline(s[i + 1:j]) + "</em>")
                i = j + 1
                continue
        out.append(esc(c))
        i += 1
    return "".join(out)


# ---------------------------------------------------------------- blocks
def starts_block(line):
    return bool(FENCE.match(line) or HEADING.match(line) or RULE.match(line)
                or line.startswith(">") or (ITEM.match(line) and not line.startswith(" ")))


def parse_list(lines, i, indent):
    """Parse the list whose items are indented by `indent` spaces starting at lines[i]."""
    m = ITEM.match(lines[i])
    ordered = m.group(3) is not None
    if ordered:
        start = int(m.group(3))
        out = ['<ol start="%d">' % start if start != 1 else "<ol>"]
    else:
        out = ["<ul>"]
    while i < len(lines):
        m = ITEM.match(lines[i])
        if not m or len(m.group(1)) != indent or (m.group(3) is not None) != ordered:
            break
        item = "<li>" + inline(m.group(4).rstrip())
        i += 1
        if i < len(lines):
            m2 = ITEM.match(lines[i])
            if m2 and len(m2.group(1)) == indent + 2:
                sub, i = parse_list(lines, i, indent + 2)
                item += "\n" + sub + "\n"
        out.append(item + "</li>")
    out.append("</ol>" if ordered else "</ul>")
    return "\n".join(out), i


def blocks(lines):
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = FENCE.match(line)
        if m:
            body = []
            i += 1
            while i < len(lines) and lines[i].rstrip() != "```":
                body.append(esc(lines[i]) + "\n")
                i += 1
            i += 1
            cls = ' class="language-%s"' % m.group(1) if m.group(1) else ""
            out.append("<pre><code%s>%s</code></pre>" % (cls, "".join(body)))
            continue
        m = HEADING.match(line)
        if m:
            n = len(m.group(1))
            out.append("<h%d>%s</h%d>" % (n, inline(m.group(2).strip()), n))
            i += 1
            continue
        if RULE.match(line):
            out.append("<hr>")
            i += 1
            continue
        if line.startswith(">"):
            inner = []
            while i < len(lines) and lines[i].startswith(">"):
                t = lines[i][1:]
                inner.append(t[1:] if t.startswith(" ") else t)
                i += 1
            out.append("<blockquote>\n" + blocks(inner) + "</blockquote>")
            continue
        m = ITEM.match(line)
        if m and m.group(1) == "":
            html, i = parse_list(lines, i, 0)
            out.append(html)
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not (para and starts_block(lines[i])):
            para.append(lines[i])
            i += 1
        parts = []
        for k, l in enumerate(para):
            text = inline(l.strip())
            if k < len(para) - 1 and l.endswith("  "):
                text += "<br>"
            parts.append(text)
        out.append("<p>" + "\n".join(parts) + "</p>")
    return "".join(b + "\n" for b in out)


def convert(text):
    lines = [l[:-1] if l.endswith("\r") else l for l in text.split("\n")]
    return blocks(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(convert(f.read()))
