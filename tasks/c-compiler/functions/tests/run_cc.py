#!/usr/bin/env python3
"""Hidden scorer of the c-compiler family.  Builds (bash build.sh when the workspace has one), then:
compiles every file of tests/cases.json with ONE run of ./cc (cc A.c B.c ... writes A.s B.s ...),
assembles each program's .s with as, links it with ld against the scorer's own copy of the runtime
(rt.c) and runs it, comparing the exit status and standard output with what gcc's build of the same
program did; a program that must be rejected must get no .s (and, when the level asks for it, its
'FILE:LINE:' must be on standard error), and the run's exit status must then be non-zero.
Last line: {"score": passed/total}."""
import concurrent.futures, json, os, resource, shutil, subprocess, sys, tempfile, time
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
DEADLINE = time.time() + 250  # the task's scorer.timeout_s is 300: cases not reached by then fail


def limits(cpu, mem_mb):
    def f():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_AS, (mem_mb << 20, mem_mb << 20))
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
        os.setsid()
    return f


def run(argv, cwd, timeout, cpu=None, mem_mb=4096, trusted=False):
    """(status or "timeout", stdout, stderr) of ARGV; untrusted programs get CPU, memory and file limits
    and their own process group (trusted ones, as and ld, skip the slower fork that needs)."""
    timeout = max(0.1, min(timeout, DEADLINE - time.time()))
    try:
        p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=None if trusted else limits(int(cpu or timeout) + 1, mem_mb))
    except OSError as e:
        return -1, b"", str(e).encode()
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, 9) if not trusted else p.kill()
        except OSError:
            pass
        p.communicate()
        return "timeout", b"", b""
    if not trusted:
        try:
            os.killpg(p.pid, 9)  # whatever it left behind
        except OSError:
            pass
    return p.returncode, out, err


def check_program(d, c, rt_o):
    base = os.path.join(d, c["name"])
    if time.time() > DEADLINE:
        return "%s: not run, the scorer's time budget is spent" % c["name"]
    if not os.path.isfile(base + ".s"):
        return "no %s.s written" % c["name"]
    asm = open(base + ".s", "rb").read()
    if b"GCC: (" in asm or b".cfi_startproc" in asm:
        return "%s.s looks like gcc's output: the compiler must generate the code itself" % c["name"]
    st, _, err = run(["as", "-o", base + ".o", base + ".s"], d, 30, trusted=True)
    if st != 0:
        return "as rejects %s.s: %s" % (c["name"], err.decode("latin-1")[:300])
    st, _, err = run(["ld", "-static", "-o", base + ".bin", base + ".o", rt_o], d, 30, trusted=True)
    if st != 0:
        return "ld fails on %s.o: %s" % (c["name"], err.decode("latin-1")[:300])
    st, out, _ = run([base + ".bin"], d, 5, cpu=5, mem_mb=1024)
    got = (st, out.decode("latin-1"))
    if got != (c["status"], c["stdout"]):
        return "%s: expected exit %s and output %r, got exit %s and output %r" % (
            c["name"], c["status"], c["stdout"][:200], st, got[1][:200])
    return None


def check_reject(d, c, err, lines):
    src = c["name"] + ".c"
    if os.path.exists(os.path.join(d, c["name"] + ".s")):
        return "%s must be rejected, but ./cc wrote %s.s" % (src, c["name"])
    want = "%s:%d:" % (c["err_file"], c["line"])
    if lines and want not in err:
        return "%s: the error messages must name %s" % (src, want)
    return None


def main():
    spec = json.load(open(os.path.join(T, "cases.json")))
    cases = spec["cases"]
    if os.path.exists("build.sh"):
        st, out, err = run(["bash", "build.sh"], ".", 120)
        if st != 0:
            print("build.sh failed:\n" + (out + err).decode("latin-1")[-2000:])
            print(json.dumps({"score": 0.0})); return
    if not os.access("cc", os.X_OK) or os.path.isdir("cc"):
        print("no executable ./cc in the workspace"); print(json.dumps({"score": 0.0})); return
    cc = os.path.abspath("cc")
    d = tempfile.mkdtemp(prefix="cc-score-")
    rt_d = tempfile.mkdtemp(prefix="cc-rt-")  # not where ./cc runs
    try:
        rt_o = os.path.join(rt_d, "rt.o")
        st, _, err = run(["gcc", "-c", "-O1", "-ffreestanding", "-fno-builtin", "-fno-stack-protector", "-fno-pie",
                          "-mgeneral-regs-only", "-o", rt_o, os.path.join(T, "rt.c")], rt_d, 120, trusted=True)
        if st != 0:
            print("scorer error: cannot build the runtime: " + err.decode("latin-1")); sys.exit(2)
        for c in cases:
            for name, text in c["files"].items():
                open(os.path.join(d, name), "w").write(text)
            open(os.path.join(d, c["name"] + ".c"), "w").write(c["src"])
        # One run of ./cc on every file, each program to reject followed by a valid one, so that a
        # compiler that dies on an error (instead of going on with the next file) fails cases.
        progs = [c for c in cases if not c["reject"]]
        rejects = [c for c in cases if c["reject"]]
        order = []
        for k, c in enumerate(progs):
            if k < len(rejects):
                order.append(rejects[k])
            order.append(c)
        order += rejects[len(progs):]
        st, out, err = run([cc] + [c["name"] + ".c" for c in order], d, 150, cpu=120)
        err = err.decode("latin-1")
        if st == "timeout":
            print("note: ./cc timed out")
        fails = [] if st != 0 or not rejects else ["./cc exited with status 0 although some files have errors"]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
            jobs = [ex.submit(check_program, d, c, rt_o) for c in progs]
            jobs += [ex.submit(check_reject, d, c, err, spec["check_lines"]) for c in rejects]
            for j in jobs:
                why = j.result()
                if why:
                    fails.append(why)
    finally:
        shutil.rmtree(d, ignore_errors=True)
        shutil.rmtree(rt_d, ignore_errors=True)
    for why in fails:
        print("FAIL " + why)
    passed = max(0, len(cases) - len(fails))
    print("%d/%d cases" % (passed, len(cases)))
    print(json.dumps({"score": round(passed / len(cases), 6), "passed": passed, "total": len(cases)}))


main()
