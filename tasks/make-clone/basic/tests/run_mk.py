#!/usr/bin/env python3
"""Hidden scorer of the make-clone family: build (make, when there is a Makefile... of the workspace's
own: see the instructions), then replay every case of tests/cases.json with ./mk through the same
harness that recorded GNU make's behaviour, comparing each run's exit status (zero or not) and
standard output (lines starting with 'make:' or 'mk:' ignored), and the files left at the end.
Last line: {"score": passed/total}."""
import concurrent.futures, json, os, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(T, "harness.py")).read())


def check(args):
    i, case, prog = args
    got = run_case(case, prog)
    exp = case["expect"]
    for k, (a, b) in enumerate(zip(exp["runs"], got["runs"])):
        if a != b:
            return "case %d run %d (mk %s): expected %s, got %s" % (i, k + 1, " ".join(case["runs"][k]["args"]),
                                                               json.dumps(a)[:300], json.dumps(b)[:300])
    for f in sorted(set(exp["files"]) | set(got["files"])):
        if exp["files"].get(f) != got["files"].get(f):
            return "case %d: file %s: expected %r, got %r" % (i, f, exp["files"].get(f, "<absent>")[:80], got["files"].get(f, "<absent>")[:80])
    return None


def main():
    if os.path.exists("build.sh"):
        r = subprocess.run(["bash", "build.sh"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print("build.sh failed:\n" + r.stdout.decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0})); return
    if not os.access("mk", os.X_OK):
        print("no executable ./mk in the workspace"); print(json.dumps({"score": 0.0})); return
    prog = [os.path.abspath("mk")]
    cases = json.load(open(os.path.join(T, "cases.json")))
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        for why in ex.map(check, [(i, c, prog) for i, c in enumerate(cases)]):
            if why is None:
                passed += 1
            else:
                print("FAIL " + why)
    print("%d/%d cases" % (passed, len(cases)))
    print(json.dumps({"score": round(passed / len(cases), 6), "passed": passed, "total": len(cases)}))


main()
