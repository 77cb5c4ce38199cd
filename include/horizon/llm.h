/*
 * LLM agent backends: the provider presets behind `horizon agents list` and
 * spec strings such as "deepseek:deepseek-chat".  A preset names the backend
 * (the wire protocol: "openai" chat completions or "anthropic" Messages), the
 * API base URL and the environment variable that holds the key.  See
 * docs/agents.md.
 */
#ifndef HORIZON_LLM_H
#define HORIZON_LLM_H

#include <stddef.h>

typedef struct hz_llm_preset {
	const char *name;        /* "deepseek" */
	const char *backend;     /* "openai" or "anthropic" */
	const char *base_url;    /* "https://api.deepseek.com/v1" */
	const char *api_key_env; /* "DEEPSEEK_API_KEY", or NULL for keyless local servers */
	const char *params;      /* default settings ("max_tokens_field=max_completion_tokens"), or NULL */
	const char *notes;       /* one line for the table */
} hz_llm_preset;

/* The presets, in display order; *n receives the count. */
const hz_llm_preset *hz_llm_presets(size_t *n);

/* The preset called `name`, or NULL. */
const hz_llm_preset *hz_llm_preset_find(const char *name);

/*
 * The backend a name stands for: the name itself for "openai" and
 * "anthropic", the preset's backend for a preset name, NULL otherwise.
 * core/agent.c uses this so that "deepseek:deepseek-chat" finds the openai
 * backend.
 */
const char *hz_llm_preset_backend(const char *name);

#endif
