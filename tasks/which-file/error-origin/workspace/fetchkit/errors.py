class FetchError(Exception):
    """Base class of every fetchkit error."""


class SyncError(FetchError):
    pass


class ConfigError(FetchError):
    pass


class IntegrityError(FetchError):
    pass
