#!/usr/bin/env python3
"""ops-diagnose: find why a (simulated) service stack fails from its logs and configuration, and fix
the configuration; or name the root cause of an incident."""
import datetime as dt, hashlib, json, random, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]

SVCCTL = r'''#!/usr/bin/env python3
"""svcctl: start the services described by services/*.ini in dependency order (simulated: each
service's checks run in-process) and report their health.  Usage: python3 svcctl.py up"""
import configparser, glob, os, sys, time

LOG = "logs"


def log(svc, msg):
    os.makedirs(LOG, exist_ok=True)
    with open(os.path.join(LOG, svc + ".log"), "a") as f:
        f.write("%s %s\n" % (svc, msg))


def load():
    svcs = {}
    for p in sorted(glob.glob("services/*.ini")):
        c = configparser.ConfigParser()
        c.read(p)
        s = dict(c["service"])
        svcs[s["name"]] = s
    return svcs


def order(svcs):
    done, out = set(), []
    def visit(n, stack=()):
        if n in done:
            return
        if n in stack:
            raise SystemExit("dependency cycle at " + n)
        for d in filter(None, (x.strip() for x in svcs[n].get("requires", "").split(","))):
            if d not in svcs:
                raise SystemExit("%s requires unknown service %s" % (n, d))
            visit(d, stack + (n,))
        done.add(n)
        out.append(n)
    for n in sorted(svcs):
        visit(n)
    return out


def main():
    if sys.argv[1:] != ["up"]:
        raise SystemExit("usage: svcctl.py up")
    svcs = load()
    state = {"ports": {}, "conns": {}, "up": set()}
    import checks
    ok = True
    for n in order(svcs):
        s = svcs[n]
        deps = [d.strip() for d in s.get("requires", "").split(",") if d.strip()]
        if any(d not in state["up"] for d in deps):
            log(n, "ERROR not started: a required service is down")
            print("%-10s FAILED (dependency down)" % n)
            ok = False
            continue
        err = checks.run(n, s, svcs, state, lambda m, n=n: log(n, m))
        if err:
            log(n, "ERROR " + err)
            print("%-10s FAILED (see logs/%s.log)" % (n, n))
            ok = False
        else:
            state["up"].add(n)
            log(n, "INFO healthy")
            print("%-10s healthy" % n)
    sys.exit(0 if ok else 1)


main()
'''

CHECKS = r'''"""The simulated behaviour of each kind of service: returns an error message or None."""
import os


def port(s, state, name):
    p = int(s["port"])
    if p in state["ports"]:
        return "bind 0.0.0.0:%d: address already in use" % p
    state["ports"][p] = name
    return None


def run(name, s, svcs, state, log):
    kind = s["kind"]
    if kind == "db":
        path = s["data_file"]
        if not os.path.isfile(path):
            return "cannot open database %s: no such file" % path
        head = open(path, "rb").read(16)
        if not head.startswith(b"MINIDB"):
            return "%s is not a database (bad header %r)" % (path, head[:6])
        log("INFO opened %s" % path)
        return port(s, state, name)
    if kind == "queue":
        e = port(s, state, name)
        if e:
            return e
        state["queue_max"] = int(s["max_connections"])
        state["queue_used"] = 0
        log("INFO accepting up to %d connections" % state["queue_max"])
        return None
    if kind in ("api", "worker"):
        if kind == "api":
            e = port(s, state, name)
            if e:
                return e
            lp = s.get("log_dir", "logs")
            if not os.path.isdir(lp):
                return "log_dir %s is not a directory" % lp
        for key in ("db_port", "queue_port"):
            if key in s:
                target = int(s[key])
                owner = state["ports"].get(target)
                want = "db" if key == "db_port" else "queue"
                if owner is None or svcs[owner]["kind"] != want:
                    return "connect 127.0.0.1:%d: connection refused (%s)" % (target, key)
        pool = int(s.get("queue_pool", 0))
        for i in range(pool):
            if state.get("queue_used", 0) >= state.get("queue_max", 0):
                qn = [n for n, v in svcs.items() if v["kind"] == "queue"][0]
                with open(os.path.join("logs", qn + ".log"), "a") as f:
                    f.write("%s WARN rejecting connection %d from %s: max_connections=%d reached\n"
                            % (qn, state["queue_used"] + 1, name, state["queue_max"]))
                log("WARN queue connection %d/%d timed out, retrying" % (i + 1, pool))
                return "timed out waiting for the queue (connection %d of pool %d)" % (i + 1, pool)
            state["queue_used"] = state.get("queue_used", 0) + 1
        return None
    return "unknown kind " + kind
'''

CHECK_UP = r'''#!/usr/bin/env python3
"""Hidden scorer: the code must be unchanged, and `python3 svcctl.py up` must report every service healthy."""
import hashlib, json, os, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
want = json.load(open(os.path.join(T, "sums.json")))
for f, h in want.items():
    if not os.path.isfile(f) or hashlib.sha256(open(f, "rb").read()).hexdigest() != h:
        print("%s was changed: fix the configuration, not the code or the data" % f); sys.exit(1)
extra = json.load(open(os.path.join(T, "expect.json")))
for d in sorted({os.path.dirname(f) for f in want if os.path.dirname(f)}):
    have = sorted(os.path.join(d, f) for f in os.listdir(d)) if os.path.isdir(d) else []
    added = [f for f in have if f not in want]
    if added:
        print("%s was added: fix the configuration, not the data" % added[0]); sys.exit(1)
r = subprocess.run([sys.executable, "svcctl.py", "up"], capture_output=True, text=True, timeout=30)
print(r.stdout + r.stderr)
if r.returncode != 0:
    sys.exit(1)
lines = [l.split() for l in r.stdout.splitlines() if l.strip()]
names = sorted(l[0] for l in lines if l[1:] == ["healthy"])
if names != sorted(extra["services"]):
    print("expected healthy services %s, got %s" % (extra["services"], names)); sys.exit(1)
import configparser, glob
for p, kv in extra.get("keep", {}).items():
    c = configparser.ConfigParser(); c.read(p)
    for k, v in kv.items():
        if c["service"].get(k) != v:
            print("%s: %s must stay %s" % (p, k, v)); sys.exit(1)
sys.exit(0)
'''

def sums(files, names):
    return json.dumps({n: hashlib.sha256(files[n].encode() if isinstance(files[n], str) else files[n]).hexdigest() for n in names}, indent=1)

def ini(**kw):
    return "[service]\n" + "".join("%s = %s\n" % (k, v) for k, v in kw.items())

# ---- 1. wrong data file
files = {"svcctl.py": SVCCTL, "checks.py": CHECKS, "data/users.minidb": b"MINIDB\x01\x00users\x00" + bytes(40),
         "data/users.db.bak": b"SQLite format 3\x00" + bytes(40),
         "services/db.ini": ini(name="db", kind="db", port=5433, data_file="data/users.db"),
         "services/api.ini": ini(name="api", kind="api", port=8080, requires="db", db_port=5433, log_dir="logs"),
         "README.md": "Start the stack with `python3 svcctl.py up`; each service logs to `logs/NAME.log`.\n"}
code = ["svcctl.py", "checks.py", "data/users.minidb", "data/users.db.bak"]
task(CAT, "ops-diagnose/data-file", domain="ops",
     summary="Bring up a two-service stack whose database points at a missing file next to a decoy backup",
     minutes=5, notes="estimate: run svcctl up and read logs/db.log (1 min), list data/ and see the real database and a decoy SQLite backup that is not the service's format (2 min), fix data_file and re-run (2 min): about 5 min",
     instructions="`python3 svcctl.py up` starts the services in `services/*.ini` and should report every one `healthy`; today it does not. Find out why from the logs and the configuration and fix the **configuration** (`services/*.ini`): do not change `svcctl.py`, `checks.py` or the files in `data/`.",
     files=files, tests={"check.py": CHECK_UP, "sums.json": sums(files, code), "expect.json": json.dumps({"services": ["api", "db"]})},
     solve="sed -i 's#^data_file = .*#data_file = data/users.minidb#' services/db.ini",
     scorer={"kind": "exit", "command": ["python3", "{tests}/check.py"], "timeout_s": 60},
     requires=["bash", "python3", "sed"], tags=["ops", "config", "logs"])

# ---- 2. port clash + log_dir that is a file + a dependency pointing at the wrong port
files = {"svcctl.py": SVCCTL, "checks.py": CHECKS, "data/app.minidb": b"MINIDB\x01" + bytes(30), "var/log": "not a directory\n",
         "services/db.ini": ini(name="db", kind="db", port=5432, data_file="data/app.minidb"),
         "services/queue.ini": ini(name="queue", kind="queue", port=5672, max_connections=16),
         "services/api.ini": ini(name="api", kind="api", port=5672, requires="db", db_port=5432, log_dir="var/log"),
         "services/metrics.ini": ini(name="metrics", kind="api", port=9100, requires="api", db_port=5433, log_dir="logs"),
         "README.md": "Start the stack with `python3 svcctl.py up`; each service logs to `logs/NAME.log`. The queue listens on its standard port 5672; the API is documented to listen on 8080.\n"}
code = ["svcctl.py", "checks.py", "data/app.minidb", "var/log"]
task(CAT, "ops-diagnose/three-faults", domain="ops",
     summary="Fix a four-service stack with a port clash, a log directory that is a file and a wrong dependency port",
     minutes=15, notes="estimate: run up and read the first failure (2 min), fix the API's port to the documented 8080 rather than moving the queue (3 min), then hit the log_dir error and point it at a real directory (3 min), then metrics' connection refused and find the db's real port (4 min), verify all four healthy (3 min): about 15 min, the faults showing one at a time",
     instructions="`python3 svcctl.py up` starts the services in `services/*.ini` and should report every one `healthy`; today it does not. Find out why from the logs, the configuration and `README.md`, and fix the **configuration** (`services/*.ini`) so that all four services are healthy, keeping every service on its documented port. Do not change `svcctl.py`, `checks.py`, `data/` or `var/`.",
     files=files, tests={"check.py": CHECK_UP, "sums.json": sums(files, code),
                          "expect.json": json.dumps({"services": ["api", "db", "metrics", "queue"], "keep": {"services/queue.ini": {"port": "5672"}, "services/api.ini": {"port": "8080"}}})},
     solve="sed -i -e 's/^port = 5672/port = 8080/' -e 's#^log_dir = var/log#log_dir = logs#' services/api.ini; sed -i 's/^db_port = 5433/db_port = 5432/' services/metrics.ini; mkdir -p logs",
     scorer={"kind": "exit", "command": ["python3", "{tests}/check.py"], "timeout_s": 60},
     requires=["bash", "python3", "sed"], tags=["ops", "config", "logs"])

# ---- 3. connection budget: workers time out because the queue's limit is below the pools' sum
files = {"svcctl.py": SVCCTL, "checks.py": CHECKS, "data/jobs.minidb": b"MINIDB\x01" + bytes(30),
         "services/db.ini": ini(name="db", kind="db", port=5432, data_file="data/jobs.minidb"),
         "services/queue.ini": ini(name="queue", kind="queue", port=5672, max_connections=24),
         "services/api.ini": ini(name="api", kind="api", port=8080, requires="db, queue", db_port=5432, queue_port=5672, queue_pool=8, log_dir="logs"),
         "services/worker-a.ini": ini(name="worker-a", kind="worker", requires="queue, db", queue_port=5672, db_port=5432, queue_pool=10),
         "services/worker-b.ini": ini(name="worker-b", kind="worker", requires="queue", queue_port=5672, queue_pool=10),
         "services/zreport.ini": ini(name="zreport", kind="worker", requires="worker-b", queue_port=5672, queue_pool=4),
         "CAPACITY.md": "# Capacity plan\n\nPool sizes are set by load tests: api 8, worker-a 10, worker-b 10, zreport 4 connections. Do not shrink them.\n"}
code = ["svcctl.py", "checks.py", "data/jobs.minidb", "CAPACITY.md"]
task(CAT, "ops-diagnose/connection-budget", domain="ops",
     summary="Find why workers time out (the queue rejects connections beyond its limit) and fix the limit without shrinking pools",
     minutes=12, notes="estimate: run up and see worker-b and zreport fail with queue timeouts (2 min), read worker-b's retries, then find the rejection warning in the queue's log (4 min), add up the pools from the ini files and CAPACITY.md (32) and raise max_connections (3 min), verify (3 min): about 12 min",
     instructions="`python3 svcctl.py up` starts the services in `services/*.ini` and should report every one `healthy`; today some fail. Find the root cause from the logs and the configuration and fix the **configuration** (`services/*.ini`) without shrinking any connection pool (see `CAPACITY.md`). Do not change `svcctl.py`, `checks.py`, `data/` or `CAPACITY.md`.",
     files=files, tests={"check.py": CHECK_UP, "sums.json": sums(files, code),
                          "expect.json": json.dumps({"services": ["api", "db", "queue", "worker-a", "worker-b", "zreport"],
                                                     "keep": {"services/api.ini": {"queue_pool": "8"}, "services/worker-a.ini": {"queue_pool": "10"},
                                                              "services/worker-b.ini": {"queue_pool": "10"}, "services/zreport.ini": {"queue_pool": "4"}}})},
     solve="sed -i 's/^max_connections = .*/max_connections = 32/' services/queue.ini",
     scorer={"kind": "exit", "command": ["python3", "{tests}/check.py"], "timeout_s": 60},
     requires=["bash", "python3", "sed"], tags=["ops", "config", "logs"])

# ---- 4. incident root cause across logs in different time zones
R = random.Random(2024)
t0 = dt.datetime(2025, 9, 12, 14, 0, 0)
zones = {"gateway": 0, "auth": 2, "orders": -4, "payments": 9, "inventory": 5.5}
events = []
for name in zones:
    for _ in range(60):
        ts = t0 + dt.timedelta(seconds=R.randint(0, 3600))
        events.append((ts, name, R.choice(["INFO request ok", "INFO cache hit", "DEBUG gc pause 3ms", "INFO served"])))
root_t = t0 + dt.timedelta(seconds=1800)
events.append((root_t, "inventory", "ERROR disk full: cannot write journal /var/lib/inventory/j.log"))
events.append((root_t + dt.timedelta(seconds=4), "orders", "ERROR inventory reservation failed: upstream 503"))
events.append((root_t + dt.timedelta(seconds=9), "payments", "ERROR capture aborted: order state unknown"))
events.append((root_t + dt.timedelta(seconds=2), "gateway", "WARN upstream orders slow (2.1 s)"))
events.append((root_t - dt.timedelta(seconds=60 * 47), "auth", "ERROR token signing key rotated, 3 sessions dropped"))  # old, unrelated
events.append((root_t + dt.timedelta(seconds=12), "gateway", "ERROR 503 returned for /checkout"))
events.append((root_t - dt.timedelta(seconds=3), "payments", "WARN retrying webhook delivery (attempt 2)"))
logs = {}
for ts, name, msg in sorted(events):
    off = zones[name]
    local = ts + dt.timedelta(hours=off)
    sign = "+" if off >= 0 else "-"
    h, m = divmod(int(abs(off) * 60), 60)
    logs.setdefault("logs/%s.log" % name, []).append("%s%s%02d:%02d %s" % (local.strftime("%Y-%m-%dT%H:%M:%S"), sign, h, m, msg))
files = {k: "\n".join(v) + "\n" for k, v in logs.items()}
files["INCIDENT.md"] = "Checkout failed for customers from about 14:30 UTC on 2025-09-12 until the on-call restarted everything.\n"
task(CAT, "ops-diagnose/incident-root", domain="ops",
     summary="Name the service whose failure started a checkout incident, from logs written in five time zones",
     minutes=10, notes="estimate: read the incident note and skim five logs (3 min), notice the different UTC offsets and normalise the timestamps (3 min), order the errors around 14:30 UTC and discard the unrelated earlier auth error and a payments warning (3 min), answer (1 min): about 10 min",
     instructions="Five services logged to `logs/`, each with its own local UTC offset in its timestamps. `INCIDENT.md` describes what customers saw.\n\nWhich service's failure was the root cause of the incident (the first failure of the chain that led to it)? Write the service name (the log's file name without `.log`) to `answer.txt`.",
     files=files, tests={"answer.txt": "inventory\n"},
     solve='''python3 - <<'EOF' > answer.txt
import datetime as dt, glob, os
errs = []
for p in glob.glob("logs/*.log"):
    for l in open(p):
        ts, msg = l.split(" ", 1)
        t = dt.datetime.fromisoformat(ts).astimezone(dt.timezone.utc)
        if msg.startswith("ERROR") and dt.datetime(2025, 9, 12, 14, 15, tzinfo=dt.timezone.utc) <= t:
            errs.append((t, os.path.basename(p)[:-4]))
print(min(errs)[1])
EOF''', scorer=answer_scorer(), requires=["bash", "python3"], tags=["answer", "ops", "logs"])
