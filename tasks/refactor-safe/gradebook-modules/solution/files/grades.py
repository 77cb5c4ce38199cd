#!/usr/bin/env python3
"""grades.py [--weights CAT=W,...] [--curve N] FILE: weighted grades report from a CSV file.

FILE is CSV with a header: a `name` column and one column per score category (any order).
Scores are numbers from 0 to 100; an empty cell counts as 0.
"""
import sys

from gradebook.errors import GradeError
from gradebook.grading import final_score, parse_weights
from gradebook.parsing import parse_csv
from gradebook.report import format_report

USAGE = "usage: grades.py [--weights CAT=W,...] [--curve N] FILE"


def main(argv):
    weights_spec, curve, path = None, 0.0, None
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
            print(USAGE, file=sys.stderr)
            return 2
    if path is None:
        print(USAGE, file=sys.stderr)
        return 2
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        categories, students = parse_csv(text)
        weights = parse_weights(weights_spec, categories)
    except GradeError as e:
        print("grades: %s" % e, file=sys.stderr)
        return e.exit_code
    results = [(name, final_score(scores, weights, curve)) for name, scores in students]
    sys.stdout.write(format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
