/*
 * YAML documents with limits (ydoc.h).  The file is read whole under the
 * size limit, then parsed twice: once as events, to refuse aliases, deep
 * nesting and node floods before anything is built, then into libyaml's
 * document tree.  (libyaml has no limits of its own.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "ydoc.h"

struct hz_ydoc {
	yaml_document_t doc;
};

static const yaml_node_t *N(const hz_ynode *n)
{
	return (const yaml_node_t *)n;
}

static int malformed(const char *path, const yaml_parser_t *p)
{
	return hz_error_set(HZ_EINVALID, "%s:%lu: malformed YAML: %s (column %lu)", path,
			    (unsigned long)p->problem_mark.line + 1, p->problem ? p->problem : "not YAML or JSON",
			    (unsigned long)p->problem_mark.column + 1);
}

/* The event pass: aliases, depth and node count, before any tree is built. */
static int screen(const char *path, const char *text, size_t len, int max_depth, size_t max_nodes)
{
	yaml_parser_t p;
	yaml_event_t ev;
	size_t nodes = 0;
	int depth = 0, rc = 0, done = 0;

	if (!yaml_parser_initialize(&p))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done && !rc) {
		unsigned long line;
		if (!yaml_parser_parse(&p, &ev)) {
			rc = malformed(path, &p);
			break;
		}
		line = (unsigned long)ev.start_mark.line + 1;
		switch (ev.type) {
		case YAML_ALIAS_EVENT:
			rc = hz_error_set(HZ_EINVALID, "%s:%lu: YAML aliases (*name) are not allowed", path, line);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > max_depth)
				rc = hz_error_set(HZ_EINVALID, "%s:%lu: nesting deeper than %d levels", path, line, max_depth);
			/* fall through */
		case YAML_SCALAR_EVENT:
			if (!rc && ++nodes > max_nodes)
				rc = hz_error_set(HZ_EINVALID, "%s:%lu: more than %zu YAML nodes", path, line, max_nodes);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = 1; /* the first document is the one loaded */
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

int hz_ydoc_load(hz_ydoc **out, const char *path, const hz_ydoc_limits *limits)
{
	size_t max_bytes = limits && limits->max_bytes ? limits->max_bytes : HZ_YDOC_MAX_BYTES;
	size_t max_nodes = limits && limits->max_nodes ? limits->max_nodes : HZ_YDOC_MAX_NODES;
	int max_depth = limits && limits->max_depth > 0 ? limits->max_depth : HZ_YDOC_MAX_DEPTH;
	yaml_parser_t parser;
	hz_ydoc *d = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc, parser_ok = 0, have_doc = 0;

	*out = NULL;
	if ((rc = hz_fs_read(path, max_bytes, &text, &len)) != 0)
		goto done;
	if ((rc = screen(path, text, len, max_depth, max_nodes)) != 0)
		goto done;
	if (!(d = calloc(1, sizeof(*d))) || !yaml_parser_initialize(&parser)) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	parser_ok = 1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &d->doc)) {
		rc = malformed(path, &parser);
		goto done;
	}
	have_doc = 1;
	if (!yaml_document_get_root_node(&d->doc)) {
		rc = hz_error_set(HZ_EINVALID, "%s: the file is empty", path);
		goto done;
	}
	*out = d;
	d = NULL;
done:
	if (parser_ok)
		yaml_parser_delete(&parser);
	if (d && have_doc)
		yaml_document_delete(&d->doc);
	free(d);
	free(text);
	return rc;
}

void hz_ydoc_free(hz_ydoc *d)
{
	if (!d)
		return;
	yaml_document_delete(&d->doc);
	free(d);
}

const hz_ynode *hz_ydoc_root(const hz_ydoc *d)
{
	return (const hz_ynode *)yaml_document_get_root_node((yaml_document_t *)&d->doc);
}

int hz_ynode_is_map(const hz_ynode *n)
{
	return n && N(n)->type == YAML_MAPPING_NODE;
}

int hz_ynode_is_seq(const hz_ynode *n)
{
	return n && N(n)->type == YAML_SEQUENCE_NODE;
}

int hz_ynode_is_scalar(const hz_ynode *n)
{
	return n && N(n)->type == YAML_SCALAR_NODE;
}

size_t hz_ynode_map_size(const hz_ydoc *d, const hz_ynode *map)
{
	(void)d;
	if (!hz_ynode_is_map(map))
		return 0;
	return (size_t)(N(map)->data.mapping.pairs.top - N(map)->data.mapping.pairs.start);
}

void hz_ynode_map_pair(const hz_ydoc *d, const hz_ynode *map, size_t i, const hz_ynode **k, const hz_ynode **v)
{
	yaml_node_pair_t *p = N(map)->data.mapping.pairs.start + i;
	yaml_document_t *doc = (yaml_document_t *)&d->doc;

	*k = (const hz_ynode *)yaml_document_get_node(doc, p->key);
	*v = (const hz_ynode *)yaml_document_get_node(doc, p->value);
}

const hz_ynode *hz_ynode_get(const hz_ydoc *d, const hz_ynode *map, const char *key)
{
	size_t n = hz_ynode_map_size(d, map);

	for (size_t i = 0; i < n; i++) {
		const hz_ynode *k, *v;
		const char *s;
		hz_ynode_map_pair(d, map, i, &k, &v);
		if ((s = hz_ynode_str(k)) && !strcmp(s, key))
			return v;
	}
	return NULL;
}

size_t hz_ynode_seq_size(const hz_ydoc *d, const hz_ynode *seq)
{
	(void)d;
	if (!hz_ynode_is_seq(seq))
		return 0;
	return (size_t)(N(seq)->data.sequence.items.top - N(seq)->data.sequence.items.start);
}

const hz_ynode *hz_ynode_seq_item(const hz_ydoc *d, const hz_ynode *seq, size_t i)
{
	if (i >= hz_ynode_seq_size(d, seq))
		return NULL;
	return (const hz_ynode *)yaml_document_get_node((yaml_document_t *)&d->doc, N(seq)->data.sequence.items.start[i]);
}

const char *hz_ynode_str(const hz_ynode *n)
{
	if (!hz_ynode_is_scalar(n))
		return NULL;
	return (const char *)N(n)->data.scalar.value;
}

long hz_ynode_line(const hz_ynode *n)
{
	return n ? (long)N(n)->start_mark.line + 1 : 0;
}
