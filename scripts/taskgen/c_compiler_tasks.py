"""Writes the c-compiler family: python3 c_compiler_tasks.py CATALOG CASES.json REFERENCE_CC RUNTIME_C
(CASES.json from c_compiler_cases.py; the scorer's source is tasks/c-compiler/*/tests/run_cc.py, kept
next to this script as c_compiler_run_cc.py)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import task
CAT, CASES, REF, RT = sys.argv[1:5]
levels = json.load(open(CASES))
ref, rt = open(REF).read(), open(RT).read()
scorer_src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "c_compiler_run_cc.py")).read()

head = """# cc: a compiler for a subset of C{title}

Write `cc`, a compiler for the subset of C described below, as an executable in the workspace root (a
script with a `#!` line, or a binary: if the workspace has `build.sh`, the scorer runs `bash build.sh`
first).  Any language installed here (python3, gcc for a compiler written in C, ...), but `cc` itself
must generate the code: it must not run gcc, clang or any other compiler, and the assembly it writes
must be its own (a `.s` with gcc's `.ident "GCC: ..."` or `.cfi_startproc` lines counts as a failure).

## Contract
- `./cc FILE.c [FILE.c ...]` compiles each file independently and writes `FILE.s` next to it (the
  name with `.c` replaced by `.s`).  The hidden tests compile all their files, valid or not, with
  one run.
- `FILE.s` is x86-64 assembly for GNU `as` (AT&T syntax, the default; `.intel_syntax noprefix` at the
  top is accepted too), for Linux.  The tests run, for each program:
  `as -o FILE.o FILE.s && ld -static -o FILE FILE.o rt.o && ./FILE`, where `rt.o` is built from
  `runtime/rt.c` in the workspace (read its header comment: it gives `_start`, which calls `main()` and
  exits with its return value, and `putchar`, `puts`, `printf`, `strlen`, `strcmp`, `malloc`, ...).
  Nothing else is linked: there is no libc.  Code is linked static, not position-independent, so
  absolute addresses are fine (`%rip`-relative ones too).
- A program passes when its exit status (`main`'s return value modulo 256) and its standard output
  are exactly those of the same program built with `gcc -O0` (and glibc) on this machine.
- Calls follow the System V x86-64 convention as far as the runtime needs it: up to 6 integer or
  pointer arguments in `%rdi, %rsi, %rdx, %rcx, %r8, %r9`, the result in `%rax` (a callee returning
  `int` or `char` may leave the upper bits of `%rax` undefined), `%rsp` 16-byte aligned at each
  `call`; the runtime preserves `%rbx %rbp %r12-%r15` and may change every other register; for a
  variadic callee (`printf`) set `%al` to 0.
  Calls between the program's own functions may use any convention you like.
- A program that is not valid in the subset (the kinds of errors listed below) must be rejected:
  print a message to standard error, write no `.s` for it, go on with the next file, and at the end
  exit with a non-zero status.
{errfmt}
## The language
Types are `int` (32 bits, two's complement), plus what the
features below add.  A program is a sequence of function definitions (and, from the levels that
have them, declarations).  Every program has `int main()` (no parameters); falling off the end of
`main` returns 0.  Test programs never rely on undefined behaviour (no signed overflow in
arithmetic, no division by zero, no out-of-range shift, no read of an uninitialised local).

"""

F = {}
F[1] = """### Integer expressions, locals, return
- `int main() { ... }` with statements: local declarations `int a;`, `int a = EXPR;` (one declarator
  per declaration is enough at this level), expression statements, `return EXPR;`, the empty
  statement `;` and nested blocks `{ ... }`, which open a scope (an inner declaration hides an outer one).
- Expressions: decimal, hexadecimal (`0x1F`) and octal (`017`) constants; variables; parentheses;
  unary `- ! ~`; binary `* / %` (truncating toward zero, as C), `+ -`, `<< >>` (arithmetic right
  shift), `< <= > >=`, `== !=`, `&`, `^`, `|` with C's precedence and left associativity; assignment
  `=` (right associative, its value is the value assigned).  Comparisons give 0 or 1.
- Comments `/* ... */` and `// ...`.
- Must be rejected: a use of an undeclared variable, a second declaration of a name in the same
  scope, assignment to something that is not a variable, syntax errors (a missing `;`, `)` or `}`,
  a character that is not part of C).
"""
F[2] = """### Functions, calls, if/while/for
- Function definitions `int f(int a, int b) { ... }` with up to 6 `int` parameters, and `void` functions
  (`return;`); prototypes `int f(int a);` declare a function defined later; calls `f(x, y)` (also to
  the runtime's functions, which a program declares with a prototype, e.g. `int putchar(int c);`),
  recursion; a parameter is a local variable of the function.
- Statements `if (E) S`, `if (E) S else S` (an `else` belongs to the nearest `if`), `while (E) S`,
  `for (init; cond; step) S` where each part may be empty (an empty condition is true) and init may
  be a declaration `for (int i = 0; ...)`, scoped to the loop.
- Must be rejected, in addition: a call to a function that is not declared, a call with the wrong
  number of arguments, a second definition of a function, a name used outside its scope, a stray `else`.
"""
F[3] = """### Pointers, arrays, globals
- Pointer types `int *p`, `int **pp`; `&x`, `*p` (also as an assignment target), pointer parameters
  and return types (`int *f()`); pointer arithmetic in units of the pointed-to type (`p + i`, `i + p`,
  `p - i`, `p - q` of two pointers into one array), pointer comparisons, the null pointer `0`.
- Arrays `int a[10]`, `int m[3][4]` (any number of dimensions), indexing `a[i]` (which is `*(a + i)`,
  so `i[a]` works too), arrays decay to pointers; array parameters `int a[]` are pointers; initializers
  `int a[4] = {1, 2}` (the rest is zero), `int b[] = {1, 2, 3}` (the size from the list).  Several
  declarators in one declaration: `int a, *p, b[3];`.
- Global variables (also arrays), zero unless initialised with constants or a list of constants;
  visible in every function defined after them.
- Must be rejected, in addition: `*` applied to a non-pointer, `&` of something that is not an
  lvalue, assignment to an array, indexing a non-array non-pointer, adding two pointers.
"""
F[4] = """### char, strings, structs, sizeof
- `char` (8 bits, signed, as gcc on x86-64), `char *`, `char` arrays; character constants `'a'` with the
  escapes `\\n \\t \\r \\0 \\\\ \\' \\" \\a \\b \\f \\v`, `\\xHH` and octal `\\101`; string literals (the same escapes;
  adjacent literals are joined) are arrays of `char` in static storage ending with a 0 byte;
  `char s[] = "abc"` and `char s[8] = "abc"` initialise arrays, globally and locally; global
  `char *p = "text"` and arrays of such pointers `char *names[] = {"a", "b"}`.
  In arithmetic a `char` is converted to `int` (sign-extended); storing into a `char` keeps the low 8 bits.
- `long` (64 bits) as a type of variables, members and results (`long x = 5;`, `%ld`); the runtime's
  `strlen` returns `long`.  (Mixing `long` with `int` in arithmetic gives `long`.)
- `void *` (what `malloc` returns; assignable to and from any pointer type).
- Structs: `struct tag { members; };` (members of any type above, arrays and nested structs included),
  variables, arrays, globals and pointers of struct type (`struct node *next` inside `struct node`),
  members `s.m` and `p->m`, struct assignment `a = b` and `struct s b = a;` (copies), struct
  initializer lists `{1, 2}`.  Layout as gcc's: each member aligned to its size (`char` 1, `int` 4,
  `long` and pointers 8, a struct or array to its strictest member), the size rounded up to the
  alignment.  Structs are not passed to or returned from functions by value.
- `sizeof EXPR` and `sizeof(TYPE)` (`sizeof(int *)`, `sizeof(struct s)`, `sizeof a` of an array: the
  whole array), of type `long` (the tests cast it: `(int)sizeof(x)`); casts to types such as `(int)`.
- Must be rejected, in addition: a member a struct does not have, `.` on a non-struct, `->` on a
  non-pointer, an unterminated string, a variable of an undefined struct type, arithmetic on a struct.
"""
F[5] = """### More control flow and operators
- `switch (E) { case CONST: ... default: ... }` with fall-through, `do S while (E);`, `break` (loops and
  switch), `continue` (loops), `? :` (only one of the two branches is evaluated), `&&` and `||` with
  short-circuit evaluation, compound assignment `+= -= *= /= %= &= |= ^= <<= >>=` (also on pointers and
  `char`/`long` variables), prefix and postfix `++` and `--` (also `*p++`, `(*p)++`).
- Casts between `char`, `int` and `long` (`(char)300` is 44, `(int)4294967298L` is 2, `(long)a * a`
  computes in 64 bits); constants with an `L` suffix and constants too big for `int` are `long`;
  `case` labels of a `long` switch may be `long`.
- Must be rejected, in addition: `break` outside a loop or switch, `continue` outside a loop (inside
  a switch that is in no loop too), `case` outside a switch, a duplicate `case` value, a `case` label
  that is not a constant, `++` or `--` of something that is not an lvalue.
"""
F[6] = """### Preprocessor, typedef, enum, error positions
- A tiny preprocessor: lines `#define NAME replacement tokens` (object-like macros only; the
  replacement may be empty and may use other macros; a macro is defined from its line on) and
  `#include "file.h"` (the file is looked up relative to the directory of the file that includes it;
  an included file can include others).  Any other directive is an error, as is a missing include file.
- `typedef` (`typedef struct node { ... } Node;`, `typedef int Count;`, anonymous `typedef struct {
  ... } Queue;`) and `enum` (`enum color { RED, GREEN = 5, BLUE };` and anonymous enums; enumerators
  are `int` constants, usable in `case` labels and constant expressions; `enum color` is `int`).
- Errors carry their position: the first line of the message is `FILE:LINE: error: MESSAGE`, where
  FILE is the path of the file holding the error as `cc` opened it (an included header's path for
  an error in the header) and LINE is the line of the token where the error is found (for a macro's
  replacement, the line that uses the macro; at the end of the file, the line of its last token).
"""
ERRFMT = {False: "- Messages may have any form at this level; only the status and the missing `.s` are checked.\n",
          True: "- The message must start with `FILE:LINE:`, as described under Preprocessor, typedef, enum, error positions.\n"}

names = ["exprs", "functions", "pointers", "structs", "control", "full"]
titles = [": integer expressions", ": functions and control flow", ": pointers, arrays, globals",
          ": char, strings, structs", ": switch, loops, operators, casts", ": the whole subset"]
hours = [6, 11, 17, 27, 36, 44]
summaries = [
    "Write a compiler from integer expressions, locals and return in C to x86-64 assembly",
    "Write a C-subset compiler to x86-64 assembly: functions, calls, recursion, if/while/for",
    "Write a C-subset compiler to x86-64 assembly with pointers, arrays and globals",
    "Write a C-subset compiler to x86-64 assembly with char, strings, long, structs and sizeof",
    "Write a C-subset compiler to x86-64 assembly with switch, do/while, break/continue, ?:, &&/||, ++/--, compound assignment and casts",
    "Write a C-subset compiler to x86-64 assembly with a tiny preprocessor, typedef, enum and positioned error messages on top of structs, pointers and full control flow",
]
notes = [
    "estimate from the reference (a Python compiler; this level uses about 350 of its 1,400 lines) and the feature list: reading the x86-64 calling convention and AT&T syntax 1 h, tokenizer 0.5 h, precedence-climbing parser with scopes 1.5 h, stack-machine code generation for 15 operators 1.5 h, testing against gcc on own programs and fixing 1.5 h: about 6 h",
    "estimate: the expressions level (about 6 h) plus functions with the register convention and stack alignment 2 h, prototypes and arity checks 0.5 h, if/else/while/for with scoped declarations 1 h, debugging recursion and calls against gcc 1.5 h: about 11 h; the reference uses about 550 lines here",
    "estimate: the functions level (about 11 h) plus a type system with pointer and array types 1.5 h, pointer arithmetic scaling and decay 1.5 h, multi-dimensional arrays and initializer lists 1 h, global data emission 1 h, debugging 1 h: about 17 h; the reference uses about 800 lines here",
    "estimate: the pointers level (about 17 h) plus char and long with sign extension and sized loads/stores 2 h, string literals with escapes and static data 1.5 h, struct layout with alignment, members, nested structs, copies 3 h, sizeof and casts 1 h, initializers of char arrays, pointer arrays and structs 1.5 h, testing against gcc 1 h: about 27 h; the reference uses about 1,050 lines here",
    "estimate: the structs level (about 27 h) plus switch with fall-through and long cases 2 h, do/while, break/continue with the right targets 1 h, ?: and short-circuit &&/|| 1 h, compound assignment and pre/post ++/-- on ints, chars, longs and pointers (value and truncation rules) 2.5 h, casts between char/int/long and long constants 1 h, more debugging against gcc 1.5 h: about 36 h; the reference uses about 1,250 lines here",
    "estimate: the control level (about 36 h) plus a token-level preprocessor with object-like macros and nested includes 2.5 h, typedef and enum in the parser's scopes 2 h, errors with file and line kept through macro expansion and includes 1.5 h, a final differential test campaign 2 h: about 44 h; the reference is about 1,400 lines of Python (a C implementation would be two to three times that), comparable to the early stages of published small C compilers such as chibicc",
]

for k, name in enumerate(names):
    lv = k + 1
    feats = "\n".join(F[j] for j in range(1, lv + 1))
    instr = head.format(title=titles[k], errfmt=ERRFMT[lv == 6]) + feats + """
Anything not listed is outside the subset and not tested (no `unsigned`, `float`, `static`, `const`,
function pointers, `goto`, the comma operator, more than 6 arguments in a call).

## Checking your work
Build the runtime once with the command in `runtime/rt.c`, write small programs, and compare
`./cc x.c && as -o x.o x.s && ld -static -o x x.o rt.o && ./x; echo $?` with `gcc -O0 -o y x.c && ./y; echo $?`.
The hidden tests are {n} programs and programs to reject of the kinds above, each with its own time
limit (a run that loops is a failure: 150 s for compiling all the files, 5 s per program run);
all must pass.
""".format(n=len(sum(levels[:lv], [])))
    cases = sum(levels[:lv], [])
    task(CAT, "c-compiler/" + name, summary=summaries[k], minutes=hours[k] * 60, notes=notes[k],
         instructions=instr,
         files={"README.md": "Put the compiler ./cc here (see the instructions); runtime/rt.c is the runtime the tests link with.\n",
                "runtime/rt.c": rt},
         tests={"run_cc.py": scorer_src, "rt.c": rt,
                "cases.json": json.dumps({"level": lv, "check_lines": lv == 6, "cases": cases}, indent=0)},
         solve='cp "$(dirname "$0")/cc.py" cc\nchmod +x cc',
         extra_solution={"cc.py": ref},
         scorer={"kind": "json", "command": ["python3", "{tests}/run_cc.py"], "timeout_s": 300},
         requires=["python3", "gcc", "as", "ld"], tags=["compilers", "c", "x86-64", "long", "from-scratch"],
         domain="software",
         resources={"memory_mb": 4096, "processes": 128})
print("wrote", len(names), "tasks")
