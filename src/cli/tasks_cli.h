/*
 * Shared pieces of `horizon tasks`: the parsed options of a subcommand and
 * the subcommands themselves, spread over cmd_tasks.c (dispatch, help, list,
 * show), cmd_tasks_stats.c (validate, stats) and cmd_tasks_check.c (check).
 */
#ifndef HZ_TASKS_CLI_H
#define HZ_TASKS_CLI_H

#include <jansson.h>
#include <stddef.h>

#include "horizon/catalog.h"
#include "horizon/sandbox.h"

typedef struct tasks_opts {
	const char *sub;      /* "list", "show", ... */
	const char *catalog;  /* --catalog, or hz_catalog_default_root() */
	hz_selector sel;      /* positional terms, --family, --tag, --min/--max-minutes */
	char **args;          /* positional arguments (borrowed from argv) */
	size_t nargs;
	int json;
	int strict;           /* validate --strict */
	int no_requires;      /* validate --no-requires */
	int quiet;            /* validate/check: only the summary and problems */
	int jobs;             /* check --jobs */
	int keep;             /* check --keep: keep the run directories */
	const char *out_dir;  /* check --out */
	hz_sandbox_mode sandbox; /* check --sandbox */
	int write;            /* calibrate --write */
	int min_baselines;    /* calibrate --min-baselines */
} tasks_opts;

int tasks_list(tasks_opts *o);
int tasks_show(tasks_opts *o);
int tasks_validate(tasks_opts *o);
int tasks_stats(tasks_opts *o);
int tasks_check(tasks_opts *o);
int tasks_calibrate(tasks_opts *o);

/* Load the catalogue and select tasks by o->sel; prints the error itself. Returns an exit code. */
int tasks_select(tasks_opts *o, hz_catalog **cat, hz_task ***tasks, size_t *count);

/* Print a JSON value to stdout (indented) and free it; returns an exit code. */
int tasks_print_json(json_t *value);

#endif
