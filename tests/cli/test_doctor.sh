# horizon doctor: reports this machine's isolation; a sweep refuses to start without a sandbox.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks

expect_ok "doctor" "$HORIZON" doctor
expect_grep "bwrap found" '^  bubblewrap +ok +/.*bwrap' "$TMP/out"
expect_grep "namespaces work" '^  namespaces +ok' "$TMP/out"
expect_grep "no network inside" '^  network +ok +only a loopback' "$TMP/out"
expect_grep "/etc is private" '^  /etc +ok' "$TMP/out"
expect_grep "a verdict" '^verdict: ' "$TMP/out"
expect_ok "doctor --json" "$HORIZON" doctor --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["sandbox_works"] and d["net_isolated"] else 1)' "$TMP/out" \
	&& ok "--json is JSON and says the sandbox works" || bad "--json is JSON and says the sandbox works"
expect_fail "doctor: bad option" 2 "$HORIZON" doctor --frob

# Without bwrap on PATH: doctor says what to do, and a sweep refuses to start.
mkdir -p "$TMP/bin"
for t in bash true; do ln -s "$(command -v $t)" "$TMP/bin/$t"; done
expect_fail "doctor without bwrap" 1 env PATH="$TMP/bin" "$HORIZON" doctor
expect_grep "says bwrap is missing" 'bubblewrap +-- +not found' "$TMP/out"
expect_grep "says how to install it" 'apt-get install bubblewrap' "$TMP/out"
expect_fail "run refuses without a sandbox" 1 env PATH="$TMP/bin" "$HORIZON" run --agent null --tasks-dir "$TASKS" \
	--tasks fixture/trivial --out "$TMP/r" --quiet
expect_grep "points at --sandbox none" 'bwrap .*not installed.*--sandbox none' "$TMP/err"
[ ! -s "$TMP/r/runs.jsonl" ] && ok "no run was recorded" || bad "no run was recorded"
finish
