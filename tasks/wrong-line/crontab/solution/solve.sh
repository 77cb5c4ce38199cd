#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
grep -n '/usr/local/bin/invoices' shop.cron | cut -d: -f1 > answer.txt
