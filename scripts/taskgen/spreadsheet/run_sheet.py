#!/usr/bin/env python3
"""Hidden scorer of the spreadsheet family: builds the workspace (bash build.sh when there is one),
then runs ./sheet on every case of cases.json (a command file on standard input) and compares its
standard output with the expected one, line for line.  Last line: {"score": passed/total}; every
case must pass."""
import concurrent.futures, json, os, resource, subprocess, sys

TESTS = os.path.dirname(os.path.abspath(__file__))


def limit():
    resource.setrlimit(resource.RLIMIT_CPU, (30, 31))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def check(case):
    try:
        r = subprocess.run(["./sheet"], input=case["input"].encode(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=90, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return case["name"], "timed out"
    if r.returncode != 0:
        return case["name"], "exit status %d (stderr %r)" % (r.returncode, r.stderr[-300:])
    got = r.stdout.decode("utf-8", "replace").split("\n")
    want = case["expect"].split("\n")
    if got == want:
        return case["name"], None
    lines = case["input"].split("\n")
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else "(end of output)"
        w = want[i] if i < len(want) else "(end of output)"
        if g != w:
            return case["name"], "output line %d: expected %r, got %r (the input has %d lines)" % (i + 1, w, g, len(lines))
    return case["name"], "output differs"


def main():
    if os.path.exists("build.sh"):
        r = subprocess.run(["bash", "build.sh"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print("build.sh failed:\n" + r.stdout.decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0}))
            return
    if not os.access("sheet", os.X_OK):
        print("no executable ./sheet in the workspace")
        print(json.dumps({"score": 0.0}))
        return
    cases = json.load(open(os.path.join(TESTS, "cases.json")))
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
