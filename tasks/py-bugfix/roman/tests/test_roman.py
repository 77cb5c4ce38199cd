import os, subprocess, sys
sys.path.insert(0, os.getcwd())
import roman

def ref(n):
    out = ""
    for v, s in [(1000,"M"),(900,"CM"),(500,"D"),(400,"CD"),(100,"C"),(90,"XC"),(50,"L"),(40,"XL"),(10,"X"),(9,"IX"),(5,"V"),(4,"IV"),(1,"I")]:
        while n >= v:
            out += s; n -= v
    return out

fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails < 20: print("FAIL:", what)

for n in range(1, 4000):
    r = ref(n)
    try: got = roman.to_roman(n)
    except Exception as e: got = "exception %r" % e
    check(got == r, "to_roman(%d) = %r, want %r" % (n, got, r))
    try: back = roman.from_roman(r)
    except Exception as e: back = "exception %r" % e
    check(back == n, "from_roman(%r) = %r, want %d" % (r, back, n))

for bad in [0, -1, 4000, 10**6, 3.0, True, "12", None]:
    try:
        roman.to_roman(bad); check(False, "to_roman(%r) should raise ValueError" % (bad,))
    except ValueError: pass
    except Exception as e: check(False, "to_roman(%r) raised %r, want ValueError" % (bad, e))

for bad in ["", "IIII", "IC", "VX", "MMMM", "iv", "ABC", "IIV", "XM", "LL", "DD", "VV", "CMC", "IXI", " X", "XXXX", "MCMC", None, 5]:
    try:
        roman.from_roman(bad); check(False, "from_roman(%r) should raise ValueError" % (bad,))
    except ValueError: pass
    except Exception as e: check(False, "from_roman(%r) raised %r, want ValueError" % (bad, e))

def cli(*args):
    return subprocess.run([sys.executable, "roman.py", *args], capture_output=True, text=True)
p = cli("1994"); check(p.returncode == 0 and p.stdout.strip() == "MCMXCIV", "cli 1994: %r" % (p.stdout,))
p = cli("3999"); check(p.returncode == 0 and p.stdout.strip() == "MMMCMXCIX", "cli 3999: %r" % (p.stdout,))
p = cli("XC"); check(p.returncode == 0 and p.stdout.strip() == "90", "cli XC: %r" % (p.stdout,))
p = cli("4000"); check(p.returncode == 1 and p.stdout == "" and p.stderr, "cli 4000 must fail with exit 1")
p = cli("IIII"); check(p.returncode == 1 and p.stdout == "", "cli IIII must fail with exit 1")

print("failures:", fails)
sys.exit(1 if fails else 0)
