from shopcache.backend import MemoryBackend

cache = MemoryBackend()


def lookup(key, fetch):
    value = cache.get(key)
    if value is None:
        value = fetch(key)
        cache.put(key, value)
    return value
