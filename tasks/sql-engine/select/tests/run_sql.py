#!/usr/bin/env python3
"""Hidden scorer of the sql-engine family: build (make, when there is a Makefile), then run
./minisql on every tests/cases/*.json case and compare its output with SQLite's, item by item
(the rows of each SELECT, in order when the query has ORDER BY, as a multiset otherwise; an
'error:' line for each failing statement).  A case with several runs uses one database file
across them.  Last line: {"score": passed/total}; every case must pass."""
import concurrent.futures, glob, json, os, resource, subprocess, sys, tempfile

TESTS = os.path.dirname(os.path.abspath(__file__))
CPU = 20


def limit():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU, CPU + 1))


def parse(out):
    items, rows = [], []
    for line in out.split("\n")[:-1] if out.endswith("\n") else out.split("\n"):
        if line.startswith("error:") and not rows:
            items.append({"error": True})
        elif line == "--":
            items.append({"rows": rows})
            rows = []
        else:
            rows.append(line)
    if rows:
        items.append({"rows": rows, "unterminated": True})
    return items


def check(path):
    name = os.path.basename(path)[:-5]
    runs = json.load(open(path))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "test.db")
        for k, run in enumerate(runs):
            argv = ["./minisql"] + ([db] if len(runs) > 1 else [])
            try:
                r = subprocess.run(argv, input=run["sql"].encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=90, preexec_fn=limit)
            except subprocess.TimeoutExpired:
                return name, "run %d timed out" % (k + 1)
            if r.returncode != 0:
                return name, "run %d: exit status %d (stderr %r)" % (k + 1, r.returncode, r.stderr[-300:])
            got, want = parse(r.stdout.decode("utf-8", "replace")), run["expect"]
            for i, w in enumerate(want):
                if i >= len(got):
                    return name, "run %d: output ends before result %d of %d" % (k + 1, i + 1, len(want))
                g = got[i]
                if w.get("error"):
                    if not g.get("error"):
                        return name, "run %d, result %d: expected an error line, got rows %r" % (k + 1, i + 1, g["rows"][:5])
                    continue
                if g.get("error"):
                    return name, "run %d, result %d: unexpected error (expected %r)" % (k + 1, i + 1, w["rows"][:5])
                a, b = g["rows"], w["rows"]
                if not w["ordered"]:
                    a, b = sorted(a), sorted(b)
                if a != b or g.get("unterminated"):
                    return name, "run %d, result %d: expected %r, got %r" % (k + 1, i + 1, b[:6], a[:6])
            if len(got) != len(want):
                return name, "run %d: %d results, expected %d" % (k + 1, len(got), len(want))
    return name, None


def main():
    if os.path.exists("Makefile") or os.path.exists("makefile"):
        r = subprocess.run(["make"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print("make failed:\n" + r.stdout.decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0}))
            return
    if not os.access("minisql", os.X_OK):
        print("no executable ./minisql in the workspace")
        print(json.dumps({"score": 0.0}))
        return
    cases = sorted(glob.glob(os.path.join(TESTS, "cases", "*.json")))
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        for name, why in ex.map(check, cases):
            if why is None:
                passed += 1
            else:
                print("FAIL %s: %s" % (name, why))
    print("%d/%d cases" % (passed, len(cases)))
    print(json.dumps({"score": round(passed / len(cases), 6), "passed": passed, "total": len(cases)}))


main()
