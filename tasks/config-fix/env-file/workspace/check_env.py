#!/usr/bin/env python3
"""check_env.py: validate app.env for the shop front and print the settings it yields."""
import json
import sys

from load_env import EnvError, load

REQUIRED = ("DATABASE_URL", "PORT", "APP_NAME", "FEATURE_FLAGS", "LOG_LEVEL")


def main():
    try:
        env = load("app.env")
        missing = [k for k in REQUIRED if k not in env]
        if missing:
            raise EnvError("app.env: missing " + ", ".join(missing))
        if not env["PORT"].isdigit():
            raise EnvError("app.env: PORT must be a number")
    except (OSError, EnvError) as e:
        print(e, file=sys.stderr)
        return 1
    settings = dict(env, PORT=int(env["PORT"]), FEATURE_FLAGS=env["FEATURE_FLAGS"].split(","))
    print(json.dumps(settings, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
