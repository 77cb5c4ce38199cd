/* The `null` agent: does nothing, so every task with an honest scorer fails. */
#include "agent_internal.h"

static int null_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	(void)agent;
	(void)env;
	agent_outcome_reason(out, "agent_exit");
	return 0;
}

const agent_backend hz_agent_null_backend = {
	.name = "null",
	.summary = "does nothing (every task must fail: checks scorers)",
	.init = NULL,
	.run = null_run,
	.free = NULL,
};
