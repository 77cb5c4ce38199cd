from shopcache.backend.memory import MemoryBackend

__all__ = ["MemoryBackend"]
