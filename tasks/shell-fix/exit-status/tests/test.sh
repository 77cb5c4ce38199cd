#!/bin/bash
# deploy.sh must publish only when the build and the tests pass, and fail otherwise.
set -u
ws=$PWD
fail() { echo "FAIL: $*"; exit 1; }
sha256sum -c --quiet "$HZ_TESTS/sums.txt" 2>/dev/null || fail "build.sh or run-tests.sh was changed: fix deploy.sh"
run() { # run SCENARIO ENV...: a fresh copy of the workspace, deploy.sh with ENV
	local name=$1; shift
	d=$(mktemp -d)
	cp -r "$ws/." "$d/"
	rm -rf "$d/dist" "$d/build.log" "$d/test.log"
	pub="$d/published"
	(cd "$d" && env PUBLISH_DIR="$pub" "$@" bash ./deploy.sh >"$d/out" 2>&1)
	status=$?
}
run ok
[ $status = 0 ] || fail "a good build and test run: exit status $status"
[ -f "$pub/app.txt" ] || fail "a good run did not publish dist/"
grep -q '6 of 6 tests passed' "$d/out" || fail "the test summary is not shown"
grep -q 'build ok' "$d/build.log" || fail "build.log is not written"
grep -q 'test 6: ok' "$d/test.log" || fail "test.log is not written"
rm -rf "$d"
run build-fails FAIL_BUILD=1
[ $status != 0 ] || fail "deploy.sh exits 0 when the build fails"
[ ! -e "$pub" ] || [ -z "$(ls -A "$pub")" ] || fail "deploy.sh publishes when the build fails"
grep -q 'module 7' "$d/build.log" "$d/out" || fail "the build error is not shown or logged"
rm -rf "$d"
run tests-fail FAIL_TESTS=1
[ $status != 0 ] || fail "deploy.sh exits 0 when a test fails"
[ ! -e "$pub" ] || [ -z "$(ls -A "$pub")" ] || fail "deploy.sh publishes when a test fails"
grep -q '1 of 6 tests failed' "$d/test.log" || fail "test.log is not written when tests fail"
rm -rf "$d"
echo ok
