/*
 * The agent backend vtable: the seam between core (the hz_agent object),
 * the areas that implement backends (core/agent_null.c, run/agent_*.c,
 * llm/agent_*.c) and the registry above them (agents/registry.c), which
 * lists every backend object.  Internal to libhorizon: no hz_ prefix.
 */
#ifndef HZ_AGENT_INTERNAL_H
#define HZ_AGENT_INTERNAL_H

#include "horizon/agent.h"

struct hz_agent {
	const struct agent_backend *backend;
	hz_agent_config config;
	void *state; /* backend-owned */
};

typedef struct agent_backend {
	const char *name;
	const char *summary;
	/* Check cfg and set agent->state; the base struct is already filled. */
	int (*init)(hz_agent *agent);
	int (*run)(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out);
	void (*free)(hz_agent *agent); /* frees agent->state only; may be NULL */
	/* Every resolved setting, defaults included (may be NULL: the config's params are all). */
	void (*settings)(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx);
} agent_backend;

/*
 * Make an agent of backend `be` from a copy of cfg (alias defaulting to the
 * backend name) and run be->init.  The registry's hz_agent_new() calls this
 * once it has found the backend.
 */
int agent_create(hz_agent **out, const agent_backend *be, const hz_agent_config *cfg);

/* Set out->exit_reason (truncated to fit). */
void agent_outcome_reason(hz_agent_outcome *out, const char *reason);

#endif
