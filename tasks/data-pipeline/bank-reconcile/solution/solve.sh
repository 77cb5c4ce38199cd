#!/bin/bash
# Reference solution: a Python reconciler (csv + Decimal) called from run.sh.
cp "${HZ_SOLUTION:-$(dirname "$0")}/reconcile.py" reconcile.py
cat > run.sh <<'SH'
#!/bin/bash
exec python3 "$(dirname "$0")/reconcile.py" "$@"
SH
