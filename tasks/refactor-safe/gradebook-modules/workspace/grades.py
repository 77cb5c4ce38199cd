#!/usr/bin/env python3
"""grades.py [--weights CAT=W,...] [--curve N] FILE: weighted grades report from a CSV file.

FILE is CSV with a header: a `name` column and one column per score category (any order).
Scores are numbers from 0 to 100; an empty cell counts as 0.
"""
import statistics
import sys


def main(argv):
    weights_spec = None
    curve = 0.0
    path = None
    args = argv[1:]
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--weights" and i + 1 < len(args):
            weights_spec = args[i + 1]
            i += 2
        elif a == "--curve" and i + 1 < len(args):
            try:
                curve = float(args[i + 1])
            except ValueError:
                print("grades: bad curve %r" % args[i + 1], file=sys.stderr)
                return 2
            i += 2
        elif path is None and not a.startswith("--"):
            path = a
            i += 1
        else:
            print("usage: grades.py [--weights CAT=W,...] [--curve N] FILE", file=sys.stderr)
            return 2
    if path is None:
        print("usage: grades.py [--weights CAT=W,...] [--curve N] FILE", file=sys.stderr)
        return 2
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines:
        print("grades: line 1: missing header", file=sys.stderr)
        return 1
    header = [h.strip() for h in lines[0].split(",")]
    if "name" not in header:
        print("grades: line 1: no name column", file=sys.stderr)
        return 1
    categories = [h for h in header if h != "name"]
    if not categories or len(set(header)) != len(header) or "" in header:
        print("grades: line 1: bad header", file=sys.stderr)
        return 1
    students = []
    seen = set()
    for no, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split(",")]
        if len(cells) != len(header):
            print("grades: line %d: expected %d fields, got %d" % (no, len(header), len(cells)), file=sys.stderr)
            return 1
        row = dict(zip(header, cells))
        name = row["name"]
        if not name:
            print("grades: line %d: empty name" % no, file=sys.stderr)
            return 1
        if name in seen:
            print("grades: line %d: duplicate student %s" % (no, name), file=sys.stderr)
            return 1
        seen.add(name)
        scores = {}
        for cat in categories:
            cell = row[cat]
            if cell == "":
                scores[cat] = 0.0
                continue
            try:
                v = float(cell)
            except ValueError:
                v = -1.0
            if not 0.0 <= v <= 100.0:
                print("grades: line %d: bad score %r for %s" % (no, cell, cat), file=sys.stderr)
                return 1
            scores[cat] = v
        students.append((name, scores))
    if weights_spec is None:
        weights = {c: 1.0 / len(categories) for c in categories}
    else:
        weights = {}
        for part in weights_spec.split(","):
            k, sep, v = part.partition("=")
            k = k.strip()
            try:
                w = float(v)
            except ValueError:
                w = -1.0
            if not sep or k not in categories or k in weights or w < 0:
                print("grades: bad weights %r" % weights_spec, file=sys.stderr)
                return 2
            weights[k] = w
        if set(weights) != set(categories) or abs(sum(weights.values()) - 1.0) > 1e-9:
            print("grades: weights must cover every category and sum to 1", file=sys.stderr)
            return 2
    results = []
    for name, scores in students:
        t = sum(scores[c] * weights[c] for c in categories) + curve
        results.append((name, min(100.0, max(0.0, t))))
    if not results:
        print("no students")
        return 0
    results.sort(key=lambda r: (-r[1], r[0]))
    counts = {"A": 0, "B": 0, "C": 0, "D": 0, "F": 0}
    rank = 0
    prev = None
    for pos, (name, t) in enumerate(results, 1):
        if prev is None or round(t, 2) != round(prev, 2):
            rank = pos
        prev = t
        if t >= 90:
            g = "A"
        elif t >= 80:
            g = "B"
        elif t >= 70:
            g = "C"
        elif t >= 60:
            g = "D"
        else:
            g = "F"
        counts[g] += 1
        print("%2d. %-20s %6.2f %s" % (rank, name, t, g))
    totals = [t for _, t in results]
    print("mean %.2f median %.2f stdev %.2f" % (statistics.mean(totals), statistics.median(totals), statistics.pstdev(totals)))
    print(" ".join("%s:%d" % kv for kv in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
