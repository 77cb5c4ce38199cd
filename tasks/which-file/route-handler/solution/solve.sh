#!/bin/bash
# Reference solution: run with the workspace as the current directory.
set -euo pipefail
echo app/handlers/widgets_v2.py > answer.txt
