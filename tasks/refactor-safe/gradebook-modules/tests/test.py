import ast, importlib, os, random, subprocess, sys, tempfile
H = os.path.dirname(os.path.abspath(__file__)); WS = os.getcwd()
ORIG = os.path.join(H, "original_grades.py")
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 15: print("FAIL:", what)
# ---- structure
for f in ["grades.py", "gradebook/__init__.py", "gradebook/errors.py", "gradebook/parsing.py", "gradebook/grading.py", "gradebook/report.py"]:
    if not os.path.isfile(os.path.join(WS, f)):
        print("FAIL: %s missing" % f); sys.exit(1)
src = open(os.path.join(WS, "grades.py")).read()
tree = ast.parse(src)
defs = [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) and not isinstance(n, ast.Lambda)]
check(defs == ["main"], "grades.py may define only main(), defines %r" % defs)
imports = set()
for n in ast.walk(tree):
    if isinstance(n, ast.Import): imports |= {a.name.split(".")[0] for a in n.names}
    if isinstance(n, ast.ImportFrom) and n.module: imports.add(n.module.split(".")[0])
check("statistics" not in imports, "grades.py must not import statistics")
check("gradebook" in imports, "grades.py must import gradebook")
strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
for frag in ["line %d", "%-20s", "median", "duplicate", "sum to 1", "bad score", "A:"]:
    check(not any(frag in s for s in strings), "grades.py still contains the logic behind %r" % frag)
check(len([l for l in src.splitlines() if l.strip()]) <= 60, "grades.py has more than 60 non-blank lines")
# ---- unit interfaces
sys.path.insert(0, WS)
try:
    errors = importlib.import_module("gradebook.errors"); parsing = importlib.import_module("gradebook.parsing")
    grading = importlib.import_module("gradebook.grading"); report = importlib.import_module("gradebook.report")
except Exception as e:
    print("FAIL: cannot import the package: %r" % e); sys.exit(1)
GE = errors.GradeError
cats, studs = parsing.parse_csv("exam, name ,hw\n\n  \n1,Ann,\n 50.5 ,Bo , 100\n")
check(cats == ["exam", "hw"], "parse_csv categories %r" % cats)
check(studs == [("Ann", {"exam": 1.0, "hw": 0.0}), ("Bo", {"exam": 50.5, "hw": 100.0})], "parse_csv students %r" % studs)
check([type(v) for v in studs[0][1].values()] == [float, float] and list(studs[1][1]) == ["exam", "hw"], "scores are floats in header order")
for text, msg in [("", "line 1: missing header"), ("a,b\n", "line 1: no name column"), ("name\n", "line 1: bad header"), ("name,a,a\n", "line 1: bad header"),
                  ("name,a\nx,1,2\n", "line 2: expected 2 fields, got 3"), ("name,a\n\n,5\n", "line 3: empty name"), ("name,a\nx,1\nx,2\n", "line 3: duplicate student x"),
                  ("name,a\nx,101\n", "line 2: bad score '101' for a"), ("name,a\nx,abc\n", "line 2: bad score 'abc' for a")]:
    try: parsing.parse_csv(text); check(False, "parse_csv(%r) should raise" % text)
    except GE as e: check(str(e) == msg and e.exit_code == 1, "parse_csv(%r): %r/%r want %r" % (text, str(e), getattr(e, "exit_code", None), msg))
w = grading.parse_weights(None, ["a", "b", "c", "d"]); check(w == {"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}, "equal weights %r" % w)
check(grading.parse_weights("b=0.7, a=0.3", ["a", "b"]) == {"b": 0.7, "a": 0.3}, "parse_weights")
for spec, msg in [("a=0.5", "weights must cover every category and sum to 1"), ("a=1,b=x", "bad weights 'a=1,b=x'"), ("a=0.5,a=0.5", "bad weights 'a=0.5,a=0.5'"),
                  ("a=0.6,b=0.6", "weights must cover every category and sum to 1"), ("c=1", "bad weights 'c=1'"), ("a", "bad weights 'a'")]:
    try: grading.parse_weights(spec, ["a", "b"]); check(False, "parse_weights(%r) should raise" % spec)
    except GE as e: check(str(e) == msg and e.exit_code == 2, "parse_weights(%r): %r want %r" % (spec, str(e), msg))
check(grading.final_score({"a": 90.0, "b": 70.0}, {"a": 0.5, "b": 0.5}) == 80.0, "final_score")
check(grading.final_score({"a": 99.0}, {"a": 1.0}, 5) == 100.0 and grading.final_score({"a": 1.0}, {"a": 1.0}, -5) == 0.0, "final_score clamps")
check([grading.letter(x) for x in (100, 90, 89.99, 80, 79.9, 70, 69, 60, 59.99, 0)] == list("AABBCCDDFF"), "letter")
check(report.format_report([]) == "no students\n", "format_report empty")
import io, runpy
def inproc(script, argv):
    """Run a script as __main__ in this process (much faster than a subprocess); (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = [script] + argv, out, err
    code = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e:
        code = 99; err.write("exception: %r" % (e,))
    finally:
        sys.argv, sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()
def orig_run(args, text):
    d = tempfile.mkdtemp(); p = os.path.join(d, "in.csv"); open(p, "w").write(text)
    return inproc(ORIG, args + [p])
res = [("Zed", 91.0), ("amy", 75.5), ("Bob", 75.5), ("Cat", 75.504), ("Dan", 12.0)]
want = orig_run([], "name,s\n" + "".join("%s,%r\n" % r for r in res))[1]
check(report.format_report(res) == want, "format_report:\n%s\nwant:\n%s" % (report.format_report(res), want))
# ---- characterisation: the CLI against the original, many inputs
rng = random.Random(77)
def rand_csv():
    cats = rng.sample(["hw", "exam", "project", "quiz", "lab"], rng.randint(1, 4))
    header = cats[:]; header.insert(rng.randrange(len(header) + 1), "name")
    lines = [",".join(rng.choice([h, " " + h]) for h in header)]
    names = ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo"]
    for n in rng.sample(names, rng.randint(0, len(names))):
        cells = []
        for h in header:
            if h == "name": cells.append(n)
            else: cells.append(rng.choice(["", str(rng.randint(0, 100)), "%.1f" % rng.uniform(0, 100), " 75 ", "88.25"]))
        lines.append(",".join(cells))
        if rng.random() < 0.1: lines.append("")
    r = rng.random()
    if r < 0.05: lines.append(lines[1] if len(lines) > 1 else "Ann,1")
    elif r < 0.1: lines.append("Zoe," + ",".join(["101"] * len(cats)))
    elif r < 0.13: lines.append("Zoe")
    return "\n".join(lines) + rng.choice(["\n", "", "\r\n"]), cats
cases = []
for k in range(40):
    text, cats = rand_csv(); args = []
    if rng.random() < 0.5:
        ws = [rng.randint(1, 5) for _ in cats]; tot = sum(ws)
        args += ["--weights", ",".join("%s=%r" % (c, w / tot) for c, w in zip(cats, ws))]
    if rng.random() < 0.2: args += ["--weights", "nope=1"]
    if rng.random() < 0.3: args += ["--curve", rng.choice(["2.5", "-3", "0", "x"])]
    cases.append((args, text))
cases += [([], ""), ([], "name\n"), (["--curve"], "name,a\nx,1\n"), (["--bogus"], "name,a\n"), ([], "name,a,b\nTie1,80,80\nTie2,90,70\nTie3,79.995,80.005\n"),
          (["--weights", "a=0.25,b=0.75"], "name,a,b\nx,100,0\ny,0,100\nz,50,50\n"), ([], "name,a\n\n\n")]
for args, text in cases:
    d = tempfile.mkdtemp(); p = os.path.join(d, "in.csv"); open(p, "w", newline="").write(text)
    a = inproc(ORIG, args + [p])
    b = inproc(os.path.join(WS, "grades.py"), args + [p])
    check(a == b, "CLI differs for %r on %r:\n got  %r\n want %r" % (args, text[:80], b, a))
# and a few through real processes
for args, text in cases[:3]:
    d = tempfile.mkdtemp(); p = os.path.join(d, "in.csv"); open(p, "w", newline="").write(text)
    a = subprocess.run([sys.executable, ORIG] + args + [p], capture_output=True, text=True)
    b = subprocess.run([sys.executable, os.path.join(WS, "grades.py")] + args + [p], capture_output=True, text=True, cwd=d)
    check((a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr), "CLI process run differs for %r" % (args,))
print("failures:", fails)
sys.exit(1 if fails else 0)
