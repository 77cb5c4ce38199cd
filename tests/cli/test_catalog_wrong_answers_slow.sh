# Wrong and partial attempts fail: for the short-end families, plausible mistakes (the decoys each
# task's data sets up, near misses of the answer, partial fixes, edits of files that must not
# change) are played by `cmd` agents through the real run engine, and no run may succeed.
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
# cmd-output: near misses, the runner-up, the output without the arguments
lines = [l.split(":")[6].strip() for l in open(ws("cmd-output/pipeline-count", "passwd.txt"))]
from collections import Counter
(top, n1), (second, n2) = Counter(lines).most_common(2)
ans("cmd-output/pipeline-count", f"{n2} {second}", str(n1), top, f"{n1 + 1} {top}")
near("cmd-output/c-program"); near("cmd-output/slow-checksum"); near("cmd-output/param-expansion")
ans("cmd-output/param-expansion", answer("cmd-output/param-expansion").replace("EU-WEST", "eu-west"))
# wrong-line: the neighbours of the right line
for t in ("wrong-line/loop-bound", "wrong-line/median", "wrong-line/awk-report", "wrong-line/crontab"):
    n = int(answer(t))
    ans(t, n - 1, n + 1)
ans("wrong-line/awk-report", int(answer("wrong-line/awk-report")) + 2)  # the printf line
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
# shell-fix: partial fixes and a script replaced by its expected output
cmd("shell-fix/not-executable", "printf '#!/bin/bash\\necho \"release 4.2.1 built from 37 changes\"\\n' > run.sh; chmod +x run.sh",
    "chmod +x run.sh; echo 'echo extra line' >> run.sh")
cmd("shell-fix/quoting", "sed -i -e 's/\\$f/\"$f\"/g' -e 's/\\$dest/\"$dest\"/g' archive-logs.sh",
    "sed -i 's/for f in $(ls $src\\/\\*.log); do/for f in \"$src\"\\/*.log; do/; s/\\$f/\"$f\"/g; s/\\$dest/\"$dest\"/g; s/\\$(basename \"$f\")/$(basename -- \"$f\")/' archive-logs.sh")
cmd("shell-fix/backup-rotate", "sed -i 's/-le \\$keep/-lt $keep/' rotate.sh",
    "sed -i -e 's/-le \\$keep/-lt $keep/' -e 's/sort -r/sort -t- -k4,4r -k3,3r -k2,2r/' rotate.sh")
cmd("shell-fix/exit-status", "sed -i 's#^./build.sh | tee build.log$#./build.sh | tee build.log; [ ${PIPESTATUS[0]} = 0 ] || exit 1#' deploy.sh",
    "sed -i 's/^set -eu$/set -euo pipefail/; s/^cp -r dist/[ -d dist ] \\&\\& cp -r dist/' deploy.sh; printf '#!/bin/bash\\necho 6 of 6 tests passed\\n' > run-tests.sh")
# git-forensics: the other commits and authors the history offers
ans("git-forensics/who-changed", "Fatima Zahra", "Ana Lima", "dara okafor")
ans("git-forensics/deleted-file", 13, 12, 4, 3)
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
