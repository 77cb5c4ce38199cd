import json, os, shutil, sys
CAT = sys.argv[1]
FAM = os.path.join(CAT, "sql-engine")
common = """# minisql: a small SQL engine

Write `minisql`, an executable in the workspace (any language installed here: C with a `Makefile`
that builds `./minisql`, or a script with a `#!` line; Python's `sqlite3` module and any other
SQL library are off limits: the engine is the job).

`./minisql [DBFILE] < script.sql` reads SQL statements separated by `;` from standard input and
executes them in order.  Output, on standard output:

- for every `SELECT`, its rows, one per line, the values joined by `|`, `NULL` for a null, integers in
  decimal, text as it is; then a line `--` (also after a SELECT with no rows);
- for every statement that fails (unknown table or column, syntax error, constraint violation, ...), one
  line starting with `error:` (the rest of the line is free); the statement has no effect and the next
  one runs.  Nothing else is printed.  Exit status 0 at the end of the input.

Semantics are SQLite's (version 3.40, as in `python3 -c 'import sqlite3'`), restricted to what is listed
below; the hidden tests compare your output with SQLite's on generated schemas, data and queries.  Values
are integers, text and NULL (no real numbers: `/` and `%` on integers truncate toward zero as in SQLite;
`x / 0` is NULL).  Rows of a query without `ORDER BY` may come in any order; with `ORDER BY`, in
SQLite's order (NULL first ascending, integers before text, text compared byte by byte).  Keywords are
case-insensitive; identifiers are case-insensitive; strings use single quotes (`''` is a quote); `--`
starts a comment to the end of the line.

## Features

"""
feats = {
1: """- `CREATE TABLE t (col TYPE, ...)` with types `INTEGER` and `TEXT` (a value is stored as given);
  `INSERT INTO t VALUES (...), (...)` and `INSERT INTO t (cols) VALUES ...` (missing columns are NULL).
- `SELECT [DISTINCT] exprs | * FROM t [WHERE e] [ORDER BY e [ASC|DESC], ...] [LIMIT n [OFFSET m]]`, a
  column alias with or without `AS`, `ORDER BY` by expression, output alias or column number.
- Expressions: integer and string literals, `NULL`, columns (`c` or `t.c`), `+ - * / %`, unary `-`, `||`,
  `= == != <> < <= > >=`, `AND OR NOT` with SQL's three-valued logic, `IS [NOT] NULL`, `[NOT] BETWEEN`,
  `[NOT] IN (list)`, `[NOT] LIKE` (`%` and `_`, case-insensitive for ASCII), `CASE WHEN ... THEN ...
  [ELSE ...] END` and `CASE x WHEN ...`, parentheses, and the functions `length upper lower abs coalesce`.
""",
2: """- Joins: `FROM a, b`, `[INNER] JOIN ... ON`, `LEFT [OUTER] JOIN ... ON`, several in one query, table
  aliases (`emp e`, `emp AS e`), a table joined with itself, `t.*`.
- Aggregates `COUNT(*)`, `COUNT(e)`, `COUNT(DISTINCT e)`, `SUM`, `MIN`, `MAX` (ignoring NULLs; SUM of no
  value is NULL), with or without `GROUP BY e, ...` and `HAVING e`; an aggregate query without GROUP BY
  over no rows gives one row.
""",
3: """- `UPDATE t SET c = e, ... [WHERE e]`, `DELETE FROM t [WHERE e]`, `INSERT INTO t [(cols)] SELECT ...`.
- Subqueries: `e [NOT] IN (SELECT ...)` (with SQL's NULL rules), scalar `(SELECT ...)` (NULL when it has no
  row), `[NOT] EXISTS (SELECT ...)`, correlated subqueries that refer to the outer query's columns, and a
  subquery in `FROM` (`FROM (SELECT ...) AS t`).
- `CREATE [UNIQUE] INDEX name ON t (col)`: a unique index refuses duplicate values (`error:`, the
  statement changes nothing).  Indexes must make equality lookups fast: one test creates a 20,000-row
  table, an index on its key, then runs 1,500 `SELECT ... WHERE k = <constant>` queries, and the whole
  script must finish within 20 CPU seconds (a full scan per query does not).
""",
4: """- `DROP TABLE t`, `DROP INDEX name`.
- Persistence: with `DBFILE`, the database is loaded from that file at start (a missing file is an empty
  database) and what was committed is there for the next run (the tests run several scripts one after
  the other on the same file).  The file's format is yours.
- Transactions: `BEGIN [TRANSACTION]`, `COMMIT`, `ROLLBACK`; outside a transaction every statement commits
  on its own.  `ROLLBACK` undoes everything since `BEGIN`; `COMMIT`/`ROLLBACK` without a transaction and
  `BEGIN` inside one are errors.  A transaction still open at the end of the input is lost (as if the
  process had crashed).
""",
}
levels = {
 "select": (1, 480, "Write a single-table SQL engine (CREATE, INSERT, SELECT with WHERE, ORDER BY, LIMIT, DISTINCT, CASE, LIKE, NULL logic) matched against SQLite",
   "estimate from the reference solution (a Python engine; this level uses about 550 of its lines: lexer, recursive-descent parser, expression evaluator, single-table select) and the feature list: reading the spec and SQLite's NULL and ordering rules 0.5 h, lexer 0.5 h, parser for statements and expressions with precedence 2 h, evaluator with three-valued logic, LIKE, CASE, integer division 1.5 h, select pipeline (filter, distinct, order by alias/number, limit/offset) 1 h, writing own tests against sqlite3 and fixing mismatches 2.5 h: about 8 h"),
 "joins-groups": (2, 900, "Write a SQL engine with joins (inner, left, self), GROUP BY, HAVING and aggregates, matched against SQLite",
   "estimate: the select level (about 8 h) plus joins with aliases and left-join null rows 2 h, grouping with HAVING, COUNT DISTINCT and the empty-input aggregate row 2.5 h, name resolution (ambiguous and qualified columns) 1 h, more differential testing against sqlite3 and fixing 1.5 h: about 15 h; the reference uses about 700 lines"),
 "full": (3, 1560, "Write a SQL engine with DML, correlated subqueries, derived tables and indexes fast enough for 1,500 point lookups, matched against SQLite",
   "estimate: the joins level (about 15 h) plus UPDATE/DELETE/INSERT-SELECT with atomic failure 2 h, subqueries (IN with NULL rules, scalar, EXISTS, correlated scopes, FROM subqueries) 4 h, unique and lookup indexes kept in step with changes and used by the planner 3 h, error handling per statement 1 h, differential testing 1 h: about 26 h; the whole reference is about 900 lines of Python (this level uses nearly all of it), and a C implementation (the usual choice for speed) would be 2 to 3 times that"),
 "durable": (4, 2520, "Write a persistent SQL engine: everything of the full level plus a database file, BEGIN/COMMIT/ROLLBACK and DROP, matched against SQLite across runs",
   "estimate: the full level (about 26 h) plus a file format and loading 3 h, atomic saving (new file, fsync, rename) so a crash never leaves a half-written database 2 h, transactions with rollback of data and indexes and their error rules 4 h, DROP TABLE/INDEX 0.5 h, multi-run test harness of one's own and fixing 4.5 h: about 40 h, a working week; grounded in the reference (about 900 lines of Python) and the feature count (about 45 listed features)"),
}
for name, (level, minutes, summary, notes) in levels.items():
    d = os.path.join(FAM, name)
    for sub in ("workspace", "solution"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    ins = common + "".join(feats[k] for k in range(1, level + 1))
    if level < 4:
        ins += "\nThe `DBFILE` argument is not used at this level (the tests never pass one).\n"
    ins += """
## Example

```
$ printf "CREATE TABLE t (a INTEGER, b TEXT);\\nINSERT INTO t VALUES (2, 'x'), (1, NULL);\\nSELECT b, a * 10 FROM t ORDER BY a;\\nSELECT nope FROM t;\\n" | ./minisql
NULL|10
x|20
--
error: no such column: nope
```

The hidden tests use tables like `emp(id, name, dept_id, salary, boss, age)`, `dept(id, name, city)` and
`proj(id, emp_id, title, hours)` with NULLs in most columns.  Check yourself against `sqlite3`
(`python3 -c "import sqlite3"` is there for testing; your engine must not use it).
"""
    open(os.path.join(d, "instructions.md"), "w").write(ins)
    open(os.path.join(d, "workspace", "README.md"), "w").write("Put minisql here (see the instructions).\n")
    shutil.copy("/tmp/taskgen/minisql.py", os.path.join(d, "solution", "minisql.py"))
    open(os.path.join(d, "solution", "solve.sh"), "w").write("""#!/bin/bash
# Reference solution: a Python 3 SQL engine (lexer, recursive-descent parser, evaluator with SQLite's
# NULL and ordering rules, hash-map indexes, JSON database file replaced atomically), installed as ./minisql.
set -e
cp "$(dirname "$0")/minisql.py" minisql
chmod +x minisql
""")
    os.chmod(os.path.join(d, "solution", "solve.sh"), 0o755)
    t = {"id": "sql-engine/" + name, "family": "sql-engine", "domain": "software", "version": 1, "summary": summary,
         "human_minutes": minutes, "human_source": "estimate", "human_notes": notes,
         "time_limit_s": max(3600, minutes * 60 * 10 // 10 * 3),
         "scorer": {"kind": "json", "command": ["python3", "{tests}/run_sql.py"], "timeout_s": 300},
         "resources": {"memory_mb": 4096, "processes": 64}, "network": "none",
         "requires": ["python3", "make"], "tags": ["sql", "database", "parsing", "long", "from-scratch"]}
    json.dump(t, open(os.path.join(d, "task.json"), "w"), indent=2)
    open(os.path.join(d, "task.json"), "a").write("\n")
