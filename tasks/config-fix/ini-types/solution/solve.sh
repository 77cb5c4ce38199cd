#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
sed -i -e 's/^port = 8080 .*/port = 8080/' -e 's/^log_level = verbose/log_level = debug/' \
	-e 's/^debug = yes please/debug = yes/' -e 's/^interval = 5m/interval = 300/' settings.ini
