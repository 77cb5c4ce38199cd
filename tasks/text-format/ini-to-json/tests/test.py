import json, os, subprocess, sys, tempfile
fails = 0
tmp = tempfile.mkdtemp()
def norm(x):
    if isinstance(x, bool): return ("bool", x)
    if isinstance(x, int): return ("int", x)
    if isinstance(x, float): return ("float", x)
    if isinstance(x, str): return ("str", x)
    if isinstance(x, list) and x and isinstance(x[0], tuple) and len(x[0]) == 2 and x[0][0] == "__obj__": pass
    return x
def load(text):
    def hook(pairs): return ("obj", [(k, v) for k, v in pairs])
    def walk(v):
        if isinstance(v, tuple) and v[0] == "obj": return ("obj", [(k, walk(x)) for k, x in v[1]])
        if isinstance(v, list): return ("list", [walk(x) for x in v])
        return norm(v)
    return walk(json.loads(text, object_pairs_hook=hook))
import io, runpy, types
SCRIPT = os.path.join(os.getcwd(), "ini2json.py")
def run(text, name):
    """Run the script in-process (fast) as if it were `python3 ini2json.py FILE`."""
    p = os.path.join(tmp, name + ".ini"); open(p, "w", encoding="utf-8").write(text)
    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8"); err = io.TextIOWrapper(err_b, encoding="utf-8")
    old = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = [SCRIPT, p], out, err
    code = 0
    try:
        runpy.run_path(SCRIPT, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException as e:
        code = 99; err.write("exception: %r" % (e,))
    finally:
        out.flush(); err.flush()
        sys.argv, sys.stdout, sys.stderr = old
    return types.SimpleNamespace(returncode=code, stdout=out_b.getvalue().decode("utf-8", "replace"), stderr=err_b.getvalue().decode("utf-8", "replace"))
def ok(text, want, name):
    global fails
    r = run(text, name)
    try: good = r.returncode == 0 and load(r.stdout) == load(json.dumps(want))
    except Exception: good = False
    if not good:
        fails += 1; print("FAIL %s: rc=%d\n got: %s\n want: %s %s" % (name, r.returncode, r.stdout[:300], json.dumps(want)[:300], r.stderr[-200:]))
def err(text, line, name):
    global fails
    r = run(text, name)
    if r.returncode != 1 or r.stdout != "" or ("line %d:" % line) not in r.stderr:
        fails += 1; print("FAIL %s: want error at line %d, got rc=%d stderr=%r stdout=%r" % (name, line, r.returncode, r.stderr[-200:], r.stdout[:100]))
ok("", {}, "empty")
ok("; c\n# c\n\n   \n", {}, "comments")
ok("a=1\nb = -0\nc = -12\nd=1.50\ne=-0.5\nf=007\ng=1e5\nh=+1\ni=True\nj=true\nk=false\nl=1.\nm=.5\nn=\n", {"a": 1, "b": 0, "c": -12, "d": 1.5, "e": -0.5, "f": "007", "g": "1e5", "h": "+1", "i": "True", "j": True, "k": False, "l": "1.", "m": ".5", "n": ""}, "types")
ok("x = a#b\ny = a #b\nz = a\t;b\nw = ;all comment\nv = a;b\nu = #\n", {"x": "a#b", "y": "a", "z": "a", "w": "", "v": "a;b", "u": ""}, "inline comments")
ok('s = "a;b #c" ; comment\nt = "tab\\there \\"q\\" back\\\\slash\\nnl"\nu = ""\nv = "  padded  "\nw = "x=y"\n', {"s": "a;b #c", "t": "tab\there \"q\" back\\slash\nnl", "u": "", "v": "  padded  ", "w": "x=y"}, "quoted")
ok("k = a = b\n  spaced key   =   spaced value  \n", None, "dummy") if False else None
ok("k = a = b\n", {"k": "a = b"}, "equals in value")
ok("top=1\n[s]\na=1\n[t]\nb=2\n[s]\nc=3\n", {"top": 1, "s": {"a": 1, "c": 3}, "t": {"b": 2}}, "reopen")
ok("[a.b.c]\nx=1\n[a]\ny=2\n[a.b]\nz=3\n[ a . d ] # c\n", {"a": {"b": {"c": {"x": 1}, "z": 3}, "y": 2, "d": {}}}, "nested")
ok("k=1\nk=2\nj=0\nk=\"s\"\n", {"k": "s", "j": 0}, "last wins, position kept")
ok("a[]=1\na[]=x\na[]=\"q\"\na[]=true\nb=1\nb[]=2\n", None, "dummy2") if False else None
ok("a[]=1\na[]=x\na[] = \"q\"\na[]=true\n", {"a": [1, "x", "q", True]}, "arrays")
ok("a[]=1\na=5\n", {"a": 5}, "plain replaces array")
ok("[s]\r\nk = v\r\n", {"s": {"k": "v"}}, "crlf")
ok("k = caf\u00e9 \u2603\n", {"k": "caf\u00e9 \u2603"}, "unicode")
ok("[my-sec_1]\nkey-1_x = 1\n", {"my-sec_1": {"key-1_x": 1}}, "name chars")
ok(open(os.path.join(os.getcwd(), "examples", "basic.ini")).read() if os.path.exists("examples/basic.ini") else "a=1", json.load(open("examples/basic.json")) if os.path.exists("examples/basic.json") else {"a": 1}, "example")
err("a=1\nnot a pair\n", 2, "syntax")
err("[s\n", 1, "unterminated header")
err("[]\n", 1, "empty section")
err("[a..b]\n", 1, "empty part")
err("[a b]\n", 1, "space in name")
err("[s] x\n", 1, "text after header")
err("ok=1\nbad key=1\n", 2, "bad key")
err("=1\n", 1, "empty key")
err('a="abc\n', 1, "unterminated string")
err('a="a\\qb"\n', 1, "bad escape")
err('a="x" y\n', 1, "text after quote")
err("a=1\n[a]\n", 2, "section over value")
err("[a.b]\n[a]\nb=1\n", 3, "value over section")
err("[a.b]\n[a]\nb[]=1\n", 3, "append to section")
err("a=1\na[]=2\n", 2, "append to scalar")
err("x=1\n\n\n[x.y]\n", 4, "nested through value")
# and once through a real process
r = subprocess.run([sys.executable, SCRIPT, os.path.join(tmp, "nested.ini")], capture_output=True, text=True, timeout=30)
if r.returncode != 0 or load(r.stdout) != load(json.dumps({"a": {"b": {"c": {"x": 1}, "z": 3}, "y": 2, "d": {}}})):
    fails += 1; print("FAIL: command-line run")
r = subprocess.run([sys.executable, SCRIPT, os.path.join(tmp, "syntax.ini")], capture_output=True, text=True, timeout=30)
if r.returncode != 1 or "line 2:" not in r.stderr or r.stdout:
    fails += 1; print("FAIL: command-line error run")
print("failures:", fails)
sys.exit(1 if fails else 0)
