import json, os, subprocess, sys, tempfile
WS = os.getcwd()
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1; print("FAIL:", what)
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "t.json")
def todo(*args):
    return subprocess.run([sys.executable, os.path.join(WS, "todo.py"), "--db", db, *args], capture_output=True, text=True, cwd=tmp)
for t in ["alpha", "beta", "gamma", "delta"]:
    todo("add", t, "--tag", "x")
p = todo("done", "2"); check(p.returncode == 0 and p.stdout == "done 2\n", "done 2: %r %r" % (p.stdout, p.stderr))
p = todo("done", "2"); check(p.returncode == 0 and p.stdout == "done 2\n", "done 2 again")
d = json.load(open(db)); check([i["done"] for i in d["items"]] == [False, True, False, False], "done flag stored")
p = todo("list"); check("  2 [x] beta  p3 #x\n" in p.stdout and "  1 [ ] alpha  p3 #x\n" in p.stdout, "list shows done: %r" % p.stdout)
before = open(db).read()
p = todo("done", "9"); check(p.returncode == 1 and p.stderr == "todo: no item 9\n" and p.stdout == "", "done missing: %r %r" % (p.returncode, p.stderr))
check(open(db).read() == before, "db unchanged after error")
p = todo("rm", "3"); check(p.returncode == 0 and p.stdout == "removed 3\n", "rm 3: %r %r" % (p.stdout, p.stderr))
d = json.load(open(db)); check([i["id"] for i in d["items"]] == [1, 2, 4], "rm removes: %r" % [i["id"] for i in d["items"]])
p = todo("rm", "3"); check(p.returncode == 1 and p.stderr == "todo: no item 3\n", "rm again fails")
p = todo("rm", "4"); check(p.returncode == 0, "rm last")
p = todo("add", "epsilon"); check(p.stdout == "added 5\n", "ids not reused: %r" % p.stdout)
p = todo("list"); check(p.stdout == "  1 [ ] alpha  p3 #x\n  2 [x] beta  p3 #x\n  5 [ ] epsilon  p3\n", "final list %r" % p.stdout)
p = todo("done", "abc"); check(p.returncode == 2, "non-integer id -> 2")
p = todo("rm"); check(p.returncode == 2, "missing id -> 2")
p = todo("done", "5"); p = todo("rm", "5"); check(p.stdout == "removed 5\n", "rm a done item")
os.remove(db)
p = todo("done", "1"); check(p.returncode == 1 and not os.path.exists(db), "done on empty db: no file created")
print("failures:", fails)
sys.exit(1 if fails else 0)
