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
	/*
	 * The settings (params) the backend understands, NULL-terminated: any
	 * other makes agent_create fail naming the key.  NULL: init checks them.
	 */
	const char *const *keys;
	/*
	 * The check before a sweep (may be NULL: nothing to check): whatever a
	 * run needs from outside that can be known missing now, e.g. an API key
	 * and a host that answers.  0, or an error whose message says what to fix.
	 */
	int (*preflight)(const hz_agent *agent);
} agent_backend;

/* A backend that takes no setting at all (null, oracle). */
extern const char *const agent_no_keys[];

/*
 * The default alias of a config: BACKEND[:MODEL], metadata (release date,
 * prices) and settings left out.  A heap string, or NULL on ENOMEM.
 */
char *agent_default_alias(const hz_agent_config *cfg);

/* hz_agent_config_parse, leaving cfg->alias NULL unless the spec sets alias=. */
int agent_config_parse_spec(hz_agent_config *cfg, const char *spec);

/*
 * Make an agent of backend `be` from a copy of cfg (alias defaulting to the
 * backend name) and run be->init.  The registry's hz_agent_new() calls this
 * once it has found the backend.
 */
int agent_create(hz_agent **out, const agent_backend *be, const hz_agent_config *cfg);

/* Set out->exit_reason (truncated to fit). */
void agent_outcome_reason(hz_agent_outcome *out, const char *reason);

#endif
