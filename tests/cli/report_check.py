#!/usr/bin/env python3
"""Checks for the plot/report CLI tests: image validity, strict HTML, and every
number of each report format against the fit file it was made from.

usage: report_check.py png FILE [W H]        PNG signature, IHDR, optional exact size
       report_check.py html-strict FILE     balanced tags (python html.parser)
       report_check.py md|csv|html|latex FIT.json REPORT
Exits 0 when the check passes; prints what differs otherwise."""
import csv
import html.parser
import json
import re
import struct
import math
import sys


def fmt_num(x):
    """The C side's rp_fmt_num."""
    if x is None:
        return ""
    if x == float("inf"):
        return "inf"
    ax = abs(x)
    if ax >= 100:
        return "%.0f" % x
    if ax >= 10:
        return "%.1f" % x
    if ax >= 1:
        return "%.2f" % x
    return "%.3g" % x


def fmt_pct(x):
    return "" if x is None else "%.1f%%" % (x * 100)


def fmt_usd(x):
    if x is None:
        return ""
    return ("$%.4f" if 0 < x < 0.01 else "$%.2f") % x


def fmt_count(x):
    return "" if x is None else "%.0f" % x


def lround(x):
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def fmt_minutes(m):
    """The C side's hz_fmt_minutes: a duration in s, min and h (never days); '' for no value."""
    if m is None:
        return ""
    if m == float("inf"):
        return "inf"
    s = m * 60.0
    if s < 0:
        return "%.3g min" % m
    if s < 1.0:
        return "%.2g s" % s
    if s < 10.0:
        return "%.1f s" % s
    if s < 59.5:
        return "%.0f s" % s
    if m < 59.5:
        t = lround(s)
        return "%d min %d s" % (t // 60, t % 60) if t % 60 else "%d min" % (t // 60)
    if m < 10 * 60 - 0.5:
        t = lround(m)
        return "%d h %d min" % (t // 60, t % 60) if t % 60 else "%d h" % (t // 60)
    return "%.0f h" % (m / 60.0)


def fmt_ci_duration(h):
    if h.get("ci_low") is None or h.get("ci_high") is None:
        return ""
    return fmt_minutes(h["ci_low"]) + " – " + fmt_minutes(h["ci_high"])


def fmt_ci(h, dash):
    if h.get("ci_low") is None or h.get("ci_high") is None:
        return ""
    return fmt_num(h["ci_low"]) + dash + fmt_num(h["ci_high"])


def tokens(a):
    if a.get("total_tokens") is not None:
        return a["total_tokens"]
    if a.get("input_tokens") is not None and a.get("output_tokens") is not None and a["input_tokens"] + a["output_tokens"] > 0:
        return a["input_tokens"] + a["output_tokens"]
    return None  # built-in agents record 0 tokens: unknown, shown empty


def cost_per_success(a):
    s = a.get("successes")
    if a.get("cost_usd") is None or s is None or round(s) <= 0:
        return None
    return a["cost_usd"] / round(s)


def cost_doubling(a):
    return a.get("cost_doubling") or {}


def fmt_cost_doubling(a, dash="–", times="×", lo_hi="(%s%s%s)"):
    c = cost_doubling(a)
    if c.get("factor") is None:
        return ""
    s = times + fmt_num(c["factor"])
    if c.get("ci_low") is not None and c.get("ci_high") is not None:
        s += " " + lo_hi % (fmt_num(c["ci_low"]), dash, fmt_num(c["ci_high"]))
    return s


def expected_cells(a, dash="–"):
    h50, h80 = a["horizons"].get("50", {}), a["horizons"].get("80", {})
    return [
        a.get("release_date") or "",
        fmt_count(a.get("runs")),
        fmt_count(a.get("tasks")),
        fmt_pct(a.get("weighted_success_rate")),
        fmt_num(h50.get("estimate")),
        fmt_ci(h50, dash),
        fmt_num(h80.get("estimate")),
        fmt_ci(h80, dash),
        fmt_count(tokens(a)),
        fmt_usd(a.get("cost_usd")),
        fmt_usd(cost_per_success(a)),
        fmt_cost_doubling(a, dash),
        fmt_usd(cost_doubling(a).get("usd_per_doubling")),
    ]


class Fails:
    def __init__(self):
        self.n = 0
        self.checked = 0

    def eq(self, what, got, want):
        self.checked += 1
        if got != want:
            self.n += 1
            print("mismatch: %s: got %r, want %r" % (what, got, want))

    def done(self):
        print("%d values compared, %d mismatches" % (self.checked, self.n))
        sys.exit(1 if self.n or not self.checked else 0)


def check_png(path, w=None, h=None):
    data = open(path, "rb").read(33)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        sys.exit("%s: not a PNG" % path)
    pw, ph = struct.unpack(">II", data[16:24])
    if pw < 100 or ph < 100:
        sys.exit("%s: tiny image %dx%d" % (path, pw, ph))
    if w is not None and (pw, ph) != (int(w), int(h)):
        sys.exit("%s: %dx%d, expected %sx%s" % (path, pw, ph, w, h))
    print("%s: PNG %dx%d" % (path, pw, ph))


def png_pixels(path):
    """Decode an 8-bit RGB/RGBA non-interlaced PNG into rows of bytes (enough for our screenshots)."""
    import zlib
    d = open(path, "rb").read()
    w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", d[16:29])
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit("%s: unsupported PNG layout" % path)
    bpp = 3 if ctype == 2 else 4
    i, idat = 8, b""
    while i < len(d):
        n = struct.unpack(">I", d[i:i + 4])[0]
        if d[i + 4:i + 8] == b"IDAT":
            idat += d[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp + 1, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for x in range(len(line)):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def check_nontrivial(path, min_ink="0.02"):
    """A screenshot with content: at least min_ink of the pixels are not near-white, and some are coloured."""
    w, h, bpp, rows = png_pixels(path)
    ink = coloured = 0
    for line in rows[::4]:
        for x in range(0, w * bpp, 4 * bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if min(r, g, b) < 200:
                ink += 1
            if max(r, g, b) - min(r, g, b) > 60:
                coloured += 1
    total = len(rows[::4]) * len(range(0, w * bpp, 4 * bpp))
    print("%s: %dx%d, %.1f%% ink, %d coloured samples" % (path, w, h, 100.0 * ink / total, coloured))
    if ink < float(min_ink) * total or coloured < 50:
        sys.exit("%s looks blank" % path)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Strict(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("line %d: </%s> closes %s" % (self.getpos()[0], tag, self.stack[-1] if self.stack else "nothing"))
            return
        self.stack.pop()


def check_html_strict(path):
    p = Strict()
    text = open(path, encoding="utf-8").read()
    p.feed(text)
    p.close()
    if not text.lstrip().lower().startswith("<!doctype html>"):
        p.errors.append("no <!DOCTYPE html>")
    if p.stack:
        p.errors.append("unclosed: %s" % p.stack)
    if p.errors:
        sys.exit("\n".join(p.errors))
    print("%s: balanced" % path)


def agents_of(fit):
    return {a["alias"]: a for a in json.load(open(fit))["agents"]}


def check_md(fit, path):
    agents, f = agents_of(fit), Fails()
    text = open(path, encoding="utf-8").read()
    main, _, sens = text.partition("\n## Sensitivity\n")
    check_md_sensitivity(json.load(open(fit)), sens, f)
    rows = [l for l in main.splitlines(True) if l.startswith("| ") and not l.startswith("| Agent") and not l.startswith("| Horizon")]
    seen = set()
    for line in rows:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        name = cells[0].replace("\\|", "|").replace("&lt;", "<").replace("&gt;", ">")
        if name.endswith(" *"):
            name = name[:-2]
        if name not in agents:
            continue
        seen.add(name)
        for k, (got, want) in enumerate(zip(cells[1:], expected_cells(agents[name]))):
            f.eq("%s col %d" % (name, k + 1), got, want)
    f.eq("agents in the table", sorted(seen), sorted(agents))
    f.done()


def check_md_sensitivity(doc, sens, f):
    """The panel's metr-2026 column: each agent's horizon under it over the headline, as %.3g."""
    variants = doc.get("sensitivity") or []
    f.eq("sensitivity section present", bool(sens), bool(variants))
    if not variants:
        return
    v = [x for x in variants if x["group"] == "method"][0]
    table = sens.split("\n### p50\n", 1)[1].split("\n### ", 1)[0]
    lines = [l for l in table.splitlines() if l.startswith("| ")]
    head = [c.strip() for c in lines[0].strip().strip("|").split("|")]
    col = head.index(v["name"])
    for line in lines[1:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        a = [x for x in doc["agents"] if x["alias"] == cells[0]]
        if not a:
            continue
        h, x = a[0]["horizons"]["50"]["estimate"], v["horizons"][cells[0]]["50"]
        want = "-" if not h or x is None else "%.3gx" % (x / h)
        f.eq("sensitivity %s %s" % (cells[0], v["name"]), cells[col], want)


def check_csv(fit, path):
    agents, f = agents_of(fit), Fails()
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    f.eq("rows", sorted(r["alias"] for r in rows), sorted(agents))
    for r in rows:
        a = agents[r["alias"]]
        num = lambda s: None if s == "" else float(s)
        f.eq(r["alias"] + " rate", num(r["weighted_success_rate"]), a.get("weighted_success_rate"))
        for p in ("50", "80"):
            h = a["horizons"].get(p, {})
            f.eq(r["alias"] + " p" + p, num(r["p%s_minutes" % p]), h.get("estimate"))
            f.eq(r["alias"] + " p" + p + " lo", num(r["p%s_ci_low" % p]), h.get("ci_low"))
            f.eq(r["alias"] + " p" + p + " hi", num(r["p%s_ci_high" % p]), h.get("ci_high"))
        f.eq(r["alias"] + " slope", num(r["slope"]), a.get("slope"))
        f.eq(r["alias"] + " cost", num(r["cost_usd"]), a.get("cost_usd"))
        c = cost_doubling(a)
        for col, key in (("cost_doubling_factor", "factor"), ("cost_doubling_ci_low", "ci_low"),
                         ("cost_doubling_ci_high", "ci_high"), ("cost_at_p50_usd", "usd_at_p50"),
                         ("cost_per_doubling_usd", "usd_per_doubling")):
            f.eq(r["alias"] + " " + col, num(r[col]), c.get(key))
        f.eq(r["alias"] + " release", r["release_date"], a.get("release_date") or "")
    f.done()


class Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.table = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.table = attrs.get("id")
        elif tag == "tr" and "data-alias" in attrs and self.table == "agents":
            self.row = {"alias": attrs["data-alias"], "cells": []}
        elif tag == "td" and self.row is not None:
            self.cell = {"attrs": attrs, "text": ""}

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"] += data

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row["cells"].append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None


def check_html(fit, path):
    agents, f = agents_of(fit), Fails()
    p = Cells()
    p.feed(open(path, encoding="utf-8").read())
    f.eq("rows", sorted(r["alias"] for r in p.rows), sorted(agents))
    for r in p.rows:
        a, cells = agents[r["alias"]], r["cells"]
        f.eq(r["alias"] + " name", cells[0]["text"], r["alias"])
        want_cells = expected_cells(a)
        h50, h80 = a["horizons"].get("50", {}), a["horizons"].get("80", {})
        want_cells[4:8] = [fmt_minutes(h50.get("estimate")), fmt_ci_duration(h50), fmt_minutes(h80.get("estimate")), fmt_ci_duration(h80)]
        for k, (got, want) in enumerate(zip([c["text"] for c in cells[1:]], want_cells)):
            f.eq("%s col %d" % (r["alias"], k + 1), got, want)
        # The exact values behind the rounded ones.
        for idx, p_ in ((5, "50"), (7, "80")):
            h = a["horizons"].get(p_, {})
            v = cells[idx]["attrs"].get("data-value")
            f.eq(r["alias"] + " p" + p_ + " exact", None if v is None else float(v), h.get("estimate"))
            lo = cells[idx + 1]["attrs"].get("data-low")
            f.eq(r["alias"] + " p" + p_ + " lo exact", None if lo is None else float(lo), h.get("ci_low") if h.get("ci_high") is not None else None)
        v = cells[4]["attrs"].get("data-value")
        f.eq(r["alias"] + " rate exact", None if v is None else float(v), a.get("weighted_success_rate"))
    f.done()


def check_latex(fit, path):
    agents, f = agents_of(fit), Fails()
    text = open(path, encoding="utf-8").read()
    begins, ends = re.findall(r"\\begin\{(\w+)\}", text), re.findall(r"\\end\{(\w+)\}", text)
    stack = []
    for m in re.finditer(r"\\(begin|end)\{(\w+)\}", text):
        if m.group(1) == "begin":
            stack.append(m.group(2))
        else:
            f.eq("environment nesting", stack.pop() if stack else None, m.group(2))
    f.eq("environments balanced", (len(begins), stack), (len(ends), []))
    body = text.split("\\midrule", 1)[1].split("\\bottomrule", 1)[0]
    unesc = lambda s: (s.replace("\\textbar{}", "|").replace("\\textless{}", "<").replace("\\textgreater{}", ">")
                       .replace("\\&", "&").replace("\\_", "_").replace("\\%", "%").replace("\\$", "$"))
    seen = set()
    for line in body.strip().splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)&", line.rstrip().rstrip("\\").rstrip())]
        f.eq("columns", len(cells), 12)
        name = unesc(cells[0]).replace("$^*$", "")
        seen.add(name)
        a = agents[name]
        e = expected_cells(a)
        for k, want in ((1, e[0]), (2, e[1]), (3, e[2]), (4, e[3])):
            f.eq("%s col %d" % (name, k), unesc(cells[k]), want)
        for k, p_ in ((5, "50"), (6, "80")):
            h = a["horizons"][p_]
            want = fmt_num(h["estimate"])
            if h.get("ci_low") is not None and h.get("ci_high") is not None:
                want += " [%s, %s]" % (fmt_num(h["ci_low"]), fmt_num(h["ci_high"]))
            f.eq("%s p%s" % (name, p_), cells[k], want)
        f.eq("%s cost per doubling" % name, cells[10], fmt_cost_doubling(a, ", ", "$\\times$", "[%s%s%s]"))
        f.eq("%s $ per doubling" % name, unesc(cells[11]), e[12])
    f.eq("agents", sorted(seen), sorted(agents))
    f.done()


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"png": check_png, "nontrivial": check_nontrivial, "html-strict": check_html_strict, "md": check_md, "csv": check_csv,
     "html": check_html, "latex": check_latex}[cmd](*args)
