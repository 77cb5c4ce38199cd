#!/usr/bin/env python3
"""Hidden scorer: build the workspace (make, if there is a Makefile), then feed each suite's
input file to the program on stdin and compare its output line by line with the expected
output.  Prints a summary and, on the last line, {"score": passed/total}."""
import json, os, resource, subprocess, sys

TESTS = os.path.dirname(os.path.abspath(__file__))
PROG = sys.argv[1]
SUITES = sys.argv[2:]  # name:cpu_seconds (CPU time, not wall time, so that a loaded machine does not fail a correct program)

def finish(passed, total):
    print(json.dumps({"score": round(passed / total, 6) if total else 0.0, "passed": passed, "total": total}))
    sys.exit(0)

def main():
    total = 0
    expected = {}
    for spec in SUITES:
        name = spec.split(':')[0]
        with open(os.path.join(TESTS, name + '.out'), encoding='latin-1') as f:
            expected[name] = f.read().split('\n')[:-1]
        total += len(expected[name])
    if os.path.exists('Makefile') or os.path.exists('makefile'):
        try:
            r = subprocess.run(['make'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
            if r.returncode != 0:
                print('make failed:\n' + r.stdout.decode('latin-1')[-2000:])
                finish(0, total)
        except subprocess.TimeoutExpired:
            print('make timed out'); finish(0, total)
    if not os.access(PROG, os.X_OK):
        print('no executable %s in the workspace' % PROG)
        finish(0, total)
    passed = 0
    for spec in SUITES:
        name, timeout = spec.split(':')
        with open(os.path.join(TESTS, name + '.in'), 'rb') as f:
            data = f.read()
        exp = expected[name]
        cpu = int(timeout)
        def limit():
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        try:
            r = subprocess.run([PROG], input=data, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               timeout=max(120, 10 * cpu), preexec_fn=limit)
            got = r.stdout.decode('latin-1').split('\n')
            if r.returncode < 0:
                print('%s: killed by signal %d (CPU limit %d s?)' % (name, -r.returncode, cpu))
        except subprocess.TimeoutExpired:
            print('%s: timed out (all %d cases count as failed)' % (name, len(exp)))
            continue
        ok = 0
        shown = 0
        for i, e in enumerate(exp):
            g = got[i] if i < len(got) else '<missing>'
            if g.rstrip('\r') == e:
                ok += 1
            elif shown < 5:
                shown += 1
                print('%s: output line %d: expected %r, got %r' % (name, i + 1, e, g[:200]))
        print('%s: %d/%d' % (name, ok, len(exp)))
        passed += ok
    finish(passed, total)

main()
