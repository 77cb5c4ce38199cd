/*
 * Agents files: a YAML or JSON list of agent entries (or a mapping whose
 * `agents` key holds that list), each becoming an hz_agent_config.
 *
 *   - alias: gpt-4o
 *     backend: openai
 *     model: gpt-4o-2024-08-06
 *     release_date: 2024-08-06
 *     api_key_env: OPENAI_API_KEY
 *     price_in: 2.5
 *     price_out: 10
 *     temperature: 0          # any other key becomes a param
 *   - spec: sim,h50=30,slope=0.8   # or a spec string, keys below it override
 *     alias: sim-30
 */
#include <stdlib.h>
#include <string.h>

#include "agent_internal.h"
#include "fsutil.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "strutil.h"
#include "ydoc.h"

static int set_str(char **dst, const char *v)
{
	char *s = strdup(v);

	if (!s)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	free(*dst);
	*dst = s;
	return 0;
}

static int load_entry(const char *path, const hz_ydoc *doc, const hz_ynode *map, hz_agent_config *cfg)
{
	const hz_ynode *spec = hz_ynode_get(doc, map, "spec");
	size_t npairs = hz_ynode_map_size(doc, map);
	long at = hz_ynode_line(map);
	int rc = 0;

	memset(cfg, 0, sizeof(*cfg));
	if (!hz_ynode_is_map(map))
		return hz_error_set(HZ_EINVALID, "%s:%ld: an agent entry must be a mapping (alias: ..., backend: ...)",
				    path, at);
	/* A spec string first, so that the other keys override it. */
	if (hz_ynode_str(spec) && (rc = agent_config_parse_spec(cfg, hz_ynode_str(spec))) != 0)
		return hz_error_prefix("%s:%ld: 'spec': ", path, at);
	for (size_t i = 0; i < npairs && !rc; i++) {
		const hz_ynode *kn, *vn;
		const char *k, *v;
		long line;
		hz_ynode_map_pair(doc, map, i, &kn, &vn);
		k = hz_ynode_str(kn);
		v = hz_ynode_str(vn);
		line = vn ? hz_ynode_line(vn) : at;
		if (!k)
			rc = hz_error_set(HZ_EINVALID, "%s:%ld: keys must be plain names", path, line);
		else if (!strcmp(k, "spec"))
			continue;
		else if (!v)
			rc = hz_error_set(HZ_EINVALID, "%s:%ld: '%s' must be a single value", path, line, k);
		else if (!strcmp(k, "alias") || !strcmp(k, "name"))
			rc = set_str(&cfg->alias, v);
		else if (!strcmp(k, "backend"))
			rc = set_str(&cfg->backend, v);
		else if (!strcmp(k, "model"))
			rc = set_str(&cfg->model, v);
		else if (!strcmp(k, "base_url"))
			rc = set_str(&cfg->base_url, v);
		else if (!strcmp(k, "api_key_env"))
			rc = set_str(&cfg->api_key_env, v);
		else if (!strcmp(k, "release_date") || !strcmp(k, "release")) {
			long days;
			rc = hz_parse_date(v, &days) ? hz_error_set(HZ_EINVALID, "%s:%ld: '%s' must be a date YYYY-MM-DD",
								    path, line, k)
						     : set_str(&cfg->release_date, v);
		} else if (!strcmp(k, "price_in") || !strcmp(k, "price_out")) {
			double d;
			if (hz_parse_double(v, &d) || d < 0)
				rc = hz_error_set(HZ_EINVALID, "%s:%ld: '%s' must be a non-negative number (USD per "
							       "million tokens)", path, line, k);
			else
				*(!strcmp(k, "price_in") ? &cfg->price_in : &cfg->price_out) = d;
		} else {
			rc = hz_agent_config_set_param(cfg, k, v);
		}
	}
	if (!rc && !cfg->backend)
		rc = hz_error_set(HZ_EINVALID, "%s:%ld: the agent has no 'backend' (or 'spec')", path, at);
	if (!rc && !cfg->alias && !(cfg->alias = agent_default_alias(cfg)))
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	if (rc)
		hz_agent_config_release(cfg);
	return rc;
}

int hz_agents_file_load(const char *path, hz_agent_config **out, size_t *count)
{
	hz_ydoc *doc = NULL;
	const hz_ynode *root, *list = NULL;
	hz_agent_config *cfgs = NULL;
	size_t n = 0, total;
	int rc;

	*out = NULL;
	*count = 0;
	if ((rc = hz_ydoc_load(&doc, path, NULL)) != 0)
		return rc;
	root = hz_ydoc_root(doc);
	list = hz_ynode_is_seq(root) ? root : hz_ynode_get(doc, root, "agents");
	if (!hz_ynode_is_seq(list)) {
		rc = hz_error_set(HZ_EINVALID, "%s: expected a list of agents (or a mapping with an 'agents' list)", path);
		goto done;
	}
	if ((total = hz_ynode_seq_size(doc, list)) == 0) {
		rc = hz_error_set(HZ_EINVALID, "%s: the list of agents is empty", path);
		goto done;
	}
	if (!(cfgs = calloc(total, sizeof(*cfgs)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (; n < total; n++)
		if ((rc = load_entry(path, doc, hz_ynode_seq_item(doc, list, n), &cfgs[n])) != 0)
			goto done;
	*out = cfgs;
	*count = n;
	cfgs = NULL;
done:
	for (size_t i = 0; cfgs && i < n; i++)
		hz_agent_config_release(&cfgs[i]);
	free(cfgs);
	hz_ydoc_free(doc);
	return rc;
}
