/* Agent configs, spec parsing, and the hz_agent object (the registry is in src/lib/agents). */
#include <stdlib.h>
#include <string.h>

#include "agent_internal.h"
#include "horizon/error.h"
#include "strutil.h"

void hz_exec_result_release(hz_exec_result *res)
{
	free(res->output);
	memset(res, 0, sizeof(*res));
}

void hz_agent_outcome_release(hz_agent_outcome *out)
{
	free(out->error_message);
	free(out->answer);
	memset(out, 0, sizeof(*out));
}

void agent_outcome_reason(hz_agent_outcome *out, const char *reason)
{
	size_t n = strlen(reason);

	if (n >= sizeof(out->exit_reason))
		n = sizeof(out->exit_reason) - 1;
	memcpy(out->exit_reason, reason, n);
	out->exit_reason[n] = '\0';
}

void hz_agent_config_release(hz_agent_config *cfg)
{
	free(cfg->alias);
	free(cfg->backend);
	free(cfg->model);
	free(cfg->base_url);
	free(cfg->api_key_env);
	free(cfg->release_date);
	for (size_t i = 0; i < cfg->nparams; i++) {
		free(cfg->params[i].key);
		free(cfg->params[i].value);
	}
	free(cfg->params);
	memset(cfg, 0, sizeof(*cfg));
}

static int dup_field(char **dst, const char *src)
{
	char *s = NULL;

	if (src && !(s = strdup(src)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	free(*dst);
	*dst = s;
	return 0;
}

const char *hz_agent_config_param(const hz_agent_config *cfg, const char *key)
{
	for (size_t i = cfg->nparams; i-- > 0;)
		if (!strcmp(cfg->params[i].key, key))
			return cfg->params[i].value;
	return NULL;
}

int hz_agent_config_set_param(hz_agent_config *cfg, const char *key, const char *value)
{
	hz_agent_param *np;

	for (size_t i = 0; i < cfg->nparams; i++)
		if (!strcmp(cfg->params[i].key, key))
			return dup_field(&cfg->params[i].value, value);
	if (!(np = realloc(cfg->params, (cfg->nparams + 1) * sizeof(*np))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	cfg->params = np;
	np[cfg->nparams].key = strdup(key);
	np[cfg->nparams].value = strdup(value);
	if (!np[cfg->nparams].key || !np[cfg->nparams].value) {
		free(np[cfg->nparams].key);
		free(np[cfg->nparams].value);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	cfg->nparams++;
	return 0;
}

int hz_agent_config_copy(hz_agent_config *dst, const hz_agent_config *src)
{
	int rc;

	memset(dst, 0, sizeof(*dst));
	if ((rc = dup_field(&dst->alias, src->alias)) || (rc = dup_field(&dst->backend, src->backend)) ||
	    (rc = dup_field(&dst->model, src->model)) || (rc = dup_field(&dst->base_url, src->base_url)) ||
	    (rc = dup_field(&dst->api_key_env, src->api_key_env)) ||
	    (rc = dup_field(&dst->release_date, src->release_date)))
		goto fail;
	dst->price_in = src->price_in;
	dst->price_out = src->price_out;
	for (size_t i = 0; i < src->nparams; i++)
		if ((rc = hz_agent_config_set_param(dst, src->params[i].key, src->params[i].value)) != 0)
			goto fail;
	return 0;
fail:
	hz_agent_config_release(dst);
	return rc;
}

/* Apply one key=value from a spec: a named field or a param. */
static int apply_setting(hz_agent_config *cfg, const char *spec, const char *key, const char *value)
{
	long days;

	if (!strcmp(key, "alias"))
		return dup_field(&cfg->alias, value);
	if (!strcmp(key, "base_url"))
		return dup_field(&cfg->base_url, value);
	if (!strcmp(key, "api_key_env"))
		return dup_field(&cfg->api_key_env, value);
	if (!strcmp(key, "model"))
		return dup_field(&cfg->model, value);
	if (!strcmp(key, "release") || !strcmp(key, "release_date")) {
		if (hz_parse_date(value, &days))
			return hz_error_set(HZ_EINVALID, "agent '%s': '%s' must be a date YYYY-MM-DD", spec, key);
		return dup_field(&cfg->release_date, value);
	}
	if (!strcmp(key, "price_in") || !strcmp(key, "price_out")) {
		double v;
		if (hz_parse_double(value, &v) || v < 0)
			return hz_error_set(HZ_EINVALID, "agent '%s': '%s' must be a non-negative number", spec, key);
		*(!strcmp(key, "price_in") ? &cfg->price_in : &cfg->price_out) = v;
		return 0;
	}
	return hz_agent_config_set_param(cfg, key, value);
}

int hz_agent_config_parse(hz_agent_config *cfg, const char *spec)
{
	char *copy = NULL, *p, *item, *save = NULL;
	int rc = 0;

	memset(cfg, 0, sizeof(*cfg));
	if (!spec || !*spec)
		return hz_error_set(HZ_EUSAGE, "empty agent spec");
	if (!(copy = strdup(spec)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	/* BACKEND[:MODEL] up to the first comma. */
	p = strchr(copy, ',');
	if (p)
		*p++ = '\0';
	{
		char *colon = strchr(copy, ':');
		if (colon) {
			*colon = '\0';
			if (!colon[1]) {
				rc = hz_error_set(HZ_EUSAGE, "agent '%s': empty model after ':'", spec);
				goto done;
			}
			if ((rc = dup_field(&cfg->model, colon + 1)) != 0)
				goto done;
		}
		if (!copy[0]) {
			rc = hz_error_set(HZ_EUSAGE, "agent '%s': missing backend name", spec);
			goto done;
		}
		if ((rc = dup_field(&cfg->backend, copy)) != 0)
			goto done;
	}
	for (item = p ? strtok_r(p, ",", &save) : NULL; item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		if (!eq || eq == item) {
			rc = hz_error_set(HZ_EUSAGE, "agent '%s': setting '%s' is not key=value", spec, item);
			goto done;
		}
		*eq = '\0';
		if ((rc = apply_setting(cfg, spec, item, eq + 1)) != 0)
			goto done;
	}
	if (!cfg->alias && (rc = dup_field(&cfg->alias, spec)) != 0)
		goto done;
done:
	free(copy);
	if (rc)
		hz_agent_config_release(cfg);
	return rc;
}

int agent_create(hz_agent **out, const agent_backend *be, const hz_agent_config *cfg)
{
	hz_agent *agent;
	int rc;

	*out = NULL;
	if (!(agent = calloc(1, sizeof(*agent))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	agent->backend = be;
	if ((rc = hz_agent_config_copy(&agent->config, cfg)) != 0) {
		free(agent);
		return rc;
	}
	if (!agent->config.alias && (rc = dup_field(&agent->config.alias, cfg->backend)) != 0)
		goto fail;
	if (be->init && (rc = be->init(agent)) != 0)
		goto fail;
	*out = agent;
	return 0;
fail:
	hz_agent_config_release(&agent->config);
	free(agent);
	return rc;
}

void hz_agent_free(hz_agent *agent)
{
	if (!agent)
		return;
	if (agent->backend->free)
		agent->backend->free(agent);
	hz_agent_config_release(&agent->config);
	free(agent);
}

int hz_agent_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	memset(out, 0, sizeof(*out));
	return agent->backend->run(agent, env, out);
}

const hz_agent_config *hz_agent_get_config(const hz_agent *agent) { return &agent->config; }
const char *hz_agent_alias(const hz_agent *agent) { return agent->config.alias; }
const char *hz_agent_backend(const hz_agent *agent) { return agent->backend->name; }

void hz_agent_settings(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx)
{
	if (agent->backend->settings) {
		agent->backend->settings(agent, fn, ctx);
		return;
	}
	for (size_t i = 0; i < agent->config.nparams; i++)
		fn(ctx, agent->config.params[i].key, agent->config.params[i].value);
}
