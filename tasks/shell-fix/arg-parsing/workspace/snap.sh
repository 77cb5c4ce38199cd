#!/bin/bash
# snap.sh [-n] [-o DIR] [-k N] FILE...
#
# Copy each FILE into DIR (default: ./snapshots) as NAME.YYYYMMDD, the date
# being $SNAP_DATE (default: today), and keep at most N snapshots of each
# file (default 3): older ones are removed, oldest first.
#   -n  dry run: print "would copy FILE -> DEST" and "would remove OLD" lines
#       instead of copying and removing, and change nothing.
# The last line is "N file(s) copied" ("N file(s) would be copied" with -n).
# An unknown option or no FILE: a usage message on stderr and exit status 2.
set -u

usage() { echo "usage: snap.sh [-n] [-o DIR] [-k N] FILE..." >&2; exit 2; }

dest=./snapshots
keep=3
dry=0
while getopts "no:k" opt; do
	case $opt in
	n) dry=1 ;;
	o) dest=$OPTARG ;;
	k) keep=$OPTARG ;;
	*) usage ;;
	esac
done
[ $# -gt 0 ] || usage
stamp=${SNAP_DATE:-$(date +%Y%m%d)}

[ "$dry" = true ] || mkdir -p $dest
n=0
for f in $@; do
	name=$(basename $f)
	if [ "$dry" = true ]; then
		echo "would copy $f -> $dest/$name.$stamp"
	else
		cp $f $dest/$name.$stamp
	fi
	n=$((n + 1))
	for old in $(ls $dest/$name.* 2>/dev/null | head -n -$keep); do
		if [ "$dry" = true ]; then
			echo "would remove $old"
		else
			rm $old
		fi
	done
done
if [ "$dry" = true ]; then
	echo "$n file(s) would be copied"
else
	echo "$n file(s) copied"
fi
