/*
 * Commands of an agent inside the run's sandbox: env->exec for every backend
 * (LLM agents call it once per tool call), the same with mounts and extra
 * environment for this area's backends, and the task's solution for the
 * oracle and sim agents.  Every command gets a fresh sandbox over the same
 * workspace, never runs past the run's deadline, and is logged (capped) to
 * the run's agent.log.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "run_internal.h"
#include "strutil.h"

int run_killed_outside(const hz_sandbox *sb, const hz_exec_result *res)
{
	if (hz_sandbox_get_mode(sb) != HZ_SANDBOX_BWRAP || res->timed_out)
		return 0;
	return res->term_signal;
}

void run_note_outside_kill(run_ctx *ctx, int sig)
{
	if (sig && !ctx->unrecorded[0])
		snprintf(ctx->unrecorded, sizeof(ctx->unrecorded),
			 "its sandbox was killed by signal %d from outside horizon; the run is not recorded (a resume "
			 "runs it again)",
			 sig);
}

run_ctx *run_ctx_of(const hz_agent_env *env)
{
	return env && env->exec == run_exec ? (run_ctx *)env->exec_ctx : NULL;
}

static void log_command(run_ctx *ctx, const char *const *argv, const hz_exec_result *res)
{
	hz_buf *log = &ctx->agent_log;

	if (log->len >= RUN_AGENT_LOG_CAP)
		return;
	hz_buf_puts(log, "$");
	for (const char *const *p = argv; *p; p++)
		hz_buf_printf(log, " %s", *p);
	hz_buf_putc(log, '\n');
	if (hz_buf_put_trunc(log, res->output, res->output_len))
		return;
	if (res->output_len && res->output[res->output_len - 1] != '\n')
		hz_buf_putc(log, '\n');
	hz_buf_printf(log, "[exit %d%s%s, %.2f s]\n", res->exit_code, res->timed_out ? ", timed out" : "",
		      res->output_truncated ? ", output truncated" : "", res->wall_s);
}

int run_exec_cmd(run_ctx *ctx, const run_cmd *rc, hz_exec_result *out)
{
	hz_sandbox_cmd cmd = HZ_SANDBOX_CMD_INIT;
	double left = ctx->deadline - hz_clock_now();
	double timeout = rc->timeout_s > 0 && rc->timeout_s < left ? rc->timeout_s : left;
	int err;

	memset(out, 0, sizeof(*out));
	if (left <= 0) {
		/* The run's time is up: nothing more runs. */
		out->exit_code = -1;
		out->timed_out = 1;
		out->output = strdup("");
		return out->output ? 0 : hz_error_set(HZ_ENOMEM, "out of memory");
	}
	cmd.argv = rc->argv;
	cmd.workspace = ctx->workspace;
	cmd.mounts = rc->mounts;
	cmd.nmounts = rc->nmounts;
	cmd.env = rc->env;
	cmd.limits = ctx->limits;
	cmd.timeout_s = timeout;
	cmd.max_output = rc->max_output ? rc->max_output : RUN_OUTPUT_CAP;
	cmd.share_net = rc->share_net;
	cmd.tty_fd = rc->tty_fd;
	if ((err = hz_sandbox_exec(ctx->sb, &cmd, out)) != 0) {
		if (!ctx->sandbox_failed)
			snprintf(ctx->sandbox_error, sizeof(ctx->sandbox_error), "%s", hz_error_message());
		ctx->sandbox_failed = 1;
		return err;
	}
	log_command(ctx, (const char *const *)rc->argv, out);
	run_note_outside_kill(ctx, run_killed_outside(ctx->sb, out));
	return 0;
}

int run_exec(void *vctx, const char *command, double timeout_s, hz_exec_result *out)
{
	char *argv[] = { "bash", "-c", (char *)command, NULL };
	run_cmd rc = { 0 };

	rc.argv = argv;
	rc.timeout_s = timeout_s;
	return run_exec_cmd(vctx, &rc, out);
}

int run_agent_command(run_ctx *ctx, const run_cmd *cmd, const char *what, hz_agent_outcome *out)
{
	hz_exec_result res = { 0 };

	if (run_exec_cmd(ctx, cmd, &res) != 0) {
		out->infra_error = 1;
		out->error_message = strdup(hz_error_message());
		agent_outcome_reason(out, "sandbox_error");
		return 0;
	}
	agent_outcome_reason(out, res.timed_out ? "time_limit" : "agent_exit");
	if (!res.timed_out && res.exit_code != 0) {
		hz_buf msg = HZ_BUF_INIT;
		hz_buf_printf(&msg, "%s exited with %d", what, res.exit_code);
		out->error_message = hz_buf_detach(&msg);
	}
	hz_exec_result_release(&res);
	return 0;
}

int run_apply_solution(const hz_agent_env *env, hz_agent_outcome *out)
{
	run_ctx *ctx = run_ctx_of(env);
	hz_sandbox_mount m = { NULL, "/solution", 0 };
	run_cmd rc = { 0 };
	char *script = NULL, *envv[2] = { NULL, NULL };
	char *argv[3] = { "bash", NULL, NULL };
	hz_buf e = HZ_BUF_INIT;
	int err = 0;

	if (!ctx)
		return hz_error_set(HZ_EUSAGE, "the solution can only be applied inside a run");
	if (!(m.src = hz_path_join(ctx->task_stage, "solution")) ||
	    !(script = hz_path_join(m.src, "solve.sh"))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!hz_fs_is_file(script)) {
		/* The task is broken, not the agent. */
		out->infra_error = 1;
		out->error_message = strdup("the task has no solution/solve.sh");
		agent_outcome_reason(out, "task_error");
		goto done;
	}
	free(script);
	script = hz_path_join(hz_sandbox_path(ctx->sb, &m), "solve.sh");
	hz_buf_printf(&e, "HZ_SOLUTION=%s", hz_sandbox_path(ctx->sb, &m));
	envv[0] = e.ptr;
	argv[1] = script;
	rc.argv = argv;
	rc.mounts = &m;
	rc.nmounts = 1;
	rc.env = envv;
	err = run_agent_command(ctx, &rc, "solve.sh", out);
done:
	hz_buf_release(&e);
	free((char *)m.src);
	free(script);
	return err;
}

int run_write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644), rc = 0;

	if (fd < 0 || (len && write(fd, data, len) != (ssize_t)len))
		rc = hz_error_set_errno("cannot write '%s'", path);
	if (fd >= 0)
		close(fd);
	return rc;
}

uint64_t run_seed(uint64_t sweep_seed, const char *alias, const char *task_id, int repeat)
{
	hz_buf b = HZ_BUF_INIT;
	uint64_t h;

	hz_buf_printf(&b, "%llu", (unsigned long long)sweep_seed);
	hz_buf_putc(&b, '\0');
	hz_buf_puts(&b, alias);
	hz_buf_putc(&b, '\0');
	hz_buf_puts(&b, task_id);
	hz_buf_putc(&b, '\0');
	hz_buf_printf(&b, "%d", repeat);
	h = hz_hash64(b.ptr ? b.ptr : "", b.len);
	hz_buf_release(&b);
	return h;
}
