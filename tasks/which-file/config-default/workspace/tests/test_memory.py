from shopcache.backend.memory import MemoryBackend


def test_explicit_ttl():
    assert MemoryBackend(ttl=60).ttl == 60
