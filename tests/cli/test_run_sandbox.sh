# Sandbox tests: each agent is a script that tries to break out and must fail, while
# its run is still recorded normally.  The probe task's scorer passes when the script
# left `attempted` and no `escaped` marker, so every run must end as a success.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
PROBE=$TASKS/sandbox/probe
chmod 755 "$TMP"
A=$TMP/agents
mkdir -p "$A"

# A listener on the host, on loopback and on every address: nothing may reach it.
PORT=$(( 20000 + RANDOM % 20000 ))
HOSTIP=$(hostname -I 2>/dev/null | awk '{print $1}')
HOSTIP=${HOSTIP:-10.255.255.1}
python3 - "$PORT" "$TMP/connected" <<'PY' &
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1]))); s.listen(5); s.settimeout(120)
try:
    c, _ = s.accept(); open(sys.argv[2], "w").write("connected\n")
except Exception:
    pass
PY
LISTENER=$!
export HZ_SECRET_TOKEN=topsecret-$$
marker=/tmp/hz-escape-$$

probe() { # probe NAME BODY: an agent script that leaves `attempted`, and `escaped` if BODY succeeds
	printf '#!/bin/bash\ntouch attempted\nif ( %s ) >/dev/null 2>&1; then touch escaped; fi\nexit 0\n' "$2" >"$A/$1.sh"
}
probe net-loopback "timeout 2 bash -c 'echo hi > /dev/tcp/127.0.0.1/$PORT'"
probe net-outside "timeout 2 bash -c 'echo hi > /dev/tcp/$HOSTIP/$PORT' || timeout 2 bash -c 'echo > /dev/tcp/1.1.1.1/53'"
probe read-tests "cat /tests/check.sh || cat /solution/solve.sh || cat '$PROBE/tests/check.sh' || cat '$PROBE/solution/solve.sh' || ls '$TASKS'"
probe read-host "cat /etc/shadow || ls /root || ls /work || cat '$HZ_SOURCE_DIR/CMakeLists.txt'"
probe write-outside "touch /usr/escape || touch /etc/escape || touch /escape || touch '$TMP/escape'; echo x > $marker; [ -e /usr/escape ] || [ -e /etc/escape ] || [ -e /escape ]"
probe environment "env | grep -q topsecret || grep -qs topsecret /proc/*/environ"
probe fork-bomb "b() { b | b & }; b; sleep 3; false"
probe memory "python3 -c 'x = bytearray(4 << 30); x[-1] = 1'"
probe endless-file "cat /dev/zero > big; s=\$(stat -c %s big); rm -f big; [ \$s -gt \$((16 << 20)) ]"
printf '#!/bin/bash\ntouch attempted\nyes sandbox-output-line\n' >"$A/endless-output.sh"
probe background "(setsid sleep 4321 &); (nohup sleep 4321 >/dev/null 2>&1 &); false"
probe time-limit "sleep 60"
chmod -R a+rX "$A"

args=()
for f in "$A"/*.sh; do
	n=$(basename "$f" .sh)
	args+=(--agent "cmd,alias=$n,command=bash /agent/$n.sh,mount=$A")
done
OUT=$TMP/sweep
expect_ok "attack agents run" "$HORIZON" run "${args[@]}" --tasks-dir "$TASKS" --tasks sandbox/probe --jobs 2 --out "$OUT" --quiet
sed 's/^/  | /' "$TMP/out" | head -30

check_runs() {
python3 - "$OUT/runs.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
by = {r["alias"]: r for r in recs}
for alias, r in sorted(by.items()):
    ok = r["status"] == "success" and r["isolation"] != "none" and r["isolation"]["net"] == "none"
    print(("ok" if ok else "FAIL"), alias, r["status"], r["exit_reason"], r["verdict"], "%.1fs" % r["wall_s"])
print("records", len(recs))
PY
}
check_runs >"$TMP/check"
cat "$TMP/check"
expect_grep "12 runs recorded" "^records 12$" "$TMP/check"
for n in net-loopback net-outside read-tests read-host write-outside environment fork-bomb memory endless-file endless-output background time-limit; do
	expect_grep "$n: the attack failed and the run was recorded" "^ok $n success" "$TMP/check"
done
expect_grep "time-limit: the time limit fired" "^ok time-limit success time_limit" "$TMP/check"
expect_grep "endless-output: stopped by the time limit" "^ok endless-output success time_limit" "$TMP/check"
kill $LISTENER 2>/dev/null; wait $LISTENER 2>/dev/null
if [ -e "$TMP/connected" ]; then bad "the host listener was reached from a sandbox"; else ok "the host listener was never reached"; fi
if [ -e "$marker" ] || [ -e "$TMP/escape" ]; then bad "a sandbox wrote to the host's /tmp"; else ok "no write reached the host's /tmp"; fi
rm -f "$marker"
sleep 0.5
# Processes whose command line is "sleep 4321" (read from /proc: no procps needed).
left=$(grep -lsa "^sleep.4321" /proc/[0-9]*/cmdline | cut -d/ -f3 | tr '\n' ' ')
if [ -n "$left" ]; then bad "a background process outlived its run ($left)"; kill $left; else ok "no background process outlived its run"; fi
log=$(python3 -c "import json,sys; print([json.loads(l) for l in open(sys.argv[1]) if '\"endless-output\"' in l][0]['agent_log'])" "$OUT/runs.jsonl")
size=$(stat -c %s "$OUT/$log")
if [ "$size" -le $((5 << 20)) ]; then ok "endless output capped ($size bytes in agent.log)"; else bad "agent.log of endless output is $size bytes"; fi
if grep -rqs topsecret "$OUT"; then bad "the runner's environment leaked into the output"; else ok "no trace of the runner's environment in the output"; fi
finish
