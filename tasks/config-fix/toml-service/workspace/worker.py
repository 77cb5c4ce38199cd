#!/usr/bin/env python3
"""worker.py: the image-resize worker.  `--check` loads worker.toml (TOML 1.0, Python's tomllib) and
validates it; `--dump` prints the settings as JSON."""
import json
import sys
import tomllib


def validate(cfg):
    q = cfg["queue"]
    if not isinstance(q["url"], str) or not q["url"].startswith("amqp://"):
        raise ValueError("queue.url must be an amqp:// URL")
    if not isinstance(q["prefetch"], int) or q["prefetch"] < 1:
        raise ValueError("queue.prefetch must be a positive integer")
    for size in cfg["resize"]["widths"]:
        if not isinstance(size, int):
            raise ValueError("resize.widths must be integers")
    if not isinstance(cfg["resize"]["timeout_s"], (int, float)):
        raise ValueError("resize.timeout_s must be a number of seconds")
    for name, store in cfg["storage"].items():
        if set(store) != {"bucket", "region"}:
            raise ValueError(f"storage.{name} needs exactly bucket and region")


def main():
    try:
        with open("worker.toml", "rb") as f:
            cfg = tomllib.load(f)
        validate(cfg)
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as e:
        print(f"worker.toml: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(json.dumps(cfg, sort_keys=True) if "--dump" in sys.argv else "worker.toml ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
