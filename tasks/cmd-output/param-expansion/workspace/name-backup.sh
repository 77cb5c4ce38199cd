#!/bin/bash
# name-backup.sh: the file name the nightly job gives a database dump.
set -u
src=${DUMP_SOURCE:-/var/lib/pg/main.sql.gz}
host=${HOSTNAME_OVERRIDE:-db-primary.eu-west.internal}
base=${src##*/}
stem=${base%%.*}
ext=${base#*.}
short=${host%%.*}
region=${host#*.}
region=${region%.internal}
stamp=${STAMP:-20240101}
echo "${short}-${region^^}-${stem}-${stamp:2:4}.${ext/sql/dump}"
