#!/usr/bin/env python3
"""data-cleaning, ml-speedup and secrets-scan: small families of the new domains."""
import csv, hashlib, io, json, os, random, subprocess, sys, tempfile
sys.path.insert(0, "/tmp/taskgen")
from lib import task, answer_scorer
CAT = sys.argv[1]

# ================= data-cleaning: normalise a contact export (exit scorer compares the CSV)
R = random.Random(55)
first = ["Ana", "Bo", "Chen", "Dara", "Eli", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea"]
last = ["Lund", "Okafor", "Ruiz", "Sato", "Berg", "Novak", "Moreau", "Kim"]
people = []
for i in range(120):
    f, l = R.choice(first), R.choice(last)
    phone = "%03d%03d%04d" % (R.randint(200, 999), R.randint(200, 999), R.randint(0, 9999))
    email = ("%s.%s%d@example.test" % (f, l, i)).lower()
    people.append((f, l, phone, email, "2024-%02d-%02d" % (R.randint(1, 12), R.randint(1, 28))))
def messy(p):
    f, l, ph, em, d = p
    name = R.choice(["%s %s" % (f, l), "%s, %s" % (l, f), "  %s %s " % (f.upper(), l.upper()), "%s %s" % (f.lower(), l)])
    phone = R.choice(["(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "%s.%s.%s" % (ph[:3], ph[3:6], ph[6:]), "+1 %s %s %s" % (ph[:3], ph[3:6], ph[6:]), ph, "1-%s-%s-%s" % (ph[:3], ph[3:6], ph[6:])])
    y, m, dd = d.split("-")
    date = R.choice([d, "%s/%s/%s" % (m, dd, y), "%s.%s.%s" % (dd, m, y)])
    return [name, phone, R.choice([em, em.upper(), " " + em]), date]
rows = []
for p in people:
    rows.append(messy(p))
    if R.random() < 0.25:
        rows.append(messy(p))  # a duplicate with different formatting
R.shuffle(rows)
b = io.StringIO(); w = csv.writer(b, lineterminator="\n"); w.writerow(["name", "phone", "email", "signup"]); w.writerows(rows)
exp_rows = sorted(set(("%s %s" % (f, l), "+1-%s-%s-%s" % (ph[:3], ph[3:6], ph[6:]), em, d) for f, l, ph, em, d in people), key=lambda r: r[2])
b2 = io.StringIO(); w = csv.writer(b2, lineterminator="\n"); w.writerow(["name", "phone", "email", "signup"]); w.writerows(exp_rows)
CMP = r'''#!/usr/bin/env python3
import os, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
want = open(os.path.join(T, "expected.csv")).read().splitlines()
if not os.path.isfile("clean.csv"):
    print("no clean.csv"); sys.exit(1)
got = open("clean.csv").read().splitlines()
if got == want:
    sys.exit(0)
bad = [i for i in range(max(len(got), len(want))) if i >= len(got) or i >= len(want) or got[i] != want[i]]
print("%d lines differ; first at line %d: expected %r, got %r" % (len(bad), bad[0] + 1, want[bad[0]] if bad[0] < len(want) else None, got[bad[0]] if bad[0] < len(got) else None))
sys.exit(1)
'''
solve = r'''python3 - <<'EOF'
import csv, re
out = set()
for r in csv.DictReader(open("contacts.csv")):
    name = r["name"].strip()
    if "," in name:
        l, f = [x.strip() for x in name.split(",", 1)]
    else:
        f, l = name.split()
    f, l = f.capitalize(), l.capitalize()
    d = re.sub(r"\D", "", r["phone"])[-10:]
    s = r["signup"]
    if "/" in s:
        m, dd, y = s.split("/"); s = "%s-%s-%s" % (y, m, dd)
    elif "." in s:
        dd, m, y = s.split("."); s = "%s-%s-%s" % (y, m, dd)
    out.add(("%s %s" % (f, l), "+1-%s-%s-%s" % (d[:3], d[3:6], d[6:]), r["email"].strip().lower(), s))
w = csv.writer(open("clean.csv", "w"), lineterminator="\n")
w.writerow(["name", "phone", "email", "signup"])
w.writerows(sorted(out, key=lambda r: r[2]))
EOF'''
task(CAT, "data-cleaning/contacts", domain="data",
     summary="Normalise and de-duplicate a contact export with three name orders, five phone formats and three date formats",
     minutes=20, notes="estimate: read the rules and scan the file for the variants (5 min), write a 25-line normaliser for names, phones, emails and dates (8 min), de-duplicate and sort, diff a few rows by hand (7 min): about 20 min",
     instructions="""`contacts.csv` is a messy export (`name,phone,email,signup`); some people appear more than once, formatted differently. Write `clean.csv` with the same header and one row per distinct person, where:

- `name` is `First Last`, each word capitalised (first letter upper case, the rest lower case); names appear as `First Last`, `Last, First`, in capitals or lower case, with stray spaces;
- `phone` is `+1-AAA-BBB-CCCC` (all numbers are North American; some carry a leading `1` or `+1`);
- `email` is lower case without surrounding spaces;
- `signup` is `YYYY-MM-DD` (the export mixes `YYYY-MM-DD`, `MM/DD/YYYY` and `DD.MM.YYYY`);
- rows that are identical after normalising are kept once; rows are sorted by `email`; plain CSV, `\\n` line ends, no quoting needed.""",
     files={"contacts.csv": b.getvalue()}, tests={"check.py": CMP, "expected.csv": b2.getvalue()}, solve=solve,
     scorer={"kind": "exit", "command": ["python3", "{tests}/check.py"], "timeout_s": 30},
     requires=["bash", "python3"], tags=["csv", "cleaning", "output-file"])

# data-cleaning/ledger: unit and sign conventions per source system
R = random.Random(56)
sources = {"bankA": ("cents", 1), "bankB": ("dollars", 1), "cards": ("dollars", -1)}
lines_out, totals = {}, {}
files = {}
for src, (unit, sign) in sources.items():
    rows = []
    for i in range(60):
        acct = R.choice(["ops", "sales", "rnd", "admin"])
        cents = R.randint(-50000, 80000)
        v = cents if unit == "cents" else cents / 100
        shown = str(v) if unit == "cents" else ("%.2f" % v)
        if R.random() < 0.1:
            shown = "(%s)" % shown.lstrip("-") if v < 0 else shown  # accounting negatives
        rows.append([acct, shown if sign == 1 else ("%.2f" % (-v) if "(" not in shown else shown), "2025-0%d-1%d" % (R.randint(1, 6), R.randint(0, 9))])
        # expected: signed cents in the company's convention (positive = money in)
        val = cents
        totals[acct] = totals.get(acct, 0) + val
        if "(" in shown and sign == -1:
            totals[acct] -= val; totals[acct] += val  # same meaning
    b = io.StringIO(); w = csv.writer(b, lineterminator="\n"); w.writerow(["account", "amount", "date"]); w.writerows(rows)
    files["exports/%s.csv" % src] = b.getvalue()
# recompute the expected totals from the files themselves with the documented rules (ground truth)
def parse(s):
    neg = s.startswith("(")
    s = s.strip("()")
    return -float(s) if neg else float(s)
exp = {}
for src, (unit, sign) in sources.items():
    for r in csv.DictReader(io.StringIO(files["exports/%s.csv" % src])):
        v = parse(r["amount"])
        c = round(v) if unit == "cents" else round(v * 100)
        exp[r["account"]] = exp.get(r["account"], 0) + sign * c
files["SOURCES.md"] = """# Export conventions

- `bankA.csv`: amounts in **cents**, positive = money in.
- `bankB.csv`: amounts in **dollars** with two decimals, positive = money in.
- `cards.csv`: amounts in **dollars**, positive = money **out** (card spending), negative = refunds.
- Any system may write a negative amount in accounting style, in parentheses: `(12.50)` means -12.50.
"""
b2 = "account,net_cents\n" + "".join("%s,%d\n" % (a, exp[a]) for a in sorted(exp))
CMP2 = CMP.replace("expected.csv", "expected.csv").replace("clean.csv", "net.csv")
solve2 = r'''python3 - <<'EOF'
import csv
conv = {"bankA": (1, 1), "bankB": (100, 1), "cards": (100, -1)}
net = {}
for src, (mult, sign) in conv.items():
    for r in csv.DictReader(open("exports/%s.csv" % src)):
        s = r["amount"]; neg = s.startswith("(")
        v = float(s.strip("()")) * (-1 if neg else 1)
        net[r["account"]] = net.get(r["account"], 0) + sign * round(v * mult)
with open("net.csv", "w") as f:
    f.write("account,net_cents\n")
    for a in sorted(net):
        f.write("%s,%d\n" % (a, net[a]))
EOF'''
task(CAT, "data-cleaning/ledger-conventions", domain="data",
     summary="Combine three bank and card exports with different units, sign conventions and accounting negatives into net cents per account",
     minutes=15, notes="estimate: read SOURCES.md and the three files (4 min), write a 15-line script with per-source unit and sign and the parenthesis rule (6 min), check a few accounts by hand and the rounding of dollar amounts to cents (5 min): about 15 min",
     instructions="`exports/` holds three exports of transactions (`account,amount,date`); `SOURCES.md` documents each system's conventions. Write `net.csv` with the header `account,net_cents` and one row per account, sorted by account: the account's net money in, in integer cents (money in positive, money out negative), over all three exports.",
     files=files, tests={"check.py": CMP2, "expected.csv": b2}, solve=solve2,
     scorer={"kind": "exit", "command": ["python3", "{tests}/check.py"], "timeout_s": 30},
     requires=["bash", "python3"], tags=["csv", "cleaning", "finance", "output-file"])

# ================= ml-speedup: make a slow nearest-neighbour inference fast, keep its answers
R = random.Random(77)
train = [[round(R.uniform(-10, 10), 3) for _ in range(4)] + [R.choice("abc")] for _ in range(3000)]
queries = [[round(R.uniform(-10, 10), 3) for _ in range(4)] for _ in range(600)]
SLOW = r'''#!/usr/bin/env python3
"""knn.py: classify each query row (stdin CSV, 4 features) by a majority vote of its 7 nearest
training rows (train.csv, Euclidean distance; ties of distance broken by training row order, ties
of votes by the label that sorts first).  Prints one label per query."""
import csv, math, sys

train = [(list(map(float, r[:4])), r[4]) for r in csv.reader(open("train.csv"))]


def dist(a, b):
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))


def classify(q):
    scored = []
    for i in range(len(train)):
        # recompute every distance and re-sort the whole list each time (it works...)
        scored.append((dist(q, train[i][0]), i, train[i][1]))
        scored.sort()
    near = scored[:7]
    votes = {}
    for _, _, lab in near:
        votes[lab] = votes.get(lab, 0) + 1
    best = max(votes.values())
    return min(l for l, v in votes.items() if v == best)


for row in csv.reader(sys.stdin):
    print(classify(list(map(float, row))))
'''
FAST = r'''#!/usr/bin/env python3
"""knn.py: classify each query row (stdin CSV, 4 features) by a majority vote of its 7 nearest
training rows (train.csv, Euclidean distance; ties of distance broken by training row order, ties
of votes by the label that sorts first).  Prints one label per query."""
import csv, heapq, sys

train = [(list(map(float, r[:4])), r[4]) for r in csv.reader(open("train.csv"))]
pts = [t[0] for t in train]
labels = [t[1] for t in train]


def classify(q):
    q0, q1, q2, q3 = q
    d = [((a - q0) ** 2 + (b - q1) ** 2 + (c - q2) ** 2 + (e - q3) ** 2, i) for i, (a, b, c, e) in enumerate(pts)]
    near = heapq.nsmallest(7, d)
    votes = {}
    for _, i in near:
        votes[labels[i]] = votes.get(labels[i], 0) + 1
    best = max(votes.values())
    return min(l for l, v in votes.items() if v == best)


for row in csv.reader(sys.stdin):
    print(classify(list(map(float, row))))
'''
tcsv = "".join(",".join(map(str, r)) + "\n" for r in train)
qcsv = "".join(",".join(map(str, r)) + "\n" for r in queries)
d = tempfile.mkdtemp(); open(d + "/train.csv", "w").write(tcsv); open(d + "/knn.py", "w").write(FAST)
exp = subprocess.run([sys.executable, "knn.py"], cwd=d, input=qcsv, capture_output=True, text=True, check=True).stdout
SPEED = r'''#!/usr/bin/env python3
"""Hidden scorer: knn.py must print exactly the expected labels for the hidden queries within a CPU
budget (argv[1] seconds; the original needs several minutes)."""
import os, resource, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
cpu = int(sys.argv[1])
def lim():
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
try:
    r = subprocess.run([sys.executable, "knn.py"], stdin=open(os.path.join(T, "queries.csv")), capture_output=True, text=True,
                       timeout=20 * cpu, preexec_fn=lim)
except subprocess.TimeoutExpired:
    print("timed out"); sys.exit(1)
if r.returncode != 0:
    print("knn.py failed or ran out of its %d CPU seconds (status %d)" % (cpu, r.returncode)); sys.exit(1)
want = open(os.path.join(T, "expected.txt")).read().split()
got = r.stdout.split()
if got != want:
    bad = sum(a != b for a, b in zip(got, want)) + abs(len(got) - len(want))
    print("%d of %d labels differ from the original program's" % (bad, len(want))); sys.exit(1)
print("ok"); sys.exit(0)
'''
task(CAT, "ml-speedup/knn", domain="ml",
     summary="Speed up a quadratic-time nearest-neighbour classifier more than 100-fold without changing a single prediction",
     minutes=20, notes="estimate: read the 30-line program and time it on a few queries (4 min), see the sort inside the loop and the sqrt (3 min), rewrite with squared distances and heapq.nsmallest keeping the index tie-break (6 min), verify identical output on sample queries against the original (7 min): about 20 min",
     instructions="`knn.py` classifies query rows (CSV on standard input, 4 features each) with a 7-nearest-neighbour vote over `train.csv`; it is far too slow: the hidden test's 600 queries would take it hours. Make it fast: the hidden test runs `python3 knn.py < queries.csv` with a budget of **8 CPU seconds** and requires exactly the labels the original program prints (its documented tie-breaking rules included). Pure Python, standard library only; do not change `train.csv`.",
     files={"knn.py": SLOW, "train.csv": tcsv, "sample_queries.csv": "".join(",".join(map(str, [round(R.uniform(-10, 10), 3) for _ in range(4)])) + "\n" for _ in range(5))},
     tests={"speed.py": SPEED, "queries.csv": qcsv, "expected.txt": exp},
     solve="cat > knn.py <<'EOF'\n" + FAST + "EOF",
     scorer={"kind": "exit", "command": ["python3", "{tests}/speed.py", "8"], "timeout_s": 200},
     requires=["bash", "python3"], tags=["ml", "performance", "python"])

# ml-speedup/batch-scoring: a logistic model scored row by row with json re-parsing per row
R = random.Random(78)
wts = [round(R.uniform(-2, 2), 4) for _ in range(20)]
model = {"weights": wts, "bias": 0.3, "threshold": 0.5}
rows = [[round(R.gauss(0, 1), 4) for _ in range(20)] for _ in range(20000)]
SLOW2 = r'''#!/usr/bin/env python3
"""score.py: print, for each feature row on stdin (CSV, 20 features), the probability of the
positive class with 6 decimals, using the logistic model in model.json."""
import json, math, sys
from fractions import Fraction

for line in sys.stdin:
    m = json.load(open("model.json"))  # re-read in case it changed
    x = [Fraction(v) for v in line.strip().split(",")]
    z = Fraction(str(m["bias"])) + sum(Fraction(str(w)) * v for w, v in zip(m["weights"], x))
    p = 1 / (1 + math.exp(-float(z)))
    print("%.6f" % p)
'''
FAST2 = r'''#!/usr/bin/env python3
"""score.py: print, for each feature row on stdin (CSV, 20 features), the probability of the
positive class with 6 decimals, using the logistic model in model.json."""
import json, math, sys
from fractions import Fraction

m = json.load(open("model.json"))
W = [Fraction(str(w)) for w in m["weights"]]
B = Fraction(str(m["bias"]))
out = []
for line in sys.stdin:
    # exact arithmetic as before (the same rounding of z), but integers scaled by 10^4 instead of Fractions
    vals = line.strip().split(",")
    z = B + Fraction(sum(int(round(float(w) * 10000)) * int(round(float(v) * 10000)) for w, v in zip(m["weights"], vals)), 10 ** 8)
    out.append("%.6f" % (1 / (1 + math.exp(-float(z)))))
sys.stdout.write("\n".join(out) + "\n")
'''
mj = json.dumps(model)
rcsv = "".join(",".join("%.4f" % v for v in r) + "\n" for r in rows)
d = tempfile.mkdtemp(); open(d + "/model.json", "w").write(mj); open(d + "/score.py", "w").write(SLOW2)
exp2 = subprocess.run([sys.executable, "score.py"], cwd=d, input="".join(rcsv.splitlines(True)[:300]), capture_output=True, text=True, check=True).stdout
open(d + "/score.py", "w").write(FAST2)
fast2 = subprocess.run([sys.executable, "score.py"], cwd=d, input="".join(rcsv.splitlines(True)[:300]), capture_output=True, text=True, check=True).stdout
assert exp2 == fast2, "fast scorer differs"
expall = subprocess.run([sys.executable, "score.py"], cwd=d, input=rcsv, capture_output=True, text=True, check=True).stdout
SPEED2 = SPEED.replace("knn.py", "score.py")
task(CAT, "ml-speedup/batch-scoring", domain="ml",
     summary="Make a row-by-row logistic scorer that re-reads its model and uses Fractions fast, keeping every printed probability identical",
     minutes=15, notes="estimate: profile the 15-line script (4 min), hoist the model load, replace Fraction arithmetic with an exact integer equivalent or prove float summation gives identical 6-decimal output on the data (6 min), verify byte-identical output against the original on a sample (5 min): about 15 min",
     instructions="`score.py` prints, for each feature row on standard input (CSV, 20 features with 4 decimals), the model's probability with 6 decimals. It is slow. Make it fast: the hidden test scores 20,000 rows with a budget of **3 CPU seconds** (the original needs about 9, the straightforward fix under 1) and requires output byte-identical to the original program's. Pure Python, standard library only; do not change `model.json`.",
     files={"score.py": SLOW2, "model.json": mj, "sample.csv": "".join(rcsv.splitlines(True)[:50])},
     tests={"speed.py": SPEED2, "queries.csv": rcsv, "expected.txt": expall},
     solve="cat > score.py <<'EOF'\n" + FAST2 + "EOF",
     scorer={"kind": "exit", "command": ["python3", "{tests}/speed.py", "3"], "timeout_s": 150},
     requires=["bash", "python3"], tags=["ml", "performance", "python"])

# ================= secrets-scan: leaked credentials in a repository history
R = random.Random(91)
def key():
    return "AKIA" + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
tmp = tempfile.mkdtemp(); repo = os.path.join(tmp, "r")
def git(*a, date="2025-04-01T10:00:00Z"):
    env = dict(os.environ, GIT_AUTHOR_NAME="dev", GIT_AUTHOR_EMAIL="dev@example.test", GIT_COMMITTER_NAME="dev",
               GIT_COMMITTER_EMAIL="dev@example.test", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", repo, *a], check=True, capture_output=True, text=True, env=env).stdout.strip()
os.makedirs(repo); git("init", "-q", "-b", "main")
keys = [key() for _ in range(5)]
revoked = keys[:3] + [keys[4]]
live = keys[3]
docs_key = "AKIAIOSFODNN7EXAMPLE"
steps = [("README.md", "# deployer\n\nExample config: `aws_access_key_id = %s`\n" % docs_key),
         ("deploy/config.ini", "[aws]\naws_access_key_id = %s\nregion = eu-north-1\n" % keys[0]),
         ("deploy/config.ini", "[aws]\naws_access_key_id = ${AWS_KEY}\nregion = eu-north-1\n"),
         ("scripts/upload.sh", "#!/bin/sh\nAWS_ACCESS_KEY_ID=%s aws s3 cp \"$1\" s3://bucket/\n" % keys[1]),
         ("scripts/upload.sh", "#!/bin/sh\naws s3 cp \"$1\" s3://bucket/\n"),
         ("tests/fixtures.json", json.dumps({"key": keys[2], "note": "test account"}) + "\n"),
         ("ci/env", "AWS_KEY=%s\n" % live), ("ci/env", "AWS_KEY=from-vault\n"),
         ("notes/rotation.txt", "rotated keys: see revoked.txt\n"),
         ("deploy/old.ini", "aws_access_key_id=%s\n" % keys[4])]
for k, (path, content) in enumerate(steps):
    p = os.path.join(repo, path); os.makedirs(os.path.dirname(p), exist_ok=True); open(p, "w").write(content)
    git("add", "-A"); git("commit", "-qm", "update %s" % path, date="2025-04-%02dT10:00:00Z" % (k + 1))
git("rm", "-q", "deploy/old.ini"); git("commit", "-qm", "remove old config", date="2025-04-20T10:00:00Z")
bundle = os.path.join(tmp, "h.bundle"); git("bundle", "create", bundle, "--all")
task(CAT, "secrets-scan/live-key", domain="security",
     summary="Find the one leaked cloud access key in a repository's history that has not been revoked",
     minutes=10, notes="estimate: clone the bundle (1 min), search all history for AKIA-style keys with git log -p or grep over rev-list (4 min), drop the documentation example and the keys listed in revoked.txt (3 min), answer (2 min): about 10 min",
     instructions="`history.bundle` is a repository (`git clone history.bundle repo`) whose history leaked several AWS access key ids (20 characters starting with `AKIA`), some in files that were later fixed or deleted. `revoked.txt` lists the keys the security team has already revoked; the README's key is AWS's documentation example, not a real key.\n\nWhich leaked key is still live? Write it to `answer.txt`.",
     files={"history.bundle": open(bundle, "rb").read(), "revoked.txt": "\n".join(revoked) + "\n"}, tests={"answer.txt": live + "\n"},
     solve='d=$(mktemp -d); git clone -q history.bundle "$d/r"; git -C "$d/r" log -p --all | grep -o "AKIA[A-Z2-7]\\{16\\}" | sort -u | grep -v -x -F -f revoked.txt | grep -v AKIAIOSFODNN7EXAMPLE > answer.txt',
     scorer=answer_scorer(), requires=["bash", "git", "grep", "sort"], tags=["answer", "secrets", "git"])
