#!/usr/bin/env bash
# Start a private single-node Slurm cluster (munged + slurmctld + slurmd) whose
# every file lives under $SLURM_BASE, for tests and demos of `horizon slurm`.
# Needs root and Debian's slurmctld, slurmd, slurm-client and munge packages
# (scripts/setup.sh installs them).  No systemd needed; see docs/scale.md;
# each pitfall of a single-node Slurm this script avoids is noted where it is handled.
#
# usage: SLURM_BASE=DIR scripts/slurm-start.sh
#
# Writes DIR/env (source it: it sets SLURM_CONF, so that sbatch, squeue and
# friends talk to this cluster and not to /etc/slurm) and DIR/*.pid.  Nothing
# is written outside DIR: munged gets its own key, socket and pidfile there.
# Ports: $SLURM_CTLD_PORT and $SLURMD_PORT, else the first free pair from 6817.
# Stop it with scripts/slurm-stop.sh (by PID).  Exit status 0 once the node is
# idle; 1 with the daemons' log tails on stderr otherwise.
set -euo pipefail

: "${SLURM_BASE:?set SLURM_BASE to a scratch directory}"
mkdir -p "$SLURM_BASE"
base=$(cd "$SLURM_BASE" && pwd)
ready_timeout=${SLURM_READY_TIMEOUT:-60}

die() {
	echo "slurm-start: $*" >&2
	for f in "$base/munge/munged.log" "$base/log/slurmctld.log" "$base/log/slurmd.log"; do
		[ -f "$f" ] && { echo "--- tail $f" >&2; tail -15 "$f" >&2; }
	done
	exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root (slurmd launches jobs as their owner)"
for t in munged mungekey munge unmunge slurmctld slurmd sinfo; do
	command -v "$t" >/dev/null || die "'$t' not found: run scripts/setup.sh"
done

# A daemon is alive when its pid exists and is not a zombie: without systemd
# PID 1 may reap orphans late, and `kill -0` says yes to a zombie.
alive() {
	local pid stat
	[ -f "$1" ] || return 1
	pid=$(cat "$1" 2>/dev/null) || return 1
	[ -n "$pid" ] || return 1
	stat=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
	case "$stat" in Z*|"") return 1 ;; esac
	return 0
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$base/state" "$base/spool" "$base/log" "$base/munge"
chmod 0755 "$base" # munged runs as user munge and must reach its own directory
runuser -u munge -- test -x "$base/munge" ||
	die "user munge cannot reach $base: make its parent directories searchable (chmod o+x)"
chown munge:munge "$base/munge"
chmod 0755 "$base/munge" # the socket directory must be searchable by all
sock="$base/munge/munge.socket"

# munged: private key, socket, pidfile and log under $base.
if ! alive "$base/munge/munged.pid"; then
	if [ ! -s "$base/munge/munge.key" ]; then
		runuser -u munge -- mungekey --create --keyfile="$base/munge/munge.key" >/dev/null ||
			die "mungekey failed"
		chmod 0600 "$base/munge/munge.key"
	fi
	rm -f "$sock" "$sock.lock"
	runuser -u munge -- munged --socket="$sock" --key-file="$base/munge/munge.key" \
		--pid-file="$base/munge/munged.pid" --log-file="$base/munge/munged.log" \
		--seed-file="$base/munge/munged.seed" || die "munged did not start"
fi
# A dead socket makes munge retry for minutes: bound every check.
timeout 10 munge -n -S "$sock" | timeout 10 unmunge -S "$sock" >/dev/null || die "munge credential check failed"

if ! alive "$base/slurmctld.pid"; then
	ctld_port=${SLURM_CTLD_PORT:-}
	slurmd_port=${SLURMD_PORT:-}
	if [ -z "$ctld_port" ]; then
		ctld_port=6817
		while port_busy "$ctld_port" || port_busy $((ctld_port + 1)); do
			ctld_port=$((ctld_port + 2))
			[ "$ctld_port" -lt 6917 ] || die "no free port pair in 6817-6916"
		done
		slurmd_port=$((ctld_port + 1))
	fi
	slurmd_port=${slurmd_port:-$((ctld_port + 1))}
	host=$(hostname -s)
	node=$(slurmd -C | head -1)
	case "$node" in NodeName=*) ;; *) die "unexpected 'slurmd -C' output: $node" ;; esac
	cat >"$base/slurm.conf" <<EOF
# written by horizon scripts/slurm-start.sh
ClusterName=horizon
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MailProg=/bin/true
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
StateSaveLocation=$base/state
SlurmdSpoolDir=$base/spool
SlurmctldPidFile=$base/slurmctld.pid
SlurmdPidFile=$base/slurmd.pid
SlurmctldLogFile=$base/log/slurmctld.log
SlurmdLogFile=$base/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
MinJobAge=300

$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
	printf 'export SLURM_CONF=%q\n' "$base/slurm.conf" >"$base/env"
	# -c: do not recover old job state (finished array tasks would run again).
	slurmctld -c -f "$base/slurm.conf" || die "slurmctld did not start"
fi
export SLURM_CONF="$base/slurm.conf"
if ! alive "$base/slurmd.pid"; then
	slurmd -f "$base/slurm.conf" || die "slurmd did not start"
fi

# Ready when the node's compact state is exactly one of these ("idle*" means
# not responding, so no glob).
deadline=$((SECONDS + ready_timeout))
while :; do
	st=$(timeout 5 sinfo -h -N -o %t 2>/dev/null | head -1 || true)
	case "$st" in idle|mix|alloc|comp) break ;; esac
	[ $SECONDS -lt $deadline ] || die "node not ready after ${ready_timeout}s (state '$st')"
	sleep 0.1
done
echo "slurm-start: cluster up under $base (node $st); source $base/env"
