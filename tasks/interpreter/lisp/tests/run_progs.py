#!/usr/bin/env python3
"""Hidden scorer: build (make, if there is a Makefile), then run PROG on every tests/progs/*.<ext>
program and compare standard output exactly and the exit status (0, or 1 with an 'error' line on
standard error).  Last line: {"score": passed/total}."""
import concurrent.futures, glob, json, os, resource, subprocess, sys

TESTS = os.path.dirname(os.path.abspath(__file__))
PROG, EXT = sys.argv[1], sys.argv[2]
CPU = int(sys.argv[3]) if len(sys.argv) > 3 else 10


def limit():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU, CPU + 1))


def run(path):
    name = os.path.basename(path)[:-len(EXT) - 1]
    base = path[:-len(EXT) - 1]
    exp_out = open(base + '.out', 'rb').read()
    exp_status = int(open(base + '.status').read())
    try:
        r = subprocess.run([PROG, path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=max(60, 6 * CPU), preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return name, False, 'timed out'
    if r.stdout != exp_out:
        return name, False, 'stdout differs: expected %r, got %r' % (exp_out[-200:], r.stdout[-200:])
    if exp_status == 0 and r.returncode != 0:
        return name, False, 'exit status %d (stderr %r)' % (r.returncode, r.stderr[-200:])
    if exp_status != 0:
        if r.returncode != exp_status:
            return name, False, 'exit status %d, expected %d' % (r.returncode, exp_status)
        lines = r.stderr.decode('latin-1').strip().split('\n')
        if not any(l.startswith('error') for l in lines):
            return name, False, 'no error line on stderr (%r)' % r.stderr[-200:]
    return name, True, ''


def main():
    progs = sorted(glob.glob(os.path.join(TESTS, 'progs', '*.' + EXT)))
    if os.path.exists('Makefile') or os.path.exists('makefile'):
        r = subprocess.run(['make'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print('make failed:\n' + r.stdout.decode('latin-1')[-2000:])
            print(json.dumps({'score': 0.0})); return
    if not os.access(PROG, os.X_OK):
        print('no executable %s in the workspace' % PROG)
        print(json.dumps({'score': 0.0})); return
    passed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        for name, ok, why in ex.map(run, progs):
            if ok:
                passed += 1
            else:
                print('FAIL %s: %s' % (name, why))
    print('%d/%d programs' % (passed, len(progs)))
    print(json.dumps({'score': round(passed / len(progs), 6), 'passed': passed, 'total': len(progs)}))


main()
