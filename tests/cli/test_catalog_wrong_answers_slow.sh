# Wrong and partial attempts fail: for the short-end families, the long end and the new domains, plausible mistakes (the decoys each
# task's data sets up, near misses of the answer, partial fixes, edits of files that must not
# change; for long projects, the reference solution with one feature removed or broken) are played
# by `cmd` agents through the real run engine, and no run may succeed.
. "$(dirname "$0")/lib.sh"

CAT=$HZ_SOURCE_DIR/tasks
# The agent's files are mounted into the sandbox, whose user must reach them: not under $TMP (0700).
AG=$(mktemp -d /tmp/hz_wrong_XXXXXX)
trap 'rm -rf "$TMP" "$AG"' EXIT
chmod 755 "$AG"
# Attempt K at task FAMILY/NAME is the script $AG/attempts/FAMILY+NAME/K.sh, run in the
# workspace; attempts.tsv lists them (TASK_ID <tab> K <tab> the script, on one line).
python3 - "$CAT" "$AG" <<'PY'
import csv, math, os, re, shlex, subprocess, sys, tempfile
cat, out = sys.argv[1], sys.argv[2]
ws = lambda t, f: os.path.join(cat, t, "workspace", f)
answer = lambda t: open(os.path.join(cat, t, "tests", "answer.txt")).read().strip()
A = {}   # task -> list of shell commands
def ans(t, *values):
    A.setdefault(t, []).extend("printf '%s\\n' " + shlex.quote(str(v)) + " > answer.txt" for v in values)
def cmd(t, *cmds):
    A.setdefault(t, []).extend(cmds)
def near(t):  # near misses of an exact answer: one character changed, a word added
    a = answer(t)
    last = a[-1]
    ans(t, a[:-1] + ("0" if last != "0" else "1"), a + " ok")

# which-file: the declaration, the caller, the decoys
ans("which-file/defines-function", "parse.h", "parse.c", "net.c", "proto.h")
ans("which-file/route-handler", "app/handlers/widgets.py", "app/routes.py", "app/server.py")
ans("which-file/error-origin", "fetchkit/messages.py", "fetchkit/cache/manifest.py", "fetchkit/cli.py", "fetchkit/sync/local.py")
ans("which-file/config-default", "shopcache/settings.py", "shopcache/legacy/defaults.py", "shopcache/backend/memory.py", "README.md")
ans("which-file/macro-handler", "handler.h", "dispatch.c", "main.c", "cmd_basic.c")
# cmd-output: near misses, the runner-up, the output without the arguments
lines = [l.split(":")[6].strip() for l in open(ws("cmd-output/pipeline-count", "passwd.txt"))]
from collections import Counter
(top, n1), (second, n2) = Counter(lines).most_common(2)
ans("cmd-output/pipeline-count", f"{n2} {second}", str(n1), top, f"{n1 + 1} {top}")
near("cmd-output/link-math"); near("cmd-output/c-program"); near("cmd-output/slow-checksum"); near("cmd-output/param-expansion")
ans("cmd-output/param-expansion", answer("cmd-output/param-expansion").replace("EU-WEST", "eu-west"))
# wrong-line: the neighbours of the right line
for t in ("wrong-line/loop-bound", "wrong-line/median", "wrong-line/awk-report", "wrong-line/crontab", "wrong-line/ring-buffer"):
    n = int(answer(t))
    ans(t, n - 1, n + 1)
ans("wrong-line/awk-report", int(answer("wrong-line/awk-report")) + 2)  # the printf line
ring = open(ws("wrong-line/ring-buffer", "ring.c")).read().split("\n")
ans("wrong-line/ring-buffer", *[i + 1 for i, l in enumerate(ring) if "size_t tail =" in l or "r->head = (r->head + 1) % CAP;" in l])
# log-parse: the naive counts
log = open(ws("log-parse/count-level", "app.log")).read()
ans("log-parse/count-level", log.count("ERROR"), sum(1 for l in log.splitlines() if " ERROR" in l))
acc = [l.split() for l in open(ws("log-parse/top-404-ip", "access.log"))]
overall = Counter(f[0] for f in acc if f[8] == "404").most_common(1)[0][0]
anywhere = Counter(f[0] for f in acc if ":10:" in f[3] and "404" in " ".join(f)).most_common(1)[0][0]
ans("log-parse/top-404-ip", overall, *([anywhere] if anywhere != answer("log-parse/top-404-ip") else []))
def p95(keep):
    v = sorted(float(m.group(3)) for m in (re.match(r"\S+ \S+ (\S+) status=(\d+) dur=([0-9.]+)ms", l) for l in open(ws("log-parse/latency-p95", "requests.log"))) if m and keep(m.group(1), m.group(2)))
    return v[math.ceil(0.95 * len(v)) - 1]
ans("log-parse/latency-p95", p95(lambda p, s: p.startswith("/api/search") and s == "200"),
    p95(lambda p, s: p.split("?")[0] == "/api/search"), p95(lambda p, s: p.split("?")[0] == "/api/search" and s == "200") + 0.1)
svc = open(ws("log-parse/root-cause", "service.log")).read().split("\n")
caused = Counter(l[len("Caused by: "):].split(":")[0] for l in svc if l.startswith("Caused by: ")).most_common(1)[0]
first = Counter(svc[i + 1].split(":")[0] for i, l in enumerate(svc) if " ERROR " in l).most_common(1)[0]
ans("log-parse/root-cause", f"{caused[0]} {caused[1]}", f"{first[0]} {first[1]}", answer("log-parse/root-cause").split()[0])
cmd("log-parse/sessions", "echo sid,user,start,end,duration_s > sessions.csv",
    "grep -o 'session start user=[a-z]* sid=[0-9a-f]*' app.log | sed 's/session start user=\\([a-z]*\\) sid=\\(.*\\)/\\2,\\1,,,0/' > sessions.csv")
# csv-aggregate: the naive readings
rows = list(csv.DictReader(open(ws("csv-aggregate/count-country", "customers.csv"))))
ans("csv-aggregate/count-country", sum("NO" in ",".join(r.values()) for r in rows), len(rows))
rows = list(csv.DictReader(open(ws("csv-aggregate/region-revenue", "sales.csv"))))
q1 = lambda r: "2024-01-01" <= r["date"] <= "2024-03-31"
ans("csv-aggregate/region-revenue",
    "%.2f" % sum(int(r["quantity"]) * float(r["unit_price"]) for r in rows if r["region"].startswith("North") and q1(r)),
    "%.2f" % sum(int(r["quantity"]) * float(r["unit_price"]) for r in rows if r["region"] == "North" and r["date"] <= "2024-03-31"))
upd = list(csv.DictReader(open(ws("csv-aggregate/latest-prices", "price_updates.csv"))))
by_order, by_time = {}, {}
for r in upd:
    by_order[r["sku"]] = r["price"]
    if r["sku"] not in by_time or r["updated_at"] > by_time[r["sku"]][0]:
        by_time[r["sku"]] = (r["updated_at"], r["price"])
live_order = [float(p) for p in by_order.values() if p]
live_all = [float(max((x for x in upd if x["sku"] == k and x["price"]), key=lambda x: x["updated_at"])["price"]) for k in by_time if any(x["sku"] == k and x["price"] for x in upd)]
ans("csv-aggregate/latest-prices", f"{len(live_order)} {sum(live_order):.2f}", f"{len(live_all)} {sum(live_all):.2f}", answer("csv-aggregate/latest-prices").split()[1])
near("csv-aggregate/join-orders")
c, n = answer("csv-aggregate/join-orders").split()
ans("csv-aggregate/join-orders", c, n, "SE " + n)
cmd("csv-aggregate/pivot", "echo department,headcount,mean_salary,max_salary > summary.csv",
    "python3 -c " + shlex.quote(
        "import csv\nagg={}\nfor r in csv.DictReader(open('employees.csv')):\n"
        "    if r.get('employee_id'): agg.setdefault(r['department'].strip(),[]).append(float(r['salary'].replace('$','').replace(',','')))\n"
        "w=csv.writer(open('summary.csv','w'),lineterminator='\\n'); w.writerow(['department','headcount','mean_salary','max_salary'])\n"
        "for d,v in sorted(agg.items(), key=lambda x: -sum(x[1])/len(x[1])): w.writerow([d,len(v),'%.2f'%(sum(v)/len(v)),int(max(v))])"))
# config-fix: partial fixes, fixes that change a setting, edits of the program instead of the config
cmd("config-fix/json-comma", "sed -i 's/512,\\]/512]/; s/\"workers\": 6/\"workers\": 8/' config.json",
    "sed -i 's/512,\\]/512]/; /\"max_source_mb\"/d' config.json",
    "printf '%s\\n' 'import json' 'print(\"config ok\")' > service.py")
cmd("config-fix/ini-types", "sed -i -e 's/^port = 8080 .*/port = 8080/' -e 's/^log_level = verbose/log_level = info/' -e 's/^debug = yes please/debug = yes/' -e 's/^interval = 5m/interval = 300/' settings.ini",
    "sed -i -e 's/^port = 8080 .*/port = 8080/' -e 's/^log_level = verbose/log_level = debug/' -e 's/^debug = yes please/debug = no/' -e 's/^interval = 5m/interval = 5/' settings.ini",
    "sed -i 's/^LEVELS = .*/LEVELS = (\"debug\", \"info\", \"warning\", \"error\", \"verbose\")/' daemon.py")
cmd("config-fix/yaml-ish", "sed -i -e 's/^\\t/  /' -e 's/^   - test/  - test/' -e 's/#deploys/\"#deploys\"/' -e 's/: yes/: false/' -e 's/90m/90/' pipeline.cfg",
    "sed -i -e 's/^\\t/  /' -e 's/^   - test/  - test/' -e 's/channel: #deploys/channel: deploys/' -e 's/: yes/: true/' -e 's/90m/60/' pipeline.cfg",
    "sed -i 's/raise CfgError(f\"line {lineno}: indent with spaces, not tabs\")/pass/' minicfg.py")
cmd("config-fix/env-file", "sed -i -e 's/^export //' -e 's/^PORT = /PORT=/' -e 's/^APP_NAME=Shop Front/APP_NAME=\"Shop Front\"/' app.env",
    "sed -i -e 's/^export //' -e 's/^PORT = /PORT=/' -e 's/^APP_NAME=Shop Front/APP_NAME=ShopFront/' -e 's/^feature-flags=/FEATURE_FLAGS=/' app.env")
fixed_toml = ("sed -i -e 's#^url = amqp.*#url = \"amqp://jobs.internal:5672/resize\"#' -e 's/^timeout_s = 45s/timeout_s = 45/' "
              "-e '/^\\[queue\\]$/{x;s/^/x/;/^xx$/{x;d};x}' -e 's/^dead_letter = .*//' worker.toml")
cmd("config-fix/toml-service", fixed_toml,
    fixed_toml + "; sed -i 's/1280, \"1920\"/1280, 1920/' worker.toml",
    "sed -i -e 's#^url = amqp.*#url = \"amqp://jobs.internal:5672/resize\"#' -e 's/^timeout_s = 45s/timeout_s = \"45\"/' -e 's/1280, \"1920\"/1280, 1920/' worker.toml")
# shell-fix: partial fixes and a script replaced by its expected output
cmd("shell-fix/not-executable", "printf '#!/bin/bash\\necho \"release 4.2.1 built from 37 changes\"\\n' > run.sh; chmod +x run.sh",
    "chmod +x run.sh; echo 'echo extra line' >> run.sh")
cmd("shell-fix/quoting", "sed -i -e 's/\\$f/\"$f\"/g' -e 's/\\$dest/\"$dest\"/g' archive-logs.sh",
    "sed -i 's/for f in $(ls $src\\/\\*.log); do/for f in \"$src\"\\/*.log; do/; s/\\$f/\"$f\"/g; s/\\$dest/\"$dest\"/g; s/\\$(basename \"$f\")/$(basename -- \"$f\")/' archive-logs.sh")
cmd("shell-fix/backup-rotate", "sed -i 's/-le \\$keep/-lt $keep/' rotate.sh",
    "sed -i -e 's/-le \\$keep/-lt $keep/' -e 's/sort -r/sort -t- -k4,4r -k3,3r -k2,2r/' rotate.sh")
cmd("shell-fix/exit-status", "sed -i 's#^./build.sh | tee build.log$#./build.sh | tee build.log; [ ${PIPESTATUS[0]} = 0 ] || exit 1#' deploy.sh",
    "sed -i 's/^set -eu$/set -euo pipefail/; s/^cp -r dist/[ -d dist ] \\&\\& cp -r dist/' deploy.sh; printf '#!/bin/bash\\necho 6 of 6 tests passed\\n' > run-tests.sh")
cmd("shell-fix/arg-parsing", "sed -i 's/getopts \"no:k\"/getopts \"no:k:\"/; s/^\\[ \\$# -gt 0 \\] || usage$/shift $((OPTIND - 1))\\n[ $# -gt 0 ] || usage/' snap.sh",
    "sed -i 's/getopts \"no:k\"/getopts \"no:k:\"/; s/^\\[ \\$# -gt 0 \\] || usage$/shift $((OPTIND - 1))\\n[ $# -gt 0 ] || usage/; s/\"\\$dry\" = true/\"$dry\" = 1/g' snap.sh")
# git-forensics: the other commits and authors the history offers
ans("git-forensics/who-changed", "Fatima Zahra", "Ana Lima", "dara okafor")
ans("git-forensics/deleted-file", 13, 12, 4, 3)
ans("git-forensics/release-branches", "release/1.3", "release/1.0,release/1.1,release/1.3", "release/1.1,release/1.2,release/1.3", "main,release/1.1,release/1.3")
def git(bundle, *args):
    d = tempfile.mkdtemp()
    subprocess.run(["git", "clone", "-q", bundle, d + "/p"], check=True)
    return subprocess.run(["git", "-C", d + "/p", *args], check=True, capture_output=True, text=True).stdout.split()
b = ws("git-forensics/introduced-call", "history.bundle")
ans("git-forensics/introduced-call", *git(b, "log", "--format=%H", "-S", "disable_tls_verification(ctx)", "--", "sync/http.py")[1:], git(b, "rev-parse", "HEAD")[0])
b = ws("git-forensics/bisect-regression", "history.bundle")
bad = answer("git-forensics/bisect-regression")
revs = git(b, "rev-list", "HEAD")
i = revs.index(bad)
ans("git-forensics/bisect-regression", revs[0], revs[i + 1], revs[i - 1], bad[:7])
# ---- the families of the long end and the new domains (security, ml, data, ops) ----
sol = lambda t, f: os.path.join(cat, t, "solution", f)
def patched(t, src, dest, *edits):
    """An attempt that installs the reference solution `src` as `dest` with edits (old, new): a
    partial or subtly wrong implementation.  Each edit must apply, so the attempt stays meaningful."""
    text = open(sol(t, src)).read()
    for old, new in edits:
        assert old in text, (t, old)
        text = text.replace(old, new)
    k = len(A.get(t, [])) + 1
    d = os.path.join(out, "files", t.replace("/", "+"), str(k))
    os.makedirs(d)
    open(os.path.join(d, dest), "w").write(text)
    cmd(t, f"cp /agent/files/{t.replace('/', '+')}/{k}/{dest} {dest} && chmod +x {dest}")
# sql-engine: NULLs sorted last, LEFT JOIN as an inner join, no index (the lookups scan), no durable file
nulls_last = ('        return (0, 0)\n    if isinstance(v, int):', '        return (3, 0)\n    if isinstance(v, int):')
inner_left = ('                if kind == "left" and not matched:', '                if False:')
no_index = ('                    if idx is not None:', '                    if False:')
no_save = ('    if db:  # what was committed', '    if False:  # what was committed')
no_rollback = ('            if k == "rollback":\n                self.restore(self.saved)', '            if False:\n                pass')
floor_div = ('            q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)', '            q = a // b')
for t, edits in (("sql-engine/select", [nulls_last, floor_div]),
                 ("sql-engine/joins-groups", [nulls_last, inner_left]),
                 ("sql-engine/full", [inner_left, no_index]),
                 ("sql-engine/durable", [no_save, no_rollback])):
    for e in edits:
        patched(t, "minisql.py", "minisql", e)
# regex-engine (backtracking levels): lazy quantifiers treated as greedy; backreferences never match
for t in ("regex-engine/backrefs", "regex-engine/perl-subset"):
    patched(t, "rx.py", "rx", ("                if lazy:\n", "                if False:\n"))
    patched(t, "rx.py", "rx", ("            if st < 0:\n                return None\n", "            if True:\n                return None\n"))
patched("regex-engine/perl-subset", "rx.py", "rx", ("            return k(i, caps) if (a != b) == (t == \"wordb\") else None", "            return k(i, caps)"))
# make-clone: '@' ignored; a remade prerequisite does not force its dependants; -k ignored; functions missing
at_ignored = ('                    if cmd[0] == "@":\n                        silent = True', '                    if cmd[0] == "@":\n                        pass')
no_remade = ('or any(self.done.get(p) is True for p in prereqs)', '')
for t, edits in (("make-clone/basic", [at_ignored, ('        newer = [p for p in prereqs if mt is None or (self.mtime(p) or 0) > mt or p in self.phony]', '        newer = [p for p in prereqs if mt is None]')]),
                 ("make-clone/variables", [no_remade, ('                elif op == "?=":\n                    if old is None:', '                elif op == "?=":\n                    if True:'), ('                elif op == ":=":\n                    self.vars[name] = Var(self.expand(value), False)', '                elif op == ":=":\n                    self.vars[name] = Var(value, True)')]),
                 ("make-clone/functions", [('                elif ch == "k":\n                    m.keep = True', '                elif ch == "k":\n                    pass'), ('"foreach": f_foreach, ', '')])):
    for e in edits:
        patched(t, "mk.py", "mk", e)
# data-questions: the naive readings of the messy data
import statistics, datetime as dt
rows = list(csv.DictReader(open(ws("data-questions/distinct-customers", "orders.csv"))))
ans("data-questions/distinct-customers", len({r["email"] for r in rows}), len({r["email"].strip() for r in rows}), len(rows))
a = answer("data-questions/quarter-revenue")
ans("data-questions/quarter-revenue", a.rstrip("0").rstrip(".") + "1", "%.2f" % (float(a) + 0.01), "$" + a)
revs = list(csv.DictReader(open(ws("data-questions/median-category", "order_revisions.csv"))))
by = {}
for r in revs:
    by.setdefault(r["category"].strip().lower(), []).append(float(r["value"]))
c = max(by, key=lambda k: statistics.median(by[k]))
ans("data-questions/median-category", "%s %.2f" % (c, statistics.median(by[c])), answer("data-questions/median-category").split()[0])
hp = answer("data-questions/hot-period").split()
ans("data-questions/hot-period", " ".join(hp[:2]), "%s %s %d" % (hp[0], hp[1], int(hp[2]) + 5), "dev01 " + " ".join(hp[1:]) if hp[0] != "dev01" else "dev02 " + " ".join(hp[1:]))
top = answer("data-questions/net-revenue-merged").split(",")
ans("data-questions/net-revenue-merged", ",".join(top[::-1]), ",".join(top[:2]), top[0])
# crypto-recover: the workspace's dummies, near misses of the token
for t in ("crypto-recover/single-byte-xor", "crypto-recover/repeating-xor", "crypto-recover/time-seeded", "crypto-recover/password-policy"):
    near(t)
ans("crypto-recover/password-policy", answer("crypto-recover/password-policy").lower())
# exploit-input: the attempts the filters stop, and half of an overflow
cmd("exploit-input/path-traversal", "printf 'GET /files/../secret/token HTTP/1.0\\n' > exploit.txt",
    "printf 'GET /files/%2e%2e/secret/token HTTP/1.0\\n' > exploit.txt", "cp secret/token exploit.txt")
cmd("exploit-input/sql-login", "printf \"admin' --\\nx\\n\" > exploit.txt", "printf \"' OR '1'='1\\nx\\n\" > exploit.txt",
    "printf 'admin\\nunknown\\n' > exploit.txt")
cmd("exploit-input/struct-overflow", "python3 -c 'import sys; sys.stdout.buffer.write(b\"A\" * 32 + b\"\\x54\\x53\\x00\\x00\\n\")' > exploit.txt",
    "python3 -c 'import sys, struct; sys.stdout.buffer.write(b\"A\" * 32 + struct.pack(\"<II\", 0x5354, 32 * 7) + b\"\\n\")' > exploit.txt")
# vuln-audit: the decoy hunks
py = open(ws("vuln-audit/python-diff", "thumbs.py")).read().split("\n")
ans("vuln-audit/python-diff", *[i + 1 for i, l in enumerate(py) if "SIZES.get" in l or "def archive" in l])
cb = open(ws("vuln-audit/c-bounds", "buf.c")).read().split("\n")
ans("vuln-audit/c-bounds", *["buf.c:%d" % (i + 1) for i, l in enumerate(cb) if "b->len + n > b->cap" in l or "b->len == b->cap" in l],
    "field.c:%d" % (int(answer("vuln-audit/c-bounds").split(":")[1]) + 1))
b = ws("vuln-audit/auth-history", "history.bundle")
revs = git(b, "rev-list", "HEAD")
i = revs.index(answer("vuln-audit/auth-history"))
ans("vuln-audit/auth-history", revs[i - 1], revs[i + 1], revs[0], revs[i][:12])
# secrets-scan: the documentation key, a revoked key
ans("secrets-scan/live-key", "AKIAIOSFODNN7EXAMPLE", open(ws("secrets-scan/live-key", "revoked.txt")).read().split()[0])
# ml-train: constant and naive predictors
majority = "import sys\nrows = sys.stdin.read().split('\\n')[1:]\nprint('\\n'.join('%s' for r in rows if r))\n"
def predictor(t, src):
    k = len(A.get(t, [])) + 1
    d = os.path.join(out, "files", t.replace("/", "+"), str(k))
    os.makedirs(d)
    open(os.path.join(d, "predict.py"), "w").write(src)
    cmd(t, f"cp /agent/files/{t.replace('/', '+')}/{k}/predict.py predict.py")
predictor("ml-train/tabular", majority % "0")
predictor("ml-train/tabular", "import csv, sys\nrows = list(csv.reader(sys.stdin))[1:]\nfor r in rows:\n    print(1 if sum(float(v) for v in r) > 0 else 0)\n")
predictor("ml-train/rings", majority % "1")
predictor("ml-train/rings", "import csv, sys\nfor r in list(csv.reader(sys.stdin))[1:]:\n    print(1 if float(r[0]) + float(r[1]) > 0 else 0)\n")
predictor("ml-train/text", majority % "billing")
predictor("ml-train/text", "import sys\nfor l in list(sys.stdin)[1:]:\n    w = l.split()\n    print('outage' if 'down' in w or 'error' in w else 'account' if 'password' in w else 'shipping' if 'delivery' in w else 'billing')\n")
# ml-fix-training: partial fixes
cmd("ml-fix-training/sign-error", "sed -i 's/lr = \\[0.0\\] \\* d, 0.0, 0.2/lr = [0.0] * d, 0.0, 0.0/' train.py",
    "sed -i 's/print(1 if t > 0 else 0)/print(0 if t > 0 else 1)/' predict.py")
cmd("ml-fix-training/three-bugs", "sed -i 's/err = y\\[i\\] - p/err = p - y[i]/' train.py",
    "sed -i 's/err = y\\[i\\] - p/err = p - y[i]/' train.py; sed -i 's/t > 0.5/t > 0/' predict.py",
    "sed -i -e 's/err = y\\[i\\] - p/err = p - y[i]/' -e '/scaling disabled/d' train.py; sed -i 's/t > 0.5/t > 0/' predict.py")
# ml-speedup: fast but with changed answers
patched("ml-speedup/knn", "solve.sh", "knn.py", ("#!/bin/bash\n# Reference solution: run with the workspace as the current directory.\nset -euo pipefail\ncat > knn.py <<'EOF'\n", ""), ("EOF\n", ""),
        ("    return min(l for l, v in votes.items() if v == best)", "    return max(l for l, v in votes.items() if v == best)"))
patched("ml-speedup/knn", "solve.sh", "knn.py", ("#!/bin/bash\n# Reference solution: run with the workspace as the current directory.\nset -euo pipefail\ncat > knn.py <<'EOF'\n", ""), ("EOF\n", ""),
        ("heapq.nsmallest(7, d)", "heapq.nsmallest(5, d)"))
patched("ml-speedup/batch-scoring", "solve.sh", "score.py", ("#!/bin/bash\n# Reference solution: run with the workspace as the current directory.\nset -euo pipefail\ncat > score.py <<'EOF'\n", ""), ("EOF\n", ""),
        ('    z = B + Fraction(sum(int(round(float(w) * 10000)) * int(round(float(v) * 10000)) for w, v in zip(m["weights"], vals)), 10 ** 8)',
         '    z = m["bias"] + sum(w * float(v) for w, v in zip(m["weights"], vals))'), ('"%.6f" % (1', '"%.5f" % (1'))
# ops-diagnose: code edits, moving the wrong port, shrinking pools
cmd("ops-diagnose/data-file", "cp data/users.minidb data/users.db", "sed -i 's/if not os.path.isfile(path):/if False:/' checks.py",
    "sed -i 's#^data_file = .*#data_file = data/users.db.bak#' services/db.ini")
cmd("ops-diagnose/three-faults", "sed -i 's/^port = 5672/port = 5673/' services/queue.ini; sed -i 's#^log_dir = var/log#log_dir = logs#' services/api.ini; sed -i 's/^db_port = 5433/db_port = 5432/' services/metrics.ini",
    "sed -i -e 's/^port = 5672/port = 8080/' -e 's#^log_dir = var/log#log_dir = logs#' services/api.ini")
cmd("ops-diagnose/connection-budget", "sed -i 's/^queue_pool = 10/queue_pool = 4/' services/worker-a.ini services/worker-b.ini",
    "sed -i 's/^max_connections = .*/max_connections = 28/' services/queue.ini", "sed -i 's/return \"timed out/return None and \"timed out/' checks.py")
ans("ops-diagnose/incident-root", "orders", "gateway", "auth", "payments")
# data-cleaning: normalising without de-duplicating; the card sign taken as money in
cmd("data-cleaning/contacts", "python3 -c " + shlex.quote(
    "import csv\nw = csv.writer(open('clean.csv', 'w'), lineterminator='\\n')\nw.writerow(['name', 'phone', 'email', 'signup'])\n"
    "rows = sorted(csv.DictReader(open('contacts.csv')), key=lambda r: r['email'].strip().lower())\n"
    "for r in rows: w.writerow([r['name'].strip().title(), r['phone'], r['email'].strip().lower(), r['signup']])"))
cmd("data-cleaning/ledger-conventions", "python3 -c " + shlex.quote(
    "import csv\nnet = {}\nfor s, m in (('bankA', 1), ('bankB', 100), ('cards', 100)):\n"
    "    for r in csv.DictReader(open('exports/%s.csv' % s)):\n        v = float(r['amount'].strip('()')) * (-1 if r['amount'].startswith('(') else 1)\n"
    "        net[r['account']] = net.get(r['account'], 0) + round(v * m)\n"
    "open('net.csv', 'w').write('account,net_cents\\n' + ''.join('%s,%d\\n' % (a, net[a]) for a in sorted(net)))"))

# ops-capacity: the fit over every day (across the cleanup), the day after, peaks instead of time in breach
import datetime as _dt
u = [(_dt.date.fromisoformat(r["date"]), float(r["used_gb"])) for r in csv.DictReader(open(ws("ops-capacity/disk-full-date", "usage.csv")))]
def fill(pts):
    n = len(pts); mx = sum(x for x, _ in pts) / n; my = sum(y for _, y in pts) / n
    b = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts); a = my - b * mx
    return u[0][0] + _dt.timedelta(days=math.ceil((900 - a) / b))
allfit = fill([((d - u[0][0]).days, v) for d, v in u])
day = _dt.date.fromisoformat(answer("ops-capacity/disk-full-date"))
ans("ops-capacity/disk-full-date", allfit.isoformat(), (day + _dt.timedelta(days=1)).isoformat(), (day - _dt.timedelta(days=1)).isoformat())
lat = list(csv.DictReader(open(ws("ops-capacity/slo-breach", "latency.csv"))))
peak = max(lat, key=lambda r: float(r["p99_ms"]))["host"]
h, m = answer("ops-capacity/slo-breach").split()
ans("ops-capacity/slo-breach", f"{peak} {m}" if peak != h else f"web-05 {m}", h, f"{h} {int(m) // 5}")
# git-store: a wrapper around the real git (its PATH and GIT_DIR hide it); per level, the reference
# with one feature broken: uncompressed loose objects, no abbreviations, trees sorted without the
# '/' rule, exec bits ignored, index entries without their NUL padding, log dates in UTC, untracked
# directories not collapsed, checkout leaving old files, ^N as ^1, OFS offsets misread, no REF
# deltas, packed-refs ignored, repack without deltas, no line-level merge, no fast-forward
gs = ("loose-objects", "trees-commits", "index", "branches", "packs", "full")
for t in gs:
    cmd("git-store/" + t, "printf '#!/bin/sh\\nexec /usr/bin/git \"$@\"\\n' > mgit; chmod +x mgit")
gs_edits = {
    "loose-objects": [("                f.write(zlib.compress(raw))", "                f.write(raw)"),
                      ("            if len(m) == 1:\n                return m.pop()", "            if False:\n                return m.pop()")],
    "trees-commits": [('    return name.encode("utf-8", "surrogateescape") + (b"/" if mode == "040000" else b"")', '    return name.encode("utf-8", "surrogateescape")'),
                      ('    mode = "100755" if st.st_mode & 0o100 else "100644"', '    mode = "100644"')],
    "index": [('            e += b"\\0" * (8 - len(e) % 8)', '            e += b"\\0" * (-len(e) % 8)'),
              ("    t = time.gmtime(int(secs) + off)", "    t = time.gmtime(int(secs))"),
              ("                if p not in present:\n                    del idx.entries[p]", "                if False:\n                    del idx.entries[p]")],
    "branches": [("                if r in tracked_dirs:\n                    walk(r)", "                if True:\n                    walk(r)"),
                 ("    for p in sorted(set(cur) - set(new), reverse=True):", "    for p in []:"),
                 ("                oid = ps[n - 1]", "                oid = ps[0]")],
    "packs": [("                    rel = ((rel + 1) << 7) | (c & 0x7F)", "                    rel = (rel << 7) | (c & 0x7F)"),
              ("            elif typ == 7:", "            elif False:"),
              ("        return None, self.packed_refs().get(name)", "        return None, None")],
    "full": [("        if tnum in (2, 3) and len(data) > 32:", "        if False:"),
             ("            m = merge_lines(split(b[1]), split(o[1]), split(t[1]))", "            m = None"),
             ("    if base == ours:\n        switch_tree", "    if False:\n        switch_tree")],
}
for t, edits in gs_edits.items():
    for e in edits:
        patched("git-store/" + t, "mgit.py", "mgit", e)
# lua-interp: the reference interpreter with one feature broken (installed as ./luai itself), a stub
lua_edits = {
    "lua-interp/basics": [('    elif i < len(src) and src[i] in "\\r\\n":\n        i += 1\n        line += 1\n', '    elif False:\n        pass\n'),
                          ('            return a % b\n', '            return int(math.fmod(a, b))\n')],
    "lua-interp/functions": [('        s += ".0"\n', '        pass\n'), ('            return wrap(a * b)\n', '            return a * b\n')],
    "lua-interp/tables": [('                    for i in rng:\n                        s[slot] = [i]\n', '                    for i in rng:\n                        s[slot] = s[slot] or [i]\n                        s[slot][0] = i\n'),
                          ('            multi = last_multi and j == len(items) - 1\n', '            multi = False\n')],
    "lua-interp/metatables": [("        return callmeta(h, [o, k], line)\n    err(\"'__index' chain", "        return None\n    err(\"'__index' chain"),
                              ('        v = where(level) + v\n', '        v = where(1) + v\n')],
    "lua-interp/coroutines": [('    if prev is not None:\n        prev.status = "normal"\n', ''), ('    comp = arg(args, 1)\n', '    comp = None\n')],
    "lua-interp/full": [('        if e != -1 and e != last:\n', '        if e != -1:\n'), ('                if d == "f":\n', '                if d == "F":\n')],
}
for t, edits in lua_edits.items():
    for e in edits:
        patched(t, "luai_impl.py", "luai", e)
cmd("lua-interp/full", "printf '#!/bin/sh\\nexec lua5.4 \"$@\"\\n' > luai && chmod +x luai", "printf '#!/bin/sh\\nexit 0\\n' > luai && chmod +x luai")
# c-compiler: no compiler at all; the reference with one feature broken per level
for t in ("exprs", "functions", "pointers", "structs", "control", "full"):
    cmd("c-compiler/" + t, "printf '#!/bin/sh\\nexit 1\\n' > cc && chmod +x cc")
cc_edits = {
    "exprs": [('            if k == "mod":\n                e("movq %rdx, %rax")', '            if False:\n                pass'),
              ('                e("sarl %cl, %eax")', '                e("shrl %cl, %eax")'),
              ('                self.err("redefinition of \'%s\'" % name, tok)', '                pass')],
    "functions": [('regs = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"]', 'regs = ["rsi", "rdi", "rdx", "rcx", "r8", "r9"]'),
                  ('        if len(args) < len(fty.params) or len(args) > len(fty.params) and not fty.variadic:', '        if False:')],
    "pointers": [('a=b, b=num(at.base.size, tok)))', 'a=b, b=num(1, tok)))'),
                 ('return Node("div", tok, LONG, a=Node("sub", tok, LONG, a=a, b=b), b=num(at.base.size, tok))', 'return Node("sub", tok, LONG, a=a, b=b)'),
                 ('        if op == "add" and at.is_int() and bt.is_ptr():', '        if False:')],
    "structs": [('                off = (off + mt.align - 1) // mt.align * mt.align\n', ''),
                ('{1: "movsbq (%rax), %rax",', '{1: "movzbq (%rax), %rax",'),
                ('ESC = {"n": 10, "t": 9,', 'ESC = {"n": 10, "t": 32,')],
    "control": [('delta=(-1 if t.val == "++" else 1) * op.scale', 'delta=0'),
                ('            jump = "je" if k == "and" else "jne"', '            jump = "je"'),
                ('                v = sx(v, 8 if n.e.ty.kind == "long" else 4)', '                v = sx(v, 4)')],
    "full": [('                out.extend(preprocess(inc, macros, depth + 1))', '                pass'),
             ('        t = t or self.peek()\n        raise CError(t.file, t.line, msg)', '        t = t or self.peek()\n        raise CError(t.file, t.line + 1, msg)'),
             ('                macros[d[1].val] = d[2:]', '                macros[d[1].val] = d[2:3]')],
}
for t, edits in cc_edits.items():
    for e in edits:
        patched("c-compiler/" + t, "cc.py", "cc", e)
with open(os.path.join(out, "attempts.tsv"), "w") as f:
    for t, cmds in sorted(A.items()):
        d = os.path.join(out, "attempts", t.replace("/", "+"))
        os.makedirs(d)
        for k, c in enumerate(cmds, start=1):
            open(os.path.join(d, f"{k}.sh"), "w").write(c + "\n")
            f.write(f"{t}\t{k}\t{' '.join(c.split())}\n")
PY
[ $? = 0 ] && ok "attempts written" || bad "attempts written"
cat > "$AG/attempt.sh" <<'SH'
#!/bin/bash
# attempt.sh K: run this task's K-th wrong attempt (nothing when there is none).
f=/agent/attempts/${HZ_TASK_ID//\//+}/$1.sh
[ -f "$f" ] || exit 0
bash "$f"
SH
chmod -R a+rX "$AG"   # the sandbox's user reads it
kmax=$(cut -f2 "$AG/attempts.tsv" | sort -n | tail -1)
tasks=$(cut -f1 "$AG/attempts.tsv" | sort -u | paste -sd, -)
nattempts=$(wc -l < "$AG/attempts.tsv")
agents=()
for k in $(seq 1 "$kmax"); do
	agents+=(--agent "cmd,command=bash /agent/attempt.sh $k,mount=$AG,alias=wrong-$k")
done
"$HORIZON" run "${agents[@]}" --tasks-dir "$CAT" --tasks "$tasks" --jobs 2 --out "$TMP/runs" --quiet >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" = 0 ] && ok "the sweep of wrong attempts ran" || { bad "the sweep of wrong attempts ran (exit $rc)"; sed 's/^/  | /' "$TMP/err" | head; }
if python3 - "$TMP/runs/runs.jsonl" "$AG/attempts.tsv" "$nattempts" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
attempts = {(l.split("\t")[0], "wrong-" + l.split("\t")[1]): l.split("\t", 2)[2].strip() for l in open(sys.argv[2])}
tried = [r for r in recs if (r["task_id"], r["alias"]) in attempts]
# An attempt must have done something (an answer, or a change to the workspace) and must fail.
idle = [r for r in tried if r["verdict"] == "no_answer" or (r["verdict"] != "answer_mismatch" and not r["patch_bytes"])]
passed = [r for r in tried if r["status"] != "failure"]
for what, rs in (("did nothing", idle), ("was not a failure", passed)):
    for r in rs:
        print(f"  {r['task_id']} {r['alias']} {what} ({r['verdict']}): {attempts[(r['task_id'], r['alias'])]}")
print(f"{len(tried)} wrong attempts run, {len(idle)} idle, {len(passed)} not failures")
sys.exit(1 if idle or passed or len(tried) != int(sys.argv[3]) else 0)
PY
then ok "every wrong or partial attempt fails"; else bad "every wrong or partial attempt fails"; fi
finish
