import io, json, os, runpy, sys, tempfile, types, subprocess
H = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, H)
from cases import CASES
EXP = json.load(open(os.path.join(H, "expected.json"), encoding="utf-8"))
SCRIPT = os.path.join(os.getcwd(), "md2html.py")
tmp = tempfile.mkdtemp()
def run(path):
    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8", newline="\n"); err = io.TextIOWrapper(err_b, encoding="utf-8")
    old = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = [SCRIPT, path], out, err
    code = 0
    try:
        runpy.run_path(SCRIPT, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e:
        code = 99; err.write("exception: %r" % (e,))
    finally:
        out.flush(); err.flush(); sys.argv, sys.stdout, sys.stderr = old
    return code, out_b.getvalue().decode("utf-8", "replace"), err_b.getvalue().decode("utf-8", "replace")
fails = 0
for i, (name, md) in enumerate(CASES):
    p = os.path.join(tmp, "c%d.md" % i)
    with open(p, "w", encoding="utf-8", newline="") as f: f.write(md)
    code, out, err = run(p)
    if code != 0 or out != EXP[name]:
        fails += 1
        print("FAIL %s: input %r\n got:  %r\n want: %r %s" % (name, md[:120], out[:400], EXP[name][:400], err[-300:]))
r = subprocess.run([sys.executable, SCRIPT, os.path.join(tmp, "c%d.md" % (len(CASES) - 3))], capture_output=True, timeout=30)
if r.returncode != 0 or r.stdout.decode() != EXP[CASES[-3][0]]:
    fails += 1; print("FAIL: command-line run")
print("passed %d of %d" % (len(CASES) - fails, len(CASES)))
sys.exit(1 if fails else 0)
