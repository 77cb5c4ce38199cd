"""Numbers shared by several modules."""

MAX_KEY_BYTES = 250
STATS_INTERVAL_S = 60
NEGATIVE_TTL = 30  # how long a miss is remembered
