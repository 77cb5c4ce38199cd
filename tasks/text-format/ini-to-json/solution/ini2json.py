#!/usr/bin/env python3
"""ini2json.py FILE: convert our INI dialect to JSON (see instructions.md)."""
import json
import re
import sys

NAME = re.compile(r"[A-Za-z0-9_-]+")
INT = re.compile(r"-?(0|[1-9][0-9]*)")
FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
ESC = {"\\": "\\", '"': '"', "n": "\n", "t": "\t"}


class IniError(Exception):
    pass


def strip_comment(rest):
    """rest after a closing quote or bracket: only blanks and an optional comment allowed."""
    rest = rest.strip()
    if rest and rest[0] not in ";#":
        raise IniError("unexpected text after value")


def parse_value(text):
    if text.startswith('"'):
        out, i = [], 1
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                if i + 1 >= len(text) or text[i + 1] not in ESC:
                    raise IniError("bad escape")
                out.append(ESC[text[i + 1]])
                i += 2
            elif ch == '"':
                strip_comment(text[i + 1:])
                return "".join(out)
            else:
                out.append(ch)
                i += 1
        raise IniError("unterminated string")
    m = re.search(r"(^|\s)[;#]", text)
    if m:
        text = text[:m.start()]
    text = text.strip()
    if text == "true":
        return True
    if text == "false":
        return False
    if INT.fullmatch(text):
        return int(text)
    if FLOAT.fullmatch(text):
        return float(text)
    return text


def convert(lines):
    root = {}
    cur = root
    for no, raw in enumerate(lines, 1):
        try:
            line = raw.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("["):
                end = line.find("]")
                if end < 0:
                    raise IniError("unterminated section header")
                strip_comment(line[end + 1:])
                parts = [p.strip() for p in line[1:end].split(".")]
                if not all(NAME.fullmatch(p) for p in parts):
                    raise IniError("bad section name")
                cur = root
                for p in parts:
                    if p not in cur:
                        cur[p] = {}
                    elif not isinstance(cur[p], dict):
                        raise IniError("conflict: %s is not a section" % p)
                    cur = cur[p]
                continue
            if "=" not in line:
                raise IniError("syntax error")
            key, value = line.split("=", 1)
            key = key.strip()
            append = key.endswith("[]")
            if append:
                key = key[:-2]
            if not NAME.fullmatch(key):
                raise IniError("bad key")
            v = parse_value(value.strip())
            if isinstance(cur.get(key), dict):
                raise IniError("conflict: %s is a section" % key)
            if append:
                if key not in cur:
                    cur[key] = []
                elif not isinstance(cur[key], list):
                    raise IniError("conflict: %s is not an array" % key)
                cur[key].append(v)
            else:
                cur[key] = v
        except IniError as e:
            raise IniError("line %d: %s" % (no, e))
    return root


def main(argv):
    if len(argv) != 2:
        print("usage: ini2json.py FILE", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    try:
        obj = convert(text.split("\n"))
    except IniError as e:
        print("ini2json: %s" % e, file=sys.stderr)
        return 1
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
