#!/usr/bin/env bash
# Stop the private Slurm cluster that scripts/slurm-start.sh started under
# $SLURM_BASE: cancel its jobs, then SIGTERM slurmd, slurmctld and munged by the
# PIDs in their pidfiles (SIGTERM lets slurmctld save its state), waiting for
# each to go, and SIGKILL after a grace period.  Never kills by name.
#
# usage: SLURM_BASE=DIR scripts/slurm-stop.sh
# Safe to run twice, or on a half-started cluster.  Always exits 0 unless
# SLURM_BASE is unset.
set -uo pipefail

: "${SLURM_BASE:?set SLURM_BASE to the cluster directory}"
[ -d "$SLURM_BASE" ] || exit 0
base=$(cd "$SLURM_BASE" && pwd)
grace=${SLURM_STOP_GRACE:-10}

# Alive = exists and is not a zombie (PID 1 may reap late without systemd).
alive_pid() {
	local stat
	stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
	case "$stat" in Z*|"") return 1 ;; esac
	return 0
}

stop_pidfile() {
	local f=$1 pid i
	[ -f "$f" ] || return 0
	pid=$(cat "$f" 2>/dev/null)
	[ -n "$pid" ] || return 0
	alive_pid "$pid" || return 0
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < grace * 10; i++)); do
		alive_pid "$pid" || return 0
		sleep 0.1
	done
	echo "slurm-stop: pid $pid ($f) ignored SIGTERM for ${grace}s: SIGKILL" >&2
	kill -KILL "$pid" 2>/dev/null
	return 0
}

if [ -f "$base/slurm.conf" ] && [ -f "$base/slurmctld.pid" ] && alive_pid "$(cat "$base/slurmctld.pid")"; then
	# Only this cluster's jobs: SLURM_CONF points at it.
	SLURM_CONF="$base/slurm.conf" timeout 5 scancel --quiet --user="$(id -un)" 2>/dev/null
	sleep 0.3
fi
stop_pidfile "$base/slurmd.pid"
stop_pidfile "$base/slurmctld.pid"
stop_pidfile "$base/munge/munged.pid"
exit 0
