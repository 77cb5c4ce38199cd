import json

from fetchkit import messages as msg
from fetchkit.errors import ConfigError

REQUIRED = ("mirrors", "dest", "max_manifest_age")


def load(path):
    with open(path) as f:
        cfg = json.load(f)
    for key in REQUIRED:
        if key not in cfg:
            raise ConfigError(msg.MISSING_KEY.format(key=key))
    return cfg
