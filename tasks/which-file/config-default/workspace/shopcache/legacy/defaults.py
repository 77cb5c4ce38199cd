"""Defaults of the 1.x cache.  Kept for the migration script; nothing imports it at run time."""

DEFAULT_TTL = 600
DEFAULT_SIZE = 5000
