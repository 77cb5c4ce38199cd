/*
 * The task.json schema: one table of its fields (docs/tasks.md), read by the
 * loader (core/task.c, which stores each field through the table) and by the
 * validator (core/validate_schema.c, which adds sanity rules on top).  A new
 * field is one row here.  Internal to libhorizon (core).
 */
#ifndef HZ_TASK_SCHEMA_H
#define HZ_TASK_SCHEMA_H

#include <jansson.h>
#include <stddef.h>

#include "jfield.h"

#define TASK_F_REQUIRED  1u /* "is missing" when absent */
#define TASK_F_COMMAND   2u /* only for scorers that run a command (exit, json); required there */
#define TASK_F_ANSWER    4u /* only for answer scorers; required there when TASK_F_REQUIRED */
#define TASK_F_NONE ((size_t)-1)

typedef struct task_field {
	const char *object;        /* NULL: top level; else "scorer" or "resources" */
	const char *key;           /* the key in its object */
	hz_jf_kind kind;
	unsigned flags;
	const char *const *values; /* a string field's allowed values (NULL-terminated), or NULL */
	const char *note;          /* appended to the error for a value not allowed, or NULL */
	size_t offset;             /* where the loader stores it in its task (TASK_F_NONE: not stored) */
	size_t count_offset;       /* string arrays: where the count goes (TASK_F_NONE: nowhere) */
} task_field;

/* Every field, parents before their members; ends with a row whose key is NULL. */
extern const task_field task_fields[];

/* The row of object.key (object NULL: top level), or NULL for an unknown field. */
const task_field *task_field_find(const char *object, const char *key);

/* "scorer.kind" for a row, into out; returns out. */
const char *task_field_name(const task_field *f, char *out, size_t size);

/*
 * The value of f in the task.json object root, checked.  scorer_kind is the
 * index of scorer.kind in its values, or -1 when unknown (then neither
 * TASK_F_COMMAND nor TASK_F_ANSWER fields are required).  Returns NULL when
 * valid (*val: the value, NULL when absent or not used by this scorer kind;
 * *ix: its index in f->values) or a phrase saying what is wrong, written into
 * why ("is missing", "must be a positive number", "must be \"none\" (...)").
 */
const char *task_field_check(json_t *root, const task_field *f, int scorer_kind, json_t **val, int *ix, char *why,
			     size_t size);

/* The index of the scorer kind "answer" in scorer.kind's values. */
#define TASK_SCORER_ANSWER 2

#endif
