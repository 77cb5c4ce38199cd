/*
 * Pieces shared by the catalogue validator's files: validate.c (walk, issue
 * list, catalogue-wide rules), validate_schema.c (task.json field by field)
 * and validate_parts.c (the task directory's files).
 */
#ifndef HZ_VALIDATE_INTERNAL_H
#define HZ_VALIDATE_INTERNAL_H

#include <jansson.h>

#include "horizon/task.h"
#include "horizon/validate.h"

struct hz_validation {
	hz_issue *issues;
	size_t count, cap;
	size_t ntasks, nvalid, nerrors, nwarnings;
	int strict;
};

/* What the checks of one task share. */
typedef struct vd_task {
	hz_validation *v;
	const hz_validate_opts *opts;
	const char *dir;       /* the task directory as the user named it */
	const char *json_path; /* dir/task.json */
	const char *id;        /* from task.json when it is a string, else NULL */
	size_t errors;         /* errors recorded for this task so far */
} vd_task;

/*
 * Record an issue (file and field may be NULL; the message is a format).
 * Warnings become errors when the validation is strict.  Returns 0 or
 * HZ_ENOMEM.
 */
int vd_issue(vd_task *t, hz_issue_level level, const char *file, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Every field of a parsed task.json; returns 0 or HZ_ENOMEM. */
int vd_check_schema(vd_task *t, json_t *root);

/*
 * The files of the task directory: instructions, workspace, tests, solution,
 * and what task.json says about them.  `root` is the parsed task.json, or
 * NULL when it did not parse (then only the checks that need no metadata
 * run); its fields are used only where they have the right type.
 */
int vd_check_parts(vd_task *t, json_t *root);

#endif
