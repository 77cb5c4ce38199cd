/*
 * LLM agent settings: the params of an agent config (temperature, limits,
 * retry policy, ...) checked once at init into an hz_llm_settings.
 */
#include <stdio.h>
#include <string.h>

#include "horizon/error.h"
#include "llm.h"
#include "strutil.h"

/* Every key the LLM backends understand; anything else is a typo worth an error. */
static const char *const known_keys[] = {
	"preset", "temperature", "max_tokens", "reasoning_effort", "max_tokens_field", "anthropic_version",
	"max_turns", "max_total_tokens", "max_cost_usd", "command_timeout_s", "observation_max", "tool_mode",
	"max_format_errors", "connect_timeout_s", "request_timeout_s", "stall_timeout_s", "retries",
	"retry_base_ms", "retry_max_s", "retry_after_max_s", "concurrency", "max_response_mb", NULL,
};

static int bad(const hz_agent_config *cfg, const char *key, const char *what)
{
	return hz_error_set(HZ_EINVALID, "agent '%s': '%s' must be %s", cfg->alias ? cfg->alias : "", key, what);
}

/* A number in [lo, hi] if the key is set; *out keeps its default otherwise. */
static int get_double(const hz_agent_config *cfg, const char *key, double lo, double hi, double *out)
{
	const char *v = hz_agent_config_param(cfg, key);
	double d;
	char what[96];

	if (!v)
		return 0;
	if (hz_parse_double(v, &d) || d < lo || d > hi) {
		snprintf(what, sizeof(what), "a number from %g to %g", lo, hi);
		return bad(cfg, key, what);
	}
	*out = d;
	return 0;
}

static int get_long(const hz_agent_config *cfg, const char *key, long lo, long hi, long *out)
{
	const char *v = hz_agent_config_param(cfg, key);
	long l;
	char what[96];

	if (!v)
		return 0;
	if (hz_parse_long(v, &l) || l < lo || l > hi) {
		snprintf(what, sizeof(what), "an integer from %ld to %ld", lo, hi);
		return bad(cfg, key, what);
	}
	*out = l;
	return 0;
}

static int check_keys(const hz_agent_config *cfg)
{
	for (size_t i = 0; i < cfg->nparams; i++) {
		size_t k = 0;
		while (known_keys[k] && strcmp(known_keys[k], cfg->params[i].key))
			k++;
		if (!known_keys[k])
			return hz_error_set(HZ_EINVALID, "agent '%s': unknown setting '%s' for an LLM backend (see docs/agents.md)",
					    cfg->alias ? cfg->alias : "", cfg->params[i].key);
	}
	return 0;
}

int hz_llm_settings_load(hz_llm_settings *s, const hz_agent_config *cfg)
{
	const char *v;
	double base_ms = 1000, max_mb = 16, obs = 16384;
	int rc;

	memset(s, 0, sizeof(*s));
	s->model = cfg->model;
	s->base_url = cfg->base_url;
	s->api_key_env = cfg->api_key_env && *cfg->api_key_env ? cfg->api_key_env : NULL;
	s->price_in = cfg->price_in;
	s->price_out = cfg->price_out;
	s->max_tokens = 4096;
	s->max_tokens_field = "max_tokens";
	s->anthropic_version = "2023-06-01";
	s->max_turns = 200;
	s->command_timeout_s = 120;
	s->max_format_errors = 3;
	s->connect_timeout_s = 30;
	s->request_timeout_s = 600;
	s->stall_timeout_s = 60;
	s->retries = 8;
	s->retry_max_s = 60;
	s->retry_after_max_s = 300;
	s->concurrency = 16;

	if (!s->model || !*s->model)
		return hz_error_set(HZ_EINVALID, "agent '%s': an LLM backend needs a model (%s:MODEL)",
				    cfg->alias ? cfg->alias : "", cfg->backend);
	if (!s->base_url || (strncmp(s->base_url, "http://", 7) && strncmp(s->base_url, "https://", 8)))
		return hz_error_set(HZ_EINVALID, "agent '%s': base_url must be an http:// or https:// URL",
				    cfg->alias ? cfg->alias : "");
	if ((rc = check_keys(cfg)) != 0)
		return rc;
	if ((v = hz_agent_config_param(cfg, "temperature")) != NULL) {
		s->has_temperature = 1;
		if ((rc = get_double(cfg, "temperature", 0, 2, &s->temperature)) != 0)
			return rc;
	}
	if ((rc = get_long(cfg, "max_tokens", 1, 10000000, &s->max_tokens)) ||
	    (rc = get_long(cfg, "max_turns", 0, 1000000, &s->max_turns)) ||
	    (rc = get_long(cfg, "max_total_tokens", 0, 1L << 50, &s->max_total_tokens)) ||
	    (rc = get_double(cfg, "max_cost_usd", 0, 1e9, &s->max_cost_usd)) ||
	    (rc = get_double(cfg, "command_timeout_s", 0.1, 86400, &s->command_timeout_s)) ||
	    (rc = get_double(cfg, "observation_max", 256, 1 << 24, &obs)) ||
	    (rc = get_long(cfg, "max_format_errors", 1, 1000, &s->max_format_errors)) ||
	    (rc = get_double(cfg, "connect_timeout_s", 0.1, 3600, &s->connect_timeout_s)) ||
	    (rc = get_double(cfg, "request_timeout_s", 0.1, 86400, &s->request_timeout_s)) ||
	    (rc = get_double(cfg, "stall_timeout_s", 0.1, 86400, &s->stall_timeout_s)) ||
	    (rc = get_long(cfg, "retries", 0, 100, &s->retries)) ||
	    (rc = get_double(cfg, "retry_base_ms", 1, 600000, &base_ms)) ||
	    (rc = get_double(cfg, "retry_max_s", 0.001, 3600, &s->retry_max_s)) ||
	    (rc = get_double(cfg, "retry_after_max_s", 0, 86400, &s->retry_after_max_s)) ||
	    (rc = get_long(cfg, "concurrency", 1, 10000, &s->concurrency)) ||
	    (rc = get_double(cfg, "max_response_mb", 0.01, 1024, &max_mb)))
		return rc;
	s->retry_base_s = base_ms / 1000.0;
	s->max_response = (size_t)(max_mb * 1024 * 1024);
	s->observation_max = (size_t)obs;
	s->reasoning_effort = hz_agent_config_param(cfg, "reasoning_effort");
	if ((v = hz_agent_config_param(cfg, "max_tokens_field")) != NULL) {
		if (strcmp(v, "max_tokens") && strcmp(v, "max_completion_tokens"))
			return bad(cfg, "max_tokens_field", "max_tokens or max_completion_tokens");
		s->max_tokens_field = v;
	}
	if ((v = hz_agent_config_param(cfg, "anthropic_version")) != NULL)
		s->anthropic_version = v;
	if ((v = hz_agent_config_param(cfg, "tool_mode")) != NULL) {
		if (!strcmp(v, "auto"))
			s->tool_mode = HZ_TOOLS_AUTO;
		else if (!strcmp(v, "native"))
			s->tool_mode = HZ_TOOLS_NATIVE;
		else if (!strcmp(v, "json"))
			s->tool_mode = HZ_TOOLS_JSON;
		else
			return bad(cfg, "tool_mode", "auto, native or json");
	}
	return 0;
}
