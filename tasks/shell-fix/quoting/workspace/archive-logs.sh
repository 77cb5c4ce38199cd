#!/bin/bash
# archive-logs.sh SRC DEST: compress every *.log file directly in SRC into DEST as NAME.log.gz,
# remove the original, and print "archived N files".  Subdirectories of SRC are left alone.
set -u

src=$1
dest=$2
n=0

mkdir -p $dest
for f in $(ls $src/*.log); do
	name=$(basename $f)
	gzip -c $f > $dest/$name.gz
	rm $f
	n=$((n + 1))
done
echo "archived $n files"
