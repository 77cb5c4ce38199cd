import sys

from fetchkit import config
from fetchkit.errors import FetchError
from fetchkit.sync import runner


def main(argv):
    if len(argv) != 3 or argv[1] != "sync":
        print("usage: fetchkit sync CONFIG", file=sys.stderr)
        return 2
    try:
        cfg = config.load(argv[2])
        runner.sync_all(cfg)
    except FetchError as e:
        print(f"sync failed: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
