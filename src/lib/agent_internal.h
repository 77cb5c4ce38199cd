/*
 * The agent backend vtable.  Each backend file (agent_oracle.c, agent_sim.c,
 * llm/agent_openai.c, ...) defines one hz_backend and is listed in the
 * table in core/agent.c.
 */
#ifndef HZ_AGENT_INTERNAL_H
#define HZ_AGENT_INTERNAL_H

#include "horizon/agent.h"

struct hz_agent {
	const struct hz_backend *backend;
	hz_agent_config config;
	void *state; /* backend-owned */
};

typedef struct hz_backend {
	const char *name;
	const char *summary;
	/* Check cfg and set agent->state; the base struct is already filled. */
	int (*init)(hz_agent *agent);
	int (*run)(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out);
	void (*free)(hz_agent *agent); /* frees agent->state only; may be NULL */
	/* Every resolved setting, defaults included (may be NULL: the config's params are all). */
	void (*settings)(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx);
} hz_backend;

/* Set out->exit_reason (truncated to fit). */
void hz_agent_outcome_reason(hz_agent_outcome *out, const char *reason);

#endif
