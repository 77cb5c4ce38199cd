"""Small descriptive statistics for the latency dashboard (no numpy on the probes)."""
import math


def mean(xs):
    if not xs:
        raise ValueError("mean of no data")
    return sum(xs) / len(xs)


def variance(xs):
    """Sample variance (n - 1 in the denominator), like the dashboard's spreadsheet."""
    if len(xs) < 2:
        raise ValueError("variance needs at least two values")
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


def stdev(xs):
    return math.sqrt(variance(xs))


def median(xs):
    if not xs:
        raise ValueError("median of no data")
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    if n % 2 == 1:
        return s[mid]
    return (s[mid] + s[mid + 1]) / 2


def percentile(xs, p):
    """Nearest-rank percentile, p in (0, 100]."""
    if not xs or not 0 < p <= 100:
        raise ValueError("bad percentile input")
    s = sorted(xs)
    rank = math.ceil(p / 100 * len(s))
    return s[rank - 1]


def summary(xs):
    return {
        "n": len(xs),
        "mean": mean(xs),
        "median": median(xs),
        "p95": percentile(xs, 95),
        "stdev": stdev(xs) if len(xs) > 1 else 0.0,
    }
