import os
import time

from fetchkit import messages as msg
from fetchkit.errors import SyncError

INDEX_MAX_AGE = 7 * 24 * 3600


def check_index(cfg):
    path = os.path.join(cfg["dest"], "index.json")
    if not os.path.exists(path):
        return
    age = int(time.time() - os.path.getmtime(path))
    if age > INDEX_MAX_AGE:
        raise SyncError(msg.STALE_INDEX.format(age=age, limit=INDEX_MAX_AGE))
