#!/bin/bash
# Reference solution: a Python sessioniser called from run.sh.
cp "${HZ_SOLUTION:-$(dirname "$0")}/sessions.py" sessions.py
cat > run.sh <<'SH'
#!/bin/bash
exec python3 "$(dirname "$0")/sessions.py" "$@"
SH
