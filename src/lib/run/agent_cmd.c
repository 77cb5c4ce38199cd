/*
 * The `cmd` agent: runs an external command (a CLI agent such as Claude
 * Code, Codex or aider, or any script) with `bash -c` inside the run's
 * sandbox, working directory /workspace, until it exits or the task's time
 * is up.  The instructions are in a read-only file (/task/instructions.md,
 * $HZ_INSTRUCTIONS_FILE) and in $HZ_INSTRUCTIONS.
 *
 * Settings: command=CMD (required); mount=HOST_DIR (bound read-only at
 * /agent, with /agent/bin and /agent put first in PATH); net=host to keep
 * the host network for agents that call an API (recorded in the isolation);
 * pass_env=NAME[:NAME...] to pass those host variables (e.g. an API key).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent_internal.h"
#include "buf.h"
#include "horizon/error.h"
#include "run_internal.h"
#include "strutil.h"

#define ENV_INSTRUCTIONS_MAX ((size_t)100 << 10) /* one environment string must stay under 128 KiB */
#define MAX_ENV 32

static int cmd_init(hz_agent *agent)
{
	const char *net = hz_agent_config_param(&agent->config, "net");
	const char *mount = hz_agent_config_param(&agent->config, "mount");

	if (!hz_agent_config_param(&agent->config, "command"))
		return hz_error_set(HZ_EINVALID, "agent '%s': cmd needs 'command' (e.g. cmd,command=./my-agent.sh)",
				    agent->config.alias);
	if (net && strcmp(net, "none") && strcmp(net, "host"))
		return hz_error_set(HZ_EINVALID, "agent '%s': 'net' must be \"none\" or \"host\", not '%s'",
				    agent->config.alias, net);
	if (mount && mount[0] != '/')
		return hz_error_set(HZ_EINVALID, "agent '%s': 'mount' must be an absolute path, not '%s'",
				    agent->config.alias, mount);
	return 0;
}

/* Add NAME=VALUE (copied) to env; silently stops at MAX_ENV. */
static void add_env(char **env, size_t *n, const char *name, const char *value)
{
	hz_buf b = HZ_BUF_INIT;

	if (*n + 1 >= MAX_ENV)
		return;
	hz_buf_printf(&b, "%s=%s", name, value);
	env[(*n)++] = hz_buf_detach(&b);
}

static int cmd_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	const hz_agent_config *cfg = &agent->config;
	run_ctx *ctx = run_ctx_of(env);
	const char *net = hz_agent_config_param(cfg, "net");
	const char *mount = hz_agent_config_param(cfg, "mount");
	const char *pass = hz_agent_config_param(cfg, "pass_env");
	char *argv[] = { "bash", "-c", (char *)hz_agent_config_param(cfg, "command"), NULL };
	hz_sandbox_mount mounts[2] = { { NULL, "/task/instructions.md", 0 }, { mount, "/agent", 0 } };
	char *envv[MAX_ENV] = { 0 };
	run_cmd rc = { 0 };
	size_t n = 0;
	char num[32];
	int err = 0;

	if (!ctx)
		return hz_error_set(HZ_EUSAGE, "the cmd agent runs only inside a run");
	mounts[0].src = ctx->instructions_path;
	add_env(envv, &n, "HZ_INSTRUCTIONS_FILE", hz_sandbox_path(ctx->sb, &mounts[0]));
	if (strlen(env->instructions) <= ENV_INSTRUCTIONS_MAX)
		add_env(envv, &n, "HZ_INSTRUCTIONS", env->instructions);
	add_env(envv, &n, "HZ_TASK_ID", hz_task_id(env->task));
	add_env(envv, &n, "HZ_RUN_ID", env->run_id);
	snprintf(num, sizeof(num), "%.0f", env->deadline - hz_clock_now());
	add_env(envv, &n, "HZ_TIME_LIMIT_S", num);
	if (mount) {
		hz_buf p = HZ_BUF_INIT;
		const char *root = hz_sandbox_path(ctx->sb, &mounts[1]);
		hz_buf_printf(&p, "%s/bin:%s:/usr/local/bin:/usr/bin:/bin", root, root);
		add_env(envv, &n, "PATH", hz_buf_cstr(&p));
		add_env(envv, &n, "HZ_AGENT_DIR", root);
		hz_buf_release(&p);
	}
	for (const char *p = pass; p && *p;) {
		const char *end = strchr(p, ':');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char name[128];
		const char *v;
		if (len && len < sizeof(name)) {
			memcpy(name, p, len);
			name[len] = '\0';
			if ((v = getenv(name)) != NULL)
				add_env(envv, &n, name, v);
		}
		p += len + (end ? 1 : 0);
	}
	for (size_t i = 0; i < n; i++)
		if (!envv[i]) {
			err = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	rc.argv = argv;
	rc.mounts = mounts;
	rc.nmounts = mount ? 2 : 1;
	rc.env = envv;
	rc.share_net = net && !strcmp(net, "host");
	rc.max_output = RUN_AGENT_LOG_CAP;
	err = run_agent_command(ctx, &rc, "the command", out);
done:
	for (size_t i = 0; i < n; i++)
		free(envv[i]);
	return err;
}

const agent_backend hz_agent_cmd_backend = {
	.name = "cmd",
	.summary = "runs an external command (a CLI agent) in the sandbox: cmd,command=CMD[,mount=DIR][,net=host]",
	.init = cmd_init,
	.run = cmd_run,
	.free = NULL,
};
