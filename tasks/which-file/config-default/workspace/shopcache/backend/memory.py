import time

from shopcache import settings
from shopcache.backend import limits
from shopcache.constants import NEGATIVE_TTL


class MemoryBackend:
    def __init__(self, ttl=None):
        ttl = ttl if ttl is not None else settings.CACHE_TTL
        if ttl is None:
            ttl = limits.DEFAULT_TTL
        self.ttl = min(max(ttl, limits.MIN_TTL), limits.MAX_TTL)
        self._data = {}

    def get(self, key):
        hit = self._data.get(key)
        if hit and hit[1] > time.monotonic():
            return hit[0]
        return None

    def put(self, key, value):
        ttl = self.ttl if value is not None else NEGATIVE_TTL
        self._data[key] = (value, time.monotonic() + ttl)
