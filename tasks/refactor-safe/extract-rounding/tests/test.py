import ast, io, os, random, runpy, sys, tempfile
from decimal import Decimal
H = os.path.dirname(os.path.abspath(__file__)); WS = os.getcwd(); sys.path.insert(0, WS)
fails = 0
def check(c, what):
    global fails
    if not c:
        fails += 1
        if fails <= 10: print("FAIL:", what)
if not os.path.isfile("money.py"): print("FAIL: money.py missing"); sys.exit(1)
import money
for a, w in [("2.005", "2.01"), ("-2.005", "-2.01"), ("7", "7.00"), ("0.004", "0.00"), ("1.995", "2.00"), ("123456789.125", "123456789.13"), ("-0.005", "-0.01"), ("3.14159", "3.14")]:
    try: r = money.to_cents(Decimal(a))
    except Exception as e: r = e
    check(isinstance(r, Decimal) and str(r) == w, "to_cents(%s) = %r, want Decimal('%s')" % (a, r, w))
src = open("invoice.py").read(); tree = ast.parse(src)
check("quantize" not in src and "ROUND_HALF_UP" not in src, "invoice.py still rounds by itself")
check(any(isinstance(n, (ast.Import, ast.ImportFrom)) and ((getattr(n, "module", None) == "money") or any(a.name == "money" for a in n.names)) for n in ast.walk(tree)), "invoice.py does not import money")
check("to_cents" in src, "invoice.py does not use to_cents")
def inproc(script, argv):
    out, err = io.StringIO(), io.StringIO(); old = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = [script] + argv, out, err; code = 0
    try: runpy.run_path(script, run_name="__main__")
    except SystemExit as e: code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e: code = 99; err.write(repr(e))
    finally: sys.argv, sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()
rng = random.Random(12)
cases = [open(os.path.join(WS, "items.txt")).read() if os.path.exists("items.txt") else "a;1;1\n", "", "x;1\n", "x;1;abc\n", "a;1;1;\n", "Long description that goes past thirty chars;2;0.005;0\n"]
for k in range(25):
    lines = []
    for j in range(rng.randint(1, 8)):
        f = ["Item %d" % j, rng.choice(["1", "2", "0.5", "3.333", "10", "-1"]), rng.choice(["0.005", "19.99", "2.345", "100", "0.015", "-3.335", "7.125"])]
        if rng.random() < 0.6: f.append(rng.choice(["20", "5.5", "0", "7.7", "", "19.6"]))
        lines.append(";".join(f))
    cases.append("\n".join(lines) + "\n")
for t in cases:
    p = os.path.join(tempfile.mkdtemp(), "in.txt"); open(p, "w").write(t)
    a = inproc(os.path.join(H, "original_invoice.py"), [p]); b = inproc(os.path.join(WS, "invoice.py"), [p])
    check(a == b, "invoice differs on %r:\n got %r\n want %r" % (t[:80], b, a))
print("failures:", fails)
sys.exit(1 if fails else 0)
