import statistics

from .grading import letter


def format_report(results):
    """[(name, final score)] in any order -> the report text."""
    if not results:
        return "no students\n"
    results = sorted(results, key=lambda r: (-r[1], r[0]))
    counts = {"A": 0, "B": 0, "C": 0, "D": 0, "F": 0}
    out = []
    rank, prev = 0, None
    for pos, (name, t) in enumerate(results, 1):
        if prev is None or round(t, 2) != round(prev, 2):
            rank = pos
        prev = t
        g = letter(t)
        counts[g] += 1
        out.append("%2d. %-20s %6.2f %s" % (rank, name, t, g))
    totals = [t for _, t in results]
    out.append("mean %.2f median %.2f stdev %.2f" % (statistics.mean(totals), statistics.median(totals), statistics.pstdev(totals)))
    out.append(" ".join("%s:%d" % kv for kv in counts.items()))
    return "\n".join(out) + "\n"
