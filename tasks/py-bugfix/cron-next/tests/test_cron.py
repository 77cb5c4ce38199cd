import datetime as D, os, random, sys
sys.path.insert(0, os.getcwd())
import cronexpr
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        if fails <= 20: print("FAIL:", what)
# --- an independent model ---------------------------------------------------
MON = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(); DOW = "SUN MON TUE WED THU FRI SAT".split()
MAC = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}
def mfield(text, lo, hi, names):
    out = set()
    for item in text.split(","):
        base, _, st = item.partition("/")
        step = int(st) if st else 1
        def val(x):
            if names and x.upper() in names: return names.index(x.upper()) + (1 if names is MON else 0)
            return int(x)
        if base == "*": a, b = lo, hi
        elif "-" in base: a, b = map(val, base.split("-"))
        else: a = val(base); b = hi if st else a
        out |= set(range(a, b + 1, step))
    if names is DOW and 7 in out: out.discard(7); out.add(0)
    return out
def model(expr):
    expr = MAC.get(expr.strip().lower(), expr); f = expr.split()
    mi, h, dom, mo, dow = [mfield(x, lo, hi, n) for x, (lo, hi, n) in zip(f, [(0, 59, None), (0, 23, None), (1, 31, None), (1, 12, MON), (0, 7, DOW)])]
    ds, ws = f[2].startswith("*"), f[4].startswith("*")
    def day_ok(d):
        if d.month not in mo: return False
        a, b = d.day in dom, (d.weekday() + 1) % 7 in dow
        return (a and b) if (ds or ws) else (a or b)
    def nxt(t):
        t = t.replace(second=0, microsecond=0) + D.timedelta(minutes=1)
        day = t.date(); first = True
        for _ in range(366 * 8):
            if day_ok(day):
                for hh in sorted(h):
                    for mm in sorted(mi):
                        c = D.datetime(day.year, day.month, day.day, hh, mm)
                        if c >= t: return c
            day += D.timedelta(days=1)
        return None
    return day_ok, (lambda t: day_ok(t) and t.hour in h and t.minute in mi), nxt
EXPRS = ["* * * * *", "*/15 * * * *", "0 9-17 * * MON-FRI", "30 2 * * 7", "30 2 * * 0", "0 0 1 * *", "0 0 * * sun", "5 4 * * Sat,sun",
         "0 12 15 * 1", "0 12 15 * *", "0 12 * * 1", "0 0 31 * *", "0 0 29 2 *", "0 0 29 2 1", "1-10/3 * * * *", "10/20 8 * * *",
         "0 0/6 * * *", "0 0 1 jan,Jul *", "0 0 * feb-apr */2", "59 23 31 12 *", "@hourly", "@daily", "@weekly", "@monthly", "@yearly",
         "@ANNUALLY", "0 0 * * 5-7", "*/7 */5 */3 */2 */3", "0 0 1-7 * 1", "45 * 10-20/5 * *", "0 3 * * 1-5/2", "0 0 13 * 5",
         "*/1 0 1 1 *", "0,30 6,18 * * *", "15 10 L * *".replace("L", "28-31")]
rng = random.Random(2026)
starts = [D.datetime(2026, 1, 1, 0, 0), D.datetime(2026, 2, 28, 23, 59, 30), D.datetime(2027, 12, 31, 23, 59), D.datetime(2028, 2, 28, 12, 0),
          D.datetime(2026, 6, 15, 9, 0, 0), D.datetime(2026, 6, 15, 8, 59, 59, 999)]
starts += [D.datetime(2026, 1, 1) + D.timedelta(minutes=rng.randrange(3 * 366 * 24 * 60), seconds=rng.randrange(60)) for _ in range(6)]
for e in EXPRS:
    try: c = cronexpr.CronExpr(e)
    except Exception as ex: check(False, "CronExpr(%r) raised %r" % (e, ex)); continue
    day_ok, match, nxt = model(e)
    for s in starts:
        want = nxt(s)
        try: got = c.next_after(s)
        except Exception as ex: got = repr(ex)
        check(got == want, "%r next_after(%s) = %s, want %s" % (e, s, got, want))
    for k in range(40):
        t = D.datetime(2026, 1, 1) + D.timedelta(minutes=rng.randrange(2 * 366 * 24 * 60), seconds=rng.randrange(60))
        if k % 4 == 0 and nxt(t): t = nxt(t) + D.timedelta(seconds=rng.randrange(60))
        try: got = c.matches(t)
        except Exception as ex: got = repr(ex)
        check(got == match(t), "%r matches(%s) = %r, want %r" % (e, t, got, match(t)))
# chaining next_after enumerates consecutive firings
c = cronexpr.CronExpr("*/20 23 * * *"); t = D.datetime(2026, 3, 1, 22, 0); seq = []
for _ in range(5): t = c.next_after(t); seq.append(t.strftime("%d %H:%M"))
check(seq == ["01 23:00", "01 23:20", "01 23:40", "02 23:00", "02 23:20"], "chain %r" % seq)
try:
    cronexpr.CronExpr("0 0 30 2 *").next_after(D.datetime(2026, 1, 1)); check(False, "Feb 30 must raise ValueError")
except ValueError: pass
for bad in ["* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *", "* * * 13 *", "* * * 0 *", "* * * * 8",
            "5-1 * * * *", "*/0 * * * *", "a * * * *", "1,,2 * * * *", "* * * FOO *", "1-2-3 * * * *", "-1 * * * *", "@never", ""]:
    try:
        cronexpr.CronExpr(bad); check(False, "CronExpr(%r) should raise ValueError" % bad)
    except ValueError: pass
    except Exception as ex: check(False, "CronExpr(%r) raised %r, want ValueError" % (bad, ex))
print("failures:", fails)
sys.exit(1 if fails else 0)
