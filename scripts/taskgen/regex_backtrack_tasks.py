import json, os, shutil, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task
CAT = sys.argv[1]
RUN = open(os.path.join(CAT, "regex-engine/posix-linear/tests/run.py")).read()
base = """# A backtracking regular-expression engine with capture groups and backreferences{title}

Write a regular-expression engine from scratch and a command-line driver for it, `./rx`, in the
workspace root.

**Language.** Any language installed on this machine: C (gcc, make) or Python 3 (standard library
only) or a mix. If the workspace has a `Makefile`, the scorer runs `make` first; after that, `./rx`
must be an executable file (a binary or a script with a `#!` line). You must **not** use an
existing regular-expression library: no `<regex.h>`, no PCRE, no Python `re` or `sre_*`, no calling
`grep`, `sed`, `perl` or similar tools. The engine must be your own code.

## The driver

`./rx` reads lines from standard input until end of file (separated by `\\n`):

- `P <pattern>`: the rest of the line is the new current pattern. Prints nothing.
- `S <subject>`: the rest of the line is a subject. Prints one line: `error` if the current pattern
  is invalid (or there is none); `none` if it matches nowhere in the subject; otherwise the spans
  of the match and of every capture group: `START END S1 E1 S2 E2 ...` (byte offsets, END
  exclusive; `-1 -1` for a group that did not take part in the match).

Other lines are ignored; bytes are characters (the tests use ASCII). Exit status 0.

## Semantics: Python's `re.search` (Perl's rules)

The match reported is the one Python 3's `re.search(pattern, subject)` finds, with `m.span(g)` for
every group `g`: the **first** starting position at which the pattern matches, and at that position
the first match in backtracking order (alternatives tried left to right, greedy quantifiers try
more repetitions first, lazy ones fewer). A group inside a repetition reports its last iteration.
Patterns where a quantified sub-expression could match the empty string are not tested.

## Syntax

- Ordinary characters match themselves. `.` matches any character except newline.
- `[...]` and `[^...]`: sets with ranges (`a-c`; a reversed range is an error), `-` literal first or
  last, `]` literal first, and the escapes `\\d \\w \\s \\n \\t` and escaped punctuation inside.
- Escapes: `\\d \\D \\w \\W \\s \\S` (ASCII digits, `[A-Za-z0-9_]`, space/`\\t\\n\\r\\f\\v`), `\\n`, `\\t`,
  and a backslash before any of `.[]()*+?{{}}|^$\\/-` for the character itself; any other escaped letter
  is an error.
- `^` matches at the start of the subject, `$` at its end (or before a final newline).
- Groups: `( )` capturing, numbered by their opening parenthesis; `(?: )` non-capturing.
- Backreferences `\\1` ... `\\99`: the text the group captured (fails if the group has not
  captured). A reference to a group that is not defined before it, or to a group that is still open
  (`(a\\1)`), is an error.
- Quantifiers `* + ? {{n}} {{n,}} {{n,m}}` and their lazy forms with a trailing `?`. A `{{` that does not
  start a valid quantifier is a literal. A quantifier with nothing to repeat (`*a`, `a**`, `(*)`),
  `{{m,n}}` with `n < m`, and unbalanced parentheses are errors.
- Alternation `|` at any level.
{extra}
Check yourself against Python (`python3 -c 'import re; ...'` may be used for testing, not by `./rx`).

## Example

```
$ printf 'P (a|ab)(c|bcd)(d*)\\nS abcd\\nP (\\\\w+) \\\\1\\nS say hello hello\\nS no\\nP a)\\nS a\\n' | ./rx
0 4 0 1 1 4 4 4
4 15 4 9
none
error
```
"""
extra2 = """- Lookaround: `(?=...)`, `(?!...)`, and look-behind `(?<=...)`, `(?<!...)` whose body has a fixed
  width (otherwise the pattern is an error). Lookarounds do not consume characters; groups captured
  inside a positive lookaround keep their spans.
- Word boundaries `\\b` and `\\B` (ASCII word characters).
- Named groups `(?P<name>...)` (numbered like other groups; a name is letters, digits and `_`, not
  starting with a digit; defining a name twice is an error) and named references `(?P=name)`.
- A leading `(?i)` makes the whole pattern case-insensitive for ASCII letters (backreferences too).
"""
variants = {
    "backrefs": ("", "", 600, "Write a backtracking regex engine with capture groups, lazy quantifiers and backreferences, matched against Python's re",
                 "estimate from the reference (a Python engine of about 330 lines for this level) and the spec: reading Perl/Python matching rules 0.5 h, parser with the error cases (escapes, quantifier validity, group references) 2.5 h, continuation-based backtracking matcher with captures 2.5 h, lazy and bounded quantifiers 1 h, backreferences 0.5 h, differential testing against python re and fixing mismatches 3 h: about 10 h"),
    "perl-subset": (": lookaround, named groups, case folding", extra2, 1260, "Write a backtracking regex engine with captures, backreferences, lookahead and fixed-width lookbehind, named groups, word boundaries and (?i), matched against Python's re",
                    "estimate: the backrefs level (about 10 h) plus lookahead and negative lookahead with capture rules 2 h, fixed-width look-behind with width computation and its error 2.5 h, word boundaries 0.5 h, named groups and references with their errors 1.5 h, case-insensitive matching including backreferences 1 h, a larger differential test campaign against python re 3.5 h: about 21 h; the reference is about 420 lines of Python, a C implementation two to three times that"),
}
for name, (title, extra, minutes, summary, notes) in variants.items():
    d = os.path.join(CAT, "regex-engine", name)
    cases_in = open(os.path.join("/tmp/taskgen/rxout", name, "tests", "cases.in")).read()
    cases_out = open(os.path.join("/tmp/taskgen/rxout", name, "tests", "cases.out")).read()
    ins = base.format(title=title, extra=extra)
    task(CAT, "regex-engine/" + name, domain="software", summary=summary, minutes=minutes, notes=notes, instructions=ins,
         files={"README.md": "Put ./rx here (see the instructions).\n"},
         tests={"run.py": RUN, "cases.in": cases_in, "cases.out": cases_out},
         extra_solution={"rx.py": open("/tmp/taskgen/brx.py").read()},
         solve='cp "$(dirname "$0")/rx.py" rx\nchmod +x rx',
         scorer={"kind": "json", "command": ["python3", "{tests}/run.py", "./rx", "cases:30"], "timeout_s": 300},
         resources={"memory_mb": 2048, "processes": 128}, requires=["python3", "gcc", "make"],
         tags=["regex", "algorithms", "long", "from-scratch"], limit=int(minutes * 60 * 3))
