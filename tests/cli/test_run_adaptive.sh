# horizon run --adaptive: a sim agent over a made-up catalogue of 24 tasks from 1 min to 16 h:
# the sweep stops at its target or run cap with fewer runs than the full sweep, records every
# choice and why in DIR/adaptive.json and "design": "adaptive" in every record; the same command
# again runs nothing; a sweep killed with -9 resumes to exactly the result of an uninterrupted
# one; the options are checked and a full and an adaptive sweep never share a DIR.
. "$(dirname "$0")/lib.sh"
CAT=$TMP/tasks
python3 - "$CAT" <<'PY'
import json, os, sys
root = sys.argv[1]
for i in range(24):
    fam = "fam%d" % (i % 4)
    d = os.path.join(root, fam, "t%02d" % i)
    for sub in ("solution", "tests", "workspace"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    open(os.path.join(d, "instructions.md"), "w").write("Create a file named done.\n")
    open(os.path.join(d, "workspace", "README"), "w").write("a task\n")
    open(os.path.join(d, "tests", ".keep"), "w").close()
    s = os.path.join(d, "solution", "solve.sh")
    open(s, "w").write("#!/bin/sh\ntouch done\n")
    os.chmod(s, 0o755)
    json.dump({"id": "%s/t%02d" % (fam, i), "family": fam, "version": "1", "summary": "Create done",
               "human_minutes": round(2 ** (10 * i / 23), 3), "human_source": "estimate",
               "human_notes": "made up", "time_limit_s": 30,
               "scorer": {"kind": "exit", "command": ["test", "-e", "done"], "timeout_s": 10},
               "network": "none", "requires": [], "tags": []}, open(os.path.join(d, "task.json"), "w"))
PY
base=("$HORIZON" run --adaptive --tasks-dir "$CAT" --sandbox none --jobs 2 --seed 7
      --agent sim,h50=20,slope=0.9,alias=s --repeats 3 --initial 8 --batch 4 --target-ci 4 --max-runs 40 --calibrate 20)

D=$TMP/a
expect_ok "an adaptive sweep runs" "${base[@]}" --out "$D" --json
cp "$TMP/out" "$TMP/first.json"
cp "$TMP/err" "$TMP/first.err"
python3 - "$TMP/first.json" "$D" <<'PY' >"$TMP/chk" 2>&1 && ok "summary, records and design agree ($(cat "$TMP/chk"))" || { bad "summary, records and design"; sed 's/^/  | /' "$TMP/chk"; }
import json, sys
s = json.load(open(sys.argv[1]))
d = sys.argv[2]
a = s["agents"][0]
assert s["design"] == "adaptive" and s["interval"] == "replay-calibrated-profile-likelihood", s
assert a["stop"] in ("target", "max-runs"), a
assert 8 <= a["runs"] <= 40 < s["full_sweep_runs"] == 24 * 5, (a, s)  # the full sweep: 5 runs a task
recs = [json.loads(l) for l in open(d + "/runs.jsonl")]
assert len(recs) == a["runs"] and all(r["design"] == "adaptive" for r in recs), len(recs)
design = json.load(open(d + "/adaptive.json"))
ag = design["agents"][0]
picks = [p for b in ag["batches"] for p in b["runs"]]
assert len(picks) == a["runs"] and all(p["why"] for p in picks), len(picks)
assert ag["batches"][0]["runs"][0]["why"].startswith("initial spread")
assert "variance drop" in ag["batches"][1]["runs"][0]["why"]
assert {(p["task_id"], p["repeat"]) for p in picks} == {(r["task_id"], r["repeat"]) for r in recs}
assert all(p["outcome"] == r["score_binarized"] for p in picks for r in recs
           if (p["task_id"], p["repeat"]) == (r["task_id"], r["repeat"]))
assert json.load(open(d + "/sweep.json"))["design"] == "adaptive"
print(a["runs"], "runs,", a["stop"])
PY
expect_grep "progress: one line per round on stderr" "adaptive round 2: s: 4 runs chosen" "$TMP/first.err"
expect_grep "progress: the end of the agent's design" "adaptive: s: done \((target|max-runs)\)" "$TMP/first.err"

expect_ok "the same command again" "${base[@]}" --out "$D" --json
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert a["ran"]>0 and b["ran"]==0 and a["agents"]==b["agents"]' \
	"$TMP/first.json" "$TMP/out" && ok "... runs nothing and gives the same result" || bad "the same command again ran runs or changed the result"

# kill -9 in the middle, then the same command: the same runs and the same design as above.
K=$TMP/killed
"${base[@]}" --out "$K" --quiet >/dev/null 2>&1 &
pid=$!
for i in $(seq 400); do
	[ -s "$K/runs.jsonl" ] && [ "$(wc -l <"$K/runs.jsonl")" -ge 14 ] && break
	sleep 0.05
done
kill -9 $pid
wait $pid 2>/dev/null
n=$(wc -l <"$K/runs.jsonl")
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["agents"][0]["runs"])' "$TMP/first.json")
if [ "$n" -ge 1 ] && [ "$n" -lt "$total" ]; then ok "killed with $n of $total runs recorded"; else bad "killed with $n of $total runs recorded"; fi
expect_ok "the same command resumes the killed sweep" "${base[@]}" --out "$K" --json
python3 - "$D" "$K" "$TMP/first.json" "$TMP/out" <<'PY' >"$TMP/chk" 2>&1 && ok "the resumed sweep ends exactly as the uninterrupted one" || { bad "resumed sweep differs"; sed 's/^/  | /' "$TMP/chk"; }
import json, sys
def runs(d):
    return sorted((r["task_id"], r["repeat"], r["status"]) for r in map(json.loads, open(d + "/runs.jsonl")))
def design(d):
    x = json.load(open(d + "/adaptive.json"))
    return [(p["task_id"], p["repeat"], p["outcome"], p["why"]) for b in x["agents"][0]["batches"] for p in b["runs"]]
assert runs(sys.argv[1]) == runs(sys.argv[2])
assert design(sys.argv[1]) == design(sys.argv[2])
assert json.load(open(sys.argv[3]))["agents"] == json.load(open(sys.argv[4]))["agents"]
PY

# horizon fit: the adaptive agent's intervals are profile-likelihood ones, and fit.json says so.
expect_ok "fit an adaptive sweep" "$HORIZON" fit --no-trend --bootstrap 50 --json -o "$TMP/fit.json" "$D"
python3 - "$TMP/fit.json" "$TMP/first.json" <<'PY' >"$TMP/chk" 2>&1 && ok "fit.json names the design and the interval" || { bad "fit.json design/interval"; sed 's/^/  | /' "$TMP/chk"; }
import json, sys
f = json.load(open(sys.argv[1]))
(a,) = f["agents"]
assert a["design"] == "adaptive" and a["interval"] == "profile-likelihood", a
h = a["horizons"]["50"]
assert h["bootstrap_n"] == 0 and h["ci_low"] < h["estimate"] < h["ci_high"], h
s = json.load(open(sys.argv[2]))["agents"][0]["p50"]
assert abs(h["estimate"] - s["estimate"]) < 1e-6 * s["estimate"], (h, s)  # the same fit as the sweep's
high = s["high"] if s["high"] is not None else float("inf")  # null: the calibrated one is open above
assert h["ci_low"] >= s["low"] - 1e-9 and h["ci_high"] <= high + 1e-9  # the sweep's is calibrated: wider
assert any("adaptive sweep" in n for n in f["notes"]), f["notes"]
PY
expect_ok "report an adaptive sweep" "$HORIZON" report --format md "$TMP/fit.json"
expect_grep "... the report says which interval" "adaptive sweep, with 95% profile-likelihood intervals.*: s\." "$TMP/out"
expect_ok "report an adaptive sweep as latex, csv, yaml" "$HORIZON" report --format latex,csv,yaml --out "$TMP/rep" \
	"$TMP/fit.json"
expect_grep "... latex says which interval" "adaptive sweep, with 95\\\\% profile-likelihood intervals.*: s\." "$TMP/rep/report.tex"
expect_grep "... csv in its design and interval columns" "^s,.*,adaptive,profile-likelihood" "$TMP/rep/report.csv"
expect_grep "... yaml in its design and interval keys" "interval: \"profile-likelihood\"" "$TMP/rep/report.yaml"
M=$TMP/mixed
expect_ok "a full sweep of the same agent elsewhere" "$HORIZON" run --tasks-dir "$CAT" --tasks fam0/t00 --sandbox none \
	--agent sim,h50=20,slope=0.9,alias=s --out "$M" --quiet
expect_fail "fitting an agent's adaptive and full sweeps together is refused" 1 "$HORIZON" fit --no-trend --bootstrap 0 "$D" "$M"
expect_grep "... naming a record of each" "agent 's': .*runs.jsonl:[0-9]+ is a record of an adaptive sweep and .*runs.jsonl:[0-9]+ one of a full sweep" "$TMP/err"

# Options.
expect_fail "--target-ci without --adaptive" 2 "$HORIZON" run --agent oracle --target-ci 2 --out "$TMP/x"
expect_grep "... says so" "--target-ci: only with --adaptive" "$TMP/err"
expect_fail "--target-ci 1 is refused" 2 "${base[@]}" --out "$TMP/x" --target-ci 1
expect_fail "--adaptive --shard is refused" 2 "${base[@]}" --out "$TMP/x" --shard 1/2
expect_fail "resuming with another rule is refused" 1 "${base[@]}" --out "$D" --batch 5
expect_grep "... naming the field" "options.batch is 4, this sweep's is 5" "$TMP/err"
expect_fail "a full sweep into an adaptive sweep's DIR is refused" 1 \
	"$HORIZON" run --tasks-dir "$CAT" --sandbox none --agent sim,h50=20,alias=s --out "$D" --quiet
expect_grep "... saying why" "would mix the two designs" "$TMP/err"
F=$TMP/full
expect_ok "a full sweep" "$HORIZON" run --tasks-dir "$CAT" --tasks fam0/t00 --sandbox none --agent oracle --out "$F" --quiet
expect_fail "an adaptive sweep into a full sweep's DIR is refused" 1 "${base[@]}" --out "$F"
expect_ok "run --help" "$HORIZON" run --help
expect_grep "--help documents --adaptive" "--adaptive .*first a spread" "$TMP/out"
finish
