# Shared by the horizon view tests (sourced after lib.sh): a real sweep to look at.
# Three sim agents with release dates on ten short catalogue tasks, and one LLM agent
# (the scripted mock) whose transcript, tool output, answer and patch are full of HTML
# and script tags; its run fails (it never fixes add.sh).
. "$(dirname "$0")/llm_lib.sh"
VIEW_SWEEP=$TMP/sweep
expect_ok "a sweep of sim agents on catalogue tasks" "$HORIZON" run --tasks-dir "$HZ_SOURCE_DIR/tasks" --out "$VIEW_SWEEP" --quiet \
	--tasks cmd-output/pipeline-count,log-parse/count-level,config-fix/json-comma,git-forensics/who-changed,shell-fix/exit-status,config-fix/toml-service,csv-aggregate/join-orders,log-parse/sessions,shell-fix/backup-rotate,py-bugfix/roman \
	--agent sim,h50=2,alias=sim-2023,release=2023-01-01 --agent sim,h50=10,alias=sim-2024,release=2024-01-01 \
	--agent sim,h50=40,alias=sim-2025,release=2025-01-01 --repeats 2 --jobs 2
expect_ok "an LLM run whose transcript holds HTML" "$HORIZON" run --tasks-dir "$TASKS" --tasks fixture/fix-add --out "$VIEW_SWEEP" --quiet \
	--agent "openai:view-html#v,alias=mock-html,release=2025-06-01,$OA"
EVIL_RUN=$(python3 -c 'import json,sys; print([r for r in map(json.loads, open(sys.argv[1])) if r["alias"]=="mock-html"][-1]["run_id"])' "$VIEW_SWEEP/runs.jsonl")
[ -n "$EVIL_RUN" ] && ok "the LLM run is recorded ($EVIL_RUN)" || bad "the LLM run is recorded"

# start_view ARGS...: start horizon view on a free port; sets VIEW_PID and URL.
start_view() {
	"$HORIZON" view --port 0 --bootstrap 50 "$@" >"$TMP/view.out" 2>"$TMP/view.err" &
	VIEW_PID=$!
	for _ in $(seq 600); do grep -q 'serving on' "$TMP/view.out" && break; sleep 0.1; done
	URL=$(sed -n 's/.*serving on \(http:[^ ]*\).*/\1/p' "$TMP/view.out")
	[ -n "$URL" ] && ok "horizon view listens ($URL)" || { bad "horizon view listens"; cat "$TMP/view.err"; }
}
stop_view() {
	kill -INT "$VIEW_PID" 2>/dev/null
	wait "$VIEW_PID"
}
