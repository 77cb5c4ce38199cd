import os, subprocess, sys, tempfile
H = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, H)
import gen
fails = 0
tmp = tempfile.mkdtemp()
cases = [gen.gen(s) for s in (101, 202, 303)] + [gen.gen(404, 5, 30), gen.gen(505, 60, 3000)]
cases.append(("customer_id,name,region\nA1,x, n \n", "order_id,customer_id,date,amount,status\n"))
cases.append(("customer_id,name,region\n", "order_id,customer_id,date,amount,status\n1,a1,2026-01-05,0.10,refunded\n2,a1,2026-01-06,0.05,paid\n1,a1,2026-01-07,99,paid"))
cases.append(("customer_id,name,region\nc1,x,west\nC1,y,East\n\n", "order_id,customer_id,date,amount,status\n\n 7 , C1 ,2025-12-31, 10.5 , PAID \n8,c1,2025-12-01,0.1,paid\n9,zz,2025-12-01,3,Cancelled\n"))
for i, (c, o) in enumerate(cases):
    d = os.path.join(tmp, "case%d" % i); os.makedirs(d)
    cp, op = os.path.join(d, "cust.csv"), os.path.join(d, "ord.csv")
    open(cp, "w").write(c); open(op, "w").write(o)
    p = subprocess.run(["bash", os.path.join(os.getcwd(), "run.sh"), op, cp], capture_output=True, text=True, cwd=d, timeout=60)
    want = gen.expected(c, o)
    if p.returncode != 0 or p.stdout != want:
        fails += 1
        got = p.stdout.splitlines(); exp = want.splitlines()
        diff = [(a, b) for a, b in zip(got, exp) if a != b][:3]
        print("FAIL case %d: rc=%d, %d lines vs %d expected; first differences (got, want): %r %s" % (i, p.returncode, len(got), len(exp), diff, p.stderr[-300:]))
print("failures:", fails)
sys.exit(1 if fails else 0)
