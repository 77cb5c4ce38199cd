"""Cases of the c-compiler family: the hand-written programs of c_compiler_progs.py plus random
integer-expression programs (fixed seed), with the exit status and output recorded from gcc.

python3 c_compiler_cases.py OUT.json REFERENCE_CC RUNTIME_C
OUT.json: a list (per level 1..6) of lists of cases {name, src, files, reject, line, err_file,
status, stdout}.  Every reject case is checked to be rejected by gcc too; every program is checked
to build and run the same with REFERENCE_CC and the runtime."""
import json, os, random, re, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from c_compiler_progs import LEVELS


def c_div(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def rand_expr(rng, names, depth):
    """(text, value) of a random int expression without undefined behaviour."""
    while True:
        if depth == 0 or rng.random() < 0.25:
            if rng.random() < 0.5:
                n = rng.choice(list(names))
                return n, names[n]
            v = rng.randint(0, 60)
            return str(v), v
        op = rng.choice(["+", "-", "*", "/", "%", "<", "==", "!=", "&", "|", "^", ">>", "-u", "!", "~", ">="])
        a, av = rand_expr(rng, names, depth - 1)
        if op in ("-u", "!", "~"):
            v = {"-u": -av, "!": int(not av), "~": ~av}[op]
            text = "%s(%s)" % ({"-u": "-"}.get(op, op), a)
        else:
            b, bv = rand_expr(rng, names, depth - 1)
            if op in ("/", "%") and bv == 0 or op == ">>" and not 0 <= bv < 31:
                continue
            v = {"+": lambda: av + bv, "-": lambda: av - bv, "*": lambda: av * bv, "/": lambda: c_div(av, bv),
                 "%": lambda: av - c_div(av, bv) * bv, "<": lambda: int(av < bv), "==": lambda: int(av == bv),
                 "!=": lambda: int(av != bv), "&": lambda: av & bv, "|": lambda: av | bv, "^": lambda: av ^ bv,
                 ">>": lambda: av >> bv, ">=": lambda: int(av >= bv)}[op]()
            text = "(%s %s %s)" % (a, op, b)
        if -2**31 <= v < 2**31:
            return text, v


def random_programs(rng, count):
    out = []
    for k in range(count):
        names, lines = {}, []
        for j in range(rng.randint(1, 4)):
            n = "v%d" % j
            t, v = rand_expr(rng, names, 2) if names else (str(rng.randint(-50, 200)), None)
            names[n] = v if v is not None else int(t)
            lines.append("  int %s = %s;" % (n, t))
        t, v = rand_expr(rng, names, 4)
        shift = rng.choice([0, 0, 8])
        lines.append("  return (%s) >> %d;" % (t, shift) if shift else "  return %s;" % t)
        out.append(("rand%02d" % k, "int main() {\n" + "\n".join(lines) + "\n}"))
    return out


def random_ops_programs(rng, count):
    """Level 5: random compound assignments, ++/--, ?: and &&/|| on int, char and long variables,
    printing every value (each step evaluated here to keep clear of undefined behaviour)."""
    ops = ["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]
    out = []
    for k in range(count):
        names, lines = {}, ["int printf(char *fmt, ...);", "int main() {"]
        for j in range(3):
            v = rng.randint(-100, 100)
            names["v%d" % j] = v
            lines.append("  int v%d = %d;" % (j, v))
        lines.append("  char c = %d; long l = %d;" % (rng.randint(-100, 100), rng.randint(-10**6, 10**6)))
        for step in range(8):
            n = rng.choice(sorted(names))
            t, v = rand_expr(rng, names, 2)
            op = rng.choice(ops + ["?:", "&&", "++", "c", "l"])
            cur = names[n]
            if op in ops:
                if op in ("/=", "%=") and v == 0 or op in ("<<=", ">>=") and not 0 <= v < 16 or op == "<<=" and cur < 0:
                    continue
                new = {"+=": lambda: cur + v, "-=": lambda: cur - v, "*=": lambda: cur * v,
                       "/=": lambda: c_div(cur, v), "%=": lambda: cur - c_div(cur, v) * v, "&=": lambda: cur & v,
                       "|=": lambda: cur | v, "^=": lambda: cur ^ v, "<<=": lambda: cur << v,
                       ">>=": lambda: cur >> v}[op]()
                stmt = "%s %s %s;" % (n, op, t)
            elif op == "?:":
                t2, v2 = rand_expr(rng, names, 1)
                new = v if cur > 0 else v2
                stmt = "%s = %s > 0 ? %s : %s;" % (n, n, t, t2)
            elif op == "&&":
                new = int(bool(cur) and bool(v)) + 2 * int(bool(v) or cur > 5)
                stmt = "%s = (%s && %s) + 2 * (%s || %s > 5);" % (n, n, t, t, n)
            elif op == "++":
                new = cur + 2
                stmt = "%s++; ++%s; printf(\"%%d \", %s--); printf(\"%%d \", --%s); %s += 2;" % (n, n, n, n, n)
            elif op == "c":
                stmt = "c += (char)(%s); %s = c;" % (t, n)
                new = None
            else:
                stmt = "l = l * 3 + (long)(%s); %s = (int)(l %% 1000);" % (t, n)
                new = None
            if new is not None and not -2**31 <= new < 2**31:
                continue
            lines.append("  " + stmt)
            lines.append("  printf(\"%%d\\n\", %s);" % n)
            names[n] = new if new is not None else None
            if new is None:
                break  # the value is now gcc's to compute: stop predicting
        lines.append("  printf(\"%d %ld\\n\", c, l);")
        lines.append("  return (v0 ^ v1 ^ v2) & 255;")
        out.append(("rand_ops%02d" % k, "\n".join(lines) + "\n}"))
    return out


def run(argv, cwd, **kw):
    return subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, **kw)


def record(case, d, ref, rt_o):
    for name, text in case["files"].items():
        open(os.path.join(d, name), "w").write(text)
    src = os.path.join(d, case["name"] + ".c")
    open(src, "w").write(case["src"])
    if case["reject"]:
        r = run(["gcc", "-fsyntax-only", "-Werror=implicit-function-declaration", src], d)
        assert r.returncode != 0, "gcc accepts reject case " + case["name"]
        r = run(["python3", ref, src], d)
        assert r.returncode != 0 and not os.path.exists(src[:-2] + ".s"), "reference accepts " + case["name"]
        want = "%s:%d:" % (case["err_file"], case["line"])
        assert want in r.stderr.decode(), (case["name"], want, r.stderr)
        return
    exe = os.path.join(d, case["name"] + ".gcc")
    r = run(["gcc", "-w", "-O0", "-o", exe, src], d)
    assert r.returncode == 0, (case["name"], r.stderr.decode())
    r = run([exe], d)
    case["status"], case["stdout"] = r.returncode, r.stdout.decode("latin-1")
    r = run(["python3", ref, src], d)
    assert r.returncode == 0, (case["name"], r.stderr.decode())
    run(["as", "-o", src[:-2] + ".o", src[:-2] + ".s"], d, check=True)
    run(["ld", "-static", "-o", exe + "2", src[:-2] + ".o", rt_o], d, check=True)
    r = run([exe + "2"], d)
    assert (r.returncode, r.stdout.decode("latin-1")) == (case["status"], case["stdout"]), \
        (case["name"], r.returncode, r.stdout, case["status"], case["stdout"])


def main():
    out, ref, rt_c = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    rng = random.Random(1313)
    d = tempfile.mkdtemp()
    rt_o = os.path.join(d, "rt.o")
    run(["gcc", "-c", "-O1", "-ffreestanding", "-fno-builtin", "-fno-stack-protector", "-fno-pie",
         "-mgeneral-regs-only", "-o", rt_o, rt_c], d, check=True)
    levels = []
    try:
        for lv, progs in enumerate(LEVELS, 1):
            cases = []
            if lv == 1:
                progs = progs + random_programs(rng, 24)
            if lv == 5:
                progs = progs + random_ops_programs(rng, 8)
            for p in progs:
                files = p[3] if len(p) > 3 else {}
                c = {"name": ("l%d_" % lv) + p[0], "src": p[1].rstrip() + "\n", "files": files,
                     "reject": len(p) > 2 and p[2] == "reject"}
                if c["reject"]:
                    where = [(n, t) for n, t in files.items() if "/*E*/" in t] or [(c["name"] + ".c", c["src"])]
                    c["err_file"] = where[0][0]
                    c["line"] = where[0][1][:where[0][1].index("/*E*/")].count("\n") + 1
                record(c, d, ref, rt_o)
                cases.append(c)
            levels.append(cases)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    json.dump(levels, open(out, "w"), indent=1)
    print("levels:", [len(c) for c in levels])


main()
