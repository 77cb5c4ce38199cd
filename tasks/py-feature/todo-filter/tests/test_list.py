import contextlib, io, json, math, os, random, subprocess, sys, tempfile
WS = os.getcwd()
sys.path.insert(0, WS)
import todo
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 12: print("FAIL:", what)
tmp = tempfile.mkdtemp(); db = os.path.join(tmp, "t.json")
rng = random.Random(2024)
words = ["buy", "milk", "Call", "bob", "fix", "bike", "write", "report", "MILK", "tax", "plan", "trip"]
tags = ["home", "work", "shop", "urgent"]
items = []
for i in range(1, 48):
    if rng.random() < 0.15: continue
    items.append({"id": i, "text": " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))),
                  "tags": sorted(set(rng.sample(tags, rng.randint(0, 3)))),
                  "due": None if rng.random() < 0.3 else "2026-%02d-%02d" % (rng.randint(1, 3), rng.randint(1, 28)),
                  "priority": rng.randint(1, 5), "done": rng.random() < 0.35})
rng.shuffle(items)
json.dump({"next_id": 48, "items": items}, open(db, "w"))
def fmt(it):
    line = "%3d [%s] %s  p%d" % (it["id"], "x" if it["done"] else " ", it["text"], it["priority"])
    if it["due"]: line += " due:" + it["due"]
    for t in it["tags"]: line += " #" + t
    return line
def model(status="all", tag=(), search=None, before=None, sort="id", reverse=False, page=None, per=None):
    r = [it for it in items if status == "all" or (it["done"] == (status == "done"))]
    r = [it for it in r if all(t in it["tags"] for t in tag)]
    if search is not None: r = [it for it in r if search.lower() in it["text"].lower()]
    if before is not None: r = [it for it in r if it["due"] and it["due"] < before]
    if sort == "id": r.sort(key=lambda it: it["id"])
    elif sort == "due": r.sort(key=lambda it: (it["due"] is None, it["due"] or "", it["id"]))
    else: r.sort(key=lambda it: (it["priority"], it["id"]))
    if reverse: r.reverse()
    out = [fmt(it) for it in r]
    if page is not None or per is not None:
        page = page or 1; per = per or 10
        k = len(out); q = max(1, math.ceil(k / per))
        out = out[(page - 1) * per: page * per] + ["-- page %d of %d (%d items) --" % (page, q, k)]
    return "".join(l + "\n" for l in out)
def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try: code = todo.main(["--db", db, "list"] + argv) or 0
        except SystemExit as e: code = e.code if isinstance(e.code, int) else 1
    return code, out.getvalue(), err.getvalue()
cases = [({}, []), ({"status": "open"}, ["--status", "open"]), ({"status": "done"}, ["--status", "done"]),
         ({"tag": ["home"]}, ["--tag", "home"]), ({"tag": ["home", "work"]}, ["--tag", "home", "--tag", "work"]),
         ({"search": "milk"}, ["--search", "milk"]), ({"search": "L B"}, ["--search", "L B"]), ({"search": "zzz"}, ["--search", "zzz"]),
         ({"before": "2026-02-10"}, ["--due-before", "2026-02-10"]), ({"sort": "due"}, ["--sort", "due"]),
         ({"sort": "priority"}, ["--sort", "priority"]), ({"sort": "due", "reverse": True}, ["--sort", "due", "--reverse"]),
         ({"reverse": True}, ["--reverse"]), ({"per": 7}, ["--per-page", "7"]), ({"per": 7, "page": 3}, ["--per-page", "7", "--page", "3"]),
         ({"page": 2}, ["--page", "2"]), ({"page": 99, "per": 5}, ["--page", "99", "--per-page", "5"]),
         ({"search": "zzz", "per": 5}, ["--search", "zzz", "--per-page", "5"]),
         ({"status": "open", "tag": ["shop"], "sort": "priority", "reverse": True, "per": 3, "page": 2},
          ["--status", "open", "--tag", "shop", "--sort", "priority", "--reverse", "--per-page", "3", "--page", "2"]),
         ({"status": "done", "before": "2026-03-01", "sort": "due", "per": 4, "page": 1},
          ["--due-before", "2026-03-01", "--sort", "due", "--status", "done", "--page", "1", "--per-page", "4"])]
for kw, argv in cases:
    code, out, err = run(argv); want = model(**kw)
    check(code == 0 and out == want, "list %s\n got:\n%s want:\n%s" % (" ".join(argv), out, want))
for s in range(40):
    kw, argv = {}, []
    if rng.random() < 0.5: kw["status"] = rng.choice(["open", "done", "all"]); argv += ["--status", kw["status"]]
    if rng.random() < 0.4: kw["tag"] = rng.sample(tags, rng.randint(1, 2)); argv += sum((["--tag", t] for t in kw["tag"]), [])
    if rng.random() < 0.3: kw["search"] = rng.choice(["mi", "BO", "x", "e r", "tax"]); argv += ["--search", kw["search"]]
    if rng.random() < 0.3: kw["before"] = "2026-%02d-%02d" % (rng.randint(1, 3), rng.randint(1, 28)); argv += ["--due-before", kw["before"]]
    if rng.random() < 0.7: kw["sort"] = rng.choice(["id", "due", "priority"]); argv += ["--sort", kw["sort"]]
    if rng.random() < 0.3: kw["reverse"] = True; argv += ["--reverse"]
    if rng.random() < 0.5: kw["per"] = rng.randint(1, 9); argv += ["--per-page", str(kw["per"])]
    if rng.random() < 0.4: kw["page"] = rng.randint(1, 5); argv += ["--page", str(kw["page"])]
    code, out, err = run(argv); want = model(**kw)
    check(code == 0 and out == want, "random list %s\n got:\n%s want:\n%s" % (" ".join(argv), out, want))
for argv, want in [(["--status", "closed"], 2), (["--sort", "name"], 2), (["--per-page", "x"], 2),
                   (["--due-before", "2026-13-01"], 1), (["--due-before", "tomorrow"], 1),
                   (["--per-page", "0"], 1), (["--page", "0"], 1), (["--page", "-2", "--per-page", "3"], 1)]:
    code, out, err = run(argv)
    check(code == want and out == "" and (want != 1 or err.startswith("todo: ")), "errors: %r gave %r %r %r" % (argv, code, out, err))
# plain list unchanged, and via the real command line
p = subprocess.run([sys.executable, os.path.join(WS, "todo.py"), "--db", db, "list"], capture_output=True, text=True)
check(p.returncode == 0 and p.stdout == model(), "plain list via CLI")
p = subprocess.run([sys.executable, os.path.join(WS, "todo.py"), "--db", db, "list", "--tag", "work", "--per-page", "2"], capture_output=True, text=True)
check(p.returncode == 0 and p.stdout == model(tag=["work"], per=2), "CLI paginated")
print("failures:", fails)
sys.exit(1 if fails else 0)
