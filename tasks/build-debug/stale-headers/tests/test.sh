#!/bin/bash
set -u
fail() { echo "FAIL: $*"; exit 1; }
script=$'push a\npush b\nrun\npush c\npush d\npush e\npush f\nrun\nrun\nrun\nrun\nrun\nversion'
expect() { # capacity prefix version
	local c=$1 p=$2 v=$3 out="" n=0 q=()
	while IFS= read -r l; do
		case "$l" in
		push\ *) if [ ${#q[@]} -lt "$c" ]; then q+=("${l#push }"); out+="$p queued ${l#push }"$'\n'; else out+="$p full ${l#push }"$'\n'; fi ;;
		run) if [ ${#q[@]} -gt 0 ]; then out+="$p ran ${q[0]}"$'\n'; q=("${q[@]:1}"); else out+="$p idle"$'\n'; fi ;;
		version) out+="jobq $v"$'\n' ;;
		esac
	done <<<"$script"
	printf '%s' "$out"
}
check_run() { local got; got=$(./jobq <<<"$script")$'\n'; [ "$got" = "$(expect "$@")"$'\n' ] || { echo "got:"; echo "$got"; echo "want:"; expect "$@"; fail "wrong output after $4"; }; }
[ -f include/version.h ] && git ls-files --error-unmatch include/version.h >/dev/null 2>&1 && fail "include/version.h is committed"
make clean >/dev/null 2>&1; rm -rf build jobq include/version.h
make -j8 >build.log 2>&1 || { tail -15 build.log; fail "make -j8 from clean fails"; }
grep -q "warning" build.log && { grep warning build.log | head -5; fail "compiler warnings"; }
[ -f build/main.o ] || fail "objects are not in build/"
check_run 4 job 1.4.2 "a clean build"
make clean >/dev/null 2>&1; [ ! -e jobq ] || fail "make clean leaves jobq"
make >build.log 2>&1 || fail "serial make from clean fails"
check_run 4 job 1.4.2 "a serial clean build"
# nothing changed: nothing rebuilt
before=$(stat -c %.9Y jobq build/*.o | tr '\n' ' ')
make >build.log 2>&1 || fail "make again fails"
[ "$(stat -c %.9Y jobq build/*.o | tr '\n' ' ')" = "$before" ] || fail "make with nothing changed rebuilt something"
# header change
sed -i 's/#define QUEUE_CAPACITY 4/#define QUEUE_CAPACITY 2/' include/config.h
make >build.log 2>&1 || fail "make after config.h change fails"
check_run 2 job 1.4.2 "QUEUE_CAPACITY changed to 2"
sed -i 's/#define LINE_PREFIX "job"/#define LINE_PREFIX "task"/' include/config.h
make >build.log 2>&1 || fail "make after config.h change fails"
check_run 2 task 1.4.2 "LINE_PREFIX changed"
# version change
echo 2.0.0-rc1 > VERSION
make >build.log 2>&1 || fail "make after VERSION change fails"
check_run 2 task 2.0.0-rc1 "VERSION changed"
# restore
sed -i 's/#define QUEUE_CAPACITY 2/#define QUEUE_CAPACITY 4/; s/#define LINE_PREFIX "task"/#define LINE_PREFIX "job"/' include/config.h
echo 1.4.2 > VERSION
rm -f build.log
echo ok
