# The whole catalogue in tasks/ validates with no error, every tool its tasks list in `requires`
# is installed (scripts/setup.sh installs them), and the short end of the suite has the shape the
# catalogue promises.  Other warnings are shown but allowed (long projects may need long scorers).
. "$(dirname "$0")/lib.sh"

CAT=$HZ_SOURCE_DIR/tasks
expect_ok "tasks validate tasks/" "$HORIZON" tasks validate "$CAT"
grep '^warning: ' "$TMP/out" | sed 's/^/  | /'
tail -1 "$TMP/out"
expect_grep "every task valid" "^.*: ([0-9]+) tasks, \1 valid, 0 errors, [0-9]+ warnings?$" "$TMP/out"
if grep -q "is not installed on this machine" "$TMP/out"; then
	bad "every required tool is installed"
	grep "is not installed on this machine" "$TMP/out" | sed 's/^/  | /'
else
	ok "every required tool is installed"
fi

expect_ok "tasks stats --json" "$HORIZON" tasks stats --catalog "$CAT" --json
cp "$TMP/out" "$TMP/stats.json"
expect_ok "tasks list --json" "$HORIZON" tasks list --catalog "$CAT" --json
cp "$TMP/out" "$TMP/list.json"
# The families of the short end (3 tasks or more each) and its three buckets (6 or more each).
if python3 - "$TMP/stats.json" "$TMP/list.json" <<'PY'
import json, sys
stats, tasks = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
fam = {f["family"]: f["count"] for f in stats["per_family"]}
want = ["which-file", "cmd-output", "wrong-line", "log-parse", "csv-aggregate", "config-fix", "shell-fix", "git-forensics"]
short = [f for f in want if fam.get(f, 0) < 3]
buckets = {b["label"]: b["count"] for b in stats["buckets"]}
thin = [b for b in ("< 15 s", "15 s - 1 min", "1 - 4 min") if buckets[b] < 6]
mine = [t for t in tasks if t["family"] in want]
not_est = [t["id"] for t in mine if t["human_source"] != "estimate"]
for msg, bad in (("families with fewer than 3 tasks", short), ("buckets with fewer than 6 tasks", thin),
                 ("tasks whose human_source is not estimate", not_est)):
    if bad:
        print(msg + ":", ", ".join(bad))
sys.exit(1 if short or thin or not_est else 0)
PY
then ok "short-end families and buckets are filled"; else bad "short-end families and buckets are filled"; fi
# The long end and the domains (issue 13): what the catalogue holds today must not shrink, and the
# by-domain split of `tasks stats` must add up.
if python3 - "$TMP/stats.json" "$TMP/list.json" <<'PY'
import json, sys
stats, tasks = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
floors = {"tasks": 120, "families": 35, "at_least_8h": 12, "at_least_24h": 3, "at_least_40h": 1}
low = ["%s %d < %d" % (k, stats[k], v) for k, v in floors.items() if stats[k] < v]
doms = {d["domain"]: d for d in stats["per_domain"]}
fams = {}
for t in tasks:
    fams.setdefault(t["domain"], set()).add(t["family"])
thin = ["%s (%d)" % (d, len(fams.get(d, ()))) for d in ("security", "ml", "data", "ops") if len(fams.get(d, ())) < 2]
sums = sum(d["count"] for d in doms.values()) == stats["tasks"] and all(
    sum(b["per_domain"].values()) == b["count"] for b in stats["buckets"]) and all(
    sum(d["buckets"]) == d["count"] for d in doms.values())
for msg, bad in (("below the floor", low), ("domains with fewer than 2 families", thin)):
    if bad:
        print(msg + ":", ", ".join(bad))
if not sums:
    print("per-domain counts do not add up")
sys.exit(1 if low or thin or not sums else 0)
PY
then ok "long end and domains hold"; else bad "long end and domains hold"; fi
finish
