"""A least-recently-used cache with a fixed capacity.

A doubly linked list keeps the entries in recency order (head = most recently
used, tail = least recently used); a dict maps keys to list nodes.
"""


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None


class LRUCache:
    def __init__(self, capacity):
        if not isinstance(capacity, int) or capacity < 0:
            raise ValueError("capacity must be a non-negative integer")
        self.capacity = capacity
        self._map = {}
        self._head = None
        self._tail = None
        self.hits = 0
        self.misses = 0
        self.evictions = 0

    # -- linked list helpers ------------------------------------------------
    def _unlink(self, node):
        if node.prev is not None:
            node.prev.next = node.next
        else:
            self._head = node.next
        if node.next is not None:
            node.next.prev = node.prev
        node.prev = node.next = None

    def _push_front(self, node):
        node.prev = None
        node.next = self._head
        if self._head is not None:
            self._head.prev = node
        self._head = node
        if self._tail is None:
            self._tail = node

    # -- public API ---------------------------------------------------------
    def get(self, key, default=None):
        """Return the value for key (marking it most recently used), or default."""
        node = self._map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        return node.value

    def put(self, key, value):
        """Insert or update key; evict the least recently used entry when full."""
        if self.capacity == 0:
            return
        node = _Node(key, value)
        self._map[key] = node
        self._push_front(node)
        if len(self._map) > self.capacity:
            victim = self._head
            self._unlink(victim)
            del self._map[victim.key]
            self.evictions += 1

    def delete(self, key):
        """Remove key; return True if it was present, False otherwise."""
        node = self._map.pop(key)
        self._unlink(node)
        return True

    def peek(self, key, default=None):
        """Return the value for key without changing recency or statistics."""
        node = self._map.get(key)
        return default if node is None else node.value

    def keys(self):
        """Keys from most recently used to least recently used."""
        out = []
        node = self._head
        while node is not None:
            out.append(node.key)
            node = node.next
        return out

    def __len__(self):
        return len(self._map)

    def __contains__(self, key):
        return key in self._map
