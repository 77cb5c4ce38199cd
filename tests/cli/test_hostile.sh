#!/usr/bin/env bash
# Hostile inputs (deep and aliased YAML, 50 MB lines, NUL bytes, invalid UTF-8, 1e400 and NaN,
# absurd shard plans, symlink loops in the task tree, nonsense usage from an LLM API) fed to the
# commands that read them: each exits 0, 1 or 2 with a one-line error, within 10 s and 1 GB, and
# leaves every log readable.  The cases are in hostile.py; HZ_HOSTILE_CASES=GLOB runs some.
source "$(dirname "$0")/lib.sh"

if python3 "$HZ_SOURCE_DIR/tests/cli/hostile.py" "$HORIZON" "$TMP" "$HZ_SOURCE_DIR" "${HZ_HOSTILE_CASES:-*}"; then
	ok "hostile inputs handled"
else
	bad "hostile inputs handled"
fi
finish
