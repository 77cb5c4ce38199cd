"""load_env: a strict reader of .env files (the format our container platform accepts).

One KEY=VALUE per line, no spaces around '=', no 'export'.  KEY: upper-case letters, digits and '_',
not starting with a digit.  VALUE: anything without spaces, or a double-quoted string.  Lines starting
with '#' and blank lines are ignored.
"""
import re

KEY = re.compile(r"^[A-Z_][A-Z0-9_]*$")


class EnvError(Exception):
    pass


def load(path):
    env = {}
    with open(path) as f:
        for n, raw in enumerate(f, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "=" not in line:
                raise EnvError(f"{path}:{n}: expected KEY=VALUE")
            key, value = line.split("=", 1)
            if not KEY.match(key):
                raise EnvError(f"{path}:{n}: bad key {key!r} (upper-case letters, digits, '_'; no spaces, no 'export')")
            if value.startswith('"'):
                if len(value) < 2 or not value.endswith('"'):
                    raise EnvError(f"{path}:{n}: unterminated quoted value")
                value = value[1:-1]
            elif " " in value or value != value.strip():
                raise EnvError(f"{path}:{n}: a value with spaces must be double-quoted")
            env[key] = value
    return env
