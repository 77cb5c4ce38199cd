/*
 * The task catalogue: every task under a root directory (root/<family>/<name>/),
 * and the selectors shared by `horizon run` and `horizon tasks`.
 */
#ifndef HORIZON_CATALOG_H
#define HORIZON_CATALOG_H

#include <stddef.h>

#include "horizon/task.h"

typedef struct hz_catalog hz_catalog;

/*
 * Load every task below `root` (directories holding a task.json, at any
 * depth), sorted by id.  Fails on the first task that does not load, or on two
 * tasks with one id.  *out is owned by the caller.
 */
int hz_catalog_load(hz_catalog **out, const char *root);
void hz_catalog_free(hz_catalog *cat);

/*
 * The catalogue root to use when the user named none: $HORIZON_TASKS, else
 * ./tasks when it exists, else the tasks/ directory of the source tree.
 */
const char *hz_catalog_default_root(void);

const char *hz_catalog_root(const hz_catalog *cat);
size_t hz_catalog_count(const hz_catalog *cat);
hz_task *hz_catalog_get(const hz_catalog *cat, size_t i);
hz_task *hz_catalog_find(const hz_catalog *cat, const char *id);

/*
 * A task selector.  A task is selected when it matches at least one of the
 * `terms` (or there are none) and lies within [min_minutes, max_minutes].
 * A term is an id glob such as "bugfix/fix-*", "family:NAME" or "tag:NAME".
 */
typedef struct hz_selector {
	const char **terms;
	size_t nterms;
	double min_minutes; /* 0: no lower bound */
	double max_minutes; /* 0: no upper bound */
} hz_selector;

#define HZ_SELECTOR_INIT { .terms = NULL, .nterms = 0 }

int hz_selector_matches(const hz_selector *sel, const hz_task *task);

/*
 * Split a comma-separated selector string ("family:log,tag:short") into terms.
 * The terms array and its strings are owned by *sel until hz_selector_release.
 */
int hz_selector_parse(hz_selector *sel, const char *spec);
void hz_selector_release(hz_selector *sel);

/*
 * The selected tasks in id order: *out is a heap array of borrowed pointers
 * (free the array, not the tasks).  Zero matches is not an error.
 */
int hz_catalog_select(const hz_catalog *cat, const hz_selector *sel, hz_task ***out, size_t *count);

#endif
