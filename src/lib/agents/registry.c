/*
 * The backend registry: every agent backend horizon knows, by name, and the
 * provider presets that stand for a protocol's backend.  This area sits
 * above core (the hz_agent type and configs), run (oracle, sim, cmd) and
 * llm (openai, anthropic), so that none of those needs another.
 */
#include <string.h>

#include "agent_internal.h"
#include "horizon/agents.h"
#include "horizon/error.h"
#include "horizon/llm.h"

extern const agent_backend hz_agent_null_backend;   /* core/agent_null.c */
extern const agent_backend hz_agent_oracle_backend; /* run/agent_oracle.c */
extern const agent_backend hz_agent_sim_backend;    /* run/agent_sim.c */
extern const agent_backend hz_agent_cmd_backend;    /* run/agent_cmd.c */
extern const agent_backend hz_agent_human_backend;  /* run/agent_human.c */
extern const agent_backend hz_llm_openai_backend;   /* llm/agent_openai.c */
extern const agent_backend hz_llm_anthropic_backend; /* llm/agent_anthropic.c */

static const agent_backend *const backends[] = {
	&hz_agent_null_backend,
	&hz_agent_oracle_backend,
	&hz_agent_sim_backend,
	&hz_agent_cmd_backend,
	&hz_agent_human_backend,
	&hz_llm_openai_backend,
	&hz_llm_anthropic_backend,
};

#define NBACKENDS (sizeof(backends) / sizeof(backends[0]))

static const agent_backend *find_backend(const char *name)
{
	const char *preset_backend;

	for (size_t i = 0; i < NBACKENDS; i++)
		if (!strcmp(backends[i]->name, name))
			return backends[i];
	/* An LLM provider preset ("deepseek") stands for its protocol's backend. */
	if ((preset_backend = hz_llm_preset_backend(name)) != NULL && strcmp(preset_backend, name))
		return find_backend(preset_backend);
	return NULL;
}

int hz_agent_new(hz_agent **out, const hz_agent_config *cfg)
{
	const agent_backend *be;

	*out = NULL;
	if (!cfg->backend)
		return hz_error_set(HZ_EUSAGE, "agent has no backend");
	if (!(be = find_backend(cfg->backend)))
		return hz_error_set(HZ_ENOTFOUND, "unknown agent backend '%s' (see 'horizon agents list')",
				    cfg->backend);
	return agent_create(out, be, cfg);
}

int hz_agent_new_from_spec(hz_agent **out, const char *spec)
{
	hz_agent_config cfg;
	int rc;

	*out = NULL;
	if ((rc = hz_agent_config_parse(&cfg, spec)) != 0)
		return rc;
	rc = hz_agent_new(out, &cfg);
	hz_agent_config_release(&cfg);
	return rc;
}

const char *const *hz_agent_backends(void)
{
	static const char *names[NBACKENDS + 1];

	for (size_t i = 0; i < NBACKENDS; i++)
		names[i] = backends[i]->name;
	names[NBACKENDS] = NULL;
	return names;
}
