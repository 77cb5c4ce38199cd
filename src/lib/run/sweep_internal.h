/* Setting a sweep up (sweep_setup.c) for the worker pool in sweep.c. */
#ifndef HZ_SWEEP_INTERNAL_H
#define HZ_SWEEP_INTERNAL_H

#include "results.h"
#include "run_internal.h"

/* What a sweep works from once set up. */
typedef struct sweep_setup {
	hz_catalog *own_catalog;   /* loaded here, or NULL when the caller gave one */
	const hz_catalog *catalog;
	hz_task **tasks;           /* selected, in id order */
	size_t ntasks;
	char **stages;             /* per selected task: staged tests/, solution/, instructions.md */
	struct run_workspace_base **bases; /* per selected task: the shared baseline */
	char *work_root;           /* holds the run workspaces */
	int work_root_tmp;         /* work_root is a temporary directory (removed at the end when empty) */
	char *private_dir;         /* work_root/.horizon-<pid>: stages and the sandbox's /etc */
	run_plan *plan;         /* this shard's runs */
	size_t nplan;
	size_t unsharded;
	hz_buf warnings;           /* one line each, for hz_sweep_result.warnings */
} sweep_setup;

/* Check options, load and select tasks, plan the runs of this shard. */
int sweep_plan(const hz_sweep_opts *o, sweep_setup *s);

/* Choose the work root (DIR/work when the sandbox uid can reach it) and stage every task. */
int sweep_prepare(const hz_sweep_opts *o, sweep_setup *s, long sandbox_uid);

/* Write DIR/sweep.json: what was asked, so that the sweep can be reproduced. */
int sweep_write_json(const hz_sweep_opts *o, const sweep_setup *s);

void sweep_setup_release(sweep_setup *s);

#endif
