# horizon tasks list/show/validate/stats on the fixture catalogues in tests/data.
. "$(dirname "$0")/lib.sh"

# A private catalogue of two fixture tasks, so that tasks others add to tests/data/tasks change nothing here.
FIX=$TMP/cat
mkdir -p "$FIX/fixture"
cp -r "$HZ_SOURCE_DIR/tests/data/tasks/fixture/echo-answer" "$HZ_SOURCE_DIR/tests/data/tasks/fixture/fix-add" "$FIX/fixture/"
BROKEN=$HZ_SOURCE_DIR/tests/data/tasks-invalid
json_len() { python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))[sys.argv[2]] if len(sys.argv) > 2 else json.load(open(sys.argv[1]))))' "$@"; }
json_get() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$@"; }

# usage errors
expect_fail "tasks without a subcommand" 2 "$HORIZON" tasks
expect_fail "unknown subcommand" 2 "$HORIZON" tasks frobnicate
expect_grep "unknown subcommand is named" "'frobnicate' is not a subcommand" "$TMP/err"
expect_fail "an option of another subcommand" 2 "$HORIZON" tasks list --strict
expect_grep "the misplaced option is named" "'--strict' is not an option of 'tasks list'" "$TMP/err"
expect_fail "--min-minutes needs a number" 2 "$HORIZON" tasks list --min-minutes abc
expect_fail "min above max" 2 "$HORIZON" tasks list --min-minutes 5 --max-minutes 1
expect_fail "show needs an id" 2 "$HORIZON" tasks show --catalog "$FIX"
expect_fail "show takes one id" 2 "$HORIZON" tasks show a b --catalog "$FIX"
expect_ok "tasks --help" "$HORIZON" tasks --help
expect_grep "help starts with the usage" "^usage: horizon tasks" "$TMP/out"
for s in list show validate stats check; do
	expect_ok "tasks $s --help" "$HORIZON" tasks "$s" --help
	expect_grep "tasks $s --help shows usage" "^usage: horizon tasks" "$TMP/out"
done

# list
expect_ok "list the fixtures" "$HORIZON" tasks list --catalog "$FIX"
expect_grep "list has a header" "^ID +FAMILY +HUMAN TIME +SOURCE +TAGS" "$TMP/out"
expect_grep "list shows echo-answer" "^fixture/echo-answer +fixture +12 s +estimate +fixture,answer" "$TMP/out"
expect_grep "list shows fix-add" "^fixture/fix-add +fixture +1 min 30 s +estimate +fixture,bugfix" "$TMP/out"
expect_ok "list --json" "$HORIZON" tasks list --catalog "$FIX" --json
[ "$(json_len "$TMP/out")" = 2 ] && ok "list --json has 2 tasks" || bad "list --json has 2 tasks"
[ "$(json_get "$TMP/out" 1 human_minutes)" = 1.5 ] && ok "list --json has human_minutes" || bad "list --json human_minutes"
expect_ok "list by id glob" "$HORIZON" tasks list --catalog "$FIX" --json 'fixture/echo-*'
[ "$(json_get "$TMP/out" 0 id)" = fixture/echo-answer ] && [ "$(json_len "$TMP/out")" = 1 ] && ok "id glob selects one" || bad "id glob selects one"
expect_ok "list by tag" "$HORIZON" tasks list --catalog "$FIX" --json --tag bugfix
[ "$(json_get "$TMP/out" 0 id)" = fixture/fix-add ] && [ "$(json_len "$TMP/out")" = 1 ] && ok "--tag selects one" || bad "--tag selects one"
expect_ok "list by max minutes" "$HORIZON" tasks list --catalog "$FIX" --json --max-minutes 1
[ "$(json_get "$TMP/out" 0 id)" = fixture/echo-answer ] && [ "$(json_len "$TMP/out")" = 1 ] && ok "--max-minutes" || bad "--max-minutes"
expect_ok "list by min minutes" "$HORIZON" tasks list --catalog "$FIX" --json --min-minutes 1
[ "$(json_get "$TMP/out" 0 id)" = fixture/fix-add ] && [ "$(json_len "$TMP/out")" = 1 ] && ok "--min-minutes" || bad "--min-minutes"
expect_ok "comma-separated terms are alternatives" "$HORIZON" tasks list --catalog "$FIX" --json 'tag:answer,fixture/fix-*'
[ "$(json_len "$TMP/out")" = 2 ] && ok "two terms select two" || bad "two terms select two"
expect_ok "--tag with a comma list" "$HORIZON" tasks list --catalog "$FIX" --json --tag bugfix,answer
[ "$(json_len "$TMP/out")" = 2 ] && ok "--tag a,b is two tags" || bad "--tag a,b is two tags"
expect_ok "--family with a comma list" "$HORIZON" tasks list --catalog "$FIX" --json --family nope,fixture
[ "$(json_len "$TMP/out")" = 2 ] && ok "--family a,b is two families" || bad "--family a,b is two families"
expect_ok "no match is not an error" "$HORIZON" tasks list --catalog "$FIX" --family nope
expect_grep "no match says 0 of 2" "^0 of 2 tasks" "$TMP/err"
expect_ok "HORIZON_TASKS is the default catalogue" env HORIZON_TASKS="$FIX" "$HORIZON" tasks list --json
[ "$(json_len "$TMP/out")" = 2 ] && ok "HORIZON_TASKS used" || bad "HORIZON_TASKS used"
expect_fail "list on a broken catalogue" 1 "$HORIZON" tasks list --catalog "$BROKEN"
expect_grep "points to validate" "horizon tasks validate" "$TMP/err"
expect_fail "list on a missing catalogue" 1 "$HORIZON" tasks list --catalog "$TMP/none"
expect_grep "missing catalogue named" "^horizon tasks: task catalogue '.*none' is not a directory" "$TMP/err"

# show
expect_ok "show a task" "$HORIZON" tasks show fixture/fix-add --catalog "$FIX"
expect_grep "show: scorer" "^scorer: +exit: bash \{tests\}/test.sh \(timeout 20 s\)" "$TMP/out"
expect_grep "show: human time" "^human time: +1 min 30 s \(1.5 min, estimate\)" "$TMP/out"
expect_grep "show: instructions" "^    Fix .add.sh. in the current directory" "$TMP/out"
expect_grep "show: sha256" "^sha256: +[0-9a-f]{64}$" "$TMP/out"
expect_ok "show --json" "$HORIZON" tasks show fixture/echo-answer --catalog "$FIX" --json
[ "$(json_get "$TMP/out" scorer answer_file)" = tests/answer.txt ] && ok "show --json scorer" || bad "show --json scorer"
expect_fail "show an unknown task" 1 "$HORIZON" tasks show fixture/nope --catalog "$FIX"
expect_grep "unknown task named" "^horizon tasks: no task 'fixture/nope'" "$TMP/err"

# validate
expect_ok "validate the fixtures" "$HORIZON" tasks validate "$FIX"
expect_grep "validate summary" "2 tasks, 2 valid, 0 errors" "$TMP/out"
expect_ok "validate a family directory" "$HORIZON" tasks validate "$FIX/fixture"
expect_grep "family validated" "2 tasks, 2 valid, 0 errors" "$TMP/out"
mkdir -p "$TMP/deep/a/b" && cp -r "$FIX/fixture/echo-answer" "$TMP/deep/a/b/"
expect_fail "a task too deep" 1 "$HORIZON" tasks validate "$TMP/deep"
expect_grep "too deep named" "^error: .*/a/b/echo-answer/task.json: is too deep" "$TMP/out"
expect_ok "validate one task directory" "$HORIZON" tasks validate "$FIX/fixture/echo-answer"
expect_grep "one task validated" "1 task, 1 valid, 0 errors" "$TMP/out"
expect_fail "validate the broken catalogue" 1 "$HORIZON" tasks validate "$BROKEN"
cp "$TMP/out" "$TMP/broken.txt"
v() { expect_grep "names: $1" "$2" "$TMP/broken.txt"; }
v "bad JSON with line and column" "^error: .*/bad-json/task.json: line 5, column 1: "
v "negative human_minutes" "^error: .*/schema-errors/task.json: 'human_minutes' must be a positive number"
v "bad human_source" "^error: .*/schema-errors/task.json: 'human_source' must be \"baseline\" or \"estimate\""
v "missing human_notes" "^error: .*/schema-errors/task.json: 'human_notes' is missing"
v "typo field" "^warning: .*/schema-errors/task.json: 'humam_notes' is not a known field"
v "short time limit" "^warning: .*/schema-errors/task.json: 'time_limit_s' 10 s is under 30 s"
v "scorer without command" "^error: .*/schema-errors/task.json: 'scorer.command' is missing"
v "bad scorer timeout" "^error: .*/schema-errors/task.json: 'scorer.timeout_s' must be a positive number"
v "bad resources" "^error: .*/schema-errors/task.json: 'resources.memory_mb' must be a positive integer"
v "network" "^error: .*/schema-errors/task.json: 'network' must be \"none\""
v "requires path" "^error: .*/schema-errors/task.json: 'requires' \"/usr/bin/python3\" is not a command name"
v "bad tag" "^error: .*/schema-errors/task.json: 'tags' \"Bad Tag\" is not a tag"
v "duplicate tag" "^error: .*/schema-errors/task.json: 'tags' lists \"x\" twice"
v "answer leaked into the workspace" "^error: .*/leaky/workspace/expected_output.txt: holds the hidden answer \(tests/answer.txt\)"
v "symlink out of the workspace" "^error: .*/leaky/workspace/hidden: is a symbolic link out of the workspace"
v "solve.sh not executable" "^warning: .*/leaky/solution/solve.sh: is not executable"
v "missing tool is a warning" "^warning: .*/leaky/task.json: 'requires' \"no-such-tool-hz\" is not installed"
v "instructions without answer.txt" "^warning: .*/leaky/instructions.md: does not say to write the answer to answer.txt"
v "missing instructions" "^error: .*/missing-parts/instructions.md: is missing"
v "missing solve.sh" "^error: .*/missing-parts/solution/solve.sh: is missing"
v "missing answer file" "^error: .*/missing-parts/task.json: 'scorer.answer_file' names tests/missing.txt, which does not exist"
v "missing scorer file" "^error: .*/dup-a/task.json: 'scorer.command' runs tests/missing-test.sh, which does not exist"
v "family in the wrong directory" "^error: .*/other-family/wrong-dir/task.json: 'family' \"bad-family\" does not match the family directory \"other-family\""
v "id not family/dirname" "^error: .*/dup-b/task.json: 'id' \"bad-family/dup-a\" must be \"bad-family/dup-b\""
v "duplicate id" "^error: .*/dup-b/task.json: 'id' \"bad-family/dup-a\" is also used by .*/dup-a/task.json"
v "summary line" "tasks-invalid: 7 tasks, 0 valid, 22 errors, 6 warnings$"
expect_fail "validate --json on the broken catalogue" 1 "$HORIZON" tasks validate "$BROKEN" --json
[ "$(json_get "$TMP/out" errors)" = 22 ] && [ "$(json_len "$TMP/out" issues)" = 28 ] && ok "--json counts" || bad "--json counts"
[ "$(json_get "$TMP/out" ok)" = False ] && ok "--json ok is false" || bad "--json ok is false"
expect_fail "--strict turns warnings into errors" 1 "$HORIZON" tasks validate --strict "$BROKEN/bad-family/leaky"
expect_grep "strict: missing tool is an error" "^error: .*'requires' \"no-such-tool-hz\" is not installed" "$TMP/out"
expect_grep "only that task" "1 task, 0 valid, 5 errors, 0 warnings" "$TMP/out"
expect_fail "--no-requires" 1 "$HORIZON" tasks validate --no-requires "$BROKEN/bad-family/leaky"
if grep -q no-such-tool-hz "$TMP/out"; then bad "--no-requires skips the tool check"; else ok "--no-requires skips the tool check"; fi
expect_fail "validate --quiet" 1 "$HORIZON" tasks validate --quiet "$BROKEN"
if grep -q '^warning: ' "$TMP/out"; then bad "--quiet hides warnings"; else ok "--quiet hides warnings"; fi
expect_grep "--quiet keeps errors and the summary" "0 valid, 22 errors, 6 warnings$" "$TMP/out"
expect_fail "validate a missing path" 1 "$HORIZON" tasks validate "$TMP/none"
mkdir -p "$TMP/empty"
expect_fail "validate a directory without tasks" 1 "$HORIZON" tasks validate "$TMP/empty"
expect_grep "no task found" "no task.json found under" "$TMP/err"

# the domain field: an unknown domain is an error for validate and the loader
mkdir -p "$TMP/dom/fixture"
cp -r "$FIX/fixture/echo-answer" "$TMP/dom/fixture/"
python3 - "$TMP/dom/fixture/echo-answer/task.json" <<'PY2'
import json, sys
t = json.load(open(sys.argv[1])); t["domain"] = "cooking"; json.dump(t, open(sys.argv[1], "w"))
PY2
expect_fail "validate: unknown domain" 1 "$HORIZON" tasks validate "$TMP/dom"
expect_grep "unknown domain named" "'domain' \"cooking\" must be one of" "$TMP/out"
expect_fail "loader: unknown domain" 1 "$HORIZON" tasks list --catalog "$TMP/dom"
expect_grep "loader names the domain" "domain" "$TMP/err"
python3 - "$TMP/dom/fixture/echo-answer/task.json" <<'PY2'
import json, sys
t = json.load(open(sys.argv[1])); t["domain"] = "security"; json.dump(t, open(sys.argv[1], "w"))
PY2
expect_ok "show: a domain" "$HORIZON" tasks show --catalog "$TMP/dom" fixture/echo-answer
expect_grep "show prints the domain" "^domain: +security$" "$TMP/out"

# stats
expect_ok "stats" "$HORIZON" tasks stats --catalog "$FIX"
expect_grep "stats: under 15 s" "^  < 15 s +1  #+ +1 +0 +0 +0 +0$" "$TMP/out"
expect_grep "stats: 1 to 4 min" "^  1 - 4 min +1  #+ +1 +0 +0 +0 +0$" "$TMP/out"
expect_grep "stats: empty bucket" "^  4 - 15 min +0  +0 +0 +0 +0 +0$" "$TMP/out"
expect_grep "stats: domain columns" "^ +TASKS +software +security +ml +data +ops$" "$TMP/out"
expect_grep "stats: the long end" "^  >= 40 h +0  \(the long end" "$TMP/out"
expect_grep "stats: per family" "^fixture +2 +12 s +1 min 30 s$" "$TMP/out"
expect_ok "stats --json" "$HORIZON" tasks stats --catalog "$FIX" --json
[ "$(json_get "$TMP/out" buckets 0 count)" = 1 ] && [ "$(json_get "$TMP/out" buckets 2 count)" = 1 ] && ok "stats --json buckets" || bad "stats --json buckets"
[ "$(json_get "$TMP/out" per_family 0 count)" = 2 ] && ok "stats --json families" || bad "stats --json families"
[ "$(json_get "$TMP/out" per_domain 0 domain)" = software ] && [ "$(json_get "$TMP/out" per_domain 0 count)" = 2 ] &&
	[ "$(json_get "$TMP/out" buckets 0 per_domain software)" = 1 ] && [ "$(json_get "$TMP/out" at_least_24h)" = 0 ] &&
	ok "stats --json per domain" || bad "stats --json per domain"
expect_ok "domain selector" "$HORIZON" tasks stats --catalog "$FIX" --json domain:software
[ "$(json_get "$TMP/out" tasks)" = 2 ] && ok "domain:software selects the fixtures" || bad "domain:software selects the fixtures"
expect_ok "domain selector, no match" "$HORIZON" tasks list --catalog "$FIX" --json domain:security
[ "$(cat "$TMP/out")" = "[]" ] && ok "domain:security selects nothing" || bad "domain:security selects nothing"
expect_ok "stats with a selector" "$HORIZON" tasks stats --catalog "$FIX" --json tag:bugfix
[ "$(json_get "$TMP/out" tasks)" = 1 ] && ok "stats selector" || bad "stats selector"
finish
