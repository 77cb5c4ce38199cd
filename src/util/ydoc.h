/*
 * Small YAML (and JSON, which libyaml reads as YAML) documents from files
 * that may be hostile: one entry point, hz_ydoc_load, that refuses a file
 * over the size limit, nesting deeper than the depth limit, more nodes than
 * the node limit, and any alias (a billion-laughs document expands through
 * aliases; horizon's files never need them).  Errors name the file and line.
 * Then walk mappings and sequences and read scalars with their lines.
 */
#ifndef HZ_UTIL_YDOC_H
#define HZ_UTIL_YDOC_H

#include <stddef.h>

typedef struct hz_ydoc hz_ydoc;
typedef struct hz_ynode hz_ynode;

typedef struct hz_ydoc_limits {
	size_t max_bytes; /* the file's size; 0: HZ_YDOC_MAX_BYTES */
	int max_depth;    /* nested mappings and sequences; 0: HZ_YDOC_MAX_DEPTH */
	size_t max_nodes; /* 0: HZ_YDOC_MAX_NODES */
} hz_ydoc_limits;

#define HZ_YDOC_MAX_BYTES ((size_t)4 << 20)
#define HZ_YDOC_MAX_DEPTH 64
#define HZ_YDOC_MAX_NODES ((size_t)1 << 20)

/*
 * Load the one document of path (limits may be NULL: the defaults).
 * HZ_ENOTFOUND for a missing file; HZ_EINVALID for malformed YAML
 * ("FILE:LINE: malformed YAML: ..."), an empty file, or a limit crossed
 * ("FILE:LINE: nesting deeper than 64 levels"); HZ_ELIMIT for a file too big.
 */
int hz_ydoc_load(hz_ydoc **out, const char *path, const hz_ydoc_limits *limits);
void hz_ydoc_free(hz_ydoc *doc);

const hz_ynode *hz_ydoc_root(const hz_ydoc *doc);
int hz_ynode_is_map(const hz_ynode *n);
int hz_ynode_is_seq(const hz_ynode *n);
int hz_ynode_is_scalar(const hz_ynode *n);

/* Mappings: the number of pairs, the i-th pair, the value of a scalar key (or NULL). */
size_t hz_ynode_map_size(const hz_ydoc *doc, const hz_ynode *map);
void hz_ynode_map_pair(const hz_ydoc *doc, const hz_ynode *map, size_t i, const hz_ynode **k, const hz_ynode **v);
const hz_ynode *hz_ynode_get(const hz_ydoc *doc, const hz_ynode *map, const char *key);

/* Sequences: the number of items and the i-th. */
size_t hz_ynode_seq_size(const hz_ydoc *doc, const hz_ynode *seq);
const hz_ynode *hz_ynode_seq_item(const hz_ydoc *doc, const hz_ynode *seq, size_t i);

const char *hz_ynode_str(const hz_ynode *n); /* scalar text, or NULL */
long hz_ynode_line(const hz_ynode *n);       /* 1-based; 0 for NULL */

#endif
