# The command table: --help, --version, unknown commands, per-command help.
. "$(dirname "$0")/lib.sh"

expect_ok "--version" "$HORIZON" --version
expect_grep "--version prints the version" '^horizon [0-9]+\.[0-9]+\.[0-9]+' "$TMP/out"
expect_ok "--help" "$HORIZON" --help
expect_grep "--help lists commands" 'fit ' "$TMP/out"
expect_fail "no command is a usage error" 2 "$HORIZON"
expect_fail "unknown command" 2 "$HORIZON" frobnicate
expect_grep "unknown command is named" "'frobnicate' is not a horizon command" "$TMP/err"
for c in run fit plot report reproduce demo tasks agents doctor merge slurm k8s version; do
	expect_ok "$c --help" "$HORIZON" "$c" --help
	expect_grep "$c --help shows usage" "usage: horizon $c" "$TMP/out"
	expect_ok "help $c" "$HORIZON" help "$c"
done
finish
