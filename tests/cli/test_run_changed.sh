# horizon run never silently reuses runs made by another configuration of an agent: each record
# holds its agent_config and agent_fingerprint; a resume under the same alias with a different
# backend, model, base_url, setting or seed refuses, naming the difference and the ways out (a new
# alias, --rerun-changed), and leaves sweep.json saying what the records hold; metadata (release
# date, prices) changes nothing; --rerun-changed runs the changed runs again; records written before
# they carried a fingerprint are compared through their agent_spec.
. "$(dirname "$0")/lib.sh"
TASKS=$HZ_SOURCE_DIR/tests/data/tasks
D=$TMP/s
run() { "$HORIZON" run --tasks-dir "$TASKS" --tasks 'fixture/*' --repeats 2 --sandbox none --out "$D" --quiet "$@"; }
n=$(run --agent 'sim,h50=2,alias=s2' --dry-run --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs_planned"])')

expect_ok "a first sweep" run --agent 'sim,h50=2,alias=s2'
python3 - "$D/runs.jsonl" <<'PY' && ok "records hold agent_config and agent_fingerprint" || bad "records hold agent_config and agent_fingerprint"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert all(r["agent_config"] == {"backend": "sim", "model": None, "base_url": None, "settings": {"h50": "2"}, "seed": 0} for r in recs), recs[0]
assert len({r["agent_fingerprint"] for r in recs}) == 1 and len(recs[0]["agent_fingerprint"]) == 16
PY
cp "$D/sweep.json" "$TMP/sweep-before.json"

expect_fail "h50 changed under the same alias: refused" 1 run --agent 'sim,h50=8,alias=s2'
expect_grep "the difference is named" "agent 's2': $n of its $n recorded runs in .*runs.jsonl were made with another configuration \(h50: recorded 2, now 8\)" "$TMP/err"
expect_grep "the ways out are named" "new alias \(alias=NAME\).*--rerun-changed" "$TMP/err"
cmp -s "$D/sweep.json" "$TMP/sweep-before.json" && ok "sweep.json still says what the records hold" || bad "sweep.json was rewritten"
[ "$(wc -l <"$D/runs.jsonl")" = "$n" ] && ok "nothing was run" || bad "nothing was run"
expect_fail "a new setting: refused" 1 run --agent 'sim,h50=2,slope=3,alias=s2'
expect_grep "a new setting is named" "slope: recorded unset, now 3" "$TMP/err"
expect_fail "another --seed: refused" 1 run --agent 'sim,h50=2,alias=s2' --seed 5
expect_grep "the seed is named" "seed: recorded 0, now 5" "$TMP/err"
expect_fail "another backend: refused" 1 run --agent 'oracle,alias=s2'
expect_grep "the backend is named" "backend: recorded sim, now oracle; h50: recorded 2, now unset" "$TMP/err"
expect_ok "a dry run reports instead of refusing" run --agent 'sim,h50=8,alias=s2' --dry-run --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["changed"] == int(sys.argv[2]) and d["to_run"] == 0' "$TMP/out" "$n" \
	&& ok "dry run: the changed runs counted" || bad "dry run: the changed runs counted"

# Metadata is not configuration: a release date or prices change nothing.
expect_ok "a release date and prices are not a change" run --agent 'sim,h50=2,alias=s2,release=2024-02-01,price_in=3'
[ "$(wc -l <"$D/runs.jsonl")" = "$n" ] && ok "metadata re-ran nothing" || bad "metadata re-ran nothing"

# --rerun-changed runs them again with the new configuration; then they are recorded.
expect_ok "--rerun-changed" run --agent 'sim,h50=8,alias=s2' --rerun-changed --json
python3 - "$TMP/out" "$D/runs.jsonl" "$D/sweep.json" "$n" <<'PY' && ok "re-run: every run once more, the latest records the new config" || bad "re-run"
import json, sys
out, recs, sw, n = json.load(open(sys.argv[1])), [json.loads(l) for l in open(sys.argv[2])], json.load(open(sys.argv[3])), int(sys.argv[4])
assert out["changed"] == n and out["to_run"] == n, out
assert len(recs) == 2 * n
latest = {}
for r in recs:
    latest[r["run_id"]] = r
assert all(r["agent_config"]["settings"] == {"h50": "8"} for r in latest.values())
a = sw["agents"][0]
assert a["params"] == {"h50": "8"} and a["runs_recorded_with_other_config"] == 0
assert a["agent_fingerprint"] == recs[-1]["agent_fingerprint"]
PY
expect_ok "then the same command has nothing to do" run --agent 'sim,h50=8,alias=s2' --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["to_run"] == 0 and d["changed"] == 0' "$TMP/out" \
	&& ok "nothing to run after the re-run" || bad "nothing to run after the re-run"
expect_ok "fit names the verdicts that changed" "$HORIZON" fit --bootstrap 0 --no-trend "$D"
expect_grep "fit: superseded records counted" "note: $n records superseded" "$TMP/out"

# Records without agent_config (written by an older horizon) are compared through agent_spec.
D=$TMP/old
expect_ok "a sweep" run --agent 'sim,h50=2,alias=s2'
python3 - "$D/runs.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[1], "w") as f:
    for r in recs:
        del r["agent_config"], r["agent_fingerprint"]
        f.write(json.dumps(r) + "\n")
PY
expect_ok "old records, same config: resumes" run --agent 'sim,h50=2,alias=s2'
expect_fail "old records, another config: refused" 1 run --agent 'sim,h50=4,alias=s2'
expect_grep "old records: the difference is named" "h50: recorded 2, now 4" "$TMP/err"
finish
