/*
 * Settings of the LLM backends: everything a run needs from the agent config,
 * validated once at init (settings.c), and provider presets applied to a config.
 * Internal to src/lib/llm.
 */
#ifndef HZ_LLM_SETTINGS_H
#define HZ_LLM_SETTINGS_H

#include <jansson.h>
#include <stddef.h>

#include "agent_internal.h"
#include "buf.h"

/* ---- settings (settings.c) ---- */

typedef enum { LLM_TOOLS_AUTO = 0, LLM_TOOLS_NATIVE, LLM_TOOLS_JSON } llm_tool_mode;

/* Everything a run needs from the agent config, validated once at init. */
typedef struct llm_settings {
	const char *model;
	const char *base_url;
	const char *api_key_env;    /* NULL or "": no key (local servers) */
	double price_in, price_out; /* USD per million tokens */
	double price_cache_read;    /* USD per million input tokens read from a prompt cache */
	double price_cache_write;   /* USD per million input tokens written to one */

	int has_temperature;
	double temperature;
	long max_tokens;            /* per reply */
	const char *reasoning_effort; /* NULL, "low", "medium", "high", ... */
	const char *max_tokens_field; /* openai: "max_tokens" or "max_completion_tokens" */
	const char *anthropic_version;
	int prompt_cache;           /* anthropic: cache breakpoints on the system prompt and the last message */
	int keep_reasoning;         /* openai: send reasoning_content back in the history */
	json_t *extra_body;         /* "body.KEY" settings: extra top-level request fields, or NULL */

	long max_turns;             /* 0: none */
	long max_total_tokens;      /* input + output over the run; 0: none */
	double max_cost_usd;        /* 0: none */
	double command_timeout_s;   /* default for one bash command */
	size_t observation_max;     /* bytes of command output shown to the model */
	llm_tool_mode tool_mode;
	long max_format_errors;     /* consecutive replies without a usable action */

	double connect_timeout_s;
	double request_timeout_s;
	double stall_timeout_s;     /* abort a response that sends nothing for this long */
	long retries;               /* extra attempts after the first */
	double retry_base_s;
	double retry_max_s;
	double retry_after_max_s;   /* cap on a server's Retry-After */
	long concurrency;           /* requests in flight per host, at most */
	size_t max_response;        /* bytes of one response body */

	int stream;                 /* server-sent events (default on) */
	int responses_api;          /* openai backend: POST /responses instead of /chat/completions */
	long context_window;        /* tokens the model reads and writes per request; 0: unknown */
	int context_probe;          /* ask the server for its window (llama-server /props, vLLM /models) */
	long context_keep_turns;    /* most recent turns never shortened */
} llm_settings;

/*
 * Fill *s from agent->config (pointers borrow from it); HZ_EINVALID names
 * the bad key.  Release with llm_settings_release.
 */
int llm_settings_load(llm_settings *s, const hz_agent_config *cfg);
void llm_settings_release(llm_settings *s);

/* Every resolved setting as key and value strings, for `horizon agents show`. */
void llm_settings_each(const llm_settings *s, hz_agent_setting_fn fn, void *ctx);

struct llm_reply;

/* The USD cost of one reply under the settings' prices. */
double llm_reply_cost(const llm_settings *s, const struct llm_reply *r);

/*
 * Fill an agent config's missing base_url and api_key_env (and default
 * params) from the preset named by the "preset" param or cfg->backend
 * ("openai" and "anthropic" are presets too).  A config with its own
 * base_url takes nothing from the preset: its key variable must be named.
 * HZ_EINVALID for an unknown preset or one of another protocol.
 */
int llm_preset_apply(hz_agent_config *cfg);

#endif
