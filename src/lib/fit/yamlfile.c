/* Small YAML (and JSON, which libyaml reads as YAML) documents: load, walk mappings, read scalars with their lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fit_yaml.h"
#include "horizon/error.h"

struct fit_ydoc {
	yaml_document_t doc;
};

static const yaml_node_t *N(const fit_ynode *n)
{
	return (const yaml_node_t *)n;
}

int fit_ydoc_load(fit_ydoc **out, const char *path)
{
	yaml_parser_t parser;
	fit_ydoc *d = NULL;
	FILE *f = NULL;
	int err = 0, parser_ok = 0;

	*out = NULL;
	if (!(f = fopen(path, "rb"))) {
		err = errno == ENOENT ? hz_error_set(HZ_ENOTFOUND, "%s: no such file", path)
				      : hz_error_set_errno("%s: cannot open", path);
		goto done;
	}
	if (!(d = calloc(1, sizeof(*d))) || !yaml_parser_initialize(&parser)) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	parser_ok = 1;
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &d->doc)) {
		err = hz_error_set(HZ_EINVALID, "%s:%lu: malformed YAML: %s", path,
				   (unsigned long)parser.problem_mark.line + 1, parser.problem ? parser.problem : "?");
		free(d);
		d = NULL;
		goto done;
	}
	if (!yaml_document_get_root_node(&d->doc)) {
		err = hz_error_set(HZ_EINVALID, "%s: the file is empty", path);
		goto done;
	}
	*out = d;
	d = NULL;
done:
	if (parser_ok)
		yaml_parser_delete(&parser);
	if (d) {
		yaml_document_delete(&d->doc);
		free(d);
	}
	if (f)
		fclose(f);
	return err;
}

void fit_ydoc_free(fit_ydoc *d)
{
	if (!d)
		return;
	yaml_document_delete(&d->doc);
	free(d);
}

const fit_ynode *fit_ydoc_root(const fit_ydoc *d)
{
	return (const fit_ynode *)yaml_document_get_root_node((yaml_document_t *)&d->doc);
}

int fit_ynode_is_map(const fit_ynode *n)
{
	return n && N(n)->type == YAML_MAPPING_NODE;
}

int fit_ynode_is_scalar(const fit_ynode *n)
{
	return n && N(n)->type == YAML_SCALAR_NODE;
}

size_t fit_ynode_map_size(const fit_ydoc *d, const fit_ynode *map)
{
	(void)d;
	if (!fit_ynode_is_map(map))
		return 0;
	return (size_t)(N(map)->data.mapping.pairs.top - N(map)->data.mapping.pairs.start);
}

void fit_ynode_map_pair(const fit_ydoc *d, const fit_ynode *map, size_t i, const fit_ynode **k, const fit_ynode **v)
{
	yaml_node_pair_t *p = N(map)->data.mapping.pairs.start + i;
	yaml_document_t *doc = (yaml_document_t *)&d->doc;

	*k = (const fit_ynode *)yaml_document_get_node(doc, p->key);
	*v = (const fit_ynode *)yaml_document_get_node(doc, p->value);
}

const fit_ynode *fit_ynode_get(const fit_ydoc *d, const fit_ynode *map, const char *key)
{
	size_t n = fit_ynode_map_size(d, map);

	for (size_t i = 0; i < n; i++) {
		const fit_ynode *k, *v;
		const char *s;
		fit_ynode_map_pair(d, map, i, &k, &v);
		if ((s = fit_ynode_str(k)) && !strcmp(s, key))
			return v;
	}
	return NULL;
}

const char *fit_ynode_str(const fit_ynode *n)
{
	if (!fit_ynode_is_scalar(n))
		return NULL;
	return (const char *)N(n)->data.scalar.value;
}

long fit_ynode_line(const fit_ynode *n)
{
	return n ? (long)N(n)->start_mark.line + 1 : 0;
}
