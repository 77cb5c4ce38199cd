#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
cat > snap.sh <<'EOF'
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
while getopts "no:k:" opt; do
	case $opt in
	n) dry=1 ;;
	o) dest=$OPTARG ;;
	k) keep=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
stamp=${SNAP_DATE:-$(date +%Y%m%d)}

[ "$dry" = 1 ] || mkdir -p -- "$dest"
n=0
for f in "$@"; do
	name=$(basename -- "$f")
	new="$dest/$name.$stamp"
	if [ "$dry" = 1 ]; then
		echo "would copy $f -> $new"
	else
		cp -- "$f" "$new"
	fi
	n=$((n + 1))
	# existing snapshots of this file (plus the new one on a dry run), oldest first
	snaps=()
	for s in "$dest/$name".[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]; do
		[ -e "$s" ] && [ "$s" != "$new" ] && snaps+=("$s")
	done
	snaps+=("$new")
	excess=$(( ${#snaps[@]} - keep ))
	for ((i = 0; i < excess; i++)); do
		if [ "$dry" = 1 ]; then
			echo "would remove ${snaps[i]}"
		else
			rm -- "${snaps[i]}"
		fi
	done
done
if [ "$dry" = 1 ]; then
	echo "$n file(s) would be copied"
else
	echo "$n file(s) copied"
fi
EOF
