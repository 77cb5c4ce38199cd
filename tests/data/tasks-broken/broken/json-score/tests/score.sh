#!/bin/bash
n=$(cat out.txt 2>/dev/null | wc -l)
echo "counted $n lines"
awk -v n="$n" 'BEGIN { printf "{\"score\": %g}\n", n / 4 }'
