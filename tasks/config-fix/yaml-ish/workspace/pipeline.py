#!/usr/bin/env python3
"""Nightly pipeline runner.  `--check` validates pipeline.cfg; `--dump` prints it as JSON."""
import json
import sys

import minicfg

SCHEMA = {
    "name": str,
    "schedule": {"cron": str, "timezone": str},
    "steps": list,
    "notify": {"slack": {"channel": str, "on_failure": bool}, "email": str},
    "retries": int,
    "timeout_min": int,
}


def check(cfg, schema, where=""):
    for key, want in schema.items():
        path = f"{where}{key}"
        if key not in cfg or cfg[key] is None:
            raise minicfg.CfgError(f"'{path}' is missing or empty")
        if isinstance(want, dict):
            if not isinstance(cfg[key], dict):
                raise minicfg.CfgError(f"'{path}' must be a block of settings")
            check(cfg[key], want, path + ".")
        elif not isinstance(cfg[key], want) or (want is int and isinstance(cfg[key], bool)):
            raise minicfg.CfgError(f"'{path}' must be of type {want.__name__}, not {cfg[key]!r}")
    for key in cfg:
        if key not in schema:
            raise minicfg.CfgError(f"'{where}{key}' is not a known setting")


def main():
    try:
        with open("pipeline.cfg") as f:
            cfg = minicfg.parse(f.read())
        check(cfg, SCHEMA)
        if not cfg["steps"] or not all(isinstance(s, str) for s in cfg["steps"]):
            raise minicfg.CfgError("'steps' must be a non-empty list of step names")
    except (OSError, minicfg.CfgError) as e:
        print(f"pipeline.cfg: {e}", file=sys.stderr)
        return 1
    if "--dump" in sys.argv:
        print(json.dumps(cfg, sort_keys=True))
    else:
        print("pipeline.cfg ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
