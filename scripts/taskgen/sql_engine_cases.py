#!/usr/bin/env python3
"""Generate the hidden test cases of the sql-engine family: random schemas, data and queries per
feature level; the expected output of every case comes from SQLite (Python's sqlite3)."""
import json, os, random, sqlite3, subprocess, sys

OUT = sys.argv[1]          # tasks/sql-engine
REF = sys.argv[2]          # the reference minisql.py, checked against SQLite on every case

NAMES = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kim", "lu", "max", "ned", "ola",
         "pia", "quin", "rae", "sam", "tia", "uma", "vic", "wes", "xia", "yan", "zoe", "Al", "Bea", "o'hara"]
CITIES = ["Oslo", "Lima", "Kyiv", "Pune", "Quito", "Riga", None]


def data(rng, n_emp):
    depts = [(i, "d%d" % i, rng.choice(CITIES)) for i in range(1, 7)]
    emps = []
    for i in range(1, n_emp + 1):
        emps.append((i, rng.choice(NAMES) + str(rng.randint(0, 9)) if rng.random() < 0.5 else rng.choice(NAMES),
                     rng.choice([1, 2, 3, 4, 5, 9, None]), rng.choice([None] + list(range(30, 200, 7))),
                     rng.choice([None] + list(range(1, max(2, i)))), rng.randint(-5, 40)))
    projs = [(i, rng.randint(1, n_emp + 3), "p" + rng.choice("abcdefg"), rng.choice([None, 1, 2, 5, 8, 13]))
             for i in range(1, n_emp // 2 + 3)]
    return depts, emps, projs


def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + v.replace("'", "''") + "'"


def setup(rng, n_emp, level):
    depts, emps, projs = data(rng, n_emp)
    s = ["CREATE TABLE dept (id INTEGER, name TEXT, city TEXT)",
         "CREATE TABLE emp (id INTEGER, name TEXT, dept_id INTEGER, salary INTEGER, boss INTEGER, age INTEGER)",
         "CREATE TABLE proj (id INTEGER, emp_id INTEGER, title TEXT, hours INTEGER)"]
    for t, rows in (("dept", depts), ("emp", emps), ("proj", projs)):
        if level >= 1 and rng.random() < 0.5:
            s.append("INSERT INTO %s VALUES %s" % (t, ", ".join("(" + ", ".join(map(lit, r)) + ")" for r in rows)))
        else:
            s += ["INSERT INTO %s VALUES (%s)" % (t, ", ".join(map(lit, r))) for r in rows]
    return s


def pick(rng, *xs):
    return rng.choice(xs)


def cond1(rng, a="emp"):
    p = a + "." if rng.random() < 0.3 else ""
    c = pick(rng,
             "%ssalary > %d" % (p, rng.randint(30, 200)), "%sage <= %d" % (p, rng.randint(-5, 40)),
             "%sdept_id = %d" % (p, rng.randint(1, 9)), "%sdept_id != %d" % (p, rng.randint(1, 5)),
             "%sboss IS NULL" % p, "%ssalary IS NOT NULL" % p, "%sname LIKE '%s%%'" % (p, rng.choice("abcdeAB")),
             "%sname LIKE '%%%d'" % (p, rng.randint(0, 9)), "%sname LIKE '_o%%'" % p,
             "%ssalary BETWEEN %d AND %d" % (p, rng.randint(30, 100), rng.randint(100, 200)),
             "%sdept_id IN (%d, %d, NULL)" % (p, rng.randint(1, 5), rng.randint(1, 5)),
             "%sdept_id NOT IN (%d, %d)" % (p, rng.randint(1, 5), rng.randint(1, 5)),
             "%ssalary * 2 - %sage > %d" % (p, p, rng.randint(50, 300)), "%sage %% 3 = %d" % (p, rng.randint(0, 2)),
             "%ssalary / 7 > %d" % (p, rng.randint(5, 25)), "%sboss = %sdept_id" % (p, p),
             "%sname = 'o''hara'" % p, "length(%sname) > %d" % (p, rng.randint(2, 4)),
             "NOT (%ssalary < %d)" % (p, rng.randint(30, 200)))
    return c


def where(rng, a="emp"):
    c = cond1(rng, a)
    for _ in range(rng.randint(0, 2)):
        c = "(%s) %s %s" % (c, pick(rng, "AND", "OR"), cond1(rng, a))
    return c


def q_select(rng):
    cols = pick(rng, "*", "id, name", "name, salary, age", "id, salary * 2 + 1, age - 3",
                "upper(name), lower(name), length(name)", "coalesce(salary, -1), abs(age), name || '@' || id",
                "id, salary / 3, salary % 7, -age", "DISTINCT dept_id", "DISTINCT boss IS NULL, dept_id > 3",
                "id, CASE WHEN salary > 100 THEN 'hi' WHEN salary > 50 THEN 'mid' ELSE 'lo' END")
    q = "SELECT %s FROM emp" % cols
    if rng.random() < 0.8:
        q += " WHERE " + where(rng)
    ordered = False
    if rng.random() < 0.7 and not cols.startswith("DISTINCT"):
        keys = rng.sample(["salary", "age", "name", "dept_id DESC", "boss", "salary DESC", "age DESC"], rng.randint(1, 2))
        q += " ORDER BY %s, id" % ", ".join(keys)
        ordered = True
        if rng.random() < 0.5:
            q += " LIMIT %d" % rng.randint(0, 8)
            if rng.random() < 0.5:
                q += " OFFSET %d" % rng.randint(0, 5)
    return q, ordered


def q_join(rng):
    kind = pick(rng, "JOIN", "LEFT JOIN", "comma")
    if kind == "comma":
        q = "SELECT e.name, d.name, d.city FROM emp e, dept d WHERE e.dept_id = d.id"
        if rng.random() < 0.6:
            q += " AND " + cond1(rng, "e")
    elif rng.random() < 0.5:
        q = "SELECT e.id, e.name, d.city FROM emp AS e %s dept AS d ON e.dept_id = d.id" % kind
        if rng.random() < 0.6:
            q += " WHERE " + where(rng, "e")
    else:
        q = ("SELECT e.name, p.title, p.hours, d.name FROM emp e %s proj p ON p.emp_id = e.id %s dept d ON d.id = e.dept_id"
             % (kind, pick(rng, "JOIN", "LEFT JOIN")))
        if rng.random() < 0.5:
            q += " WHERE p.hours IS NOT NULL OR e.salary > %d" % rng.randint(50, 150)
    if rng.random() < 0.3:
        q = q.replace("SELECT e.name, d.name", "SELECT e.name, b.name AS boss_name, d.name").replace(
            "FROM emp e,", "FROM emp e LEFT JOIN emp b ON b.id = e.boss,")
    return q, False


def q_group(rng):
    g = pick(rng, "dept_id", "boss IS NULL", "age % 4", "dept_id, age > 20")
    aggs = rng.sample(["COUNT(*)", "COUNT(salary)", "SUM(salary)", "MIN(age)", "MAX(name)", "COUNT(DISTINCT boss)",
                       "SUM(age * 2)", "MAX(salary) - MIN(salary)"], rng.randint(1, 3))
    q = "SELECT %s, %s FROM emp" % (g, ", ".join(aggs))
    if rng.random() < 0.5:
        q += " WHERE " + where(rng)
    q += " GROUP BY " + g
    if rng.random() < 0.5:
        q += " HAVING COUNT(*) > %d" % rng.randint(0, 4)
    if rng.random() < 0.5:
        q += " ORDER BY %s DESC, %s" % (aggs[0], g)
        return q, True
    return q, False


def q_joingroup(rng):
    q = pick(rng,
             "SELECT d.name, COUNT(e.id), SUM(e.salary) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.id",
             "SELECT e.name, COUNT(p.id), MAX(p.hours) FROM emp e LEFT JOIN proj p ON p.emp_id = e.id GROUP BY e.id HAVING COUNT(p.id) > 0",
             "SELECT d.city, COUNT(*) FROM emp e JOIN dept d ON d.id = e.dept_id GROUP BY d.city",
             "SELECT p.title, SUM(p.hours), COUNT(DISTINCT p.emp_id) FROM proj p JOIN emp e ON e.id = p.emp_id GROUP BY p.title",
             "SELECT COUNT(*), SUM(salary), MIN(name) FROM emp WHERE salary > 1000")
    return q, False


def q_agg_plain(rng):
    return "SELECT COUNT(*), COUNT(boss), MIN(salary), MAX(salary), SUM(age) FROM emp WHERE " + where(rng), True


def q_sub(rng):
    q = pick(rng,
             "SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE city = '%s')" % rng.choice(CITIES[:-1]),
             "SELECT name FROM emp WHERE dept_id NOT IN (SELECT id FROM dept WHERE city IS NOT NULL)",
             "SELECT name, salary FROM emp WHERE salary > (SELECT MIN(salary) + %d FROM emp)" % rng.randint(10, 90),
             "SELECT e.name FROM emp e WHERE EXISTS (SELECT 1 FROM proj p WHERE p.emp_id = e.id AND p.hours > %d)" % rng.randint(1, 8),
             "SELECT e.name FROM emp e WHERE NOT EXISTS (SELECT 1 FROM proj p WHERE p.emp_id = e.id)",
             "SELECT e.name, (SELECT COUNT(*) FROM proj p WHERE p.emp_id = e.id) FROM emp e",
             "SELECT e.name FROM emp e WHERE e.salary > (SELECT MAX(x.salary) FROM emp x WHERE x.dept_id = e.dept_id) - %d" % rng.randint(5, 40),
             "SELECT name, CASE dept_id WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM emp WHERE age > %d" % rng.randint(0, 30),
             "SELECT t.d, t.n FROM (SELECT dept_id AS d, COUNT(*) AS n FROM emp GROUP BY dept_id) AS t WHERE t.n > %d" % rng.randint(1, 4),
             "SELECT name FROM emp WHERE boss IN (SELECT id FROM emp WHERE age > %d)" % rng.randint(0, 30))
    if rng.random() < 0.4:
        return q + (" ORDER BY 1, 2" if q.startswith("SELECT t.d") else " ORDER BY 1, name"), True
    return q, False


def dml(rng):
    return pick(rng,
                "UPDATE emp SET salary = salary + %d WHERE %s" % (rng.randint(1, 50), where(rng)),
                "UPDATE emp SET boss = NULL, age = age + 1 WHERE dept_id = %d" % rng.randint(1, 5),
                "DELETE FROM emp WHERE %s" % where(rng),
                "DELETE FROM proj WHERE hours IS NULL",
                "INSERT INTO proj (id, emp_id, title) SELECT id + 100, id, 'p' || name FROM emp WHERE age > %d" % rng.randint(10, 35),
                "INSERT INTO dept (id, name) VALUES (%d, 'new')" % rng.randint(7, 99),
                "UPDATE emp SET name = upper(name) WHERE name LIKE '%s%%'" % rng.choice("abc"))


def errors(rng):
    return pick(rng, "SELECT nope FROM emp", "SELECT * FROM missing", "INSERT INTO missing VALUES (1)",
                "SELECT id FROM emp e JOIN dept d ON d.id = e.dept_id", "SELEC 1", "UPDATE emp SET nope = 1")


def sqlite_run(stmts, conn):
    blocks = []
    for s in stmts:
        try:
            cur = conn.execute(s)
            rows = cur.fetchall()
            if s.lstrip().upper().startswith("SELECT"):
                blocks.append(["|".join("NULL" if v is None else str(v) for v in r) for r in rows])
        except sqlite3.Error:
            blocks.append("error")
    return blocks


def case(rng, level, n_emp=None):
    n_emp = n_emp or rng.randint(8, 30)
    stmts = setup(rng, n_emp, level)
    ordered = []
    gens = [q_select]
    if level >= 2:
        gens += [q_join, q_group, q_joingroup, q_agg_plain]
    if level >= 3:
        gens += [q_sub, q_sub]
    n = rng.randint(6, 12)
    for _ in range(n):
        if level >= 3 and rng.random() < 0.3:
            stmts.append(dml(rng))
            if rng.random() < 0.25:
                stmts.append(errors(rng))
                ordered.append(None)
            continue
        q, o = rng.choice(gens)(rng)
        stmts.append(q)
        ordered.append(o)
    if level >= 3:
        stmts.append("SELECT * FROM emp ORDER BY id")
        ordered.append(True)
    return stmts


def render(stmts):
    return ";\n".join(stmts) + ";\n"


def expected(stmts):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    return sqlite_run(stmts, conn)


def is_ordered(s):
    return " ORDER BY " in s.split("FROM (")[0] or (" ORDER BY " in s and "FROM (" not in s)


def ref_blocks(sql, db=None):
    r = subprocess.run([sys.executable, REF] + ([db] if db else []), input=sql, capture_output=True, text=True, timeout=60)
    return r.stdout


def run_expect(runs):
    """Expected output per run: a list of items, each {"rows": [...], "ordered": bool} or {"error": true}."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    out = []
    for stmts in runs:
        items = []
        for s in stmts:
            is_sel = s.lstrip().upper().startswith("SELECT")
            try:
                rows = conn.execute(s).fetchall()
                if is_sel:
                    items.append({"rows": ["|".join("NULL" if v is None else str(v) for v in r) for r in rows],
                                  "ordered": is_ordered(s)})
            except sqlite3.Error:
                items.append({"error": True})
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # a run that ends inside a transaction loses it
        out.append({"sql": render(stmts), "expect": items})
    return out


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    levels = {"select": (1, 25), "joins-groups": (2, 30), "full": (3, 30), "durable": (4, 16)}
    for task, (level, ncases) in levels.items():
        rng = random.Random("sql-" + task)
        d = os.path.join(OUT, task, "tests", "cases")
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
        for i in range(ncases):
            if level <= 3:
                runs = [case(rng, level)]
            else:
                runs = durable_case(rng)
            json.dump(run_expect(runs), open(os.path.join(d, "c%03d.json" % i), "w"), indent=1)
        if level >= 3:
            json.dump(run_expect([perf_case(rng)]), open(os.path.join(d, "perf.json"), "w"))


def perf_case(rng):
    n = 20000
    s = ["CREATE TABLE big (k INTEGER, v TEXT, g INTEGER)"]
    keys = list(range(n))
    rng.shuffle(keys)
    for i in range(0, n, 1000):
        s.append("INSERT INTO big VALUES " + ", ".join("(%d, 'v%d', %d)" % (k, k * 7 % 1000, k % 13) for k in keys[i:i + 1000]))
    s.append("CREATE INDEX big_k ON big (k)")
    for _ in range(1500):
        s.append("SELECT v, g FROM big WHERE k = %d" % rng.randint(-10, n + 10))
    s.append("CREATE UNIQUE INDEX big_u ON big (v)")
    s.append("SELECT COUNT(*) FROM big WHERE g = 3")
    return s


def durable_case(rng):
    """Several runs on one database file: transactions, rollback, persistence, DROP."""
    base = setup(rng, rng.randint(6, 15), 4)
    runs = [base + ["SELECT COUNT(*) FROM emp"]]
    for _ in range(rng.randint(2, 4)):
        stmts = []
        for _ in range(rng.randint(2, 5)):
            r = rng.random()
            if r < 0.3:
                stmts += ["BEGIN", dml(rng), dml(rng), q_select(rng)[0], pick(rng, "COMMIT", "ROLLBACK")]
            elif r < 0.4:
                stmts += ["BEGIN", dml(rng), "SELECT COUNT(*) FROM emp", "ROLLBACK", "SELECT COUNT(*) FROM emp"]
            elif r < 0.5:
                stmts += [pick(rng, "COMMIT", "ROLLBACK")]  # error: no transaction
            elif r < 0.6:
                stmts += ["CREATE TABLE tmp (a INTEGER, b TEXT)", "INSERT INTO tmp VALUES (1, 'x'), (2, NULL)",
                          "SELECT * FROM tmp ORDER BY a", "DROP TABLE tmp", "SELECT * FROM tmp"]
            elif r < 0.7:
                stmts += ["CREATE UNIQUE INDEX u_id ON emp (id)", "INSERT INTO emp (id, name) VALUES (1, 'dup')",
                          "SELECT COUNT(*) FROM emp WHERE name = 'dup'", "DROP INDEX u_id"]
            else:
                stmts.append(dml(rng))
            stmts.append(q_select(rng)[0] if rng.random() < 0.5 else q_sub(rng)[0])
        stmts.append("SELECT * FROM emp ORDER BY id")
        if rng.random() < 0.4:
            stmts += ["BEGIN", dml(rng), "SELECT * FROM emp ORDER BY id"]  # left open: lost when the run ends
        runs.append(stmts)
    return runs


if __name__ == "__main__":
    main()
