import os


def _int(name):
    raw = os.environ.get(name)
    return int(raw) if raw else None


CACHE_TTL = _int("CACHE_TTL")      # None: the backend picks its default
CACHE_SIZE = _int("CACHE_SIZE") or 10000
UPSTREAM = os.environ.get("UPSTREAM", "http://catalogue.internal")
