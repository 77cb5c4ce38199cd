#!/usr/bin/env python3
"""order-export daemon.  `--check-config` validates settings.ini and prints the parsed settings."""
import configparser
import json
import sys

LEVELS = ("debug", "info", "warning", "error")


class ConfigError(Exception):
    pass


def _int(section, key, lo, hi):
    raw = section.get(key)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"[{section.name}] {key} = {raw!r}: not an integer")
    if not lo <= value <= hi:
        raise ConfigError(f"[{section.name}] {key} = {value}: must be from {lo} to {hi}")
    return value


def _bool(section, key):
    try:
        return section.getboolean(key)
    except ValueError:
        raise ConfigError(f"[{section.name}] {key} = {section.get(key)!r}: not a boolean (true/false, yes/no, on/off, 1/0)")


def load(path="settings.ini"):
    cp = configparser.ConfigParser()  # note: no inline comments
    if not cp.read(path):
        raise ConfigError(f"cannot read {path}")
    for name in ("server", "export"):
        if name not in cp:
            raise ConfigError(f"missing section [{name}]")
    s, e = cp["server"], cp["export"]
    level = s.get("log_level", "")
    if level not in LEVELS:
        raise ConfigError(f"[server] log_level = {level!r}: must be one of {', '.join(LEVELS)}")
    fmt = e.get("format", "")
    if fmt not in ("csv", "jsonl"):
        raise ConfigError(f"[export] format = {fmt!r}: must be csv or jsonl")
    return {
        "host": s.get("host"),
        "port": _int(s, "port", 1, 65535),
        "workers": _int(s, "workers", 1, 64),
        "log_level": level,
        "debug": _bool(s, "debug"),
        "directory": e.get("directory"),
        "interval": _int(e, "interval", 10, 86400),
        "format": fmt,
        "compress": _bool(e, "compress"),
    }


def main():
    try:
        settings = load()
    except ConfigError as err:
        print(f"order-export: {err}", file=sys.stderr)
        return 1
    if "--check-config" in sys.argv:
        print(json.dumps(settings, sort_keys=True))
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
