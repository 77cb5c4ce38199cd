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
#include <yaml.h>

#include "agent_internal.h"
#include "fsutil.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "strutil.h"

#define AGENTS_FILE_MAX ((size_t)4 << 20)

static const char *scalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int set_str(char **dst, const char *v)
{
	char *s = strdup(v);

	if (!s)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	free(*dst);
	*dst = s;
	return 0;
}

static int load_entry(const char *path, yaml_document_t *doc, yaml_node_t *map, hz_agent_config *cfg)
{
	const char *spec = NULL;
	int rc = 0;

	memset(cfg, 0, sizeof(*cfg));
	if (map->type != YAML_MAPPING_NODE)
		return hz_error_set(HZ_EINVALID, "%s:%zu: an agent entry must be a mapping (alias: ..., backend: ...)",
				    path, map->start_mark.line + 1);
	/* A spec string first, so that the other keys override it. */
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (scalar(yaml_document_get_node(doc, p->key)) &&
		    !strcmp(scalar(yaml_document_get_node(doc, p->key)), "spec"))
			spec = scalar(yaml_document_get_node(doc, p->value));
	if (spec && (rc = agent_config_parse_spec(cfg, spec)) != 0)
		return hz_error_prefix("%s:%zu: 'spec': ", path, map->start_mark.line + 1);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top && !rc; p++) {
		yaml_node_t *kn = yaml_document_get_node(doc, p->key), *vn = yaml_document_get_node(doc, p->value);
		const char *k = scalar(kn), *v = scalar(vn);
		size_t line = (vn ? vn->start_mark.line : map->start_mark.line) + 1;
		if (!k)
			rc = hz_error_set(HZ_EINVALID, "%s:%zu: keys must be plain names", path, line);
		else if (!strcmp(k, "spec"))
			continue;
		else if (!v)
			rc = hz_error_set(HZ_EINVALID, "%s:%zu: '%s' must be a single value", path, line, k);
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
			rc = hz_parse_date(v, &days) ? hz_error_set(HZ_EINVALID, "%s:%zu: '%s' must be a date YYYY-MM-DD",
								    path, line, k)
						     : set_str(&cfg->release_date, v);
		} else if (!strcmp(k, "price_in") || !strcmp(k, "price_out")) {
			double d;
			if (hz_parse_double(v, &d) || d < 0)
				rc = hz_error_set(HZ_EINVALID, "%s:%zu: '%s' must be a non-negative number (USD per "
							       "million tokens)", path, line, k);
			else
				*(!strcmp(k, "price_in") ? &cfg->price_in : &cfg->price_out) = d;
		} else {
			rc = hz_agent_config_set_param(cfg, k, v);
		}
	}
	if (!rc && !cfg->backend)
		rc = hz_error_set(HZ_EINVALID, "%s:%zu: the agent has no 'backend' (or 'spec')", path,
				  map->start_mark.line + 1);
	if (!rc && !cfg->alias && !(cfg->alias = agent_default_alias(cfg)))
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	if (rc)
		hz_agent_config_release(cfg);
	return rc;
}

int hz_agents_file_load(const char *path, hz_agent_config **out, size_t *count)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root, *list = NULL;
	hz_agent_config *cfgs = NULL;
	char *text = NULL;
	size_t len = 0, n = 0;
	int rc = 0, have_doc = 0;

	*out = NULL;
	*count = 0;
	if ((rc = hz_fs_read(path, AGENTS_FILE_MAX, &text, &len)) != 0)
		return rc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = hz_error_set(HZ_EINVALID, "%s:%zu:%zu: %s", path, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1, parser.problem ? parser.problem : "not YAML or JSON");
		goto done;
	}
	have_doc = 1;
	if (!(root = yaml_document_get_root_node(&doc))) {
		rc = hz_error_set(HZ_EINVALID, "%s: the file is empty", path);
		goto done;
	}
	if (root->type == YAML_SEQUENCE_NODE) {
		list = root;
	} else if (root->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
			const char *k = scalar(yaml_document_get_node(&doc, p->key));
			if (k && !strcmp(k, "agents"))
				list = yaml_document_get_node(&doc, p->value);
		}
	}
	if (!list || list->type != YAML_SEQUENCE_NODE) {
		rc = hz_error_set(HZ_EINVALID, "%s: expected a list of agents (or a mapping with an 'agents' list)", path);
		goto done;
	}
	{
		size_t total = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
		if (total == 0) {
			rc = hz_error_set(HZ_EINVALID, "%s: the list of agents is empty", path);
			goto done;
		}
		if (!(cfgs = calloc(total, sizeof(*cfgs)))) {
			rc = hz_error_set(HZ_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		if ((rc = load_entry(path, &doc, yaml_document_get_node(&doc, *it), &cfgs[n])) != 0)
			goto done;
		n++;
	}
	*out = cfgs;
	*count = n;
	cfgs = NULL;
done:
	for (size_t i = 0; cfgs && i < n; i++)
		hz_agent_config_release(&cfgs[i]);
	free(cfgs);
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(text);
	return rc;
}
