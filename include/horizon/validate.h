/*
 * Validating a task catalogue (or one task) beyond what the loader checks:
 * every field of every task.json, the parts of each task directory, leaks of
 * the hidden answer into the workspace, family layout, unique ids, host tools.
 * Unlike hz_catalog_load(), validation collects every problem instead of
 * stopping at the first.  The rules are listed in docs/tasks.md.
 */
#ifndef HORIZON_VALIDATE_H
#define HORIZON_VALIDATE_H

#include <stddef.h>

typedef enum { HZ_ISSUE_ERROR = 0, HZ_ISSUE_WARNING } hz_issue_level;

/* One problem found.  Strings are owned by the validation that holds it. */
typedef struct hz_issue {
	hz_issue_level level;
	char *task;    /* task id when known, else NULL */
	char *file;    /* the file or directory the problem is in */
	char *field;   /* the task.json field or the part ("scorer.kind", "solution/solve.sh"), or NULL */
	char *message; /* what is wrong, lower case, no final full stop */
} hz_issue;

typedef struct hz_validate_opts {
	int check_requires; /* 1: each `requires` tool must be found in PATH (warning when missing) */
	int strict;         /* 1: report warnings as errors */
} hz_validate_opts;

#define HZ_VALIDATE_OPTS_INIT { .check_requires = 1, .strict = 0 }

typedef struct hz_validation hz_validation;

/*
 * Validate `path`: a catalogue root (every directory below it holding a
 * task.json is a task, laid out as <family>/<name>/) or a single task
 * directory.  Returns 0 when validation ran, whatever it found (look at
 * hz_validation_errors()), with *out owned by the caller; a negative code
 * only when it could not run (HZ_ENOTFOUND for a missing path, HZ_ENOMEM).
 */
int hz_validate_path(hz_validation **out, const char *path, const hz_validate_opts *opts);
void hz_validation_free(hz_validation *v);

/* Tasks looked at (directories holding a task.json). */
size_t hz_validation_tasks(const hz_validation *v);
/* Tasks with no error. */
size_t hz_validation_valid_tasks(const hz_validation *v);
size_t hz_validation_errors(const hz_validation *v);
size_t hz_validation_warnings(const hz_validation *v);

/* Issues in the order found (tasks in id order, then catalogue-wide issues). */
size_t hz_validation_count(const hz_validation *v);
const hz_issue *hz_validation_issue(const hz_validation *v, size_t i);

/*
 * The issue as one line: "FILE: 'FIELD' MESSAGE" (or "FILE: MESSAGE" when
 * there is no field), written to out (always NUL-terminated); returns out.
 */
char *hz_issue_format(const hz_issue *issue, char *out, size_t size);

#endif
