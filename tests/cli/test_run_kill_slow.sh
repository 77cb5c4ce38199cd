# No sandbox outlives horizon: kill -9 a sandboxed sweep 20 times at random moments (agent
# sandboxes, held scorer sandboxes, the sandbox's self-test, bwrap's own set-up) and after
# each kill no process of the sandbox uid may remain within 2 seconds.  Half the kills run
# with cgroups hidden (a mount namespace with an empty /sys/fs/cgroup), so the cgroups a
# later horizon would sweep are no part of the answer.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
if [ "$(id -u)" != 0 ] || ! command -v bwrap >/dev/null; then
	echo "skip: needs root and bwrap (the sandbox uid is only switched as root)"
	exit 0
fi
chmod 755 "$TMP"
# A uid of our own, so sandboxes of other sweeps on this machine do not count.
U=$(( 61000 + $$ % 3000 ))
nocg=0
unshare --mount true 2>/dev/null && nocg=1

uid_procs() { # the pids of processes whose real uid is $U
	local f pids=""
	for f in /proc/[0-9]*/status; do
		awk -v u="$U" '$1 == "Uid:" && $2 == u { found = 1 } END { exit !found }' "$f" 2>/dev/null &&
			pids="$pids $(basename "$(dirname "$f")")"
	done
	echo $pids
}

survivors=0 kills=0
for i in $(seq 20); do
	D=$TMP/sweep$i
	cmd=("$HORIZON" run --agent oracle --agent null --agent 'cmd,alias=sleeper,command=sleep 30'
		--tasks-dir "$TASKS" --tasks fixture/trivial,fixture/echo-answer --repeats 40 --jobs 2
		--sandbox-uid "$U" --out "$D" --quiet)
	if [ $((i % 2)) = 0 ] && [ $nocg = 1 ]; then
		# exec: the pid we kill is horizon itself, with no cgroups to write.
		unshare --mount --propagation private sh -c 'mount -t tmpfs none /sys/fs/cgroup && exec "$@"' sh \
			"${cmd[@]}" >/dev/null 2>&1 &
	else
		"${cmd[@]}" >/dev/null 2>&1 &
	fi
	pid=$!
	# A random moment between 0.05 s and 2 s after the start.
	sleep "$(( RANDOM % 40 / 20 )).$(( 5 + RANDOM % 95 ))"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
	left=""
	for t in $(seq 20); do
		sleep 0.1
		left=$(uid_procs)
		[ -z "$left" ] && break
	done
	if [ -n "$left" ]; then
		survivors=$((survivors + 1))
		echo "kill $i: left behind:"
		for p in $left; do echo "  $p $(tr '\0' ' ' </proc/$p/cmdline 2>/dev/null) [$(awk '/^State/{print $2}' /proc/$p/status 2>/dev/null)] wchan=$(cat /proc/$p/wchan 2>/dev/null)"; done
		kill -9 $left 2>/dev/null
	fi
done
[ $kills -ge 15 ] && ok "$kills of 20 kills hit a running sweep" || bad "only $kills of 20 kills hit a running sweep"
[ $survivors = 0 ] && ok "no process of the sandbox uid outlived any kill by 2 s" ||
	bad "processes of the sandbox uid outlived $survivors of 20 kills"
finish
