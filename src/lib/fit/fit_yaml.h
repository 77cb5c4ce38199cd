/*
 * Small YAML/JSON documents via libyaml (yamlfile.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_YAML_H
#define HZ_FIT_YAML_H

#include <stddef.h>

typedef struct fit_ynode fit_ynode;
typedef struct fit_ydoc fit_ydoc;

int fit_ydoc_load(fit_ydoc **out, const char *path);
void fit_ydoc_free(fit_ydoc *doc);
const fit_ynode *fit_ydoc_root(const fit_ydoc *doc);
int fit_ynode_is_map(const fit_ynode *n);
int fit_ynode_is_scalar(const fit_ynode *n);
/* The value for key in a mapping, or NULL. */
const fit_ynode *fit_ynode_get(const fit_ydoc *doc, const fit_ynode *map, const char *key);
size_t fit_ynode_map_size(const fit_ydoc *doc, const fit_ynode *map);
/* The i-th pair of a mapping. */
void fit_ynode_map_pair(const fit_ydoc *doc, const fit_ynode *map, size_t i, const fit_ynode **k,
			const fit_ynode **v);
const char *fit_ynode_str(const fit_ynode *n);  /* scalar text, or NULL */
long fit_ynode_line(const fit_ynode *n);        /* 1-based */

#endif
