#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > rotate.sh <<'EOF'
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
if [ "${1:-}" = "--dry-run" ]; then
	dry=1
	shift
fi
dir=$1
keep=$2

cd -- "$dir" || exit 1
kept=0
deleted=0
while IFS= read -r b; do
	[ -n "$b" ] || continue
	if [ "$kept" -lt "$keep" ]; then
		kept=$((kept + 1))
	else
		if [ "$dry" = 1 ]; then
			echo "would delete $b"
		else
			rm -- "$b"
		fi
		deleted=$((deleted + 1))
	fi
done < <(for f in backup-[0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9].tar.gz; do
		[ -f "$f" ] && echo "$f"
	done | sort -t- -k4,4r -k3,3r -k2,2r)
echo "kept $kept, deleted $deleted"
EOF
