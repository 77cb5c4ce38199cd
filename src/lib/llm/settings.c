/*
 * LLM agent settings: the params of an agent config (temperature, limits,
 * retry policy, ...) checked once at init into an llm_settings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_wire.h"
#include "strutil.h"

/* Every key the LLM backends understand; anything else is a typo worth an error. */
static const char *const known_keys[] = {
	"preset", "temperature", "max_tokens", "reasoning_effort", "max_tokens_field", "anthropic_version",
	"max_turns", "max_total_tokens", "max_cost_usd", "command_timeout_s", "observation_max", "tool_mode",
	"max_format_errors", "connect_timeout_s", "request_timeout_s", "stall_timeout_s", "retries",
	"retry_base_ms", "retry_max_s", "retry_after_max_s", "concurrency", "max_response_mb", "price_cache_read",
	"price_cache_write", "prompt_cache", "keep_reasoning", "stream", "api", "context_window",
	"context_keep_turns", NULL,
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

/* 0/1/true/false if the key is set; *out keeps its default otherwise. */
static int get_bool(const hz_agent_config *cfg, const char *key, int *out)
{
	const char *v = hz_agent_config_param(cfg, key);

	if (!v)
		return 0;
	if (!strcmp(v, "1") || !strcmp(v, "true"))
		*out = 1;
	else if (!strcmp(v, "0") || !strcmp(v, "false"))
		*out = 0;
	else
		return bad(cfg, key, "0, 1, true or false");
	return 0;
}

/* context_window: tokens, 0 (no management), or "auto" (ask the server). */
static int get_context(llm_settings *s, const hz_agent_config *cfg)
{
	const char *v = hz_agent_config_param(cfg, "context_window");

	s->context_window = llm_context_default(cfg->backend, s->model);
	if (!v)
		return 0;
	if (!strcmp(v, "auto")) {
		s->context_probe = 1;
		return 0;
	}
	s->context_window = 0;
	return get_long(cfg, "context_window", 0, 1L << 40, &s->context_window);
}

/*
 * "body.KEY=VALUE" adds a top-level field to every request (provider
 * extensions: DashScope's enable_thinking, OpenRouter's provider routing,
 * vLLM's top_k, ...).  VALUE is JSON when it parses as JSON, else a string.
 */
static int add_body_field(llm_settings *s, const hz_agent_config *cfg, const char *key, const char *value)
{
	static const char *const reserved[] = { "model", "messages", "system", "tools", NULL };
	json_t *v;

	for (size_t i = 0; reserved[i]; i++)
		if (!strcmp(key, reserved[i]) || !*key)
			return hz_error_set(HZ_EINVALID, "agent '%s': 'body.%s' cannot be set", cfg->alias ? cfg->alias : "",
					    key);
	if (!s->extra_body && !(s->extra_body = json_object()))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (!(v = json_loads(value, JSON_DECODE_ANY, NULL)) && !(v = json_string(value)))
		return hz_error_set(HZ_EINVALID, "agent '%s': 'body.%s' is not valid UTF-8", cfg->alias ? cfg->alias : "",
				    key);
	if (json_object_set_new(s->extra_body, key, v))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

void llm_settings_release(llm_settings *s)
{
	json_decref(s->extra_body);
	s->extra_body = NULL;
}

static int check_keys(llm_settings *s, const hz_agent_config *cfg)
{
	int rc;

	for (size_t i = 0; i < cfg->nparams; i++) {
		size_t k = 0;
		if (!strncmp(cfg->params[i].key, "body.", 5)) {
			if ((rc = add_body_field(s, cfg, cfg->params[i].key + 5, cfg->params[i].value)) != 0)
				return rc;
			continue;
		}
		while (known_keys[k] && strcmp(known_keys[k], cfg->params[i].key))
			k++;
		if (!known_keys[k])
			return hz_error_set(HZ_EINVALID, "agent '%s': unknown setting '%s' for an LLM backend (see docs/agents.md)",
					    cfg->alias ? cfg->alias : "", cfg->params[i].key);
	}
	return 0;
}

int llm_settings_load(llm_settings *s, const hz_agent_config *cfg)
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
	s->price_cache_read = cfg->price_in;
	s->price_cache_write = cfg->price_in;
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
	s->prompt_cache = 1;
	s->stream = 1;
	s->context_keep_turns = 4;

	if (!s->model || !*s->model)
		return hz_error_set(HZ_EINVALID, "agent '%s': an LLM backend needs a model (%s:MODEL)",
				    cfg->alias ? cfg->alias : "", cfg->backend);
	if (!s->base_url || (strncmp(s->base_url, "http://", 7) && strncmp(s->base_url, "https://", 8)))
		return hz_error_set(HZ_EINVALID, "agent '%s': base_url must be an http:// or https:// URL",
				    cfg->alias ? cfg->alias : "");
	if ((rc = check_keys(s, cfg)) != 0)
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
	    (rc = get_double(cfg, "max_response_mb", 0.01, 1024, &max_mb)) ||
	    (rc = get_double(cfg, "price_cache_read", 0, 1e6, &s->price_cache_read)) ||
	    (rc = get_double(cfg, "price_cache_write", 0, 1e6, &s->price_cache_write)))
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
	if ((rc = get_bool(cfg, "prompt_cache", &s->prompt_cache)) || (rc = get_bool(cfg, "keep_reasoning", &s->keep_reasoning)) ||
	    (rc = get_bool(cfg, "stream", &s->stream)) || (rc = get_context(s, cfg)) ||
	    (rc = get_long(cfg, "context_keep_turns", 1, 100000, &s->context_keep_turns)))
		return rc;
	if ((v = hz_agent_config_param(cfg, "api")) != NULL) {
		if (strcmp(v, "chat") && strcmp(v, "responses"))
			return bad(cfg, "api", "chat or responses");
		s->responses_api = !strcmp(v, "responses");
	}
	if ((v = hz_agent_config_param(cfg, "anthropic_version")) != NULL)
		s->anthropic_version = v;
	if ((v = hz_agent_config_param(cfg, "tool_mode")) != NULL) {
		if (!strcmp(v, "auto"))
			s->tool_mode = LLM_TOOLS_AUTO;
		else if (!strcmp(v, "native"))
			s->tool_mode = LLM_TOOLS_NATIVE;
		else if (!strcmp(v, "json"))
			s->tool_mode = LLM_TOOLS_JSON;
		else
			return bad(cfg, "tool_mode", "auto, native or json");
	}
	return 0;
}

double llm_reply_cost(const llm_settings *s, const llm_reply *r)
{
	long plain = r->input_tokens - r->cache_read_tokens - r->cache_write_tokens;

	if (plain < 0)
		plain = 0;
	return ((double)plain * s->price_in + (double)r->cache_read_tokens * s->price_cache_read +
		(double)r->cache_write_tokens * s->price_cache_write + (double)r->output_tokens * s->price_out) /
	       1e6;
}

static void each_long(hz_agent_setting_fn fn, void *ctx, const char *key, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	fn(ctx, key, buf);
}

static void each_double(hz_agent_setting_fn fn, void *ctx, const char *key, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%g", v);
	fn(ctx, key, buf);
}

void llm_settings_each(const llm_settings *s, hz_agent_setting_fn fn, void *ctx)
{
	static const char *const modes[] = { "auto", "native", "json" };
	const char *key;
	json_t *v;

	fn(ctx, "api", s->responses_api ? "responses" : "chat");
	fn(ctx, "stream", s->stream ? "1" : "0");
	if (s->has_temperature)
		each_double(fn, ctx, "temperature", s->temperature);
	else
		fn(ctx, "temperature", "(provider's)");
	each_long(fn, ctx, "max_tokens", s->max_tokens);
	fn(ctx, "max_tokens_field", s->max_tokens_field);
	fn(ctx, "reasoning_effort", s->reasoning_effort ? s->reasoning_effort : "(none)");
	fn(ctx, "keep_reasoning", s->keep_reasoning ? "1" : "0");
	fn(ctx, "anthropic_version", s->anthropic_version);
	fn(ctx, "prompt_cache", s->prompt_cache ? "1" : "0");
	fn(ctx, "tool_mode", modes[s->tool_mode]);
	if (s->context_probe)
		fn(ctx, "context_window", "auto");
	else
		each_long(fn, ctx, "context_window", s->context_window);
	each_long(fn, ctx, "context_keep_turns", s->context_keep_turns);
	each_long(fn, ctx, "max_turns", s->max_turns);
	each_long(fn, ctx, "max_total_tokens", s->max_total_tokens);
	each_double(fn, ctx, "max_cost_usd", s->max_cost_usd);
	each_double(fn, ctx, "command_timeout_s", s->command_timeout_s);
	each_long(fn, ctx, "observation_max", (long)s->observation_max);
	each_long(fn, ctx, "max_format_errors", s->max_format_errors);
	each_double(fn, ctx, "connect_timeout_s", s->connect_timeout_s);
	each_double(fn, ctx, "request_timeout_s", s->request_timeout_s);
	each_double(fn, ctx, "stall_timeout_s", s->stall_timeout_s);
	each_long(fn, ctx, "retries", s->retries);
	each_double(fn, ctx, "retry_base_ms", s->retry_base_s * 1000);
	each_double(fn, ctx, "retry_max_s", s->retry_max_s);
	each_double(fn, ctx, "retry_after_max_s", s->retry_after_max_s);
	each_long(fn, ctx, "concurrency", s->concurrency);
	each_double(fn, ctx, "max_response_mb", (double)s->max_response / (1024 * 1024));
	each_double(fn, ctx, "price_cache_read", s->price_cache_read);
	each_double(fn, ctx, "price_cache_write", s->price_cache_write);
	json_object_foreach(s->extra_body, key, v) {
		char name[160], *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		snprintf(name, sizeof(name), "body.%s", key);
		fn(ctx, name, text ? text : "");
		free(text);
	}
}
