# The repository stands alone: a user's clone has no ../shared beside it.  No tracked file refers
# to ../shared; scripts/test.sh runs the whole suite with an empty tmpfs over ../shared (when there
# is one: HZ_NO_SHARED names it), checked here; a copy of the tracked files in a directory with
# nothing beside it runs the README's Quick start fit and reproduce, and setup's --demo profile
# installs neither Chromium nor Slurm.
. "$(dirname "$0")/lib.sh"
SRC=$HZ_SOURCE_DIR

if [ -n "${HZ_NO_SHARED:-}" ]; then
	if [ -z "$(ls -A "$HZ_NO_SHARED" 2>/dev/null)" ]; then ok "the suite runs with $HZ_NO_SHARED hidden (empty)"
	else bad "$HZ_NO_SHARED is visible to the tests"; fi
fi

if git -C "$SRC" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$SRC" && git ls-files -z) >"$TMP/files"
	# Every reference to ../shared or the workplace, but the two files that hide it.
	(cd "$SRC" && xargs -0 grep -nE '\.\./shared|/work/shared' -- <"$TMP/files" 2>/dev/null) |
		grep -vE '^(scripts/test.sh|tests/cli/test_self_contained.sh):' >"$TMP/refs"
	if [ -s "$TMP/refs" ]; then bad "tracked files refer to ../shared"; sed 's/^/  | /' "$TMP/refs" | head; else ok "no tracked file refers to ../shared"; fi
	mkdir -p "$TMP/alone/horizon"
	(cd "$SRC" && tar -c --null -T "$TMP/files" 2>/dev/null) | tar -x -C "$TMP/alone/horizon"
else
	mkdir -p "$TMP/alone/horizon"
	cp -a "$SRC/tests" "$SRC/tasks" "$SRC/docs" "$SRC/README.md" "$TMP/alone/horizon/"
fi
C=$TMP/alone/horizon
[ ! -e "$TMP/alone/shared" ] && ok "the copy has nothing beside it" || bad "the copy has a ../shared"

# The README's Quick start, from the copy (paths relative to it, as a user types them).
(cd "$C" && "$HORIZON" fit tests/data/metr/metr-2025-01/ --bootstrap 20 --json -o "$TMP/fit.json") >"$TMP/out" 2>"$TMP/err" &&
	ok "Quick start: fit METR's runs from the copy" || { bad "fit from the copy"; sed 's/^/  | /' "$TMP/err" | head; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["agents"]) >= 10' "$TMP/fit.json" &&
	ok "the fit has METR's agents" || bad "the fit's agents"
(cd "$C" && "$HORIZON" reproduce tests/data/metr/metr-published/benchmark_results_1_1.yaml --out "$TMP/metr") >"$TMP/out" 2>"$TMP/err" &&
	ok "Quick start: reproduce from the copy" || { bad "reproduce from the copy"; sed 's/^/  | /' "$TMP/err" | head; }
for cmd in fit run plot report reproduce demo; do
	"$HORIZON" "$cmd" --help >"$TMP/help" 2>&1
	if grep -qE '\.\./shared|METHOD\.md' "$TMP/help"; then bad "horizon $cmd --help refers to ../shared"; else ok "horizon $cmd --help is self-contained"; fi
done

# The main job installs only what it uses; the tests install the rest.
bash "$SRC/scripts/setup.sh" --demo --list >"$TMP/demo-pkgs"
if grep -qE '^(chromium|slurm|munge)' "$TMP/demo-pkgs"; then bad "setup --demo installs Chromium or Slurm"; else ok "setup --demo installs neither Chromium nor Slurm"; fi
expect_grep "setup --demo installs the sandbox and gnuplot" '^gnuplot-nox$' "$TMP/demo-pkgs"
bash "$SRC/scripts/setup.sh" --test --list >"$TMP/test-pkgs"
expect_grep "setup --test installs Chromium" '^chromium$' "$TMP/test-pkgs"
expect_grep "setup --test installs Slurm" '^slurmd$' "$TMP/test-pkgs"
expect_grep "demo.sh uses the demo profile" 'setup.sh" --demo' "$SRC/scripts/demo.sh"
finish
