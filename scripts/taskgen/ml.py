#!/usr/bin/env python3
"""ml-train and ml-fix-training: train small models on CPU in pure Python to a target accuracy on a
hidden test set; fix a broken training loop."""
import json, math, os, random, subprocess, sys, tempfile
sys.path.insert(0, "/tmp/taskgen")
from lib import task
CAT = sys.argv[1]

EVAL = r'''#!/usr/bin/env python3
"""Hidden scorer: run the workspace's predict.py on the hidden test features (tests/test_x.csv on
standard input), compare its labels, one per line, with tests/test_y.txt.  Success when the
accuracy reaches the threshold (argv[1]).  Prints the accuracy."""
import os, resource, subprocess, sys
T = os.environ.get("HZ_TESTS") or os.path.dirname(os.path.abspath(__file__))
import hashlib
need = float(sys.argv[1])
pre = sys.argv[2:]  # --keep FILE:SHA256 (a file that must not change) ..., then an optional training command
while pre[:1] == ["--keep"]:
    f, h = pre[1].rsplit(":", 1)
    if not os.path.isfile(f) or hashlib.sha256(open(f, "rb").read()).hexdigest() != h:
        print("%s was changed (it must not be)" % f); sys.exit(1)
    pre = pre[2:]
def lim():
    resource.setrlimit(resource.RLIMIT_CPU, (60, 61))
if pre:
    r = subprocess.run(pre, preexec_fn=lim, timeout=120)
    if r.returncode != 0:
        print("training command failed"); sys.exit(1)
if not os.path.isfile("predict.py"):
    print("no predict.py"); sys.exit(1)
try:
    r = subprocess.run([sys.executable, "predict.py"], stdin=open(os.path.join(T, "test_x.csv")), capture_output=True,
                       text=True, timeout=120, preexec_fn=lim)
except subprocess.TimeoutExpired:
    print("predict.py timed out"); sys.exit(1)
got = r.stdout.split()
want = open(os.path.join(T, "test_y.txt")).read().split()
if len(got) != len(want):
    print("predict.py printed %d labels for %d rows (stderr: %s)" % (len(got), len(want), r.stderr[-300:])); sys.exit(1)
acc = sum(a == b for a, b in zip(got, want)) / len(want)
print("accuracy %.4f (need %.2f)" % (acc, need))
sys.exit(0 if acc >= need else 1)
'''

def csv_rows(header, rows):
    return ",".join(header) + "\n" + "".join(",".join(str(v) for v in r) + "\n" for r in rows)

def check_acc(ws_files, solve, tests_x, tests_y, pre=None):
    """Run the reference in a scratch copy and return its accuracy (the generator's sanity check)."""
    d = tempfile.mkdtemp()
    for k, v in ws_files.items():
        p = os.path.join(d, k); os.makedirs(os.path.dirname(p), exist_ok=True); open(p, "w").write(v)
    subprocess.run(["bash", "-c", solve], cwd=d, check=True)
    if pre:
        subprocess.run(pre, cwd=d, check=True)
    out = subprocess.run([sys.executable, "predict.py"], cwd=d, input=tests_x, capture_output=True, text=True).stdout.split()
    return sum(a == b for a, b in zip(out, tests_y.split())) / len(tests_y.split())

# ---- ml-train/tabular: logistic regression with badly scaled, partly useless features
R = random.Random(99)
W = [2.0, -1.5, 0.0, 1.0, 0.0, -2.5, 0.7, 0.0]
SCALE = [1, 1000, 50, 0.01, 300, 1, 10, 5000]
def tab(n):
    X, y = [], []
    for _ in range(n):
        z = [R.gauss(0, 1) for _ in W]
        s = sum(w * v for w, v in zip(W, z)) + R.gauss(0, 0.6)
        X.append(["%.4f" % (v * sc + (400 if i == 4 else 0)) for i, (v, sc) in enumerate(zip(z, SCALE))])
        y.append(1 if s > 0.8 else 0)
    return X, y
Xtr, ytr = tab(1500); Xte, yte = tab(1000)
hdr = ["f%d" % i for i in range(len(W))]
train_csv = csv_rows(hdr + ["label"], [x + [l] for x, l in zip(Xtr, ytr)])
test_x = csv_rows(hdr, Xte); test_y = "".join("%d\n" % l for l in yte)
LOGREG = r'''
import csv, json, math, sys
rows = list(csv.reader(open("train.csv")))[1:]
X = [[float(v) for v in r[:-1]] for r in rows]; y = [int(r[-1]) for r in rows]
d = len(X[0]); mu = [sum(c) / len(c) for c in zip(*X)]
sd = [max(1e-9, (sum((v - m) ** 2 for v in c) / len(c)) ** 0.5) for c, m in zip(zip(*X), mu)]
Z = [[(v - m) / s for v, m, s in zip(x, mu, sd)] for x in X]
w = [0.0] * d; b = 0.0
for epoch in range(200):
    gw = [0.0] * d; gb = 0.0
    for z, t in zip(Z, y):
        p = 1 / (1 + math.exp(-max(-30, min(30, b + sum(a * c for a, c in zip(w, z))))))
        for i in range(d): gw[i] += (p - t) * z[i]
        gb += p - t
    w = [wi - 0.5 * g / len(Z) for wi, g in zip(w, gw)]; b -= 0.5 * gb / len(Z)
json.dump({"mu": mu, "sd": sd, "w": w, "b": b}, open("model.json", "w"))
'''
PRED_LIN = r'''import csv, json, sys
m = json.load(open("model.json"))
for r in list(csv.reader(sys.stdin))[1:]:
    z = [(float(v) - a) / s for v, a, s in zip(r, m["mu"], m["sd"])]
    print(1 if m["b"] + sum(w * v for w, v in zip(m["w"], z)) > 0 else 0)
'''
solve_tab = "python3 - <<'EOF'\n" + LOGREG + "EOF\ncat > predict.py <<'EOF'\n" + PRED_LIN + "EOF"
ws = {"train.csv": train_csv}
acc = check_acc(ws, solve_tab, test_x, test_y)
need = math.floor((acc - 0.025) * 100) / 100
print("tabular reference accuracy", acc, "threshold", need, "majority", max(yte.count(0), yte.count(1)) / len(yte))
task(CAT, "ml-train/tabular", domain="ml",
     summary="Train a binary classifier on badly scaled tabular data to a hidden-test accuracy target, in pure Python",
     minutes=30, notes="estimate: inspect train.csv and see features on scales from 0.01 to 5000 and some with no signal (5 min), write standardisation and logistic regression by gradient descent with no numpy (12 min), hold out part of train.csv to check accuracy and tune the learning rate (8 min), write predict.py (5 min): about 30 min",
     instructions="""`train.csv` holds 1,500 labelled rows (features `f0`..`f7`, label 0 or 1). Write `predict.py`: it reads a CSV with the same feature columns (header line included, no label column) on standard input and prints one predicted label (`0` or `1`) per row, in order. It may read files you leave in the workspace (a saved model). Only Python's standard library is available (no numpy).

The hidden test set (1,000 rows from the same distribution) must be classified with accuracy at least **%.2f**. `predict.py` gets 60 CPU seconds.""" % need,
     files=ws, tests={"eval.py": EVAL, "test_x.csv": test_x, "test_y.txt": test_y}, solve=solve_tab,
     scorer={"kind": "exit", "command": ["python3", "{tests}/eval.py", "%.2f" % need], "timeout_s": 120},
     requires=["bash", "python3"], tags=["ml", "classification", "python"])

# ---- ml-train/rings: nonlinear, two classes on concentric noisy rings + a spiral arm
R = random.Random(7)
def rings(n):
    X, y = [], []
    for _ in range(n):
        c = R.randint(0, 1)
        r = (1.0 if c == 0 else 2.0) + R.gauss(0, 0.25)
        a = R.uniform(0, 2 * math.pi)
        x1, x2 = r * math.cos(a) + 0.3, r * math.sin(a) - 0.2
        X.append(["%.4f" % x1, "%.4f" % x2, "%.4f" % R.gauss(0, 1)])
        y.append(c)
    return X, y
Xtr, ytr = rings(1200); Xte, yte = rings(800)
train_csv = csv_rows(["x1", "x2", "noise", "label"], [x + [l] for x, l in zip(Xtr, ytr)])
test_x = csv_rows(["x1", "x2", "noise"], Xte); test_y = "".join("%d\n" % l for l in yte)
PRED_KNN = r'''import csv, sys
train = [(float(r[0]), float(r[1]), r[3]) for r in list(csv.reader(open("train.csv")))[1:]]
for r in list(csv.reader(sys.stdin))[1:]:
    x, y = float(r[0]), float(r[1])
    near = sorted(train, key=lambda t: (t[0] - x) ** 2 + (t[1] - y) ** 2)[:15]
    votes = [t[2] for t in near]
    print(max(set(votes), key=votes.count))
'''
solve_rings = "cat > predict.py <<'EOF'\n" + PRED_KNN + "EOF"
acc = check_acc({"train.csv": train_csv}, solve_rings, test_x, test_y)
need_r = math.floor((acc - 0.02) * 100) / 100
print("rings reference accuracy", acc, "threshold", need_r)
task(CAT, "ml-train/rings", domain="ml",
     summary="Classify points of two noisy concentric rings (a linear model fails) to a hidden-test accuracy target, in pure Python",
     minutes=25, notes="estimate: plot or summarise train.csv and see the rings, off-centre, with one pure-noise column (8 min), choose k-NN on the two informative columns or a radius feature (5 min), write predict.py and check on a held-out split (8 min), tune k and drop the noise column (4 min): about 25 min",
     instructions="""`train.csv` holds 1,200 labelled points (columns `x1`, `x2`, `noise`, label 0 or 1). Write `predict.py`: it reads a CSV with the columns `x1,x2,noise` (header line included) on standard input and prints one predicted label per row, in order. It may read files in the workspace. Only Python's standard library is available.

The hidden test set (800 points from the same distribution) must be classified with accuracy at least **%.2f**. `predict.py` gets 60 CPU seconds.""" % need_r,
     files={"train.csv": train_csv}, tests={"eval.py": EVAL, "test_x.csv": test_x, "test_y.txt": test_y}, solve=solve_rings,
     scorer={"kind": "exit", "command": ["python3", "{tests}/eval.py", "%.2f" % need_r], "timeout_s": 120},
     requires=["bash", "python3"], tags=["ml", "classification", "python"])

# ---- ml-train/text: message topic classification, naive Bayes
R = random.Random(31)
topics = {
    "billing": "invoice refund charge payment card billed price receipt subscription overcharged",
    "outage": "down error timeout unreachable crash failing broken slow unavailable latency",
    "account": "password login reset locked email username profile verify twofactor signin",
    "shipping": "delivery package tracking courier shipped arrived late address parcel warehouse",
}
common = "please help hi hello thanks team today again still my the a is not can you we order app since yesterday".split()
def msgs(n):
    X, y = [], []
    for _ in range(n):
        t = R.choice(sorted(topics))
        words = [R.choice(common) for _ in range(R.randint(4, 9))]
        own = topics[t].split()
        for _ in range(R.randint(1, 2)):
            words.insert(R.randint(0, len(words)), R.choice(own))
        if R.random() < 0.35:  # a misleading word of another topic
            o = R.choice([k for k in topics if k != t])
            words.insert(R.randint(0, len(words)), R.choice(topics[o].split()))
        X.append(" ".join(w.upper() if R.random() < 0.1 else w for w in words))
        y.append(t)
    return X, y
Xtr, ytr = msgs(2000); Xte, yte = msgs(1000)
train_tsv = "text\tlabel\n" + "".join("%s\t%s\n" % (x, l) for x, l in zip(Xtr, ytr))
test_x = "text\n" + "".join(x + "\n" for x in Xte); test_y = "".join(l + "\n" for l in yte)
PRED_NB = r'''import collections, math, sys
rows = [l.rstrip("\n").split("\t") for l in open("train.tsv")][1:]
cnt = collections.defaultdict(collections.Counter); prior = collections.Counter()
for text, lab in rows:
    prior[lab] += 1
    cnt[lab].update(text.lower().split())
vocab = set(w for c in cnt.values() for w in c)
tot = {l: sum(c.values()) for l, c in cnt.items()}
for line in list(sys.stdin)[1:]:
    ws = line.lower().split()
    print(max(prior, key=lambda l: math.log(prior[l]) + sum(math.log((cnt[l][w] + 1) / (tot[l] + len(vocab))) for w in ws)))
'''
solve_text = "cat > predict.py <<'EOF'\n" + PRED_NB + "EOF"
d = tempfile.mkdtemp(); open(os.path.join(d, "train.tsv"), "w").write(train_tsv)
open(os.path.join(d, "predict.py"), "w").write(PRED_NB)
out = subprocess.run([sys.executable, "predict.py"], cwd=d, input=test_x, capture_output=True, text=True).stdout.split()
acc = sum(a == b for a, b in zip(out, yte)) / len(yte)
need_t = math.floor((acc - 0.02) * 100) / 100
EVAL_T = EVAL.replace("test_x.csv", "test_x.tsv")
print("text reference accuracy", acc, "threshold", need_t)
task(CAT, "ml-train/text", domain="ml",
     summary="Classify support messages into four topics to a hidden-test accuracy target with a model written from scratch",
     minutes=35, notes="estimate: read train.tsv and see topic words mixed with filler, upper-case noise and misleading words (6 min), write a bag-of-words naive Bayes or perceptron with Laplace smoothing and case folding (15 min), check on a held-out split and fix tokenisation (10 min), write predict.py (4 min): about 35 min",
     instructions="""`train.tsv` holds 2,000 support messages (tab-separated: `text`, `label`; labels `billing`, `outage`, `account`, `shipping`). Write `predict.py`: it reads a file with a header line `text` and one message per line on standard input and prints one predicted label per message, in order. It may read files in the workspace. Only Python's standard library is available.

The hidden test set (1,000 messages from the same distribution) must be classified with accuracy at least **%.2f**. `predict.py` gets 60 CPU seconds.""" % need_t,
     files={"train.tsv": train_tsv}, tests={"eval.py": EVAL_T, "test_x.tsv": test_x, "test_y.txt": test_y}, solve=solve_text,
     scorer={"kind": "exit", "command": ["python3", "{tests}/eval.py", "%.2f" % need_t], "timeout_s": 120},
     requires=["bash", "python3"], tags=["ml", "nlp", "classification", "python"])

# ---- ml-fix-training: a logistic-regression training script with planted bugs
R = random.Random(5)
W2 = [1.5, -2.0, 0.8, 0.0, 1.2]
def tab2(n):
    X, y = [], []
    for _ in range(n):
        z = [R.gauss(0, 1) for _ in W2]
        s = sum(w * v for w, v in zip(W2, z)) + R.gauss(0, 0.5)
        X.append(["%.4f" % (v * (1 if i != 1 else 200) + (0 if i != 2 else 50)) for i, v in enumerate(z)])
        y.append(1 if s > 0 else 0)
    return X, y
Xtr, ytr = tab2(1200); Xte, yte = tab2(800)
# training rows sorted by label: a no-shuffle SGD ends biased
order = sorted(range(len(ytr)), key=lambda i: ytr[i])
hdr = ["f%d" % i for i in range(len(W2))]
train_csv = csv_rows(hdr + ["label"], [Xtr[i] + [ytr[i]] for i in order])
test_x = csv_rows(hdr, Xte); test_y = "".join("%d\n" % l for l in yte)
TRAIN_OK = r'''#!/usr/bin/env python3
"""Train a logistic-regression model on train.csv with SGD; writes model.json for predict.py."""
import csv, json, math, random

random.seed(1)
rows = list(csv.reader(open("train.csv")))[1:]
X = [[float(v) for v in r[:-1]] for r in rows]
y = [int(r[-1]) for r in rows]
d = len(X[0])

# standardise each feature with the training set's mean and standard deviation
mu = [sum(col) / len(col) for col in zip(*X)]
sd = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0 for col, m in zip(zip(*X), mu)]
Z = [[(v - m) / s for v, m, s in zip(x, mu, sd)] for x in X]


def sigmoid(t):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t))))


w, b, lr = [0.0] * d, 0.0, 0.2
idx = list(range(len(Z)))
for epoch in range(30):
    random.shuffle(idx)
    for i in idx:
        p = sigmoid(b + sum(wj * zj for wj, zj in zip(w, Z[i])))
        err = p - y[i]
        w = [wj - lr * err * zj for wj, zj in zip(w, Z[i])]
        b -= lr * err

json.dump({"mu": mu, "sd": sd, "w": w, "b": b}, open("model.json", "w"))
'''
PRED_OK = r'''#!/usr/bin/env python3
"""Read feature rows (CSV with a header) on stdin, print one 0/1 label per row using model.json."""
import csv, json, sys

m = json.load(open("model.json"))
for r in list(csv.reader(sys.stdin))[1:]:
    z = [(float(v) - a) / s for v, a, s in zip(r, m["mu"], m["sd"])]
    t = m["b"] + sum(w * v for w, v in zip(m["w"], z))
    print(1 if t > 0 else 0)
'''
bugs1 = TRAIN_OK.replace("err = p - y[i]", "err = y[i] - p")
bugs3 = (TRAIN_OK.replace("err = p - y[i]", "err = y[i] - p")
         .replace("    random.shuffle(idx)\n", "")
         .replace("sd = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0 for col, m in zip(zip(*X), mu)]",
                  "sd = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0 for col, m in zip(zip(*X), mu)]\nsd = [1.0] * d  # scaling disabled while debugging"))
pred_bug = PRED_OK.replace('print(1 if t > 0 else 0)', 'print(1 if t > 0.5 else 0)')
for name, train_src, pred_src, minutes, notes, summ in (
    ("sign-error", bugs1, PRED_OK, 12, "estimate: run train.py and predict.py on a held-out split, see accuracy far below chance (3 min), read the 40-line SGD loop and find the flipped error sign (5 min), retrain and check (4 min): about 12 min",
     "Fix a logistic-regression training script whose model ends up worse than chance"),
    ("three-bugs", bugs3, pred_bug, 40, "estimate: measure the accuracy on a held-out split (5 min), find the flipped gradient sign (5 min), notice that a feature on a 200x scale makes SGD diverge because scaling was disabled (8 min), that the label-sorted file without shuffling biases the last updates (8 min), and that predict.py thresholds the logit at 0.5 instead of 0 (6 min), retrain and verify each fix (8 min): about 40 min",
     "Fix a training script and its predictor with three planted bugs (gradient sign, disabled scaling, no shuffling) and a wrong decision threshold")):
    ws = {"train.csv": train_csv, "train.py": train_src, "predict.py": pred_src}
    import hashlib
    keep = ["--keep", "train.csv:" + hashlib.sha256(train_csv.encode()).hexdigest()]
    if pred_src == PRED_OK:  # only the training script is broken: predict.py must stay as it is
        keep += ["--keep", "predict.py:" + hashlib.sha256(PRED_OK.encode()).hexdigest()]
    solve = ("cat > train.py <<'EOF'\n" + TRAIN_OK + "EOF\ncat > predict.py <<'EOF'\n" + PRED_OK + "EOF\npython3 train.py")
    acc = check_acc(ws, solve, test_x, test_y)
    need_f = 0.92
    for nm, (tr, pr) in (("as given", (train_src, pred_src)),):
        d = tempfile.mkdtemp()
        for k, v in {"train.csv": train_csv, "train.py": tr, "predict.py": pr}.items():
            open(os.path.join(d, k), "w").write(v)
        subprocess.run([sys.executable, "train.py"], cwd=d, check=True)
        out = subprocess.run([sys.executable, "predict.py"], cwd=d, input=test_x, capture_output=True, text=True).stdout.split()
        print(name, "fixed", acc, "broken", sum(a == b for a, b in zip(out, yte)) / len(yte), "threshold", need_f)
    task(CAT, "ml-fix-training/" + name, domain="ml", summary=summ, minutes=minutes, notes=notes,
         instructions="""`train.py` trains a logistic-regression model on `train.csv` (features `f0`..`f4`, label 0 or 1) and writes `model.json`; `predict.py` reads feature rows (CSV with a header, no label) on standard input and prints one label per row using `model.json`. The model they produce is useless: something in them is broken.

Fix them (keep them pure Python, standard library only, and keep the model a logistic regression).%s The hidden test runs `python3 train.py` and then `predict.py` on 800 held-out rows from the same distribution: the accuracy must be at least **%.2f**. Do not edit `train.csv`.""" % (" `predict.py` is correct: the bug is in `train.py`, and `predict.py` must not change." if pred_src == PRED_OK else "", need_f),
         files=ws, tests={"eval.py": EVAL, "test_x.csv": test_x, "test_y.txt": test_y}, solve=solve,
         scorer={"kind": "exit", "command": ["python3", "{tests}/eval.py", "%.2f" % need_f] + keep + ["python3", "train.py"], "timeout_s": 180},
         requires=["bash", "python3"], tags=["ml", "debugging", "python"])
