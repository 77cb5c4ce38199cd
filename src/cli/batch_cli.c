/* Shared parts of horizon slurm and horizon k8s; see batch_cli.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_cli.h"
#include "cli.h"
#include "fsutil.h"
#include "horizon/agents.h"
#include "horizon/batch.h"
#include "horizon/error.h"

/* Covers workspace set-up, the agent's start and the scorer's start around each run. */
#define RUN_OVERHEAD_S 30.0

int hz_batch_cli_check(const char *cmd, const hz_run_cli *cli)
{
	if (cli->shard_given)
		return hz_cli_usage(cmd, "--shard is set for each shard by the batch job; give --shards N");
	if (cli->dry_run_given)
		return hz_cli_usage(cmd, "--dry-run would make every shard do nothing; without --submit, %s only "
				    "writes the files", cmd);
	for (size_t i = 0; i < cli->ncfgs; i++) {
		hz_agent *agent = NULL;
		if (hz_agent_new(&agent, &cli->cfgs[i]) != 0)
			return hz_cli_lib_error(cmd);
		hz_agent_free(agent);
	}
	return HZ_EXIT_OK;
}

int hz_batch_cli_plan(const char *cmd, const hz_run_cli *cli, int shards, size_t *runs, long *seconds)
{
	const char *root = cli->opts.tasks_root ? cli->opts.tasks_root : hz_catalog_default_root();
	hz_catalog *cat = NULL;
	hz_task **tasks = NULL;
	double *limits = NULL;
	size_t n = 0;
	int rc = HZ_EXIT_OK;

	if (hz_catalog_load(&cat, root) != 0 || hz_catalog_select(cat, &cli->sel, &tasks, &n) != 0) {
		rc = hz_cli_error(cmd, "cannot derive the shard time limit (%s): give --time-limit", hz_error_message());
		goto done;
	}
	if (n == 0) {
		rc = hz_cli_error(cmd, "no task of the catalogue in '%s' matches the selection", root);
		goto done;
	}
	if (!(limits = calloc(n, sizeof(*limits)))) {
		rc = hz_cli_error(cmd, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const hz_scorer *sc = hz_task_scorer(tasks[i]);
		limits[i] = hz_task_time_limit_s(tasks[i]) * cli->opts.time_limit_scale + (sc ? sc->timeout_s : 0) +
			    RUN_OVERHEAD_S;
	}
	*runs = n * cli->ncfgs * (size_t)cli->opts.repeats;
	*seconds = hz_batch_shard_seconds(limits, n, (int)cli->ncfgs, cli->opts.repeats, shards, cli->opts.jobs);
done:
	free(limits);
	free(tasks);
	hz_catalog_free(cat);
	return rc;
}

char *hz_batch_cli_abspath(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/')
		return strdup(path);
	if (!getcwd(cwd, sizeof(cwd)))
		return NULL;
	if (!strcmp(path, "."))
		return strdup(cwd);
	return hz_path_join(cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
}

char *hz_batch_cli_self(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return strdup(buf);
}
