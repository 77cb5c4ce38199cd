import contextlib
import fcntl
import os

from fetchkit import messages as msg
from fetchkit.errors import SyncError


@contextlib.contextmanager
def held(dest):
    path = os.path.join(dest, ".lock")
    with open(path, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncError(msg.LOCKED.format(path=path))
        yield
