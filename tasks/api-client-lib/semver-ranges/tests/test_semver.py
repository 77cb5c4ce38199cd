import os, sys, random
sys.path.insert(0, os.getcwd())
import semver
from semver import Version, satisfies
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 25: print("FAIL:", what)
def raises(f, *a):
    try: f(*a)
    except ValueError: return True
    except Exception as e: return False
    return False
V = Version.parse
# parsing
for s, parts in [("1.2.3", (1, 2, 3, (), ())), (" 0.0.0 ", (0, 0, 0, (), ())), ("1.0.0-alpha.1", (1, 0, 0, ("alpha", 1), ())),
                 ("1.0.0-0a.01a.0", (1, 0, 0, ("0a", "01a", 0), ())), ("1.0.0+build.007", (1, 0, 0, (), ("build", "007"))),
                 ("10.20.30-rc.1+sha.5114f85", (10, 20, 30, ("rc", 1), ("sha", "5114f85"))), ("1.0.0-x-y-z.--", (1, 0, 0, ("x-y-z", "--"), ()))]:
    try:
        v = V(s); got = (v.major, v.minor, v.patch, v.prerelease, v.build)
    except Exception as e: got = repr(e)
    check(got == parts, "parse %r -> %r" % (s, got))
    check(isinstance(v.prerelease, tuple) and all(type(p) in (int, str) for p in v.prerelease), "types %r" % s)
check(str(V("1.0.0-rc.1+b.2")) == "1.0.0-rc.1+b.2", "str")
for bad in ["", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3+", "1.2.3-rc.01", "1.2.3-rc..1", "1.2.3-@", "v1.2.3", "1.2.3 4", "-1.2.3", "1.2.3-00"]:
    check(raises(V, bad), "parse(%r) must raise ValueError" % bad)
# precedence: the semver.org example chain
chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0-0", "2.0.0-1", "2.0.0-a", "2.0.0", "10.0.0"]
vs = [V(s) for s in chain]
for i in range(len(vs)):
    for j in range(len(vs)):
        a, b = vs[i], vs[j]
        try: r = (a < b, a <= b, a > b, a >= b, a == b, a != b)
        except Exception as e: r = repr(e)
        check(r == (i < j, i <= j, i > j, i >= j, i == j, i != j), "compare %s %s: %r" % (chain[i], chain[j], r))
sh = vs[:]; random.Random(1).shuffle(sh)
check([str(x) for x in sorted(sh)] == chain, "sorted")
check(V("1.0.0+a") == V("1.0.0+b") and hash(V("1.0.0+a")) == hash(V("1.0.0+b")), "build ignored")
check(len({V("1.0.0"), V("1.0.0+x"), V("1.0.0-rc")}) == 2, "set dedup")
check(V("1.0.0-rc.1") == V("1.0.0-rc.1+x") and V("1.0.0-1") < V("1.0.0-a") and V("1.0.0-a.b") > V("1.0.0-a"), "misc precedence")
check(V("1.0.0-B") < V("1.0.0-a"), "ASCII order")
check((V("1.0.0") == "1.0.0") is False and (V("1.0.0") != "1.0.0") is True, "== with str is False")
try:
    V("1.0.0") < "1.0.0"; check(False, "< with str must raise TypeError")
except TypeError: pass
# bump
for s, part, want in [("1.2.3", "patch", "1.2.4"), ("1.2.3", "minor", "1.3.0"), ("1.2.3", "major", "2.0.0"),
                      ("1.2.3-rc.1", "patch", "1.2.3"), ("1.2.0-rc.1", "minor", "1.2.0"), ("1.2.3-rc.1", "minor", "1.3.0"),
                      ("2.0.0-rc.1", "major", "2.0.0"), ("2.1.0-rc.1", "major", "3.0.0"), ("1.2.3+b", "patch", "1.2.4"),
                      ("0.0.0", "patch", "0.0.1")]:
    try: got = str(V(s).bump(part))
    except Exception as e: got = repr(e)
    check(got == want, "bump %s %s -> %s want %s" % (s, part, got, want))
check(raises(lambda: V("1.0.0").bump("build")), "bump bad part")
# ranges
T = [("1.2.3", ">=1.2.3", True), ("1.2.2", ">=1.2.3", False), ("1.2.3", ">1.2.3", False), ("1.2.4", ">1.2.3", True),
     ("1.2.3", "<=1.2.3", True), ("1.2.3", "<1.2.3", False), ("1.2.3", "=1.2.3", True), ("1.2.3", "1.2.3", True), ("1.2.3+b", "1.2.3", True),
     ("1.5.0", ">=1.2.3 <2.0.0", True), ("2.0.0", ">=1.2.3 <2.0.0", False), ("1.5.0", ">= 1.2.3  < 2.0.0", True),
     ("3.1.0", "1.x || >=3.0.0", True), ("2.5.0", "1.x || >=3.0.0", False), ("1.9.9", "1.x || >=3.0.0", True),
     ("1.2.3", "^1.2.3", True), ("1.9.0", "^1.2.3", True), ("2.0.0", "^1.2.3", False), ("1.2.2", "^1.2.3", False),
     ("0.2.5", "^0.2.3", True), ("0.3.0", "^0.2.3", False), ("0.0.3", "^0.0.3", True), ("0.0.4", "^0.0.3", False),
     ("1.2.9", "~1.2.3", True), ("1.3.0", "~1.2.3", False), ("0.2.9", "~0.2.3", True), ("1.2.2", "~1.2.3", False),
     ("5.0.0", "*", True), ("0.0.0", "x", True), ("7.7.7", "X", True), ("1.0.0", "1", True), ("2.0.0", "1", False),
     ("1.4.0", "1.*", True), ("1.2.0", "1.2", True), ("1.2.9", "1.2.x", True), ("1.3.0", "1.2.*", False), ("1.1.9", "1.2.x", False),
     ("1.2.3-beta.2", ">=1.2.3-beta.1", True), ("1.2.3-alpha", ">=1.2.3-beta.1", False), ("1.2.4-beta.2", ">=1.2.3-beta.1", False),
     ("1.2.3-beta.2", ">=1.2.0", False), ("2.0.0-rc.1", "^1.0.0", False), ("1.2.3-rc.2", "^1.2.3-rc.1", True),
     ("1.2.3-rc.2", "~1.2.3-rc.1", True), ("1.2.4-rc.2", "^1.2.3-rc.1", False), ("1.2.3-rc.1", "*", False),
     ("1.2.3-rc.1", ">=1.0.0 <=1.2.3-rc.5", True), ("1.2.3-rc.1", "1.x || >=1.2.3-rc.0 <1.3.0", True),
     ("1.2.3-rc.1", "1.2.3-rc.1", True), ("0.1.0", "<1.0.0 >0.0.9", True), ("1.0.0", "1.0.0 || 2.0.0", True), ("3.0.0", "1.0.0 || 2.0.0", False)]
for v, r, want in T:
    try: got = satisfies(v, r)
    except Exception as e: got = repr(e)
    check(got is want, "satisfies(%r, %r) = %r, want %r" % (v, r, got, want))
check(satisfies(V("1.5.0"), "^1.0.0") is True, "satisfies with a Version")
for r in ["", "   ", "1.0.0 ||", "|| 1.0.0", ">>1.0.0", "~>1.0.0", "^1.2", ">=1.2", "1.2.3.4", "abc", ">=01.0.0", "1.x.3", "!1.0.0"]:
    check(raises(satisfies, "1.0.0", r), "satisfies(.., %r) must raise ValueError" % r)
check(raises(satisfies, "1.0", "*"), "bad version string")
print("failures:", fails)
sys.exit(1 if fails else 0)
