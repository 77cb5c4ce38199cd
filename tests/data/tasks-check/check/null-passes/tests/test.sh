#!/bin/bash
# A scorer that only checks the script runs: the starting files pass it.
bash add.sh 2 3 >/dev/null
