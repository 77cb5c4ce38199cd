"""Bounds of the memory backend."""

DEFAULT_TTL = 240
MIN_TTL = 5
MAX_TTL = 24 * 3600
