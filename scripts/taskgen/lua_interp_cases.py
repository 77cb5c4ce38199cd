"""Hidden cases of the lua-interp family: python3 lua_interp_cases.py OUT.json [REFERENCE-ARGV...].
Runs every program with the real Lua 5.4 (Debian package lua5.4, needed only here) and records its
stdout and exit status; with a reference interpreter (e.g. tasks/lua-interp/full/solution/luai), also
runs it and reports every difference.  Programs are hand-written per level plus random ones (fixed
seeds).  The tests need only python3: the answers are recorded."""
import json, os, re, random, subprocess, sys, tempfile
P = {}  # level -> [(name, program)]

P[1] = [
("arith", r'''
-- integer arithmetic, precedence, unary minus, comparisons
local a, b = 17, 5
print(a + b, a - b, a * b, a % b, -a % b, a % -b)
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 - 4 * 5, -2 - -3, - - 4)
print(a < b, a <= 17, a > b, a >= 18, a == 17, a ~= 17)
print(100 - 10 - 1, 2 * -3, 7 % 7, 0 % 5, -0)
x = 3
y = x * x * x - 2 * x
print(x, y, z)
print(1 == 1, "a" == "a", "a" == "b", nil == false, 1 == "1")
'''),
("logic", r'''
print(nil, true, false)
print(true and 1, false and 1, nil and 1, 1 and nil, 1 or 2, nil or 2, false or nil)
print(not nil, not 0, not not "x", not false == true)
local v = nil
print(v or "default", v and v.x, 1 and 2 or 3, nil and 2 or 3)
print(1 < 2 and 2 < 3, 1 < 2 and 3 < 2 or "else")
if 0 then print("0 is true") end
if "" then print("empty string is true") end
'''),
("control", r'''
local i = 1
local total = 0
while i <= 10 do
  total = total + i
  i = i + 1
end
print("total", total)
local n = 27
local steps = 0
while n ~= 1 do
  if n % 2 == 0 then local h = 0 while h + h < n do h = h + 1 end n = h else n = 3 * n + 1 end
  steps = steps + 1
end
print("collatz", steps)
local k = 0
repeat
  local sq = k * k
  k = k + 1
until sq > 50
print("repeat", k)
for_level = 5
if for_level > 10 then print("big")
elseif for_level > 3 then print("medium")
elseif for_level > 1 then print("small")
else print("tiny") end
local j = 0
while true do
  j = j + 1
  if j > 4 then break end
  do
    local j = 100
    print("inner", j)
  end
end
print("j", j)
'''),
("strings", r'''
print("hello", 'single', "tab\there", "q\"uote", 'it\'s')
print("newline\nsecond", "back\\slash", "\65\066\x43", "\u{48}i")
print([[long
string]], [==[with ]] inside]==])
print([[
the first newline is dropped]], #[[
x]], [==[
]==] == "")
--[[ a long
comment ]] print("after comment")
--[==[ another ]==] print("done") -- trailing
local s = "abc"
print(s, s == "abc", "a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
'''),
("nested", r'''
local count = 0
local i = 0
while i < 6 do
  local j = 0
  while j < 6 do
    if (i + j) % 3 == 0 and i ~= j then
      count = count + 1
    end
    j = j + 1
  end
  i = i + 1
end
print(count)
local a, b = 0, 1
local n = 0
repeat
  a, b = b, a + b
  n = n + 1
until n == 40
print(a)
local p = 2
local primes = 0
while p < 200 do
  local d = 2
  local isp = true
  while d * d <= p do
    if p % d == 0 then isp = false break end
    d = d + 1
  end
  if isp then primes = primes + 1 end
  p = p + 1
end
print("primes", primes)
g = 1
do local g = 2 print(g) end
print(g)
'''),
("syntax_error", r'''
print("this must not print")
local x = = 3
'''),
("runtime_error", r'''
print("before")
local t = nil
print(t + 1)
print("not reached")
'''),
]
P[2] = [
("floats", r'''
print(1, 1.0, -1.5, 3 / 2, 4 / 2, 7 // 2, 7.0 // 2, 2^10, 2^0.5, 10 % 3.0)
print(1e15, 1e16, 123456789012345678, 0.1 + 0.2, 1/3, 100 / 3, -0.0, 1e100, 2^53, 2^63)
print(math.huge, -math.huge, 1/0, -1/0, math.pi, -math.pi)
print(3 == 3.0, 1 < 1.5, -2 < -1.5, 2^53 == 2^53 + 1)
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger, math.mininteger - 1)
print(math.maxinteger * 2, math.maxinteger + 0.0, 9007199254740993)
print(5 // 0.0, -5 // 0.0, 5 % math.huge, -5 % math.huge, 0x10, 0xff, 0xA.8p1, 1e2, .5, 3.)
print(math.type(1), math.type(1.0), math.type("1"), math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.ceil(-3.5))
print(math.abs(-4), math.abs(-4.5), math.max(1, 5, 3), math.max(1.5, 2), math.min(4, 2.5), math.sqrt(16), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, 2))
print(math.tointeger(3.0), math.tointeger(3.5), math.floor(2^62), 7 // -2, -7 // 2, 7 % -2, -7 % 2, 7.5 % -2)
'''),
("coercion", r'''
print("10" + 5, "3.5" * 2, 10 .. 20, 1.5 .. "x", 2.0 .. "", "0x10" + 0, " 7 " * 1)
print(tostring(12), tostring(12.0), tostring(-0.0), tonumber("42"), tonumber("4.2e1"), tonumber("  0x1F  "))
print(tonumber("abc"), tonumber(""), tonumber("1e"), tonumber("10", 2), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8))
print(tonumber(5), tonumber(5.5), tonumber("5."), tonumber(".5"), tonumber("-0x10"), tonumber("1 2"))
print(#"hello", #"", "abc" .. "def" .. 1 .. 2, "a" .. "b" == "ab")
print(10 == "10", 0.1 + 0.7, 3.0 == 3, "1" + "2", "2" ^ "3", -"2", 10 / "4")
local s = ""
for i = 1, 5 do s = s .. i .. "," end
print(s)
io.write("io.write: ", 1, " ", 2.5, " ", 3.0, "\n")
'''),
("functions", r'''
function fact(n)
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end
print(fact(10), fact(20), fact(21), fact(25.0))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(22))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(1071, 462), gcd(17, 5))
local function noret() end
print(noret(), (noret()))
local function twice(f, x) return f(f(x)) end
local function inc(x) return x + 1 end
print(twice(inc, 5), twice(function(x) return x * x end, 3))
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(3000))
local function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(10), even(7))
'''),
("forloops", r'''
for i = 1, 5 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 1.0, 3 do io.write(i, " ") end print()
for i = 1, 0 do print("never") end
for i = 3, 3 do print("once", i) end
for i = 1, 3.5 do io.write(i, " ") end print()
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end print()
for i = -1, -5, -2 do io.write(i, " ") end print()
local sum = 0
for i = 1, 100 do if i % 7 == 0 then sum = sum + i end end
print(sum)
for i = 1, 3 do
  local x = i * 10
  for j = 1, i do x = x + j end
  print(i, x)
end
local function step(n, i) if i < n then return i + 1 end end
for i in step, 4, 0 do io.write("r", i, " ") end print()
local function iter(limit, cur)
  cur = cur + 1
  if cur <= limit then return cur, cur * cur end
end
for i, sq in iter, 5, 0 do io.write(i, "=", sq, " ") end print()
for i = 1, 10 do if i > 3 then break end io.write(i) end print()
'''),
("numfmt", r'''
local vals = {}
print(100, -100, 1e14, 1e15, 123456.789, 0.000123, 1.5e-7, 12345678901234.5, 2^24, 2^-10)
print(3.14159265358979, 2/3, 10/2, 1e308 * 10, -1e308 * 10, 5e-324, 255 / 5)
print(8 // 3 * 3 + 8 % 3, 2^2^3, -2^2, (-2)^2, 2 * 3 ^ 2)
print(1 + 2 .. "", 3 .. 4 + 5)
print(7 / 7, 0 / 5, -0 / 5, 0.0 == -0.0)
print(math.floor(-0.0), 1e15 + 0.5, 2^53 + 1, 123e-2)
'''),
("overflow", r'''
local big = math.maxinteger
print(big + 1, big * 2, -big - 2, math.mininteger * -1, math.mininteger // -1)
print(big // 1, big / 1, big + 1.0)
print(9223372036854775807, 9223372036854775808, -9223372036854775808, 0x7fffffffffffffff, 0xffffffffffffffff)
local x = 1
for i = 1, 70 do x = x * 2 end
print(x)
local y = 1.0
for i = 1, 70 do y = y * 2 end
print(y)
print(math.abs(math.mininteger), 5 // 2 * 2.0, 2^63 == math.maxinteger + 1.0)
'''),
]

P[3] = [
("scopes", r"""
local x = 1
do local x = x + 1; print("inner", x) end
print("outer", x)
local function outer()
  local a = 0
  local function mid()
    local b = 10
    return function() a = a + 1; b = b + 1; return a, b end
  end
  local f1, f2 = mid(), mid()
  print(f1()); print(f1()); print(f2())
  return function() return a end
end
print(outer()())
local fs = {}
local i = 1
repeat
  local j = i
  fs[i] = function() j = j + 100; return j end
  i = i + 1
until j >= 3
print(fs[1](), fs[1](), fs[2](), fs[3]())
for _, name in ipairs({"p", "q"}) do fs[name] = function() return name end end
print(fs.p(), fs.q())
local t = {}
for k, v in pairs({10, 20, 30}) do t[#t + 1] = function() return k * v end end
print(t[1](), t[2](), t[3]())
print(select("#", ...), ...)
local function va(...)
  local a, b = ...
  local t = {..., "end"}
  return a, b, t[2], select("#", ...)
end
print(va(1, 2, 3))
print(va())
print((va(5, 6)))
local n = 0
local function count(...) n = n + select("#", ...) return ... end
print(count(count(1, 2), count(3)))
print(n)
"""),
("tables", r'''
local t = {10, 20, 30, x = "ex", ["y z"] = 5, [2 + 2] = "four"}
print(#t, t[1], t[2], t[3], t.x, t["y z"], t[4])
t[4] = 40
t.x = nil
print(#t, t.x, t[4.0], t[2^2])
local u = {}
for i = 1, 10 do u[i] = i * i end
print(#u, u[10])
u[#u + 1] = "last"
print(#u, u[11])
u[#u] = nil
print(#u)
local m = {}
m[1.0] = "float key"; m[2] = "int key"
print(m[1], m[2.0], m["1"])
m["1"] = "string key"
print(m[1], m["1"])
local keys = 0
for k, v in pairs({a = 1, b = 2, c = 3, 4, 5}) do keys = keys + 1 end
print("keys", keys)
local nested = {a = {b = {c = "deep"}}}
print(nested.a.b.c, #{}, #{nil}, #{1, 2, nil, 4} >= 2)
local s = {n = 0}
s.n = s.n + 1
s["n"] = s["n"] * 10
print(s.n, type(s), type(nil), type(print), type("x"), type(2), type(true))
local a1, a2 = {}, {}
print(a1 == a2, a1 == a1, rawequal(a1, a1), rawlen({1, 2}), rawget({5}, 1))
local bt = {}
bt[true] = "yes"; bt[false] = "no"; bt[1] = "one"
print(bt[true], bt[false], bt[1], bt[1 == 1])
'''),
("iteration", r'''
local t = {"a", "b", "c", "d"}
for i, v in ipairs(t) do io.write(i, v, " ") end print()
local holes = {1, 2, nil, 4}
local n = 0
for _ in ipairs(holes) do n = n + 1 end
print("ipairs stops at", n)
local seq = {}
for i = 1, 5 do seq[i] = i * 3 end
for k, v in pairs(seq) do io.write(k, "=", v, " ") end print()
local h = {apple = 3, banana = 5, cherry = 7, [10] = 1}
local ks = {}
for k in pairs(h) do ks[#ks + 1] = tostring(k) end
-- sort the keys by hand (insertion sort) to print them in a fixed order
for i = 2, #ks do
  local v = ks[i]
  local j = i - 1
  while j >= 1 and ks[j] > v do ks[j + 1] = ks[j]; j = j - 1 end
  ks[j + 1] = v
end
for i = 1, #ks do io.write(ks[i], " ") end print()
local total = 0
for k, v in pairs(h) do total = total + v end
print(total)
local k, v = next({}, nil)
print(k, v, next({7}))
local count = 0
local big = {}
for i = 1, 100 do big[i] = i end
for k, v in pairs(big) do if v % 2 == 0 then big[k] = nil end end
for k in pairs(big) do count = count + 1 end
print("left", count)
'''),
("closures", r'''
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local acc = {}
local j = 1
while j <= 3 do
  local k = j * 10
  acc[j] = function() k = k + 1 return k end
  j = j + 1
end
print(acc[1](), acc[1](), acc[2](), acc[3]())
local function make()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = make()
set(42)
print(get())
local function adder(x) return function(y) return function(z) return x + y + z end end end
print(adder(1)(2)(3))
local shared = 0
local function bump() shared = shared + 1 end
bump(); bump()
print(shared)
local function memo(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local slowsq = memo(function(n) return n * n end)
print(slowsq(12), slowsq(12))
local fib
fib = memo(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80))
'''),
("multi", r'''
local function three() return 1, 2, 3 end
local function args(a, b, c) return a, b, c end
print(args(1), args(1, 2, 3, 4))
local a, b, c, d = three()
print(a, b, c, d)
local x, y = three(), 10
print(x, y)
print(three(), three())
print((three()))
local t = {three(), three()}
print(#t)
local t2 = {three(), (three())}
print(#t2)
a, b = b, a
print(a, b)
local p, q, r = 1
print(p, q, r)
local function none() end
local n1, n2 = none()
print(n1, n2, select("#", none()), select("#", nil, nil))
local function pass(...) return ... end
print(pass(1, nil, 3))
print(select("#", pass(1, nil, 3)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(), sum(1), sum(1, 2, 3, 4.5))
local function packed(...)
  local t = {...}
  local p = table.pack(...)
  return #t, p.n
end
print(packed(1, 2, 3), packed())
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3))
local function first(...) local f = ... return f end
print(first(9, 8, 7))
local function va(a, ...) return a, select("#", ...) end
print(va(), va(1), va(1, 2, 3))
local function tail(n, ...) if n == 0 then return ... end return tail(n - 1, n, ...) end
print(tail(4))
'''),
("methods", r'''
local Account = {}
function Account.new(balance) return {balance = balance, deposit = Account.deposit, report = Account.report} end
function Account.deposit(self, v) self.balance = self.balance + v end
function Account:report() return "balance " .. self.balance end
local acc = Account.new(100)
acc:deposit(50)
acc.deposit(acc, 25)
print(acc:report(), acc.balance)
local obj = {name = "obj", parts = {}}
function obj.parts:add(x) self[#self + 1] = x return self end
obj.parts:add("a"):add("b"):add("c")
print(#obj.parts, obj.parts[3])
local s = {items = {}}
function s:push(v) table.pack(v) self.items[#self.items + 1] = v end
function s:pop() local v = self.items[#self.items]; self.items[#self.items] = nil; return v end
s:push(1); s:push(2); s:push(3)
print(s:pop(), s:pop(), #s.items)
local calls = 0
local function getobj() calls = calls + 1 return acc end
getobj():deposit(1)
print(calls, acc.balance)
'''),
("queue", r'''
-- a binary heap and a queue built on tables
local heap = {}
local function push(h, v)
  h[#h + 1] = v
  local i = #h
  while i > 1 do
    local p = i // 2
    if h[p] <= h[i] then break end
    h[p], h[i] = h[i], h[p]
    i = p
  end
end
local function pop(h)
  local top = h[1]
  local last = h[#h]
  h[#h] = nil
  if #h > 0 then
    h[1] = last
    local i = 1
    while true do
      local l, r, s = 2 * i, 2 * i + 1, i
      if l <= #h and h[l] < h[s] then s = l end
      if r <= #h and h[r] < h[s] then s = r end
      if s == i then break end
      h[s], h[i] = h[i], h[s]
      i = s
    end
  end
  return top
end
local seed = 7
for i = 1, 40 do seed = (seed * 1103515245 + 12345) % 2147483648; push(heap, seed % 1000) end
local out = {}
while #heap > 0 do out[#out + 1] = pop(heap) end
local line = ""
for i = 1, #out do line = line .. out[i] .. " " end
print(line)
local words = {}
for i = 1, 5 do words[#words + 1] = {id = i, tag = "w" .. i} end
for _, w in ipairs(words) do io.write(w.id, w.tag, ";") end print()
local grid = {}
for r = 1, 4 do grid[r] = {} for c = 1, 4 do grid[r][c] = r * c end end
print(grid[3][4], #grid, #grid[1])
'''),
]
P[4] = [
("strmethods", r"""
local s = "Lua Interp"
print(s:len(), s:sub(2, 3):upper(), ("%d-%d"):format(1, 2), s:byte(-1), #s:rep(3, "/"))
local up = setmetatable({}, {__index = function(_, k) return string.upper(k) end, __len = function() return 99 end})
print(up.abc, up["x y"], #up)
local log = {}
local cnt = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
cnt.a = 1; cnt.a = 2; cnt.b = 3
print(#log, log[1], log[2], cnt.a)
local ops = {}
local mt = {}
for _, e in ipairs({"add", "sub", "mul", "div", "mod", "pow", "idiv", "concat"}) do
  mt["__" .. e] = function(a, b) ops[#ops + 1] = e; return e end
end
local o = setmetatable({}, mt)
print(o + 1, 1 - o, o * o, o / 2, o % 3, 2 ^ o, o // 1, o .. "x", "x" .. o, 1 .. o)
print(#ops)
local lt = {__lt = function(a, b) return a.v < b.v end, __le = function(a, b) return a.v <= b.v end}
local a, b = setmetatable({v = 1}, lt), setmetatable({v = 2}, lt)
print(a < b, a > b, a <= b, a >= b, b <= a, not (a < a))
print((pcall(function() return a < 1 end)))
print((pcall(function() return {} < {} end)), (pcall(function() return {} .. "" end)))
print(tostring(setmetatable({}, {__tostring = function() return 42 end})) == "42" or "n/a")
print(string.format("%3s|%-3s|%s", "ab", "ab", setmetatable({}, {__tostring = function() return "T" end})))
print(rawequal("a", "a"), rawequal(1, 1.0), rawlen("abc"), rawget(setmetatable({}, {__index = {x = 1}}), "x"))
print(string.format("[%10.3f] [%-8d] [%+.2e] [%x]", -1/3, 42, 123456, 3735928559))
"""),
("meta_index", r'''
local defaults = {color = "red", size = 1}
local obj = setmetatable({size = 5}, {__index = defaults})
print(obj.color, obj.size, obj.missing, rawget(obj, "color"))
local calls = {}
local dyn = setmetatable({}, {__index = function(t, k) calls[#calls + 1] = k return k .. "!" end})
print(dyn.foo, dyn[1], #calls)
local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({x = x}, Base) end
function Base:get() return self.x end
function Base:name() return "base" end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
function Derived.new(x, y) local o = Base.new(x) o.y = y return setmetatable(o, Derived) end
function Derived:name() return "derived " .. self.y end
local d = Derived.new(1, 2)
print(d:get(), d:name(), Base.new(9):name(), getmetatable(d) == Derived)
local log = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v * 2) end})
proxy.a = 1
proxy.a = 5
proxy.b = 2
print(proxy.a, proxy.b, #log)
local store = {}
local p2 = setmetatable({}, {__newindex = store, __index = store})
p2.x = 10
print(rawget(p2, "x"), store.x, p2.x)
local ro = setmetatable({}, {__metatable = "locked"})
print(getmetatable(ro), pcall(setmetatable, ro, {}))
print(getmetatable("abc").__index == string, ("x"):rep(3))
'''),
("meta_ops", r'''
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y end
V.__le = function(a, b) return a.x * a.x + a.y * a.y <= b.x * b.x + b.y * b.y end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__len = function(a) return 2 end
V.__concat = function(a, b) return tostring(a) .. "|" .. tostring(b) end
V.__call = function(self, k) return self[k] end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(2 * a), tostring(a * 3), tostring(-a))
print(a == vec(1, 2), a ~= b, a < b, a <= b, a > b, b >= a, #a)
print(a .. b, a .. "s", "s" .. a, a("x"), a("y"))
print(tostring(b / 2), tostring(b % 3), tostring(a ^ 2), tostring(b // 2))
print(vec(1, 1) == vec(1, 1), rawequal(vec(1, 1), vec(1, 1)))
local t1 = setmetatable({}, {__eq = function() return true end})
local t2 = setmetatable({}, {__eq = function() return true end})
print(t1 == t2, t1 == {}, t1 == 1)
local named = setmetatable({}, {__tostring = function() return "I am named" end})
print(named)
local callable = setmetatable({}, {__call = function(self, a, b) return a + b, "extra" end})
print(callable(3, 4))
'''),
("errors", r'''
print(pcall(error, "plain"))
print(pcall(function() error("with position") end))
print(pcall(function() error("no position", 0) end))
local function lvl2() error("blame caller", 2) end
print(pcall(function()
  lvl2()
end))
local ok, e = pcall(function() error({code = 42}) end)
print(ok, type(e), e.code)
print(pcall(function() error(123) end))
print(pcall(function() return 1, 2, 3 end))
print(pcall(function(...) return select("#", ...) end, 1, 2))
print(select("#", pcall(error)))
print(pcall(assert, false))
print(pcall(assert, nil, "assert msg"))
print(pcall(assert, 1, 2, 3))
print(xpcall(function() error("xp") end, function(m) return "handled: " .. m end))
print(xpcall(function() return "fine" end, print))
local ok2, msg2 = pcall(function() local x = nil; return x.field end)
print(ok2, type(msg2))
local ok3 = pcall(function() return 1 + {} end)
print(ok3)
local function nested()
  local ok, err = pcall(error, "inner")
  error("outer after " .. err, 0)
end
print(pcall(nested))
local r = {pcall(pcall, error, "x")}
print(r[1], r[2], r[3])
local obj = setmetatable({}, {__tostring = function() return "custom error" end})
print(pcall(error, obj))
print(tostring(select(2, pcall(error, obj))))
'''),
("strlib", r'''
local s = "Hello, World"
print(#s, s:len(), string.len(""), s:upper(), s:lower(), string.upper("mIxEd"))
print(s:sub(1, 5), s:sub(-5), s:sub(-5, -2), s:sub(8), s:sub(0), s:sub(5, 2), s:sub(-100, 3), s:sub(3, 100))
print(("ab"):rep(3), ("ab"):rep(3, ", "), ("x"):rep(0), ("x"):rep(-1), string.rep("-", 10))
print(s:reverse(), (""):reverse(), s:byte(), s:byte(1, 3), s:byte(-1), s:byte(100))
print(string.char(76, 117, 97), string.char(), ("%d"):format(7))
print(string.format("%d %5d %-5d| %05d %+d", 42, 42, 42, 42, 42))
print(string.format("%s %10s %-10s| %.2s", "str", "right", "left", "truncate"))
print(string.format("%f %.2f %10.3f %-10.1f| %.0f", 3.14159, 3.14159, 3.14159, 3.14159, 2.5))
print(string.format("%x %X %08x %o", 255, 255, 48879, 8))
print(string.format("%g %g %g %g", 1.5, 100000, 1e20, 0.0001))
print(string.format("%c%c%c", 76, 117, 97), string.format("%%"), string.format("%s %s", 1, 1.5))
print(string.format("%s %s %s", true, nil, "x"), string.format("%d", 3.0))
print(string.format("%5.1f|%-8.3f|%e", -2.25, 1/3, 12345.678))
local parts = {}
for i = 1, #s do
  local c = s:sub(i, i)
  if c >= "a" and c <= "z" then parts[#parts + 1] = c:upper() else parts[#parts + 1] = c:lower() end
end
print(table.unpack(parts))
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(string.format("[%s] [%6s]", obj, obj))
print(("abc"):upper():lower():rep(2), ("%s=%d"):format("k", 10))
'''),
("classes", r'''
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) local a = setmetatable({}, Animal) a.name = name a.sound = sound return a end
function Animal:speak() return self.name .. " says " .. self.sound end
Animal.__tostring = function(a) return "Animal(" .. a.name .. ")" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = Animal.__tostring
function Dog.new(name) local d = Animal.new(name, "woof") return setmetatable(d, Dog) end
function Dog:fetch() return self.name .. " fetches" end
local d = Dog.new("Rex")
local c = Animal.new("Tom", "meow")
print(d:speak(), d:fetch(), c:speak(), tostring(d), tostring(c))
print((pcall(function() return c:fetch() end)))
local Stack = {}
Stack.__index = Stack
Stack.__len = function(s) return s.n end
function Stack.new() return setmetatable({n = 0, items = {}}, Stack) end
function Stack:push(...) for i = 1, select("#", ...) do self.n = self.n + 1; self.items[self.n] = (select(i, ...)) end return self end
function Stack:pop() local v = self.items[self.n]; self.items[self.n] = nil; self.n = self.n - 1; return v end
local st = Stack.new():push(1, 2, 3)
print(#st, st:pop(), #st)
local counter = setmetatable({}, {__index = function(t, k) return 0 end})
for _, w in ipairs({"a", "b", "a", "c", "a"}) do counter[w] = counter[w] + 1 end
print(counter.a, counter.b, counter.c, counter.z)
local fib = setmetatable({[0] = 0, [1] = 1}, {__index = function(t, n) local v = t[n - 1] + t[n - 2]; t[n] = v; return v end})
print(fib[50], fib[90])
'''),
]

P[5] = [
("co_more", r"""
local co = coroutine.create(function(...)
  print("args", ...)
  print("status inside", coroutine.status(coroutine.running()))
  local ok, err = pcall(function()
    local v = coroutine.yield("yield in pcall")
    error("after " .. v, 0)
  end)
  print("caught", ok, err)
  local w = coroutine.wrap(function() coroutine.yield("inner wrap") return "inner done" end)
  print(w(), w())
  return select("#", coroutine.yield())
end)
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, "resume value"))
print(coroutine.resume(co, "a", "b", "c"))
print(coroutine.status(co), coroutine.resume(co))
local function deep(n) if n == 0 then coroutine.yield("bottom") return "up" end return deep(n - 1) end
local d = coroutine.wrap(function() return deep(200) end)
print(d(), d())
local tree = {v = 1, l = {v = 2, l = {v = 4}, r = {v = 5}}, r = {v = 3, r = {v = 6}}}
local function walk(t) if t then walk(t.l); coroutine.yield(t.v); walk(t.r) end end
local vals = {}
for v in coroutine.wrap(function() walk(tree) end) do vals[#vals + 1] = v end
print(table.concat(vals, " "))
for i = 1, 3 do
  for j = 1, 3 do
    if (i + j) % 2 == 0 then goto skip end
    io.write(i, "-", j, " ")
    ::skip::
  end
end
print()
local t = {}
for i = 1, 10 do table.insert(t, 1, i) end
print(table.concat(t, ","), table.remove(t, 5), #t, table.concat(t, ",", 8))
print(pcall(coroutine.resume, coroutine.running()))
"""),
("coroutines", r'''
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "end", 99
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co))
print(coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "last" end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i, i * i) end end) end
for i, sq in range(4) do io.write(i, ":", sq, " ") end print()
local bad = coroutine.create(function() error("inside") end)
print(coroutine.resume(bad))
print(coroutine.status(bad))
local bad2 = coroutine.create(function() error({1, 2}) end)
local ok, e = coroutine.resume(bad2)
print(ok, type(e), #e)
print(coroutine.isyieldable(), coroutine.resume(coroutine.create(function() return coroutine.isyieldable() end)))
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function()
    print("inner sees outer", coroutine.status(outer))
    coroutine.yield("from inner")
  end)
  print(coroutine.resume(inner))
  print("outer running", coroutine.status(outer))
  coroutine.yield("from outer")
end)
print(coroutine.resume(outer))
local main, ismain = coroutine.running()
print(type(main), ismain)
print(pcall(coroutine.yield, 1))
local wrapped = coroutine.wrap(function() error("wrapped error") end)
print(pcall(wrapped))
'''),
("producer", r'''
local function producer(items)
  return coroutine.create(function()
    for _, v in ipairs(items) do coroutine.yield(v) end
  end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local p = filter(producer({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), function(x) return x % 3 ~= 0 end)
local out = {}
while true do
  local ok, v = coroutine.resume(p)
  if not v then break end
  out[#out + 1] = v
end
print(table.concat(out, ","))
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count = 0
for p in coroutine.wrap(function() permgen({1, 2, 3, 4}) end) do
  count = count + 1
  if count <= 3 then print(table.concat(p, " ")) end
end
print("perms", count)
local cos = {}
for i = 1, 5 do
  cos[i] = coroutine.create(function() local s = 0 for k = 1, i do s = s + k; coroutine.yield(s) end return "done" .. i end)
end
for round = 1, 6 do
  local line = {}
  for i = 1, 5 do local ok, v = coroutine.resume(cos[i]); line[#line + 1] = tostring(v) end
  print(table.concat(line, " "))
end
'''),
("goto_bits", r'''
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local n = 0
::top::
n = n + 1
if n < 5 then goto top end
print("n", n)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, j, " ")
  end
  ::next_i::
end
print()
do
  local k = 0
  ::again::
  k = k + 1
  if k < 3 then goto again end
  print("k", k)
end
print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 4, 256 >> 4, -1 >> 60, 1 << 63, 1 << 64, 3 << -1, -1 << 1)
print(0xFF & 0x0F, 7 // 2, -7 // 2, 7 // -2, 7.5 // 2, -7.5 // 2, 1 // 0.0, 3.0 & 1, 2^2 | 0)
print(pcall(function() return 1.5 | 0 end))
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(math.ult(1, -1), math.ult(-1, 1), 0x7fffffffffffffff + 1 == math.mininteger)
local x = 0
for i = 0, 15 do if i & 1 == 1 then x = x | (1 << i) end end
print(x, x ~ 0xFFFF, ~x & 0xFFFF)
'''),
("tablelib", r'''
local t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "z"); table.insert(t, 2, "y")
print(table.concat(t, ","), #t)
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove({}), #t)
print(table.concat({1, 2.5, "x"}, "-"), table.concat({}, ","), table.concat({"a", "b", "c"}, ", ", 2, 3))
print((pcall(table.concat, {1, {}, 3})))
print((pcall(table.insert, {1, 2}, 5, "x")))
local nums = {5, 2, 8, 1, 9, 3, 7, 4, 6, 10}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
local words = {"pear", "Apple", "fig", "banana", "kiwi", "date"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, " "))
local recs = {}
for i = 1, 20 do recs[i] = {id = i, score = (i * 37) % 11} end
table.sort(recs, function(a, b) if a.score ~= b.score then return a.score > b.score end return a.id < b.id end)
local out = {}
for i = 1, #recs do out[i] = recs[i].id .. ":" .. recs[i].score end
print(table.concat(out, " "))
local big = {}
local seed = 42
for i = 1, 200 do seed = (seed * 16807) % 2147483647; big[i] = seed % 1000 end
table.sort(big)
local okk = true
for i = 2, #big do if big[i - 1] > big[i] then okk = false end end
print(okk, big[1], big[200], #big)
print(table.unpack({table.remove({1, 2, 3}, 1)}))
print((pcall(table.sort, {3, "a", 1})))
'''),
("scheduler", r'''
local tasks = {}
local log = {}
local function spawn(name, n)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(function()
    for i = 1, n do log[#log + 1] = name .. i; coroutine.yield() end
    return name .. " finished"
  end)}
end
spawn("a", 3); spawn("b", 1); spawn("c", 2)
while #tasks > 0 do
  local i = 1
  while i <= #tasks do
    local t = tasks[i]
    local ok, res = coroutine.resume(t.co)
    if coroutine.status(t.co) == "dead" then
      print(res)
      table.remove(tasks, i)
    else
      i = i + 1
    end
  end
end
print(table.concat(log, " "))
local function fibgen()
  local a, b = 0, 1
  return coroutine.wrap(function() while true do coroutine.yield(a); a, b = b, a + b end end)
end
local g = fibgen()
local fs = {}
for i = 1, 15 do fs[i] = g() end
print(table.concat(fs, ","))
local co = coroutine.wrap(function(...)
  local args = {...}
  while true do
    local sum = 0
    for _, v in ipairs(args) do sum = sum + v end
    args = {coroutine.yield(sum)}
  end
end)
print(co(1, 2, 3), co(10), co(), co(5, 5))
'''),
]
P[6] = [
("bytes", r"""
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(#s, s:byte(1), s:byte(-1), s:sub(66, 70), s:byte(129, 131))
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum)
print("\200\255" > "z", "\0a" < "\0b", #"\0\0\0", ("a\0b"):upper(), ("\200x"):upper() == "\200X")
print(string.format("%q", "tab\tcr\rnul\0" .. "1 hi\200\255 del\127 bell\a"))
local counts = {}
for _, cl in ipairs({"%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%S", "[%w_]", "[^%c%s]", "[\128-\255]"}) do
  local _, n = s:gsub(cl, "")
  counts[#counts + 1] = cl .. "=" .. n
end
print(table.concat(counts, " "))
print(("caf\195\169 na\195\175ve"):gsub("[\128-\255]+", "?"))
print(("x\0y\0z"):find("\0", 1, true), ("x\0y\0z"):find("%z") == nil or "has %z", #("x\0y"):rep(3, "\0"))
io.write("raw bytes: ", "\1\2\255", "\n")
print(("%s|%5s|%-5s|"):format("\200", "\201", "\202"))
"""),
("patterns", r'''
print(string.find("hello world", "o w"), string.find("hello", "l"), string.find("hello", "xyz"))
print(string.find("a.b.c", ".", 1, true), string.find("a.b.c", "%."), string.find("abc", "b", -1), string.find("abc", "", 10))
print(string.find("hello", "(l)(l)"), string.find("key = value", "(%w+)%s*=%s*(%w+)"))
print(string.match("hello 123 world", "%d+"), string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("  trim me  ", "^%s*(.-)%s*$") .. "|", string.match("abc", "^b"), string.match("abc", "c$"))
print(string.match("key=val", "(%w+)=(%w*)"), string.match("f(a(b)c)d", "%b()"), string.match("THE (quick) fox", "%f[%a]%a+"))
print(string.match("hello", "()ll()"), string.match("aaa", "a-"), string.match("aaa", "a-$"), string.match("aaab", "a*"))
print(string.match("abc123", "[%a]+"), string.match("abc123", "[^%a]+"), string.match("x-y_z", "[%w_-]+"), string.match("A1b2", "[a-z%d]+"))
print(string.match("say \"hi\" now", '"(.-)"'), string.match("abcabc", "(abc)%1"), string.match("[test]", "%[(.*)%]"))
print(string.match("hello", ".-(l+)(.*)"), string.match("one;two", "^(.-);"), string.match("x", "x?x?x"))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for w in string.gmatch("The quick brown fox", "%a+") do io.write(w:lower(), ".") end print()
for pos in string.gmatch("abcabc", "()b") do io.write(pos, " ") end print()
for e in string.gmatch("abc", "") do io.write("[", e, "]") end print()
print(string.gsub("hello world", "o", "0"), string.gsub("hello world", "o", "0", 1))
print(string.gsub("hello world", "(%w+)", "<%1>"), string.gsub("abc", "%w", "%0%0"))
print(string.gsub("hello world", "(%w+) (%w+)", "%2 %1"), string.gsub("abc", "", "-"))
print(string.gsub("$name is $age", "%$(%w+)", {name = "Bob", age = 42}))
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end), string.gsub("a b", "%w", function() end))
print(string.gsub("x = 1 + 2", "%s", ""), string.gsub("100%", "%%", " percent"), string.gsub("a.b", "%.", "%%"))
print(string.gsub("THE (quick) fox", "%f[%a]%a", string.lower), string.gsub("  x  ", "^%s+", ""))
print(pcall(string.rep), pcall(string.match, "x", "("), (pcall(string.gsub, "x", "(", "")))
print(pcall(string.find, "a", "[a"), pcall(string.match, "a", "%"), (pcall(string.gsub, "abc", "%w", "%2")))
print(("CamelCaseString"):gsub("(%u)", " %1"), ("a,b,,c"):gsub(",", ";"))
local csv = "name,age,,city"
local fields = {}
for f in (csv .. ","):gmatch("([^,]*),") do fields[#fields + 1] = "<" .. f .. ">" end
print(table.concat(fields))
'''),
("format2", r'''
print(string.format("%q", 'a "quoted"\n string\\ with \0 zero and \1 ctrl'))
print(string.format("%q %q %q", 1, 2.5, math.mininteger))
print(string.format("%5.1s|%-6.2s|%.0s|", "abc", "xyz", "gone"))
print(string.format("%+.3e %E %.0e", 12345.6789, 0.00012, 5e10))
print(string.format("%g %g %g %g %g %g", 0.1, 1e-5, 123456789, 1e15, 2^53, -0.0))
print(string.format("%.3g %.10g %#g %G", math.pi, 1/3, 1.0, 1e-20))
print(string.format("%#x %#o %5x %-5X|", 255, 8, 10, 10))
print(string.format("%x %X", -1, math.mininteger))
print(string.format("% d % d %+5d %-+5d|", 5, -5, 3, 3))
print(string.format("%.14g %.17g %.3f %.20f", 0.1, 0.1, 2/3, 0.5))
print(string.format("%10.4f|%-10.4f|%010.4f", math.pi, math.pi, -math.pi))
print(string.format("%f %f %.1f", 1e15, -1e-7, 0.05), string.format("%.0f %.0f %.0f", 0.5, 1.5, 2.5))
print(string.format("%d", -0), string.format("%s", -0.0), string.format("%i", 42))
print((pcall(string.format, "%d", 1.5)), (pcall(string.format, "%d", "x")))
print(string.format("%-20s|%20s", "left", "right"))
print(string.format("%5s%%", 50), string.format("%3d|%-3d|%03d", 1234, 1234, 1234))
print(string.format("%.3f %.3f %.2f", 1.0005, 2.675, 1.005))
print(string.format("%s %s", 1e100, -1e-100), string.format("%d %s", 3, 2^63))
'''),
("tostring_floats", r'''
local vals = {0.1, 0.5, 1/3, 2/3, 1e-5, 1.5e-10, 123.456, 1e14, 1e15, 1e16, 1e17, 12345678901234567,
  3.14159265358979, 2.718281828459045, 1e300, 1.7976931348623157e308, 2.2250738585072014e-308,
  100.0, -100.0, 1e2, 5e-1, 0.1 + 0.2, 1 - 0.9, 1e15 / 3, 2^52 + 0.5, 2^-1074, 123456789012.0, 99999999999999.9}
for i = 1, #vals do io.write(tostring(vals[i]), " ") end print()
for i = 1, #vals do io.write(vals[i], " ") end print()
print(3 % -2.0, -3 % 2.0, 5.0 // 0.3, 1e308 + 1e308, -(0.0), 0.0 * -1)
print(math.tointeger(2^53), math.floor(1e100) == 1e100, math.type(math.floor(1e100)), math.type(2^31 // 1))
print(7.0, 7.10, -7.25e3, 1e-3, 12e-1, 0x1p-2, 0x.8, 1e+2)
print(255 // 1.0, 10 / 4 * 4, 2^63 // 1, -2^63 // 1 == math.mininteger)
'''),
("errmsgs", r'''
local function strip(msg) return (string.gsub(msg, " %(.*%)$", "")) end
local function try(f, ...) local ok, m = pcall(f, ...) print(ok, type(m) == "string" and strip(m) or m) end
try(function() local x = nil; return x + 1 end)
try(function() return {} + 1 end)
try(function() return "abc" + 1 end)
try(function() local t = nil; return t.x end)
try(function() local t = {}; return t.a.b end)
try(function() undefined_fn() end)
try(function() local t = {}; t.method() end)
try(function() return 1 < "2" end)
try(function() return {} < {} end)
try(function() return nil .. "x" end)
try(function() return "x" .. {} end)
try(function() return #nil end)
try(function() return -{} end)
try(function() local t = nil; t[1] = 5 end)
try(function() error("custom") end)
try(function() error("level2", 2) end)
try(function() for i = 1, "x" do end end)
try(function() for i = 1, 10, 0 do end end)
try(function() return 1 & 1.5 end)
try(function() return ("x"):bad() end)
try(function() local a = {} ; a[nil] = 1 end)
try(function() return 2^53 | 0 end)
try(function() return math.huge // 1 | 0 end)
try(function() error() end)
try(function() error(nil) end)
try(function() setmetatable({}, {__index = function(t, k) error("no field " .. k) end}).zzz = nil; return setmetatable({}, {__index = function(t, k) error("no field " .. k) end}).foo end)
try(function()
  local t = setmetatable({}, {__add = function(a, b) error("bad add", 2) end})
  return t + 1
end)
print("end")
'''),
("uncaught", r'''
print("partial output")
io.write("no newline yet")
local function f() error("fatal problem") end
f()
print("never")
'''),
("uncaught_table", r'''
print("one")
error({code = 1})
'''),
("textproc", r'''
local text = [[
The quick brown fox jumps over the lazy dog. The dog sleeps.
A fox, a dog; and THE end!
]]
local freq = {}
for w in text:gmatch("%a+") do w = w:lower(); freq[w] = (freq[w] or 0) + 1 end
local ws = {}
for w in pairs(freq) do ws[#ws + 1] = w end
table.sort(ws, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
for i = 1, 6 do io.write(ws[i], "=", freq[ws[i]], " ") end print()
print((text:gsub("%s+", " ")))
print(select(2, text:gsub("%p", "")))
local function split(s, sep) local out = {} for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end return out end
print(table.concat(split("a,b,,c", ","), "|"), #split("x.y.z", "."))
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  padded  ") .. "]")
local template = "Dear ${name}, you owe ${amount}."
print((template:gsub("%${(%w+)}", {name = "Ann", amount = string.format("%.2f", 12.5)})))
local date = "2026-12-03T16:45:09"
local y, mo, d, h, mi, s = date:match("^(%d+)-(%d+)-(%d+)T(%d+):(%d+):(%d+)$")
print(y + 0, mo + 0, d * 1, h, mi, s, math.type(y + 0))
print(("%d items at %5.2f = %8.3f"):format(3, 1.5, 3 * 1.5))
local hex = ("hello"):gsub(".", function(c) return string.format("%02x", c:byte()) end)
print(hex, (hex:gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)))
print(("  a  b   c "):gsub("%s+", " "), ("abc"):gsub(".", {a = 1, b = false}))
'''),
]


def rand_arith(rng, n):
    """Random arithmetic over integers, floats and numeric strings, one print per line; a line is kept
    when Lua runs it without an error (integer division by zero) and prints no NaN (its sign is
    platform-dependent)."""
    atoms = ["0", "1", "2", "3", "7", "-5", "10", "0.5", "2.5", "-1.25", "1e3", "3.0", "100", "0x10",
             "math.maxinteger", "math.mininteger", "'4'", "'1.5'", "1e15", "0.1", "123456789"]
    ops = ["+", "-", "*", "/", "%", "//", "^"]
    def expr(d):
        if d == 0 or rng.random() < 0.3:
            return rng.choice(atoms)
        op = rng.choice(ops)
        return "(" + expr(d - 1) + " " + op + " " + expr(d - 1) + ")"
    keep = []
    while len(keep) < n:
        es = [expr(rng.randint(1, 3)) for _ in range(4)]
        es.append(expr(1) + " " + rng.choice(["<", "<=", "==", "~=", ">"]) + " " + expr(1))
        line = "print(" + ", ".join(es) + ")"
        out, rc, _ = run(["lua5.4"], line + "\n")
        if rc == 0 and not re.search(r"\bnan\b", out):
            keep.append(line)
    return "\n".join(keep) + "\n"



def rand_basic(rng, n):
    """Random integer arithmetic (precedence, floor modulo, unary minus) and logic over mixed values."""
    lines = ["local a, b, c, s, t, u = 7, -3, 12, 'x', 'y', nil"]
    ints = ["0", "1", "2", "3", "5", "9", "-4", "17", "100", "a", "b", "c"]
    def iexpr(d):
        if d == 0 or rng.random() < 0.25:
            return rng.choice(ints)
        op = rng.choice(["+", "-", "*", "%", "-u"])
        if op == "-u":
            return "- " + iexpr(d - 1)
        if op == "%":
            return iexpr(d - 1) + " % " + rng.choice(["3", "-3", "7", "a", "b", "(c + 1)"])
        l, r = iexpr(d - 1), iexpr(d - 1)
        return ("(%s %s %s)" if rng.random() < 0.5 else "%s %s %s") % (l, op, r)
    vals = ["nil", "false", "true", "0", "1", "s", "t", "u", "''", "a"]
    def lexpr(d):
        if d == 0 or rng.random() < 0.3:
            if rng.random() < 0.4:
                return "%s %s %s" % (iexpr(1), rng.choice(["<", "<=", ">", ">=", "==", "~="]), iexpr(1))
            return rng.choice(vals)
        k = rng.random()
        if k < 0.2:
            return "not (" + lexpr(d - 1) + ")"
        return "(%s %s %s)" % (lexpr(d - 1), rng.choice(["and", "or"]), lexpr(d - 1))
    for i in range(n):
        lines.append("print(" + ", ".join(iexpr(rng.randint(1, 4)) for _ in range(4)) + ")")
        lines.append("print(" + ", ".join(lexpr(rng.randint(1, 3)) for _ in range(4)) + ")")
    return "\n".join(lines) + "\n"


def rand_floats(rng, n):
    vals = []
    for i in range(n):
        k = rng.randint(0, 5)
        if k == 0:
            vals.append(repr(rng.uniform(-1000, 1000)))
        elif k == 1:
            vals.append("%de%d" % (rng.randint(1, 99999), rng.randint(-30, 30)))
        elif k == 2:
            vals.append("%d/%d" % (rng.randint(1, 1000), rng.randint(1, 1000)))
        elif k == 3:
            vals.append("2^%d" % rng.randint(-60, 70))
        elif k == 4:
            vals.append("%d.%d" % (rng.randint(0, 10 ** rng.randint(1, 15)), rng.randint(0, 999)))
        else:
            vals.append("%r * %d" % (rng.random(), rng.randint(1, 10 ** 8)))
    out = []
    for i in range(0, len(vals), 6):
        out.append("print(" + ", ".join(vals[i:i + 6]) + ")")
    for i in range(0, len(vals), 6):
        out.append("print(string.format('%g %.3f %.10g %e %5.1f %.0f', " + ", ".join(["(" + v + ")" for v in vals[i:i + 1]] * 6) + "))")
    return "\n".join(out) + "\n"


def rand_patterns(rng, n):
    subjects = ["hello world", "key=value; k2=v2", "(a(b)c) [x]", "  spaced  out  ", "abc123def456", "a,b,,c",
                "The Quick Brown Fox", "x=1, y=22, z=333", "2026-12-03", "foo.bar.baz", "aaa bbb aaa", ""]
    pats = ["%a+", "%d+", "(%w+)=(%w+)", "%s+", "^%s*(.-)%s*$", "%b()", "%b[]", "[^,]*", "(%a)(%a*)", "%u%l+",
            "%f[%w]%w+", "(%d+)-(%d+)", "a-b", ".-%.", "[%.%-]", "()a()", "(a+)", "%p", "[aeiou]", "%w%w?$",
            "^(%w+)", "(.)%1", "[a-c]+", "[^%s]+", "x?y?z?", "o."]
    out = []
    for i in range(n):
        s = rng.choice(subjects)
        p = rng.choice(pats)
        q = json.dumps(s)
        r = rng.choice(["'<%0>'", "'%1'", "string.upper", "{a='A', hello='HI'}", "''"])
        out.append("print(pcall(string.find, %s, %s))" % (q, json.dumps(p)))
        out.append("print(pcall(string.match, %s, %s, %d))" % (q, json.dumps(p), rng.randint(-3, 4)))
        out.append("print(pcall(string.gsub, %s, %s, %s))" % (q, json.dumps(p), r))
        out.append("do local t = {} for a, b in string.gmatch(%s, %s) do t[#t + 1] = tostring(a) .. '/' .. tostring(b) end print(table.concat(t, ' ')) end" % (q, json.dumps(p)))
    return "\n".join(out) + "\n"


def programs():
    rng = random.Random(5413)
    progs = {lv: list(P[lv]) for lv in P}
    for k in range(2):
        progs[1].append(("random_basic_%d" % k, rand_basic(rng, 20)))
    for k in range(4):
        progs[2].append(("random_arith_%d" % k, rand_arith(rng, 25)))
    for k in range(3):
        progs[6].append(("random_floats_%d" % k, rand_floats(rng, 36)))
    for k in range(3):
        progs[6].append(("random_patterns_%d" % k, rand_patterns(rng, 20)))
    return progs


def run(cmd, src, timeout=20):
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "prog.lua"), "wb").write(src.encode("latin-1"))
        r = subprocess.run(cmd + ["prog.lua"], cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return r.stdout.decode("latin-1"), r.returncode, r.stderr.decode("latin-1")


def main():
    out, ref = sys.argv[1], sys.argv[2:]
    progs = programs()
    bad = 0
    cases = {}
    for lv in sorted(progs):
        for name, src in progs[lv]:
            src = src.lstrip("\n")
            o1, rc1, e1 = run(["lua5.4"], src)
            o2, rc2, _ = run(["lua5.4"], src)
            assert (o1, rc1) == (o2, rc2), name
            if re.search(r"(table|function|thread|builtin): 0x|\bnan\b", o1):
                print("NONDETERMINISTIC", lv, name); bad += 1
            if rc1 != 0 and "error" not in name and "uncaught" not in name:
                print("LUA FAILED", lv, name, e1[:300]); bad += 1
            if ref:
                go, grc, ge = run(ref, src)
                if (go, grc != 0) != (o1, rc1 != 0):
                    bad += 1
                    print("MISMATCH", lv, name, "rc", rc1, grc, ge[-300:])
                    a, b = o1.splitlines(), go.splitlines()
                    for i in range(max(len(a), len(b))):
                        x = a[i] if i < len(a) else "<none>"
                        y = b[i] if i < len(b) else "<none>"
                        if x != y:
                            print("  line %d\n   lua: %s\n   ref: %s" % (i + 1, x[:400], y[:400]))
            cases.setdefault(lv, []).append({"level": lv, "name": name, "program": src, "stdout": o1, "status": 0 if rc1 == 0 else 1})
    json.dump(cases, open(out, "w"), indent=0)
    print("bad", bad, "cases", sum(len(v) for v in cases.values()))


main()
