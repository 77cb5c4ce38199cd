"""Write the lua-interp task family: python3 lua_interp_tasks.py CATALOG CASES.json REFERENCE.py SCORER.py
(CASES.json from lua_interp_cases.py; REFERENCE.py the reference interpreter; SCORER.py run_lua.py)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, "/tmp/taskgen")
from lib import task

CAT, CASES, REF, SCORER = sys.argv[1:5]
head = """# luai: an interpreter for a Lua 5.4 subset{title}

Write `luai`, an interpreter for a subset of Lua 5.4, from scratch, as an executable in the workspace
root (a script with a `#!` line, or a binary: if the workspace has `build.sh`, the scorer runs `bash
build.sh` first). Any language installed here, but no Lua implementation, binding or embedding
(`lua5.x`, LuaJIT, lupa, ...): the scorer runs with no Lua on PATH, and `luai` must not call one.

`luai FILE` reads the Lua program FILE (bytes: read it as Latin-1 or as bytes, not as UTF-8 text),
parses all of it, then runs it, and exits with status 0 when the program ends normally.  Standard
input is not used.

The hidden tests are many Lua programs (each exercising several features of the lists below, some
generated at random from a fixed seed) whose standard output was recorded from the real Lua 5.4.4
(`lua5.4 prog.lua`).  Each program is written as `prog.lua` in an empty directory and run there as
`luai prog.lua`, so the chunk name (the `prog.lua:LINE:` prefix of error messages) is `prog.lua`.  A
program passes when your standard output is byte for byte the real one and the exit status is zero
exactly when Lua's was; standard error is ignored.  Every program of this level must pass.  Each
program gets 20 CPU seconds and 4 GiB of address space, all of them together 200 seconds (the
reference solution, a Python tree-walking interpreter, needs well under a second for each).

## General rules
- **Errors.** A syntax error anywhere in the file: nothing runs, exit status non-zero (print a message
  to standard error).  A runtime error that no `pcall` catches: everything printed before it stays
  printed (flush standard output), a message goes to standard error, exit status non-zero.
- **Output.** `print(...)` writes `tostring` of each argument, separated by one tab, then a newline.
  Integers print in decimal; `nil`, `true`, `false` as such.  Output is bytes: a string prints as its
  bytes, whatever they are.
- The tests never print the address of a table or function (`table: 0x...`) and never print NaN.
"""
F = {}
F[1] = """- Lexical: names, all Lua 5.4 keywords, `--` comments and long comments `--[[ ... ]]`,
  `--[==[ ... ]==]`; decimal integer literals; strings in `'...'` and `"..."` with the escapes `\\n \\t
  \\\\ \\" \\' \\a \\b \\f \\r \\v \\ddd \\xXX \\z \\u{XXX}` (UTF-8 bytes); long strings `[[...]]`,
  `[==[...]==]` (a newline right after the opening bracket is dropped).
- Values: `nil`, booleans, integers (64-bit), strings.  Truth: only `nil` and `false` are false
  (`0` and `""` are true).
- Expressions: `+ - *` and `%` on integers (`%` is floor modulo: `-7 % 3` is `2`), unary minus,
  `== ~= < <= > >=` (numbers; strings compare by bytes; values of different types are never equal,
  and ordering them is an error), `and`/`or` (short-circuit, returning an operand), `not`, parentheses,
  Lua's precedence and associativity.
- Statements: `local` declarations (one or several names, with or without values; a local shadows
  an outer one until its block ends), assignment to globals and locals, multiple assignment (`a, b =
  b, a`: every right-hand expression is evaluated before any assignment), `if ... elseif ... else ...
  end`, `while`, `repeat ... until` (the condition sees the body's locals), `do ... end`, `break`, `;`.
  A global that was never assigned is `nil`.
- `print`.
- Runtime errors at this level: arithmetic on `nil` or a boolean, comparing values of different
  types; the tests only check that the program stops (exit status) after its earlier output.
"""
F[2] = """- Floats: literals `3.0 .5 3. 1e10 2.5E-3`, hexadecimal `0xFF` (integer, wraps around) and hex
  floats `0xA.8p1`; a decimal integer literal that does not fit 64 bits is a float.  `/` and `^` always
  give floats; `//` is floor division (integers when both operands are, else a float: `7 // 2` is `3`,
  `7.0 // 2` is `3.0`), `%` also on floats (`5.5 % 2` is `1.5`, result has the sign of the divisor); mixed
  integer/float arithmetic gives floats; integer `+ - * // %` wrap around in 64-bit two's complement
  (`math.maxinteger + 1 == math.mininteger`); float division by zero gives `inf`/`-inf`.  Comparisons
  between integers and floats compare mathematical values (`1 == 1.0`, `2^53 == 2^53 + 1`).
  Integer `//` or `%` by zero is a runtime error.
- Number to string (`print`, `tostring`, `..`): integers in decimal; floats as C's `%.14g`, with `.0`
  added when that looks like an integer (`1.0`, `1e+15`, `-0.0`, `0.1`, `3.1415926535898`,
  `9.007199254741e+15`); `inf`, `-inf`.  `io.write(...)` writes strings and numbers without separators
  or newline, floats as plain `%.14g` (`io.write(3.0)` writes `3`).
- Strings: concatenation `..` (right associative; numbers are converted as above), `#s` (length in
  bytes).  Arithmetic on a string converts it to a number the way `tonumber` does (`"10" + 1` is `11`,
  `"3.0" + 1` is `4.0`); comparisons never convert (`1 == "1"` is false).
- `tonumber(v [, base])`: numbers unchanged; strings with surrounding white space, an optional sign,
  decimal or hex integers and floats (`"0x10"`, `"1e2"`, `" 7 "`), otherwise `nil`; with a base 2..36,
  an integer written in that base.  `tostring(v)`.
- Functions: `function name(...) ... end`, `local function name`, anonymous `function (...) ... end`,
  parameters (missing arguments are `nil`, extra ones dropped), `return` (the value of a call that
  returns nothing is `nil`), recursion (at least 3000 deep), mutual recursion through globals,
  functions as values; a function may read the locals of the functions around it (closures that
  modify them come at the next level).
- Numeric `for v = e1, e2 [, e3]`: an integer loop when `e1` and `e3` are integers (a float limit is
  rounded towards the loop, `for i = 1, 3.5` runs 1, 2, 3; the loop never overflows, even near
  `math.maxinteger`), else a float loop; the step defaults to 1, may be negative, must not be 0; the
  loop variable is a fresh local of the body.  Generic `for v1, v2, ... in f, s, c` with an iterator
  function (called as `f(s, c)` until its first result is `nil`; the loop variables take its results:
  an iterator may `return` several values, the only use of multiple results at this level).
- `math.floor ceil abs max min sqrt fmod tointeger type huge pi maxinteger mininteger` (`floor`/`ceil`
  return integers when the result fits; `max`/`min` return the argument unchanged; `math.type` gives
  `"integer"`, `"float"` or `nil`).
"""
F[3] = """- Tables: constructors `{1, 2, x = 3, ["k"] = 4, [f()] = 5; 6}` (positional items numbered from 1; a call
  or `...` as the last positional item expands to all its values; the tests never give one key both
  positionally and explicitly), indexing `t[k]` and `t.name`, assignment, `nil` removes a key, `nil`
  keys are errors; keys are compared as in `==` (a float key with an integer value is the integer key:
  `t[1.0]` is `t[1]`), booleans and strings are keys too.  `#t` for a sequence (keys exactly 1..n;
  the tests apply `#` to nothing else, except that `#{}` is 0).  Tables are compared by identity.
- `ipairs(t)` (1, 2, ... until the first `nil`), `pairs(t)` and `next(t [, k])`: every key once.  For a
  table whose keys are exactly 1..n, assigned in increasing order, `pairs` visits them in that order;
  otherwise the order is unspecified and the tests do not depend on it (they sort, or sum).  Assigning
  `nil` to an existing field during a traversal is allowed.
- Closures: nested functions capture the enclosing locals themselves (shared and writable: two
  closures of one scope see each other's writes); each execution of a `local` declaration and each
  loop iteration creates fresh variables (closures created in different iterations do not share).
- Multiple results: a function call at the end of an expression list (arguments, `return`, the right
  side of an assignment or `local`, a table constructor) gives all its results, anywhere else exactly
  one (the first, or `nil`); parentheses `(f())` cut to one.  Assignment and `local` adjust the values
  to the names (missing ones `nil`).
- Varargs: `function f(a, ...)`, `...` in expressions (the same expansion rules), `select("#", ...)`,
  `select(n, ...)` (negative `n` counts from the end), `table.pack(...)` (with field `n`),
  `table.unpack(t [, i [, j]])`.  The main chunk is a vararg function too (with no arguments).
- Method syntax: `obj:m(args)` (calls `obj.m(obj, args)`, `obj` evaluated once), `function t.a.b:m()`
  (an implicit `self` parameter), `function t.a.f()`.
- `type`, `rawequal`, `rawget`, `rawset`, `rawlen`.
"""
F[4] = """- Metatables: `setmetatable(t, mt)` (returns `t`; `mt` may be `nil`), `getmetatable(v)` (the
  `__metatable` field when the metatable has one; changing such a protected metatable is an error).
  Events: `__index` (a table, searched in turn, or a function `(t, k)`), `__newindex` (a table, where
  the assignment goes, or a function `(t, k, v)`; only for keys absent from the table), `__call` (the
  value is called with itself first), `__add __sub __mul __div __mod __pow __unm __idiv __concat`
  (the first operand's metamethod, else the second's; for `__unm` the operand is passed twice),
  `__len`, `__eq` (only when both operands are tables and not the same table; the result is a boolean),
  `__lt`, `__le` (`a > b` is `b < a`; there is no `__le` fallback through `__lt`), `__tostring`
  (used by `tostring` and `print`).  `rawget`/`rawset`/`rawequal`/`rawlen` bypass them.
- Strings have a metatable whose `__index` is the `string` table: `s:upper()`, `("x"):rep(3)`,
  `getmetatable("").__index == string`.
- `error(v [, level])`: raises `v`; a string message gets the position prefix `prog.lua:LINE: ` with
  level 1 (the default: LINE is the line of the call to `error`) and level 2 (the line of the call to
  the function that called `error`); no prefix with level 0 or when `v` is not a string.  `pcall(f,
  ...)` returns `true` and `f`'s results, or `false` and the error value (a table error value is the
  same table).  `xpcall(f, handler, ...)` returns `false` and the handler's result on an error.
  `assert(v [, message])` returns all its arguments, or raises `message` (default `"assertion failed!"`,
  no position prefix).  A function called directly by `pcall` (e.g. `pcall(error, "x")`) has no
  position: `false  x`.
- Runtime errors of the interpreter itself (arithmetic on `nil`, indexing `nil`, calling a non-function,
  ...) are caught by `pcall` as strings; at this level the tests print only that a call failed, not the
  message.  Errors raised by library functions for bad arguments are also only checked as failures.
- `string.len sub upper lower rep reverse byte char format`: `sub(s, i [, j])` and `byte(s [, i [, j]])`
  with Lua's index rules (negative counts from the end, clipped to the string), `rep(s, n [, sep])`,
  `byte` returning several codes, `char(...)`.  `format` with `%d %i %s %f %g %e %E %x %X %o %c %%`,
  flags `- + space # 0`, width and precision as C's printf (`%5.2f`, `%-10s`, `%05d`, `%.2s`); `%d`
  accepts a float with an integer value; `%s` uses `tostring` (and `__tostring`).  ASCII only for
  upper/lower.
"""
F[5] = """- Coroutines: `coroutine.create(f)`, `coroutine.resume(co, ...)` (returns `true` and the values
  passed to `yield` or returned by `f`, or `false` and the error value; the arguments of the first
  resume are `f`'s arguments, later ones are the results of the `yield` that suspended it),
  `coroutine.yield(...)`, `coroutine.status(co)` (`suspended`, `running`, `normal` for a coroutine that
  resumed another, `dead` after it returned or failed), `coroutine.wrap(f)` (a function that resumes;
  errors propagate to the caller), `coroutine.isyieldable()`, `coroutine.running()` (the running
  coroutine and whether it is the main one; tests print only `type` of the first).  Resuming a dead
  coroutine gives `false, "cannot resume dead coroutine"`, resuming a running or normal one `false,
  "cannot resume non-suspended coroutine"`; yielding from the main program is an
  error `attempt to yield from outside a coroutine`.  Coroutines may resume other coroutines, yield
  from nested function calls (at any depth) and be left suspended forever.
- `goto name` and labels `::name::`: forward (the `continue` idiom, leaving nested loops) and backward
  jumps to a visible label of the same or an enclosing block in the same function.
- Bitwise operators on integers `& | ~ << >>` and unary `~` (floats with an exact integer value are
  converted, other floats are an error `number has no integer representation`; strings are an error);
  shifts are logical, a shift by 64 or more gives 0, a negative shift shifts the other way.  `math.ult`.
- Integer division and modulo by zero: errors `prog.lua:LINE: attempt to divide by zero` and
  `prog.lua:LINE: attempt to perform 'n%0'`.
- `table.insert(t, v)`, `table.insert(t, pos, v)` (shifts up; `pos` out of 1..#t+1 is an error),
  `table.remove(t [, pos])` (returns the removed value, shifts down; on an empty table returns `nil`),
  `table.concat(t [, sep [, i [, j]]])` (strings and numbers; any other value is an error),
  `table.sort(t [, comp])` (ascending with `<`, or with `comp(a, b)` meaning a before b; the tests never
  have ties whose order would show; comparing incomparable values is an error).
"""
F[6] = """- Lua patterns in `string.find(s, p [, init [, plain]])`, `string.match(s, p [, init])`,
  `string.gmatch(s, p)` and `string.gsub(s, p, repl [, n])`, exactly as Lua 5.4's `lstrlib.c`: `.`,
  classes `%a %c %d %g %l %p %s %u %w %x` (C locale) and their upper-case complements, `%` before any
  non-alphanumeric character, sets `[...]` with ranges, classes and `^` complement, the quantifiers `* + -
  ?`, anchors `^` (find, match, gsub) and `$`, captures `(...)` and position captures `()`,
  back-references `%1`-`%9`, `%bxy`, the frontier `%f[set]`.  `find` returns start, end and the
  captures, `match` the captures (or the whole match); `init` may be negative; `plain` (or a pattern
  without special characters) is a plain search.  `gmatch` iterates over the matches (after an empty
  match it moves one character on; a match may not end where the previous one ended).  `gsub` replaces
  with a string (`%0`-`%9`, `%%`), a table (indexed by the first capture) or a function (called with
  the captures); a `false`/`nil` result keeps the match; returns the new string and the number of
  matches.  Malformed patterns (`(`, `[a`, a trailing `%`, an invalid capture index) are errors.
- `string.format` corner cases: `%q` (strings quoted as Lua does: `\\"`, `\\\\`, `\\` + newline,
  other control characters (`\\r` too) as `\\ddd` (three digits when a digit follows); integers as
  decimal; floats in hex, `%a` style),
  `%#x %#o % d %+e %.0f` (round half to even as C does), `%.3s`, widths on every conversion.
- Floats print exactly as `%.14g` for every magnitude (subnormals, `1e+300`, `1e-05`, `2^63`).
- Runtime error messages: `prog.lua:LINE: ` (the line of the operator, index or call; the tests only
  fail on expressions written on one line) followed by exactly one of:
  `attempt to perform arithmetic on a T value`, `attempt to add a 'T1' with a 'T2'` (when an operand
  is a string that is not a number; `add sub mul div mod pow idiv unm`), `attempt to concatenate a T
  value`, `attempt to index a T value`, `attempt to call a T value`, `attempt to compare two T values`,
  `attempt to compare T1 with T2`, `attempt to get length of a T value`, `attempt to perform bitwise
  operation on a T value`, `number has no integer representation`, `bad 'for' initial value (number
  expected, got T)` (also `limit`, `step`), `'for' step is zero`, `table index is nil`, `table index is
  NaN`, and the two division messages above; T is a `type()` name.  Real Lua may append a note such as
  ` (local 'x')` or ` (global 'f')`: the tests remove any trailing parenthesised part before printing a
  message (`msg:gsub(" %(.*%)$", "")`), so add one or not, as you like.  An error raised in a
  metamethod with `error(m, 2)` points at the line of the operation.
"""
NOT = """
Not needed: `load`, `dofile`, `require`, `string.pack`, `utf8`, `os`, `io` beyond `io.write`,
`__gc`, `__close`, `__mode`, `<close>` variables (`<const>` may be ignored), integer keys beyond
what the tests use, `collectgarbage`, `math.random`, the exact text of error messages not listed above.
"""
levels = [
    ("basics", 1, "", 300, "Write an interpreter for a small Lua subset (integers, strings, locals, if/while/repeat, print) matched against Lua 5.4",
     "estimate for a skilled engineer new to the task: reading the Lua 5.4 manual's relevant sections 0.5 h, lexer with comments, long brackets and string escapes 1 h, recursive-descent parser with Lua's precedence table 1.5 h, evaluator with scopes, truthiness and multiple assignment 1 h, testing against lua5.4 and fixing differences 1 h: about 5 h; the reference (one Python interpreter for the whole family, about 2,700 lines) spends about 1,300 on the lexer, parser and core operations that every level needs, most of them already here"),
    ("functions", 2, ": functions, floats, for loops", 600, "Write a Lua 5.4 subset interpreter with functions, recursion, for loops and Lua's exact integer/float arithmetic and number printing, matched against Lua 5.4",
     "estimate: the basics level (about 5 h) plus functions, calls and returns with a call stack 1 h, numeric for (integer and float loops, overflow-free bounds) and generic for 1 h, the integer/float split: 64-bit wraparound, floor division and modulo, mixed comparisons, hex literals and string coercion 1.5 h, exact %.14g number printing and tonumber 0.5 h, the math subset 0.5 h, differential testing against lua5.4 0.5 h: about 10 h"),
    ("tables", 3, ": tables, closures, varargs", 1020, "Write a Lua 5.4 subset interpreter with tables, closures with shared upvalues, multiple returns and varargs on top of functions and exact arithmetic, matched against Lua 5.4",
     "estimate: the functions level (about 10 h) plus tables with key normalisation, constructors, # and ipairs/pairs/next 2.5 h, closures with shared, per-iteration upvalues (the resolver: locals, upvalues, globals) 2 h, multiple results and the adjustment rules, varargs and select 1.5 h, method syntax 0.5 h, testing 0.5 h: about 17 h"),
    ("metatables", 4, ": metatables, errors, string library", 1560, "Write a Lua 5.4 subset interpreter with metatables and all arithmetic/comparison metamethods, error/pcall with positions, and a string library with format, matched against Lua 5.4",
     "estimate: the tables level (about 17 h) plus metatables with __index/__newindex chains, __call, 13 operator metamethods, __eq/__lt/__le and __tostring 3 h, error values, levels and positions, pcall/xpcall/assert 2 h, the string library subset and a printf-compatible string.format 2.5 h, differential testing 1.5 h: about 26 h"),
    ("coroutines", 5, ": coroutines, goto, bitwise ops, table library", 2100, "Write a Lua 5.4 subset interpreter with coroutines (resume/yield from any depth, wrap, status), goto, bitwise operators and the table library on top of metatables and pcall, matched against Lua 5.4",
     "estimate: the metatables level (about 26 h) plus coroutines, which force a tree-walking interpreter to run each coroutine on its own stack (threads, or a redesign as a bytecode VM or CPS) with yields from nested calls, status transitions and error propagation 5 h, goto and labels across nested blocks 1.5 h, bitwise operators with the float conversion rules 0.5 h, the table library 1 h, testing 1 h: about 35 h; the reference's coroutines take 100 lines only because it runs each on a thread"),
    ("full", 6, ": patterns, exact formatting, error messages", 2700, "Write a Lua 5.4 subset interpreter with Lua patterns (find/match/gmatch/gsub, captures, %b, %f), exact float printing and format corner cases, and Lua's runtime error messages, matched against Lua 5.4",
     "estimate: the coroutines level (about 35 h) plus a Lua pattern matcher with captures, back-references, %b, %f and gsub/gmatch empty-match rules 5 h, string.format corner cases (%q, %a-style floats, flags) 1.5 h, the runtime error messages with their positions and the string-arithmetic variants 2 h, differential testing of the whole interpreter against lua5.4 1.5 h: about 45 h; the whole reference is about 2,700 lines of Python (lexer 170, parser and closure compiler 820, core operations 350, library 1,100 of which patterns and format 450, coroutines 100); a C or Rust implementation would be two to three times that"),
]
cases = json.load(open(CASES))
ref = open(REF).read()
scorer = open(SCORER).read()
wrapper = """#!/usr/bin/python3 -S
import os, sys
sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import luai_impl
luai_impl.start()
"""
for name, lv, title, minutes, summary, notes in levels:
    feats = "".join(F[k] for k in range(1, lv + 1))
    instr = head.format(title=title) + "\n## Features\n" + feats + NOT
    cs = [c for k in range(1, lv + 1) for c in cases[str(k)]]
    task(CAT, "lua-interp/" + name, summary=summary, minutes=minutes, notes=notes, instructions=instr,
         files={"README.md": "Put the interpreter here as ./luai (see the instructions).\n"},
         tests={"run_lua.py": scorer, "cases.json": json.dumps(cs, indent=1) + "\n"},
         solve='cp "$(dirname "$0")/luai_impl.py" "$(dirname "$0")/luai" .\nchmod +x luai\npython3 -m compileall -q luai_impl.py >/dev/null',
         scorer={"kind": "json", "command": ["python3", "{tests}/run_lua.py"], "timeout_s": 300},
         requires=["python3"], tags=["interpreter", "lua", "parsing", "from-scratch"] + (["long"] if minutes >= 480 else []),
         domain="software", resources={"memory_mb": 4096, "processes": 64},
         extra_solution={"luai_impl.py": ref, "luai": wrapper})
    print(name, len(cs), "programs")
