"""User-facing message templates, kept together for translation."""

STALE_MANIFEST = "remote manifest is stale (age {age}s > {limit}s)"
STALE_INDEX = "local index is stale (age {age}s > {limit}s)"
BAD_CHECKSUM = "checksum mismatch for {name}: expected {want}, got {got}"
MISSING_KEY = "config key {key!r} is required"
LOCKED = "another sync holds the lock {path}"
EMPTY_MIRROR = "mirror {url} lists no packages"
