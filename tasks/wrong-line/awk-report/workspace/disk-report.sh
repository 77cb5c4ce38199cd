#!/bin/bash
# disk-report.sh: which file systems need attention, from a saved `df -P` listing.
#
# usage: disk-report.sh DF_OUTPUT [THRESHOLD]
#
# Prints one line per file system whose use is AT OR ABOVE the threshold
# (default 80%), fullest first, then a count.  Pseudo file systems (tmpfs,
# devtmpfs, overlay) are skipped: they do not fill up disks.
set -eu

input=${1:?usage: disk-report.sh DF_OUTPUT [THRESHOLD]}
threshold=${2:-80}

if [ ! -r "$input" ]; then
	echo "disk-report: cannot read $input" >&2
	exit 1
fi

awk -v limit="$threshold" '
	NR == 1 { next }                             # header line
	$1 == "tmpfs" || $1 == "devtmpfs" || $1 == "overlay" { next }
	{
		use = $5
		sub(/%$/, "", use)                       # "83%" -> 83
		if (use + 0 > limit + 0)
			printf "%s %s %d%%\n", $6, $1, use
	}
' "$input" | sort -k3 -rn > /tmp/disk-report.$$

count=$(wc -l < /tmp/disk-report.$$)
if [ "$count" -eq 0 ]; then
	echo "all file systems below ${threshold}%"
else
	cat /tmp/disk-report.$$
	echo "$count file system(s) at or above ${threshold}%"
fi
rm -f /tmp/disk-report.$$
