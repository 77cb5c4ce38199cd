/*
 * The agent registry (src/lib/agents): making an agent from a config or a
 * spec string by looking its backend up among every backend horizon knows
 * (null; oracle, sim, cmd from the run engine; openai, anthropic and their
 * provider presets from llm).  The agent type itself, configs and
 * hz_agent_run() are in horizon/agent.h (core).
 */
#ifndef HORIZON_AGENTS_H
#define HORIZON_AGENTS_H

#include "horizon/agent.h"

/*
 * Make an agent from a config; the backend is looked up by cfg->backend.
 * The config is copied.  HZ_ENOTFOUND for an unknown backend, HZ_EINVALID for
 * a bad setting (the message names the key).  Has the type hz_agent_new_fn.
 */
int hz_agent_new(hz_agent **out, const hz_agent_config *cfg);

/* Shorthand: hz_agent_config_parse + hz_agent_new. */
int hz_agent_new_from_spec(hz_agent **out, const char *spec);

/* Names of the registered backends, NULL-terminated. */
const char *const *hz_agent_backends(void);

#endif
