#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i -e 's/^port = 5672/port = 8080/' -e 's#^log_dir = var/log#log_dir = logs#' services/api.ini; sed -i 's/^db_port = 5433/db_port = 5432/' services/metrics.ini; mkdir -p logs
