#!/usr/bin/env python3
"""Feed hostile inputs to the real horizon commands (tests/cli/test_hostile.sh).

usage: hostile.py HORIZON TMPDIR SRCDIR [NAME-GLOB]

Each case writes its input files under TMPDIR/NAME/, runs one command there and checks that it
exits 0, 1 or 2; that when it fails, stderr is one line ("horizon CMD: ..."); that it uses at most
LIMIT seconds of CPU (10, or HZ_HOSTILE_LIMIT_S) and ends within 6 x LIMIT, under 1 GB of memory (address space capped with
RLIMIT_AS in builds without AddressSanitizer; peak RSS checked in every build); and, for cases
that leave a log, that the log still reads (every line JSON, and `horizon fit` accepts it when
the case says so).  Prints "ok - ..." / "FAIL - ..." lines and the time and memory of each case.
"""
import fnmatch
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time

HORIZON, TMP, SRC = sys.argv[1], sys.argv[2], sys.argv[3]
PATTERN = sys.argv[4] if len(sys.argv) > 4 else "*"
# The limit is on CPU time, so that a loaded machine does not fail the test; a command blocked
# without using CPU is caught by the wall-clock limit, WALL.
LIMIT = float(os.environ.get("HZ_HOSTILE_LIMIT_S", "10"))
WALL = 6 * LIMIT
MEM = 1 << 30
ASAN = b"__asan_init" in open(HORIZON, "rb").read()
DEEP = 100000
fails = checks = 0
cases = []


def case(name, *files, expect=(0, 1, 2), log=None, report=False, grep=None, fit=False, keep=False, absent=()):
    """Register a case: files are (relpath, bytes|str|callable(dir)); the argv is given later.
    report: the command reports problems on stdout (tasks validate), so stderr may be empty;
    grep: a regex that stdout + stderr must match; fit: `horizon fit --no-trend` must read the log;
    keep: the log was an input: its complete lines must stay as they were, and what follows be JSON;
    absent: files (under the case's directory) that must not exist afterwards."""
    def reg(fn):
        cases.append(dict(name=name, files=files, argv=fn, expect=expect, log=log, report=report, grep=grep,
                          fit=fit, keep=keep, absent=absent))
        return fn
    return reg


class Lazy:
    """File contents made only when the case runs (a 50 MB input held by this script would count in
    the peak RSS of every command it starts: the fork copies it)."""
    def __init__(self, make):
        self.make = make

    def bytes(self):
        data = self.make()
        return data.encode("latin-1") if isinstance(data, str) else data


def rec(**kw):
    r = {"run_id": "r1", "alias": "a", "task_id": "f/t", "task_family": "f", "human_minutes": 4,
         "status": "success", "score_binarized": 1, "release_date": "2024-01-01"}
    r.update(kw)
    return r


def lines(*recs):
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in recs)


GOOD = lines(rec(), rec(run_id="r2", task_id="f/u", human_minutes=60, status="failure", score_binarized=0),
             rec(run_id="r3", task_id="f/v", human_minutes=1, status="success"),
             rec(run_id="r4", task_id="f/w", human_minutes=240, status="failure", score_binarized=0))

# ---- YAML bombs (release dates, METR YAML, agents files) ----
yaml_bombs = {
    "deep-seq": "[" * DEEP + "]" * DEEP + "\n",
    "deep-map": "{a: " * DEEP + "1" + "}" * DEEP + "\n",
    "deep-unclosed": "[" * DEEP + "\n",
    "deep-block": "".join(" " * i + "-\n" for i in range(0, 2000)),
    "laughs": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" % ((chr(98 + i),) * 2 + (chr(97 + i),) * 10)
        for i in range(9)),
    "nul": "date:\n  a: 2024-01-01\x00\n  b: 2024-02-02\n",
    "bad-utf8": "date:\n  \xff\xfe: 2024-01-01\n",
    "long-line": Lazy(lambda: "date: {a: '" + "x" * (50 << 20) + "'}\n"),
}
for k, body in yaml_bombs.items():
    data = body if isinstance(body, Lazy) else body.encode("latin-1")
    case("release-dates-" + k, ("runs.jsonl", GOOD), ("dates.yaml", data))(
        lambda d: ["fit", "--bootstrap", "0", "--release-dates", "dates.yaml", "runs.jsonl"])
    case("published-" + k, ("results.yaml", data))(lambda d: ["fit", "--published", "results.yaml"])
    case("report-published-" + k, ("results.yaml", data))(lambda d: ["report", "results.yaml"])
    case("agents-file-" + k, ("agents.yaml", data))(
        lambda d: ["run", "--agents", "agents.yaml", "--tasks-dir", os.path.join(SRC, "tests/data/tasks"),
                   "--out", "out", "--dry-run"])

# ---- METR YAML numbers ----
pub = open(os.path.join(SRC, "tests/data/fit/published_mini.yaml")).read()
# every numeric field of a model and of the file's doubling time: a finite number or refused by name
for field in ("estimate: 10.0", "ci_low: 5.0", "estimate: 0.3", "point_estimate: 200.0"):
    for v, code in (("nan", 1), ("inf", 1), ("-inf", 1), (".nan", 1), ("1e400", 1), ("-1", None), ("1e308", 0)):
        key = field.split(":")[0]
        if code is None:  # a negative horizon is refused; a negative score or doubling time is the fit's to judge
            code = 1 if field != "estimate: 0.3" and field != "point_estimate: 200.0" else 0
        case("published-%s-%s" % (field.split(":")[1].strip(), v),
             ("results.yaml", pub.replace(field, "%s: %s" % (key, v), 1)), expect=(code,),
             grep=None if code == 0 else r"results\.yaml:\d+: model '[a-z_]+': '(%s|metrics\.p50_horizon_length)'" % key)(
            lambda d: ["fit", "--published", "results.yaml"])

# ---- runs.jsonl ----
bad_records = {
    "long-line": Lazy(lambda: lines(rec(alias="a" * (50 << 20)))),
    "nul": GOOD + '{"run_id": "r9", "alias": "a\\u0000b", "task_id": "f/t\x00", "task_family": "f"}\n',
    "bad-utf8": GOOD.replace('"a"', '"\xff\xc3"', 1),
    "minutes-1e400": GOOD + lines(rec(run_id="r9")).replace('"human_minutes": 4', '"human_minutes": 1e400'),
    "minutes-nan": GOOD + lines(rec(run_id="r9")).replace('"human_minutes": 4', '"human_minutes": NaN'),
    "minutes-huge": GOOD + lines(rec(run_id="r9", human_minutes=1e308)),
    "minutes-tiny": GOOD + lines(rec(run_id="r9", human_minutes=5e-324)),
    "score-nan": GOOD + lines(rec(run_id="r9")).replace('"score_binarized": 1', '"score_binarized": NaN'),
    "deep-json": GOOD + '{"run_id": "r9", "x": ' + "[" * DEEP + "]" * DEEP + "}\n",
    "deep-json-unclosed": GOOD + "[" * DEEP + "\n",
    "date-nonsense": GOOD + lines(rec(run_id="r9", alias="b", release_date="99999-99-99")),
    "tokens-1e400": GOOD + lines(rec(run_id="r9")).replace('"run_id"', '"input_tokens": 1e400, "run_id"'),
}
for k, body in bad_records.items():
    case("fit-" + k, ("runs.jsonl", body if isinstance(body, Lazy) else body.encode("latin-1")))(lambda d: ["fit", "--bootstrap", "10", "runs.jsonl"])
# A record's usage is informational: a nonsense token count or cost must not block the fit.
for k, v in (("negative", -5), ("huge", 2 ** 63 - 1), ("fraction", 0.5), ("string", "many")):
    body = GOOD + lines(rec(run_id="r9", task_id="f/x", input_tokens=v, output_tokens=v, total_tokens=v,
                            dollar_equivalent=v if k != "huge" else 1e300))
    case("fit-tokens-" + k, ("runs.jsonl", body), expect=(0,))(lambda d: ["fit", "--bootstrap", "10", "runs.jsonl"])

# ---- runs.jsonl as `run` resumes it: what was recorded stays, what is added is JSON ----
TASKS = os.path.join(SRC, "tests/data/tasks")
resume_logs = {
    "garbage": lines(rec()) + "GARBAGE\x00\xff\n" + lines(rec(run_id="r2")),
    "partial-last": lines(rec()) + '{"run_id": "r2", "alias": ',
    "long-line": Lazy(lambda: lines(rec(alias="a" * (50 << 20)))),
    "deep": "[" * DEEP + "]" * DEEP + "\n",
    "nul": lines(rec()).replace('"a"', '"a\\u0000"'),
}
for k, body in resume_logs.items():
    case("run-resume-" + k, ("out/runs.jsonl", body if isinstance(body, Lazy) else body.encode("latin-1")),
         log="out/runs.jsonl", keep=True)(
        lambda d: ["run", "--agent", "null", "--tasks-dir", TASKS, "--tasks", "fixture/trivial", "--out", "out",
                   "--quiet"])

# ---- fit.json for report and plot ----
fixture = json.load(open(os.path.join(SRC, "tests/data/fit/format-fixture.json")))
case("report-fit-deep", ("fit.json", '{"agents": ' + "[" * DEEP + "]" * DEEP + "}"))(
    lambda d: ["report", "fit.json"])
case("report-fit-unclosed", ("fit.json", "[" * DEEP))(lambda d: ["report", "fit.json"])
case("report-fit-long", ("fit.json", Lazy(lambda: '{"x": "' + "y" * (50 << 20) + '"}')))(lambda d: ["report", "fit.json"])
case("report-fit-nul", ("fit.json", json.dumps(fixture).replace('"alias": "', '"alias": "\\u0000', 1)))(
    lambda d: ["report", "fit.json"])
for v in ("1e400", "NaN", "-1e308"):
    case("report-fit-" + v, ("fit.json", json.dumps(fixture).replace('"estimate": ', '"estimate": %s, "x": ' % v)))(
        lambda d: ["report", "--format", "md,csv,html,latex,yaml", "--out", "rep", "fit.json"])

# ---- plot: an alias must not become a gnuplot command (`...` and a line break ending a comment) ----


def injected_fit(d):
    a = fixture["agents"][0]["alias"]
    evil = ["%s\n!touch %s/pwned-bang\n" % (a, d), "x`touch %s/pwned-tick`" % d]
    text = json.dumps(fixture).replace(json.dumps(a), json.dumps(evil[0]), 1)
    text = text.replace(json.dumps(fixture["agents"][1]["alias"]), json.dumps(evil[1]), 1)
    open(os.path.join(d, "fit.json"), "w").write(text)


def injected_runs(d):
    recs = [rec(run_id="r%d" % i, alias="x`touch %s/pwned-tick`\n!touch %s/pwned-bang" % (d, d),
                task_id="f/t%d" % i, human_minutes=2 ** i, status="success" if i < 3 else "failure",
                score_binarized=int(i < 3)) for i in range(6)]
    open(os.path.join(d, "runs.jsonl"), "w").write(lines(*recs))


case("plot-fit-json-injection", ("", injected_fit), expect=(0,), absent=("pwned-bang", "pwned-tick"))(
    lambda d: ["plot", "fit.json", "--charts", "curves,doubling50", "--format", "svg", "--out", "p"])
case("plot-runs-injection", ("", injected_runs), expect=(0,), absent=("pwned-bang", "pwned-tick"))(
    lambda d: ["plot", "--charts", "curves,doubling50", "--format", "svg", "--out", "p", "runs.jsonl"])

# ---- merge: shard plans ----
plan = {"agents": ["a"], "tasks": [{"id": "f/t", "version": "1"}], "repeats": 1, "shard": "1/2"}


def merge_case(name, sweep, runs=GOOD, grep=None):
    case("merge-" + name, ("s1/sweep.json", json.dumps(sweep) if not isinstance(sweep, str) else sweep),
         ("s1/runs.jsonl", runs), log="out/runs.jsonl", grep=grep)(lambda d: ["merge", "out", "s1"])


# absurd plans are refused by name before anything is allocated for them
merge_case("repeats-1e18", dict(plan, repeats=10 ** 18), grep=r"s1/sweep\.json: the plan has 1000000000000000000 runs")
merge_case("runs-1e10", dict(plan, agents=["a%d" % i for i in range(10 ** 5)], repeats=10 ** 5),
           grep=r"s1/sweep\.json: the plan has 10000000000 runs")
merge_case("shards-1e10", dict(plan, shard="1/10000000000"), grep=r"s1/sweep\.json: 'shard'")
merge_case("shards-obj-1e18", dict(plan, shard={"k": 1, "n": 10 ** 18}), grep=r"s1/sweep\.json: 'shard'")
merge_case("repeats-negative", dict(plan, repeats=-(2 ** 62)), grep=r"s1/sweep\.json: 'repeats'")
merge_case("plan-250001", dict(plan, agents=["a%d" % i for i in range(250001)]), grep=r"the plan has 250001 runs")
merge_case("deep", '{"plan": ' + "[" * DEEP + "]" * DEEP + "}")
merge_case("unclosed", "{" * DEEP)
merge_case("nul-runs", plan, GOOD + '{"run_id": "r\\u0000", "alias": "\x00"}\n')

# ---- the task tree ----


def tree(kind):
    def make(d):
        root = os.path.join(d, "cat")
        good = os.path.join(SRC, "tests/data/tasks/fixture/trivial")
        t = os.path.join(root, "fam", "t1")
        os.makedirs(os.path.dirname(t))
        subprocess.run(["cp", "-r", good, t], check=True)
        tj = json.load(open(os.path.join(t, "task.json")))
        tj.update(id="fam/t1", family="fam")
        bad = os.path.join(root, "fam", "t2")
        if kind != "dir-loop":
            subprocess.run(["cp", "-r", good, bad], check=True)
            os.remove(os.path.join(bad, "task.json"))
        if kind == "json-loop":
            os.symlink("task.json", os.path.join(bad, "task.json"))
        elif kind == "json-dev-zero":
            os.symlink("/dev/zero", os.path.join(bad, "task.json"))
        elif kind == "json-dir":
            os.mkdir(os.path.join(bad, "task.json"))
        elif kind == "dir-loop":
            os.symlink(".", os.path.join(root, "fam", "loop"))
        elif kind == "resources-huge":
            json.dump(dict(tj, id="fam/t2", resources={"memory_mb": 2 ** 62, "disk_mb": 2 ** 62}),
                      open(os.path.join(bad, "task.json"), "w"))
        elif kind.startswith("field-"):
            field, value = kind[6:].split("=", 1)
            tj2 = dict(tj, id="fam/t2")
            text = json.dumps(tj2).replace('"%s": %s' % (field, json.dumps(tj[field])), '"%s": %s' % (field, value))
            open(os.path.join(bad, "task.json"), "w").write(text)
        json.dump(tj, open(os.path.join(t, "task.json"), "w"))
    return make


# (kind, exit, what the output must say): a broken task.json is named, a symlink loop is walked once
tree_cases = [("json-loop", 1, r"t2/task\.json.*symbolic links"), ("json-dev-zero", 1, r"t2/task\.json.* a device"),
              ("json-dir", 1, r"t2/task\.json.* a directory"), ("dir-loop", 0, None),
              ("field-time_limit_s=1e300", 1, r"time_limit_s.*a year"), ("field-time_limit_s=1e400", 1, "overflow"),
              ("field-human_minutes=NaN", 1, "NaN"), ("field-human_minutes=1e308", 0, None),
              ("resources-huge", 1, r"resources\.memory_mb.*at most")]
for kind, code, what in tree_cases:
    case("tasks-validate-" + kind, ("", tree(kind)), report=True, expect=(code,), grep=what)(
        lambda d: ["tasks", "validate", "--no-requires", "cat"])
    case("tasks-list-" + kind, ("", tree(kind)), expect=(code,), grep=what)(
        lambda d: ["tasks", "list", "--catalog", "cat"])
case("tasks-list-empty", ("cat/.keep", ""))(lambda d: ["tasks", "list", "--catalog", "cat"])
case("tasks-stats-empty", ("cat/.keep", ""))(lambda d: ["tasks", "stats", "--catalog", "cat"])


TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid):
    """CPU seconds a running process has used so far (0 when it is gone)."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return (int(fields[11]) + int(fields[12])) / TICK


def limits():
    if not ASAN:
        # soft limit only: a sandbox horizon starts sets its own (2 GB) for the agent
        resource.setrlimit(resource.RLIMIT_AS, (MEM, resource.RLIM_INFINITY))
    os.setsid()


def run_case(c):
    global fails, checks
    d = os.path.join(TMP, c["name"])
    subprocess.run(["rm", "-rf", d], check=True)
    os.makedirs(d)
    for rel, data in c["files"]:
        if isinstance(data, Lazy):
            data = data.bytes()
        if callable(data):
            data(d)
            continue
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        del data
    argv = [HORIZON] + c["argv"](d)
    env = dict(os.environ, HORIZON_NO_PROGRESS="1")
    t0 = time.monotonic()
    p = subprocess.Popen(argv, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits, env=env)
    outs = {}
    readers = [threading.Thread(target=lambda k, f: outs.__setitem__(k, f.read()), args=(k, f))
               for k, f in (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    rc = None
    while rc is None:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            rc = os.waitstatus_to_exitcode(status)
            p.returncode = rc
        elif time.monotonic() - t0 > WALL or cpu_of(p.pid) > LIMIT:
            os.killpg(p.pid, 9)
            _, _, ru = os.wait4(p.pid, 0)
            p.returncode = rc = "timeout"
        else:
            time.sleep(0.05)
    for t in readers:
        t.join()
    took = time.monotonic() - t0
    cpu = ru.ru_utime + ru.ru_stime   # this child's own
    rss = ru.ru_maxrss                 # KiB
    out, err = outs["out"], outs["err"]
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    problems = []
    if rc == "timeout":
        problems.append("killed after %.1f s of CPU, %.0f s of wall time" % (cpu, took))
    elif cpu > LIMIT:
        problems.append("used %.1f s of CPU (limit %.0f s)" % (cpu, LIMIT))
    elif rc not in c["expect"]:
        problems.append("exit %s (wanted %s)" % (rc, "/".join(map(str, c["expect"]))))
    if rc not in (0, "timeout"):
        # one error line, and at most a hint in parentheses after it
        errlines = err.splitlines()
        hint = int(len(errlines) > 1 and errlines[1].startswith(("(", "Try ")))
        if not (c["report"] and not errlines) and (
                not errlines or len(errlines) > 1 + hint or not errlines[0].startswith("horizon ")):
            problems.append("stderr is not one 'horizon CMD: ...' line: %r" % err[:600])
    if rss * 1024 > MEM:
        problems.append("peak RSS %d MiB" % (rss // 1024))
    if c["grep"] and not re.search(c["grep"], out + err):
        problems.append("no /%s/ in the output: %r" % (c["grep"], (out + err)[:600]))
    if c["fit"] and c["log"]:
        f = subprocess.run([HORIZON, "fit", "--no-trend", "--bootstrap", "0", c["log"]], cwd=d,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if f.returncode != 0:
            problems.append("horizon fit cannot read %s: %s" % (c["log"], f.stderr.decode()[:300]))
    for f in c["absent"]:
        if os.path.lexists(os.path.join(d, f)):
            problems.append("%s was created: input ran as a command" % f)
    skip = 0
    if c["keep"]:
        before = dict((r, x) for r, x in c["files"])[c["log"]]
        before = before.bytes() if isinstance(before, Lazy) else before.encode() if isinstance(before, str) else before
        kept = before[:before.rfind(b"\n") + 1]
        now = open(os.path.join(d, c["log"]), "rb").read()
        if not now.startswith(kept):
            problems.append("the recorded lines of %s changed" % c["log"])
        skip = kept.count(b"\n")
    if c["log"] and os.path.exists(os.path.join(d, c["log"])):
        for n, line in enumerate(open(os.path.join(d, c["log"]), "rb"), 1):
            if n <= skip:
                continue
            try:
                json.loads(line)
            except ValueError:
                problems.append("%s:%d is not JSON" % (c["log"], n))
                break
    checks += 1
    first = err.splitlines()[0][:140] if err.strip() else ""
    if problems:
        fails += 1
        print("FAIL - %s: %s  [%.2f s, %.2f s CPU]" % (c["name"], "; ".join(problems), took, cpu))
    else:
        print("ok - %s: exit %s in %.2f s (%.2f s CPU, %d MiB)  %s" % (c["name"], rc, took, cpu, rss // 1024, first))


for c in cases:
    if fnmatch.fnmatch(c["name"], PATTERN):
        run_case(c)
print("%d hostile cases, %d failed" % (checks, fails))
sys.exit(1 if fails else 0)
