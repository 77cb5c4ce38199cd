#!/usr/bin/env python3
"""csvconv.py [options] < input > output: convert between CSV dialects (see instructions.md)."""
import argparse
import re
import sys

NUMERIC = re.compile(r"-?[0-9]+(\.[0-9]+)?")


class CsvError(Exception):
    pass


def parse(text, delim):
    """text -> list of (line_number, fields)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    records, i, n, line = [], 0, len(text), 1
    while i < n:
        start_line = line
        fields, field, quoted_field = [], [], False
        # one record
        while True:
            if i < n and text[i] == '"' and not field:
                quoted_field = True
                i += 1
                while True:
                    if i >= n:
                        raise CsvError("line %d: unterminated quoted field" % start_line)
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            field.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if c == "\n":
                        line += 1
                    field.append(c)
                    i += 1
                if i < n and text[i] not in (delim, "\n") and text[i:i + 2] != "\r\n":
                    raise CsvError("line %d: unexpected character after a closing quote" % line)
            else:
                while i < n and text[i] != delim and text[i] != "\n" and text[i:i + 2] != "\r\n":
                    field.append(text[i])
                    i += 1
            fields.append("".join(field))
            field = []
            if i < n and text[i] == delim:
                i += 1
                continue
            if text[i:i + 2] == "\r\n":
                i += 2
            elif i < n:
                i += 1
            line += 1
            break
        if fields == [""] and not quoted_field:
            continue
        records.append((start_line, fields))
    return records


def needs_quotes(f, delim):
    return any(ch in f for ch in (delim, '"', "\r", "\n")) or f != f.strip(" ")


def render(f, delim, style, lone):
    """lone: the record is this single empty field."""
    need = needs_quotes(f, delim) or lone
    if style == "all" or (style == "nonnumeric" and not NUMERIC.fullmatch(f)) or (style == "minimal" and need):
        return '"' + f.replace('"', '""') + '"'
    if style == "none" and need:
        raise CsvError("field needs quoting")
    return f


def delim_arg(s):
    if s == "\\t":
        return "\t"
    if len(s) != 1 or s in '"\r\n':
        raise argparse.ArgumentTypeError("delimiter must be one character")
    return s


def main(argv):
    ap = argparse.ArgumentParser(prog="csvconv.py")
    ap.add_argument("--in-delim", type=delim_arg, default=",")
    ap.add_argument("--out-delim", type=delim_arg, default=",")
    ap.add_argument("--quote", choices=["minimal", "all", "nonnumeric", "none"], default="minimal")
    ap.add_argument("--eol", choices=["lf", "crlf"], default="lf")
    ap.add_argument("--select")
    args = ap.parse_args(argv)
    text = sys.stdin.buffer.read().decode("utf-8")
    try:
        records = parse(text, args.in_delim)
        if args.select is not None and records:
            header = records[0][1]
            idx = []
            for name in args.select.split(","):
                if name not in header:
                    print("csvconv: no column %r" % name, file=sys.stderr)
                    return 2
                idx.append(header.index(name))
            records = [(ln, [f[k] if k < len(f) else "" for k in idx]) for ln, f in records]
        eol = "\r\n" if args.eol == "crlf" else "\n"
        out = []
        for ln, fields in records:
            try:
                lone = fields == [""]
                out.append(args.out_delim.join(render(f, args.out_delim, args.quote, lone) for f in fields) + eol)
            except CsvError as e:
                raise CsvError("line %d: %s" % (ln, e))
    except CsvError as e:
        print("csvconv: %s" % e, file=sys.stderr)
        return 1
    sys.stdout.buffer.write("".join(out).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
