#!/usr/bin/env python3
"""thumbnailer: make thumbnails of uploaded images.  `--check` validates config.json and exits."""
import json
import sys


def load(path="config.json"):
    with open(path) as f:
        cfg = json.load(f)
    for key in ("service", "listen", "storage", "sizes", "formats", "workers"):
        if key not in cfg:
            raise ValueError(f"config.json: missing key {key!r}")
    if not all(isinstance(s, int) and s > 0 for s in cfg["sizes"]):
        raise ValueError("config.json: 'sizes' must be positive integers")
    return cfg


def main():
    try:
        cfg = load()
    except (OSError, ValueError) as e:
        print(f"thumbnailer: bad configuration: {e}", file=sys.stderr)
        return 1
    if "--check" in sys.argv:
        print(f"config ok: {cfg['service']} on port {cfg['listen']['port']}")
        return 0
    print("serving (not in this sandbox)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
