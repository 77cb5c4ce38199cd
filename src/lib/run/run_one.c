/*
 * One run, start to record: a fresh workspace, the agent in the sandbox
 * under the task's (scaled) time limit, the patch and final commit once the
 * agent's processes are gone, scoring in a fresh sandbox, and the record.
 * Anything that goes wrong on our side makes a record with status "error"
 * and the class of the failure in exit_reason, so the run is retried on
 * resume and kept out of fits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "workspace.h"
#include "record.h"
#include "run_internal.h"
#include "strutil.h"

/* Remove the files a previous (error) attempt of this run left. */
static void clear_run_dir(const char *run_dir)
{
	static const char *const names[] = { "patch.diff", "agent.log", "scorer.log", "transcript.jsonl", NULL };

	for (size_t i = 0; names[i]; i++) {
		char *p = hz_path_join(run_dir, names[i]);
		if (p)
			unlink(p);
		free(p);
	}
}

static int write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char *p = hz_path_join(dir, name);
	int rc;

	if (!p)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	rc = run_write_file(p, data, len);
	free(p);
	return rc;
}

/*
 * Everything one run works with, from its first phase to its record.  The
 * phases below fill it in order; a phase that ends the run early sets
 * `reason` (and errbuf when it has more to say) and returns -1, and the
 * run's record then says status "error".
 */
typedef struct run_state {
	const run_env *re;
	hz_agent *agent;
	const run_plan *plan;
	hz_task *task;
	const hz_agent_config *cfg;
	double limit;             /* the task's time limit, scaled */
	double t0;                /* when the current phase started */
	record_in rec;
	run_ctx ctx;              /* behind env.exec */
	hz_agent_env env;
	hz_agent_outcome oc;
	run_verdict v;
	run_workspace *ws;
	score_held *scorer;       /* the scorer's sandbox, made while the agent works */
	char *run_dir, *ws_dir, *transcript, *instructions, *ins_path, *patch, *scorer_log, *iso;
	const char *status;       /* "success", "failure" or "error" */
	const char *reason;       /* exit_reason of the record */
	char errbuf[512];         /* the error, or a note on a finished run */
	int ran_agent;
} run_state;

/* Fill st for one run and name its files.  Negative only when memory ran out. */
static int state_init(run_state *st, const run_env *re, hz_agent *agent, const run_plan *plan)
{
	hz_buf b = HZ_BUF_INIT, w = HZ_BUF_INIT;

	memset(st, 0, sizeof(*st));
	st->re = re;
	st->agent = agent;
	st->plan = plan;
	st->task = plan->task;
	st->cfg = hz_agent_get_config(agent);
	st->status = "error";
	st->reason = "";
	st->t0 = hz_clock_now();
	st->limit = hz_task_time_limit_s(st->task) * re->time_limit_scale;
	hz_buf_init(&st->ctx.agent_log, RUN_AGENT_LOG_CAP);
	st->rec.started_at = hz_time_ms();
	hz_buf_printf(&b, "%s/runs/%s", re->out_dir, plan->run_id);
	hz_buf_printf(&w, "%s/%s", re->work_root, plan->run_id);
	st->run_dir = hz_buf_detach(&b);
	st->ws_dir = hz_buf_detach(&w);
	if (!(st->transcript = hz_path_join(st->run_dir, "transcript.jsonl")) ||
	    !(st->patch = hz_path_join(st->run_dir, "patch.diff")) ||
	    !(st->scorer_log = hz_path_join(st->run_dir, "scorer.log")) ||
	    !(st->ins_path = hz_path_join(re->task_stage ? re->task_stage : st->ws_dir, "instructions.md")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int stop(run_state *st, const char *reason)
{
	st->reason = reason;
	return -1;
}

/*
 * Phase 1: the run directory (cleared of a previous attempt's files), a
 * fresh workspace with its baseline commit, the instructions, the agent's
 * env, and the scorer's sandbox built ahead.
 */
static int prepare_workspace(run_state *st)
{
	const run_env *re = st->re;
	hz_task *task = st->task;
	char *src;
	int wrc;

	if (hz_fs_mkdir_p(st->run_dir, 0755) != 0)
		return stop(st, "io_error");
	clear_run_dir(st->run_dir);
	hz_fs_remove_tree(st->ws_dir); /* left by a crashed sweep */
	src = hz_path_join(hz_task_dir(task), "workspace");
	wrc = !src ? HZ_ENOMEM
	      : re->base && !re->keep_workspace
		      ? workspace_create_from(&st->ws, st->ws_dir, re->base, hz_sandbox_owner_uid(re->sb))
		      : workspace_create(&st->ws, st->ws_dir, src, hz_sandbox_owner_uid(re->sb));
	free(src);
	if (wrc)
		return stop(st, "workspace_error");
	memcpy(st->rec.baseline, workspace_baseline(st->ws), sizeof(st->rec.baseline));
	if (hz_task_instructions(task, &st->instructions) != 0 ||
	    (!re->task_stage &&
	     write_file(st->ws_dir, "instructions.md", st->instructions, strlen(st->instructions)) != 0))
		return stop(st, "task_error");
	st->ctx.sb = re->sb;
	st->ctx.task = task;
	st->ctx.workspace = workspace_path(st->ws);
	st->ctx.task_stage = re->task_stage;
	st->ctx.instructions_path = st->ins_path;
	st->ctx.limits = hz_task_resources(task);
	st->ctx.term_in = re->term_in;
	st->ctx.term_out = re->term_out;
	st->env.task = task;
	st->env.instructions = st->instructions;
	st->env.workspace = workspace_path(st->ws);
	st->env.run_dir = st->run_dir;
	st->env.transcript_path = st->transcript;
	st->env.run_id = st->plan->run_id;
	st->env.repeat = st->plan->repeat;
	st->env.seed = run_seed(re->seed, st->cfg->alias, hz_task_id(task), st->plan->repeat);
	st->env.max_output = RUN_OUTPUT_CAP;
	st->env.exec = run_exec;
	st->env.exec_ctx = &st->ctx;
	/*
	 * The scorer's sandbox is built now, beside the agent's, and held at the
	 * door until the agent is done: its set-up overlaps the agent's work.
	 * Failing here is not final: scoring then makes its sandbox itself.
	 */
	if (score_prepare(re->sb, task, re->task_stage, workspace_path(st->ws), &st->scorer) != 0)
		st->scorer = NULL;
	st->rec.setup_s = hz_clock_now() - st->t0;
	return 0;
}

/*
 * Phase 2: the agent, until it ends or the time limit's deadline.  How it
 * ended goes to st->oc: an agent that could not run, or whose sandbox
 * failed, is an infrastructure error.  Its command log goes to agent.log.
 */
static int run_agent(run_state *st)
{
	st->t0 = hz_clock_now();
	st->ctx.deadline = st->env.deadline = st->t0 + st->limit;
	st->rec.started_at = hz_time_ms();
	st->ran_agent = 1;
	if (hz_agent_run(st->agent, &st->env, &st->oc) != 0) {
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", hz_error_message());
		st->oc.infra_error = 1;
		agent_outcome_reason(&st->oc, "agent_error");
	} else if (st->ctx.sandbox_failed && !st->oc.infra_error) {
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", st->ctx.sandbox_error);
		st->oc.infra_error = 1;
		agent_outcome_reason(&st->oc, "sandbox_error");
	}
	st->rec.wall_s = hz_clock_now() - st->t0;
	if (!st->oc.exit_reason[0])
		agent_outcome_reason(&st->oc, st->rec.wall_s >= st->limit ? "time_limit" : "agent_exit");
	if (st->oc.error_message && !st->errbuf[0])
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", st->oc.error_message);
	if (st->ctx.agent_log.len)
		write_file(st->run_dir, "agent.log", st->ctx.agent_log.ptr, st->ctx.agent_log.len);
	return 0;
}

/* Phase 3: the final commit and the patch (capped at RUN_PATCH_CAP), the agent's processes gone. */
static int collect_patch(run_state *st)
{
	int rc;

	st->t0 = hz_clock_now();
	rc = workspace_finish(st->ws, st->patch, RUN_PATCH_CAP, &st->rec.patch_bytes, st->rec.final);
	st->rec.patch_s = hz_clock_now() - st->t0;
	if (rc != 0) {
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", hz_error_message());
		return stop(st, "patch_error");
	}
	return 0;
}

/*
 * Phase 4: the scorer, in the sandbox held since phase 1 (or a new one).
 * A run lost to infrastructure is not scored; a scorer that crashes is an
 * error verdict.
 */
static int score(run_state *st)
{
	const run_env *re = st->re;
	int rc;

	if (st->oc.infra_error)
		return stop(st, st->oc.exit_reason);
	rc = score_run(re->sb, st->task, re->task_stage, workspace_path(st->ws), st->oc.answer, st->scorer_log,
		       st->scorer, &st->v);
	st->scorer = NULL;
	if (rc != 0) {
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", hz_error_message());
		return stop(st, "scorer_error");
	}
	st->rec.score_wall_s = st->v.wall_s;
	st->reason = st->oc.exit_reason;
	if (st->v.status == RUN_VERDICT_ERROR) {
		st->reason = st->v.reason;
		snprintf(st->errbuf, sizeof(st->errbuf), "%s", st->v.message);
	} else {
		st->status = st->v.status == RUN_VERDICT_SUCCESS ? "success" : "failure";
		st->rec.score = st->v.score;
	}
	return 0;
}

/* Phase 5: the record, however far the run got, as one line into *line; the summary into *sum. */
static int write_record(run_state *st, hz_buf *line, run_summary *sum)
{
	record_in *rec = &st->rec;
	const hz_agent_config *cfg = st->cfg;
	const char *net = hz_agent_config_param(cfg, "net");
	int rc;

	if (!st->ran_agent || !strcmp(st->status, "error")) {
		if (!st->errbuf[0])
			snprintf(st->errbuf, sizeof(st->errbuf), "%s", hz_error_message());
		rec->error = st->errbuf;
	} else if (st->errbuf[0]) {
		rec->error = st->errbuf; /* a note, e.g. the agent's command exited non-zero */
	}
	rec->completed_at = hz_time_ms();
	if (!st->ran_agent)
		rec->wall_s = 0;
	st->iso = hz_sandbox_isolation(st->re->sb, hz_task_resources(st->task),
				       !strcmp(cfg->backend, "cmd") && net && !strcmp(net, "host"));
	rec->run_id = st->plan->run_id;
	rec->out_dir = st->re->out_dir;
	rec->task = st->task;
	rec->config = cfg;
	rec->outcome = st->ran_agent ? &st->oc : NULL;
	rec->repeat = st->plan->repeat;
	rec->status = st->status;
	rec->exit_reason = st->reason && st->reason[0] ? st->reason : "unknown";
	rec->verdict = st->v.reason;
	rec->time_limit_s = st->limit;
	rec->isolation = st->iso;
	rec->sweep_seed = st->re->seed;
	rec->design = st->re->design;
	rc = record_build(rec, line);
	sum->status = !strcmp(st->status, "success")   ? RUN_VERDICT_SUCCESS
		      : !strcmp(st->status, "failure") ? RUN_VERDICT_FAILURE
						       : RUN_VERDICT_ERROR;
	snprintf(sum->exit_reason, sizeof(sum->exit_reason), "%s", rec->exit_reason);
	snprintf(sum->error, sizeof(sum->error), "%s", rec->error ? rec->error : "");
	sum->wall_s = rec->wall_s;
	sum->tokens = st->oc.input_tokens + st->oc.output_tokens;
	sum->cost_usd = st->oc.cost_usd;
	return rc;
}

static void state_release(run_state *st)
{
	score_discard(st->scorer);
	if (st->ws && !st->re->keep_workspace)
		workspace_remove(st->ws);
	else if (!st->ws && st->ws_dir)
		hz_fs_remove_tree(st->ws_dir);
	workspace_free(st->ws);
	hz_agent_outcome_release(&st->oc);
	hz_buf_release(&st->ctx.agent_log);
	free(st->run_dir);
	free(st->ws_dir);
	free(st->transcript);
	free(st->instructions);
	free(st->ins_path);
	free(st->patch);
	free(st->scorer_log);
	free(st->iso);
}

int run_one(const run_env *re, hz_agent *agent, const run_plan *plan, hz_buf *line, run_summary *sum)
{
	run_state st;
	int rc;

	memset(sum, 0, sizeof(*sum));
	if ((rc = state_init(&st, re, agent, plan)) == 0) {
		if (prepare_workspace(&st) == 0 && run_agent(&st) == 0 && collect_patch(&st) == 0)
			score(&st);
		run_note_outside_kill(&st.ctx, st.v.killed_signal);
		if (st.ctx.unrecorded[0])
			rc = hz_error_set(HZ_ERROR, "run %s (%s on %s): %s", plan->run_id, st.cfg->alias,
					  hz_task_id(st.task), st.ctx.unrecorded);
		else
			rc = write_record(&st, line, sum);
	}
	state_release(&st);
	return rc;
}
