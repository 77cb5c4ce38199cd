#!/usr/bin/env python3
"""Hidden scorer of the lua-interp family: build (bash build.sh, when the workspace has one), then run
every Lua program of tests/cases.json with ./luai, one process per program (prog.lua in a fresh
directory, run as `luai prog.lua`), and compare its standard output byte for byte and its exit status
(zero or not) with what the real Lua 5.4 printed.  Standard error is ignored.  No Lua implementation
is reachable on PATH (lua, lua5.x, luajit are shadowed).  Last line: {"score": passed/total}."""
import concurrent.futures, json, os, resource, shutil, signal, subprocess, sys, tempfile, time
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
CPU_S, WALL_S = 20, 30
BUDGET_S = 200  # for all the programs: a hanging interpreter fails the rest, within the scorer's timeout
START = time.monotonic()


def limits():
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_S, CPU_S + 1))


def first_diff(exp, got):
    a, b = exp.split("\n"), got.split("\n")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x != y:
            return "line %d: expected %r, got %r" % (i + 1, x[:200], y[:200])
    return "outputs differ"


def check(args):
    i, case, prog, env = args
    left = BUDGET_S - (time.monotonic() - START)
    if left < 1:
        return "case %d (%s): not run, the time budget of %d s is spent" % (i, case["name"], BUDGET_S)
    wall = min(WALL_S, left)
    d = tempfile.mkdtemp(prefix="lua_case_")
    try:
        with open(os.path.join(d, "prog.lua"), "wb") as f:
            f.write(case["program"].encode("latin-1"))
        p = subprocess.Popen(prog + ["prog.lua"], cwd=d, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, preexec_fn=limits, start_new_session=True)
        try:
            out, _ = p.communicate(timeout=wall)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return "case %d (%s): timed out after %d s" % (i, case["name"], wall)
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)  # leftovers of the program
            except OSError:
                pass
        got = out.decode("latin-1")
        status = 0 if p.returncode == 0 else 1
        if p.returncode < 0:
            return "case %d (%s): killed by signal %d" % (i, case["name"], -p.returncode)
        if status != case["status"]:
            return "case %d (%s): exit status %s, expected %s" % (i, case["name"], "zero" if status == 0 else "non-zero (%d)" % p.returncode,
                                                               "zero" if case["status"] == 0 else "non-zero")
        if got != case["stdout"]:
            return "case %d (%s): %s" % (i, case["name"], first_diff(case["stdout"], got))
        return None
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    if os.path.exists("build.sh"):
        r = subprocess.run(["bash", "build.sh"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        if r.returncode != 0:
            print("build.sh failed:\n" + r.stdout.decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0}))
            return
    if not os.access("luai", os.X_OK) or os.path.isdir("luai"):
        print("no executable ./luai in the workspace")
        print(json.dumps({"score": 0.0}))
        return
    prog = [os.path.abspath("luai")]
    # shadow any Lua implementation on PATH: the interpreter must be the agent's own
    shadow = tempfile.mkdtemp(prefix="lua_shadow_")
    for name in ("lua", "lua5.1", "lua5.2", "lua5.3", "lua5.4", "luajit", "luac", "luac5.4"):
        with open(os.path.join(shadow, name), "w") as f:
            f.write("#!/bin/sh\necho 'no Lua implementation may be used' >&2\nexit 127\n")
        os.chmod(os.path.join(shadow, name), 0o755)
    env = dict(os.environ, PATH=shadow + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"))
    cases = json.load(open(os.path.join(T, "cases.json")))
    passed = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
            for why in ex.map(check, [(i, c, prog, env) for i, c in enumerate(cases)]):
                if why is None:
                    passed += 1
                else:
                    print("FAIL " + why)
    finally:
        shutil.rmtree(shadow, ignore_errors=True)
    print("%d/%d programs" % (passed, len(cases)))
    print(json.dumps({"score": round(passed / len(cases), 6), "passed": passed, "total": len(cases)}))


main()
