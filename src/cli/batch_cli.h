/* What horizon slurm and horizon k8s share: checking the run options, the shard time limit, paths. */
#ifndef HZ_CLI_BATCH_CLI_H
#define HZ_CLI_BATCH_CLI_H

#include "run_opts.h"

/*
 * Refuse run options that the batch job sets itself (--shard, --dry-run) and
 * agents that do not build.  HZ_EXIT_OK or an exit code after the message.
 */
int hz_batch_cli_check(const char *cmd, const hz_run_cli *cli);

/*
 * Load the catalogue and select the tasks as the shards will; fill *runs
 * (agents x tasks x repeats) and *seconds, the time limit of one shard
 * (hz_batch_shard_seconds over each task's time limit x --time-limit-scale
 * plus its scorer's timeout).  HZ_EXIT_OK or HZ_EXIT_FAIL after the message.
 */
int hz_batch_cli_plan(const char *cmd, const hz_run_cli *cli, int shards, size_t *runs, long *seconds);

/* `path` made absolute against the working directory (heap); NULL on ENOMEM. */
char *hz_batch_cli_abspath(const char *path);

/* The absolute path of this horizon binary (heap), or NULL. */
char *hz_batch_cli_self(void);

#endif
