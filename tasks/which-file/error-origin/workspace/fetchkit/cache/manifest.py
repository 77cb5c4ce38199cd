import json
import logging
import os
import time

from fetchkit import messages as msg

log = logging.getLogger(__name__)
WARN_AGE = 3600


def _path(dest, url):
    return os.path.join(dest, ".manifests", url.replace("/", "_") + ".json")


def load(dest, url):
    try:
        with open(_path(dest, url)) as f:
            m = json.load(f)
    except FileNotFoundError:
        return None
    age = int(time.time() - m["generated_at"])
    if age > WARN_AGE:
        # Only a warning: the cached copy is just a hint for what to skip.
        log.warning(msg.STALE_MANIFEST.format(age=age, limit=WARN_AGE))
    return m


def store(dest, url, manifest):
    os.makedirs(os.path.dirname(_path(dest, url)), exist_ok=True)
    with open(_path(dest, url), "w") as f:
        json.dump(manifest, f)
