#!/bin/bash
# rotate.sh [--dry-run] DIR KEEP
#
# Keep the KEEP most recent backups in DIR and delete the older ones.
# A backup is a file named backup-DD-MM-YYYY.tar.gz (day, month, year of the
# backup, e.g. backup-07-03-2024.tar.gz); every other file in DIR is left alone.
# With --dry-run nothing is deleted: each backup that would go is printed as
# "would delete NAME" instead.  The last line is always "kept K, deleted D".
set -u

dry=0
if [ "$1" = "--dry-run" ]; then
	dry=1
	shift
fi
dir=$1
keep=$2

cd $dir || exit 1
backups=$(ls backup-*.tar.gz | sort -r)
kept=0
deleted=0
for b in $backups; do
	if [ $kept -le $keep ]; then
		kept=$((kept + 1))
	else
		if [ $dry = 1 ]; then
			echo "would delete $b"
		else
			rm $b
		fi
		deleted=$((deleted + 1))
	fi
done
echo "kept $kept, deleted $deleted"
