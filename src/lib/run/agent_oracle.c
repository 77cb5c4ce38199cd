/* The `oracle` agent: applies the task's reference solution, so every task with an honest scorer passes. */
#include "agent_internal.h"
#include "run_internal.h"

static int oracle_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	(void)agent;
	return run_apply_solution(env, out);
}

const agent_backend hz_agent_oracle_backend = {
	.name = "oracle",
	.summary = "applies the task's reference solution (every task must pass: checks tasks)",
	.init = NULL,
	.run = oracle_run,
	.free = NULL,
};
