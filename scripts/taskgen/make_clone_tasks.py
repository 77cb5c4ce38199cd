import os, sys
sys.path.insert(0, "/tmp/taskgen")
from lib import task
CAT = sys.argv[1]
head = """# mk: a make clone{title}

Write `mk`, a clone of a subset of GNU make, as an executable in the workspace root (a script with a
`#!` line, or a binary: if the workspace has `build.sh`, the scorer runs `bash build.sh` first; a
`Makefile` would be confused with the test makefiles, so do not rely on one). Any language installed
here; you must not run `make` or any other build tool from `mk`.

`mk [-f FILE] [options] [VAR=value ...] [TARGET ...]` reads `FILE` (default: `GNUmakefile`,
`makefile` or `Makefile` in the current directory) and brings the targets (default: the first
target of the makefile that does not start with `.` and is not a pattern) up to date, exactly as
GNU make 4.3 (`make` on this machine) would: the same commands in the same order, the same files.

The hidden tests run `mk` and `make` on the same generated makefiles, sources and timestamps,
several times in a row (touching or removing files between runs), and compare for every run: the
exit status (zero or not), standard output, except lines that start with `mk:` or `make:` (your
own messages, such as `mk: 'x' is up to date.`, should start with `mk:`; errors go to standard error),
and at the end every file's contents.  Use `make` on this machine to check your understanding.

## Features
"""
f1 = """- Rules `targets: prerequisites` followed by recipe lines that start with a tab; several targets in
  one rule; several rules for one target add prerequisites; `#` comments.
- A target is remade when it does not exist, when a prerequisite is newer (modification times, to the
  nanosecond) or was remade in this run; prerequisites first, depth first, left to right, each target at
  most once per run.  A prerequisite that does not exist and has no rule is an error (`No rule to make
  target`), as is a recipe line that fails: `mk` stops and exits non-zero.
- Each recipe line runs in its own `/bin/sh -c`; it is echoed to standard output before it runs unless it
  starts with `@`.  Several goals on the command line are built in order.
"""
f2 = """- Variables: `=` (recursive), `:=` (simple), `?=`, `+=`, references `$(V)`, `${V}` and `$V`, `$$`;
  `VAR=value` on the command line overrides the makefile's assignments; an undefined variable is empty.
- Automatic variables `$@ $< $^ $? $*`; pattern rules (`%.o: %.c`, used when their prerequisites exist
  or can be made; an explicit rule without a recipe adds its prerequisites to the pattern rule's).
- `.PHONY`; recipe prefixes `-` (ignore the error) and `@`, combined; options `-n` (print the commands
  that would run, `@` ones included, run nothing), `-s` (echo nothing).
- Backslash-newline: in ordinary lines it joins lines with one space; in a recipe it stays part of the
  command given to the shell (and of the echo), the next line's leading tab removed.
"""
f3 = """- Conditionals `ifeq (a,b)`, `ifeq "a" "b"`, `ifneq`, `ifdef`, `ifndef`, `else`, `else ifeq ...`, `endif`,
  nested.  `include FILE`.  Static pattern rules `targets: target-pattern: prereq-patterns`.
- Option `-k`: after an error, keep building the goals and prerequisites that do not depend on it (exit
  status still non-zero).
- Substitution references `$(V:.c=.o)` and `$(V:%.c=%.o)`; the functions `subst patsubst strip findstring
  filter filter-out sort word words firstword wildcard dir notdir suffix basename addprefix addsuffix
  join if or and foreach shell origin`.
"""
levels = {
    "basic": ("", f1, 360, "Write a make clone for explicit rules, timestamps and recipe echoing that behaves like GNU make on generated projects",
              "estimate from the reference (a Python clone; this level uses about 250 of its lines) and the feature list: reading the relevant parts of the GNU make manual 0.5 h, makefile reader with rules, recipes and comments 1 h, dependency walk with timestamps and the remade-prerequisite rule 1.5 h, recipe execution, echo and error stop 1 h, comparing with make on own test projects and fixing differences 2 h: about 6 h"),
    "variables": (": variables, pattern rules, automatic variables", f1 + f2, 840,
                  "Write a make clone with variable flavours, command-line overrides, pattern rules, automatic variables, .PHONY, -n and -s, matched against GNU make",
                  "estimate: the basic level (about 6 h) plus variable flavours and expansion with nested references 2.5 h, pattern rules with stems and how explicit prerequisites combine 2 h, automatic variables 1 h, .PHONY, -n, -s and recipe prefixes 1 h, the two backslash-newline rules 0.5 h, differential testing against make 1 h: about 14 h; the reference uses about 420 lines"),
    "functions": (": conditionals, functions, static patterns, -k", f1 + f2 + f3, 1500,
                  "Write a make clone with conditionals, include, static pattern rules, -k and 25 text functions on top of variables and pattern rules, matched against GNU make",
                  "estimate: the variables level (about 14 h) plus conditionals with else-if chains and nesting 2 h, include 0.5 h, static pattern rules 1 h, -k error propagation 1.5 h, 25 functions with their word, path and argument-splitting rules (foreach scoping, shell, wildcard order) 4 h, substitution references 0.5 h, a larger differential test campaign against make 1.5 h: about 25 h; the reference is about 700 lines of Python, a C implementation two to three times that"),
}
for name, (title, feats, minutes, summary, notes) in levels.items():
    d = "/tmp/taskgen/mkout/" + name + "/tests/"
    ins = head.format(title=title) + feats + """
Not needed: `$(call)`, `define`, `export`, double-colon rules, order-only prerequisites, parallel
builds, recursive make, built-in implicit rules (a test never relies on them).
"""
    task(CAT, "make-clone/" + name, domain="software", summary=summary, minutes=minutes, notes=notes, instructions=ins,
         files={"README.md": "Put ./mk here (see the instructions).\n"},
         tests={"run_mk.py": open("/tmp/taskgen/run_mk.py").read(), "harness.py": open(d + "harness.py").read(), "cases.json": open(d + "cases.json").read()},
         extra_solution={"mk.py": open("/tmp/taskgen/mk.py").read()},
         solve='cp "$(dirname "$0")/mk.py" mk\nchmod +x mk',
         scorer={"kind": "json", "command": ["python3", "{tests}/run_mk.py"], "timeout_s": 300},
         resources={"memory_mb": 2048, "processes": 128}, requires=["python3", "make", "tr", "cat", "sort"],
         tags=["build-tools", "make", "long", "from-scratch"], limit=int(minutes * 60 * 3))
