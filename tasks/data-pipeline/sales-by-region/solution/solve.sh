#!/bin/bash
# Reference solution: a Python report script called from run.sh.
cp "${HZ_SOLUTION:-$(dirname "$0")}/report.py" report.py
cat > run.sh <<'SH'
#!/bin/bash
exec python3 "$(dirname "$0")/report.py" "$@"
SH
