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
#include "horizon/workspace.h"
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
	rc = hz_run_write_file(p, data, len);
	free(p);
	return rc;
}

int hz_run_one(const hz_run_env *re, hz_agent *agent, const hz_run_plan *plan, hz_buf *line, hz_run_summary *sum)
{
	hz_task *task = plan->task;
	const hz_agent_config *cfg = hz_agent_get_config(agent);
	hz_record_in rec = { 0 };
	hz_run_ctx ctx;
	hz_agent_env env;
	hz_agent_outcome oc;
	hz_verdict v;
	hz_workspace *ws = NULL;
	hz_score_held *scorer = NULL;
	char *run_dir = NULL, *ws_dir = NULL, *transcript = NULL, *instructions = NULL, *ins_path = NULL,
	     *patch = NULL, *scorer_log = NULL, *iso = NULL;
	const char *status = "error", *reason = "", *error = NULL;
	char errbuf[512] = "";
	double t0 = hz_clock_now(), limit = hz_task_time_limit_s(task) * re->time_limit_scale;
	int rc = 0, ran_agent = 0;

	memset(&ctx, 0, sizeof(ctx));
	memset(&env, 0, sizeof(env));
	memset(&oc, 0, sizeof(oc));
	memset(&v, 0, sizeof(v));
	memset(sum, 0, sizeof(*sum));
	hz_buf_init(&ctx.agent_log, HZ_RUN_AGENT_LOG_CAP);
	rec.started_at = hz_time_ms();
	{
		hz_buf b = HZ_BUF_INIT, w = HZ_BUF_INIT;
		hz_buf_printf(&b, "%s/runs/%s", re->out_dir, plan->run_id);
		hz_buf_printf(&w, "%s/%s", re->work_root, plan->run_id);
		run_dir = hz_buf_detach(&b);
		ws_dir = hz_buf_detach(&w);
	}
	if (!(transcript = hz_path_join(run_dir, "transcript.jsonl")) || !(patch = hz_path_join(run_dir, "patch.diff")) ||
	    !(scorer_log = hz_path_join(run_dir, "scorer.log")) || !(ins_path = hz_path_join(re->task_stage ? re->task_stage : ws_dir, "instructions.md"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (hz_fs_mkdir_p(run_dir, 0755) != 0) {
		reason = "io_error";
		goto record;
	}
	clear_run_dir(run_dir);
	hz_fs_remove_tree(ws_dir); /* left by a crashed sweep */
	{
		char *src = hz_path_join(hz_task_dir(task), "workspace");
		int wrc = !src ? HZ_ENOMEM
			  : re->base && !re->keep_workspace
				? hz_workspace_create_from(&ws, ws_dir, re->base, hz_sandbox_owner_uid(re->sb))
				     : hz_workspace_create(&ws, ws_dir, src, hz_sandbox_owner_uid(re->sb));
		free(src);
		if (wrc) {
			reason = "workspace_error";
			goto record;
		}
	}
	memcpy(rec.baseline, hz_workspace_baseline(ws), sizeof(rec.baseline));
	if (hz_task_instructions(task, &instructions) != 0 ||
	    (!re->task_stage && write_file(ws_dir, "instructions.md", instructions, strlen(instructions)) != 0)) {
		reason = "task_error";
		goto record;
	}
	ctx.sb = re->sb;
	ctx.task = task;
	ctx.workspace = hz_workspace_path(ws);
	ctx.task_stage = re->task_stage;
	ctx.instructions_path = ins_path;
	ctx.limits = hz_task_resources(task);
	env.task = task;
	env.instructions = instructions;
	env.workspace = hz_workspace_path(ws);
	env.run_dir = run_dir;
	env.transcript_path = transcript;
	env.run_id = plan->run_id;
	env.repeat = plan->repeat;
	env.seed = hz_run_seed(re->seed, cfg->alias, hz_task_id(task), plan->repeat);
	env.max_output = HZ_RUN_OUTPUT_CAP;
	env.exec = hz_run_exec;
	env.exec_ctx = &ctx;
	/*
	 * The scorer's sandbox is built now, beside the agent's, and held at the
	 * door until the agent is done: its set-up overlaps the agent's work.
	 * Failing here is not final: scoring then makes its sandbox itself.
	 */
	if (hz_score_prepare(re->sb, task, re->task_stage, hz_workspace_path(ws), &scorer) != 0)
		scorer = NULL;
	rec.setup_s = hz_clock_now() - t0;
	t0 = hz_clock_now();
	ctx.deadline = env.deadline = t0 + limit;
	rec.started_at = hz_time_ms();
	ran_agent = 1;
	if (hz_agent_run(agent, &env, &oc) != 0) {
		snprintf(errbuf, sizeof(errbuf), "%s", hz_error_message());
		oc.infra_error = 1;
		hz_agent_outcome_reason(&oc, "agent_error");
	} else if (ctx.sandbox_failed && !oc.infra_error) {
		snprintf(errbuf, sizeof(errbuf), "%s", ctx.sandbox_error);
		oc.infra_error = 1;
		hz_agent_outcome_reason(&oc, "sandbox_error");
	}
	rec.wall_s = hz_clock_now() - t0;
	if (!oc.exit_reason[0])
		hz_agent_outcome_reason(&oc, rec.wall_s >= limit ? "time_limit" : "agent_exit");
	if (oc.error_message && !errbuf[0])
		snprintf(errbuf, sizeof(errbuf), "%s", oc.error_message);
	if (ctx.agent_log.len)
		write_file(run_dir, "agent.log", ctx.agent_log.ptr, ctx.agent_log.len);
	t0 = hz_clock_now();
	rc = hz_workspace_finish(ws, patch, HZ_RUN_PATCH_CAP, &rec.patch_bytes, rec.final);
	rec.patch_s = hz_clock_now() - t0;
	if (rc != 0) {
		rc = 0;
		snprintf(errbuf, sizeof(errbuf), "%s", hz_error_message());
		reason = "patch_error";
		goto record;
	}
	if (oc.infra_error) {
		reason = oc.exit_reason;
		goto record;
	}
	rc = hz_score(re->sb, task, re->task_stage, hz_workspace_path(ws), oc.answer, scorer_log, scorer, &v);
	scorer = NULL;
	if (rc != 0) {
		rc = 0;
		snprintf(errbuf, sizeof(errbuf), "%s", hz_error_message());
		reason = "scorer_error";
		goto record;
	}
	rec.score_wall_s = v.wall_s;
	reason = oc.exit_reason;
	if (v.status == HZ_VERDICT_ERROR) {
		reason = v.reason;
		snprintf(errbuf, sizeof(errbuf), "%s", v.message);
	} else {
		status = v.status == HZ_VERDICT_SUCCESS ? "success" : "failure";
		rec.score = v.score;
	}
record:
	if (!ran_agent || !strcmp(status, "error")) {
		if (!errbuf[0])
			snprintf(errbuf, sizeof(errbuf), "%s", hz_error_message());
		error = errbuf;
	} else if (errbuf[0]) {
		error = errbuf; /* a note, e.g. the agent's command exited non-zero */
	}
	rec.completed_at = hz_time_ms();
	if (!ran_agent)
		rec.wall_s = 0;
	iso = hz_sandbox_isolation(re->sb, hz_task_resources(task), 0);
	{
		const char *net = hz_agent_config_param(cfg, "net");
		if (!strcmp(cfg->backend, "cmd") && net && !strcmp(net, "host")) {
			free(iso);
			iso = hz_sandbox_isolation(re->sb, hz_task_resources(task), 1);
		}
	}
	rec.run_id = plan->run_id;
	rec.out_dir = re->out_dir;
	rec.task = task;
	rec.config = cfg;
	rec.outcome = ran_agent ? &oc : NULL;
	rec.repeat = plan->repeat;
	rec.status = status;
	rec.exit_reason = reason && reason[0] ? reason : "unknown";
	rec.verdict = v.reason;
	rec.error = error;
	rec.time_limit_s = limit;
	rec.isolation = iso;
	rec.sweep_seed = re->seed;
	rec.design = re->design;
	rc = hz_record_build(&rec, line);
	sum->status = !strcmp(status, "success") ? HZ_VERDICT_SUCCESS
		      : !strcmp(status, "failure") ? HZ_VERDICT_FAILURE : HZ_VERDICT_ERROR;
	snprintf(sum->exit_reason, sizeof(sum->exit_reason), "%s", rec.exit_reason);
	sum->wall_s = rec.wall_s;
	sum->tokens = oc.input_tokens + oc.output_tokens;
	sum->cost_usd = oc.cost_usd;
done:
	hz_score_discard(scorer);
	if (ws && !re->keep_workspace)
		hz_workspace_remove(ws);
	else if (!ws && ws_dir)
		hz_fs_remove_tree(ws_dir);
	hz_workspace_free(ws);
	hz_agent_outcome_release(&oc);
	hz_buf_release(&ctx.agent_log);
	free(run_dir);
	free(ws_dir);
	free(transcript);
	free(instructions);
	free(ins_path);
	free(patch);
	free(scorer_log);
	free(iso);
	return rc;
}
