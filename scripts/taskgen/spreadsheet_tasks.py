#!/usr/bin/env python3
"""Writes the spreadsheet family: python3 spreadsheet_tasks.py CATALOG [LEVEL...]
(sources in scripts/taskgen/spreadsheet/: sheet.py, the reference engine; sheet_cases.py, the
hidden cases of each level with a second, independent evaluation; run_sheet.py, the scorer)."""
import os, subprocess, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lib import task  # noqa: E402

SRC = os.path.join(HERE, "spreadsheet")
read = lambda f: open(os.path.join(SRC, f)).read()
CAT = sys.argv[1]

HEAD = """# A spreadsheet engine ({title})

Write `sheet`, an executable in the workspace root (a script with a `#!` line, or a binary: if the
workspace has `build.sh`, the scorer runs `bash build.sh` first).  Any language installed here;
no spreadsheet or formula library (and no `eval` of formulas by a host language: the parser and
evaluator are the job).

`./sheet < commands.txt` reads commands, one per line, from standard input and writes what the
`print` commands ask for on standard output; nothing else is printed.  Exit status 0 at the end of
the input.  Blank lines and lines starting with `#` are ignored.  A command that cannot be carried
out (unknown command, malformed cell name or argument) prints one line `error: line N` (N is the
line number in the input, from 1) and has no effect.

## Cells and commands

Cells are named by a column, `A` to `Z` then `AA` to `ZZ` (702 columns), and a row, 1 to 99999:
`B7`, `AA10`.  A range `A1:C3` is the rectangle between two cells (either corner order).

- `set CELL INPUT`: INPUT is the rest of the line after one space, exactly.  If it starts with `=` it
  is a formula; if it is a number (optional sign, digits, optional fraction, optional exponent, as
  `-12`, `3.5`, `.5`, `1e3`) the cell holds that number; otherwise the cell holds the text.  An empty
  INPUT empties the cell.
- `print CELL` or `print RANGE`: one line per row of the range, the values of its cells separated by
  one tab, in column order (an empty cell prints as nothing; the line of an empty row is made of tabs).
{more_cmds}
## Values

A cell's value is a number, a text, a logical (TRUE/FALSE), an error, or nothing (an empty cell).
Numbers are IEEE doubles, printed like C's `printf("%.10g")` (`-0` prints as `0`): `1/3` prints
`0.3333333333`, `1e20` prints `1e+20`, `2.50` prints `2.5`.  Values are computed when printed, from
the current contents of the sheet: every print shows what the formulas give now.

## Formulas

{formulas}
"""

F1 = """- Numbers (as above, without sign: a leading `-` is the negation operator), references to cells,
  parentheses, the binary operators `+ - * /` (`*` and `/` bind tighter than `+` and `-`; all are
  left-associative) and unary `-` and `+` (bind tighter than everything).  Spaces between tokens are
  ignored.  Cell names in formulas may be written in lower case.
- A reference to an empty cell is 0.  The hidden tests of this level never divide by zero, never make
  a cycle, and only use numbers and formulas.
"""

F2 = """- Ranges appear only as function arguments.  Functions (names case-insensitive): `SUM`, `MIN`, `MAX`,
  `AVERAGE`, `COUNT`, each with one or more arguments, each a range or an expression.  Of a range, only
  the cells holding numbers count (text, logicals and empty cells are skipped); an expression
  argument is a number (a logical counts as 1 or 0, an empty cell as 0, a text is `#VALUE!`).  `MIN`
  and `MAX` of no numbers are 0; `AVERAGE` of no numbers is `#DIV/0!`; `COUNT` counts the numbers.
- Errors are values: `#DIV/0!` (division by zero), `#NAME?` (unknown function, or a name that is not a
  cell, function, `TRUE` or `FALSE`), `#REF!` (a reference outside the grid, such as `A0` or
  `A100000`, or a range with such an end), `#VALUE!` (an operand of the wrong type), `#PARSE!` (a
  formula that does not parse: the cell's value).  An operation or function whose operand or argument
  is an error gives that error: the first one met, evaluating operands left to right (and, in a range,
  row by row, each row left to right).  A range used where a single value is expected is `#VALUE!`.
"""

F3 = """- Edits: cells may be set again (or emptied, or `clear CELL`) at any time; every print shows the
  values from the current contents.  A cell that reaches itself through the references of its
  formula (its references and ranges, whether or not they are evaluated, directly or through other
  formulas) is on a cycle and its value is `#CYCLE!`; a cell that only uses a cycle's value gets that
  error like any other.
- Text: string literals in double quotes (`""` inside is a quote), the operator `&` (concatenation:
  numbers as they print, logicals as `TRUE`/`FALSE`; a reference to an empty cell is
  the number 0 here too, so it gives `0`), lower than `+ -`.
  Text in `+ - * /` is `#VALUE!` (even when it looks like a number).
- Comparisons `= <> < > <= >=`, the lowest precedence, give logicals.  Numbers compare as numbers,
  texts case-insensitively (by their lower-case form, character codes), logicals FALSE < TRUE; of
  different types, any number < any text < any logical; an empty cell is the number 0.
- `TRUE`, `FALSE`; `IF(cond, a[, b])` (b defaults to FALSE; only the chosen branch is evaluated; a
  text condition is `#VALUE!`), `AND(...)`, `OR(...)` (one or more arguments: logicals or numbers,
  non-zero is TRUE; in a range, numbers and logicals count and other cells are skipped), `NOT(x)`.
"""

F4 = """- References may be absolute by parts: `$A$1`, `A$1`, `$A1`.
- `copy SRC DST` copies the contents (and format) of the cell or range SRC to the range of the same
  size whose top-left cell is DST, cell by cell; a formula's relative parts move by the offset between
  the source and destination cell, absolute parts stay.  A reference that would leave the grid becomes
  `#REF!`.  Copying an empty cell empties the destination.
- `insert row N`, `delete row N`, `insert col C`, `delete col C`: rows at and below N (columns at and
  right of C) move down (right) by one, or up (left) after the deleted one, with their formats.  Every
  reference in every formula follows the cell it points to, whether relative or absolute; a reference
  to a deleted cell becomes `#REF!` (its value: `#REF!`).  A range keeps following its corners, and a
  range that loses one row (column) out of several shrinks; a range made only of the deleted row
  (column) becomes `#REF!:#REF!`, whose value is `#REF!`.
- `formula CELL` prints the cell's input in canonical form: for a formula, `=` and its tokens with no
  spaces (except inside strings), function names and references in upper case, `#REF!` for a broken
  reference, numbers and strings as written; for a number, its value as printed; for a text, the text;
  nothing for an empty cell.  A formula that does not parse prints as it was typed.
- `format CELL|RANGE FORMAT` sets how numbers in those cells print (other values print as usual):
  `general` (the default, `%.10g`), `0`, `0.0`, `0.00`, ... (that many decimals, rounded half away from
  zero), the same with a thousands separator `#,##0`, `#,##0.00`, ..., and the same with `%` at the end
  (`0%`, `0.0%`, `#,##0.0%`: the number times 100, then the sign).  A negative number that rounds to
  zero prints without its sign.  Any other FORMAT is an error line.
"""

F5 = """- Lookups (matching is exact: numbers equal, texts equal ignoring case, never across types; an empty
  cell matches nothing): `VLOOKUP(key, range, col)`: the value in column `col` (from 1) of the first row
  of `range` whose first cell matches `key` (empty: 0); `#N/A` when no row matches, `#REF!` when `col`
  is past the range's width, `#VALUE!` when below 1.  `MATCH(key, range)`: the position (from 1) of the
  first matching cell of a one-row or one-column range, else `#N/A`.  `INDEX(range, row[, col])`: the
  value at that position (from 1; with one number and a one-row range, the number is the column),
  `#REF!` outside the range.
- Text functions: `LEN(t)`, `UPPER(t)`, `LOWER(t)`, `TRIM(t)` (spaces removed at both ends, runs of
  spaces inside made one), `LEFT(t[, n])`, `RIGHT(t[, n])` (n defaults to 1; negative: `#VALUE!`),
  `MID(t, start, n)` (start from 1; start < 1 or n < 0: `#VALUE!`), `CONCAT(...)`: arguments
  converted as `&` does; a fractional count is truncated.
- Dates are serial numbers: day 1 is 1899-12-31, day 0 1899-12-30 (so 2000-01-01 is 36526).
  `DATE(y, m, d)` (fractions truncated; months past 12 or below 1 roll into the years, days past the
  month's end or below 1 roll into the months: `DATE(2024,14,1)` is 2025-02-01, `DATE(2023,3,0)` is
  2023-02-28), `YEAR(s)`, `MONTH(s)`, `DAY(s)` (of the whole part of s; s < 1 is `#VALUE!`), and the
  format `yyyy-mm-dd`.
- Speed: the hidden tests include a chain of 50,000 formulas, each using the one before, followed by
  thousands of edits and prints of cells that depend on a few cells only; each test must finish within
  30 CPU seconds.  Recompute only what an edit affects (and do not recurse 50,000 deep).
"""

CMD3 = "- `clear CELL`: empties the cell.\n"
CMD4 = "- `copy`, `insert`, `delete`, `formula`, `format`: see below.\n"

LEVELS = {
    1: ("arithmetic", 90, "numbers, + - * / with precedence, cell references", [F1], "",
        "Write a spreadsheet engine for numbers, arithmetic with precedence and cell references, printing exact values",
        "estimate: reading the spec 0.2 h, the command reader and cell names 0.3 h, a tokenizer and recursive-descent parser for "
        "four operators with precedence and unary minus 0.5 h, evaluation with references and the %.10g output 0.2 h, testing "
        "against own sheets 0.3 h: about 1.5 h"),
    2: ("functions", 240, "ranges, SUM/MIN/MAX/AVERAGE/COUNT, errors", [F1.replace("The hidden tests of this level never divide by zero, never make\n  a cycle, and only use numbers and formulas.", "The hidden tests of this level never make a cycle and use no text cells."), F2], "",
        "Write a spreadsheet engine with ranges, five aggregate functions and error values (#DIV/0!, #REF!, #NAME?, #VALUE!, #PARSE!) with their propagation rules",
        "estimate: the arithmetic level (about 1.5 h) plus ranges and function calls in the parser 0.5 h, the five aggregates "
        "with their skipping rules 0.5 h, error values, propagation order and the parse-error value 1 h, testing 0.5 h: about 4 h"),
    3: ("recalc", 540, "edits and recalculation, cycles, strings, comparisons, IF/AND/OR/NOT", [F1.replace(" The hidden tests of this level never divide by zero, never make\n  a cycle, and only use numbers and formulas.", ""), F2, F3], CMD3,
        "Write a spreadsheet engine with recalculation after edits, cycle detection, text, comparisons across types and IF/AND/OR/NOT on top of ranges, aggregates and error values",
        "estimate: the functions level (about 4 h) plus a dependency graph with invalidation on edits (or a correct full "
        "recomputation) 1.5 h, static cycle detection that marks exactly the cells on cycles 1.5 h, text values, & and "
        "conversions 0.5 h, comparisons across types and the logical functions with lazy IF 1 h, testing against generated "
        "sheets 0.5 h: about 9 h; the reference's equivalent part is about 450 lines of Python", ["long"]),
    4: ("structure", 960, "absolute references, copy, insert/delete rows and columns, formula text, number formats", [F1.replace(" The hidden tests of this level never divide by zero, never make\n  a cycle, and only use numbers and formulas.", ""), F2, F3, F4], CMD3 + CMD4,
        "Write a spreadsheet engine with absolute references, copy with relative adjustment, row and column insertion and deletion that rewrite every formula, canonical formula text and number formats",
        "estimate: the recalc level (about 9 h) plus absolute reference parts 0.5 h, copy of ranges with offset rewriting "
        "1 h, insert and delete that move cells and rewrite references, broken references and shrinking ranges (the hardest "
        "part to get exactly right) 3 h, canonical formula printing from tokens 0.5 h, number formats with rounding, thousands "
        "separators and percent 1 h, testing 1 h: about 16 h", ["long"]),
    5: ("full", 1680, "lookups, text functions, dates, incremental recalculation of 50,000 cells", [F1.replace(" The hidden tests of this level never divide by zero, never make\n  a cycle, and only use numbers and formulas.", ""), F2, F3, F4, F5], CMD3 + CMD4,
        "Write a spreadsheet engine with lookups (VLOOKUP/INDEX/MATCH), text functions, date serials and formats, and incremental recalculation fast enough for 50,000 dependent cells, on top of references, copy/insert/delete and formats",
        "estimate: the structure level (about 16 h) plus the three lookup functions with their error cases 2 h, seven text "
        "functions 1.5 h, date serials with rolling months and days, the date parts and the date format 2 h, incremental "
        "recalculation (reverse dependencies, invalidation, an iterative evaluator for deep chains) and profiling until 50,000 "
        "cells and thousands of edits fit the CPU budget 4 h, testing 2.5 h: about 28 h; the reference is about 850 lines of "
        "Python (a C engine would be two to three times that)", ["long"]),
}

ONLY = sys.argv[2:]   # optional: the level names to rewrite
for level, spec in LEVELS.items():
    if ONLY and spec[0] not in ONLY:
        continue
    name, minutes, title, feats, more, summary, notes = spec[:7]
    extra_tags = spec[7] if len(spec) > 7 else []
    ins = HEAD.format(title=title, more_cmds=more, formulas="".join(feats))
    ins += """
## Example

```
$ printf 'set A1 2\\nset A2 =A1*3+1\\nset B1 =A2/4\\nprint A1:B2\\nprint C9\\nfoo\\n' | ./sheet
2\t1.75
7\t

error: line 6
```

## Scoring

The hidden tests are generated sheets like the ones in the instructions (random cells, formulas and
edits, and hand-written scenarios for each feature); your output must equal the expected output
exactly, line for line, on every test.
"""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(SRC, "sheet_cases.py"), str(level), tmp + "/cases.json"], check=True)
        cases = open(tmp + "/cases.json").read()
    task(CAT, "spreadsheet/" + name, domain="software", summary=summary, minutes=minutes, notes=notes, instructions=ins,
         files={"README.md": "Put ./sheet here (see the instructions).\n"},
         tests={"run_sheet.py": read("run_sheet.py"), "cases.json": cases},
         extra_solution={"sheet.py": read("sheet.py")},
         solve='cp "$(dirname "$0")/sheet.py" sheet\nchmod +x sheet',
         scorer={"kind": "json", "command": ["python3", "{tests}/run_sheet.py"], "timeout_s": 300},
         resources={"memory_mb": 2048, "processes": 64}, requires=["python3"],
         tags=["spreadsheet", "parsing", "from-scratch"] + extra_tags, limit=int(max(3600, minutes * 60 * 3)))
