"""minicfg: the small YAML-like format of pipeline.cfg (see FORMAT.md).  No third-party modules."""
import re


class CfgError(Exception):
    pass


_INT = re.compile(r"^-?[0-9]+$")


def _scalar(text, lineno):
    if text.startswith('"'):
        if len(text) < 2 or not text.endswith('"'):
            raise CfgError(f"line {lineno}: unterminated string")
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    if _INT.match(text):
        return int(text)
    return text


def _strip_comment(line):
    out, quoted = [], False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        if c == "#" and not quoted and (i == 0 or line[i - 1] in " \t"):
            break
        out.append(c)
    return "".join(out).rstrip()


def parse(text):
    root = {}
    stack = [(-1, root)]  # (indent, container)
    last_key = {}        # indent -> (mapping, key) awaiting a nested block
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise CfgError(f"line {lineno}: indent with spaces, not tabs")
        line = _strip_comment(raw)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent % 2:
            raise CfgError(f"line {lineno}: indentation must be a multiple of 2 spaces")
        body = line.strip()
        while stack and indent <= stack[-1][0]:
            stack.pop()
        parent_indent, parent = stack[-1]
        if indent != parent_indent + 2 and parent_indent >= 0:
            raise CfgError(f"line {lineno}: unexpected indentation")
        if parent is None:
            mapping, key = last_key[parent_indent]
            parent = [] if body.startswith("- ") else {}
            mapping[key] = parent
            stack[-1] = (parent_indent, parent)
        if body.startswith("- "):
            if not isinstance(parent, list):
                raise CfgError(f"line {lineno}: list item outside a list")
            parent.append(_scalar(body[2:].strip(), lineno))
            continue
        if ":" not in body:
            raise CfgError(f"line {lineno}: expected 'key: value'")
        key, _, value = body.partition(":")
        key, value = key.strip(), value.strip()
        if not isinstance(parent, dict):
            raise CfgError(f"line {lineno}: 'key: value' inside a list")
        if key in parent:
            raise CfgError(f"line {lineno}: duplicate key {key!r}")
        if value:
            parent[key] = _scalar(value, lineno)
        else:
            parent[key] = None
            last_key[indent] = (parent, key)
            stack.append((indent, None))
    return root
