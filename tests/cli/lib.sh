# Shared helpers for CLI tests (sourced).  $HORIZON is the binary under test.
set -u
: "${HORIZON:?HORIZON must name the horizon binary}"
: "${HZ_SOURCE_DIR:?}"
HZ_METR_DATA=${HZ_METR_DATA:-$HZ_SOURCE_DIR/tests/data/metr}
TMP=$(mktemp -d /tmp/hz_cli_XXXXXX)
trap 'rm -rf "$TMP"' EXIT
fails=0
checks=0

ok() { checks=$((checks + 1)); echo "ok - $*"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL - $*"; }

# expect_ok DESC CMD...: the command must exit 0.
expect_ok() {
	local desc=$1; shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then ok "$desc"; else bad "$desc (exit $?)"; sed 's/^/  | /' "$TMP/err" | head -20; fi
}
# expect_fail DESC CODE CMD...: the command must exit with CODE.
expect_fail() {
	local desc=$1 code=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	local rc=$?
	if [ "$rc" = "$code" ]; then ok "$desc"; else bad "$desc (exit $rc, wanted $code)"; sed 's/^/  | /' "$TMP/err" | head -20; fi
}
# expect_grep DESC PATTERN FILE
expect_grep() {
	if grep -qE -- "$2" "$3"; then ok "$1"; else bad "$1 (no /$2/ in $3)"; head -20 "$3" | sed 's/^/  | /'; fi
}
finish() {
	echo "$checks checks, $fails failed"
	[ "$fails" = 0 ]
}
