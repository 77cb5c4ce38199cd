import os, shutil, subprocess, sys, tempfile
H = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, H)
import gen
sys.path.insert(0, os.path.join(H, "ref")) if False else None
fails = 0
tmp = tempfile.mkdtemp()
REF = os.path.join(H, "reference.py")
cases = [gen.gen(s, n) for s, n in [(11, 80), (22, 150), (33, 300), (44, 40)]]
cases.append(("date,amount,currency,reference,counterparty\n2026-03-05, 10.00 , eur ,\"INV-0001, INV-0002\",X\n2026-03-05,10.00,EUR,x,Y\n2026-03-01,5,USD,INV-0003,Z\n\n2026-03-09,-2.5,jpy,r,Q\n",
              "id,date,amount_eur,invoice,description\n7,2026-03-08,10.01,inv-0002,a\n3,2026-03-02,10.00,,b\n9,2026-03-04,9.99,,c\n5,2026-03-08,4.50,INV-0003,d\n",
              "date,currency,rate\n2026-03-02,USD,0.9\n2026-02-27,usd,0.901\n2026-03-09,JPY,0.0061\n"))
for i, (b, l, r) in enumerate(cases):
    d = os.path.join(tmp, "c%d" % i); os.makedirs(d)
    for name, text in (("bank.csv", b), ("ledger.csv", l), ("rates.csv", r)):
        open(os.path.join(d, name), "w").write(text)
    args = [os.path.join(d, "bank.csv"), os.path.join(d, "ledger.csv"), os.path.join(d, "rates.csv")]
    want = subprocess.run([sys.executable, REF] + args + [os.path.join(d, "want")], capture_output=True, text=True)
    got = subprocess.run(["bash", os.path.join(os.getcwd(), "run.sh")] + args + [os.path.join(d, "got", "sub")], capture_output=True, text=True, cwd=tmp, timeout=60)
    problems = []
    if got.returncode != 0: problems.append("exit %d: %s" % (got.returncode, got.stderr[-300:]))
    if got.stdout != want.stdout: problems.append("stdout %r, want %r" % (got.stdout, want.stdout))
    for f in ("matches.csv", "unmatched_bank.csv", "unmatched_ledger.csv"):
        w = open(os.path.join(d, "want", f)).read()
        p = os.path.join(d, "got", "sub", f)
        g = open(p).read() if os.path.exists(p) else None
        if g != w:
            gl, wl = (g or "").splitlines(), w.splitlines()
            k = next((j for j in range(min(len(gl), len(wl))) if gl[j] != wl[j]), min(len(gl), len(wl)))
            problems.append("%s differs at line %d: got %r want %r" % (f, k + 1, gl[k:k+1], wl[k:k+1]))
    if problems:
        fails += 1; print("FAIL case %d:\n  " % i + "\n  ".join(problems))
print("failures:", fails)
sys.exit(1 if fails else 0)
