#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
env -u HOSTNAME_OVERRIDE DUMP_SOURCE=/srv/backups/orders.2024.sql.gz STAMP=20240617 bash name-backup.sh > answer.txt
