/*
 * The options of `horizon run`, in one table with one parser, shared by the
 * commands that take them: run itself, and slurm and k8s, which check them
 * the same way and hand them on, word for word, to every shard's
 * `horizon run`.
 */
#ifndef HZ_CLI_RUN_OPTS_H
#define HZ_CLI_RUN_OPTS_H

#include <getopt.h>

#include "horizon/agent.h"
#include "horizon/catalog.h"
#include "horizon/run.h"

typedef struct hz_run_cli {
	hz_sweep_opts opts;     /* filled from the options; agents and selector point into this struct */
	hz_selector sel;
	hz_agent_config *cfgs;
	size_t ncfgs;
	int json, quiet, help;
	int out_given, shard_given, dry_run_given;
	/*
	 * Every run option as canonical words ("--agent", "sim,h50=3", ...), in
	 * the order given, without --out, --shard and --help: what a shard job
	 * passes to its own `horizon run`.  The strings are argv's.
	 */
	const char **words;
	size_t nwords;
} hz_run_cli;

/*
 * A command's own options, parsed along with run's.  `opts` ends with a
 * zeroed entry; their `val`s must be >= 1000 (run's are below).  on_extra
 * gets each one and returns HZ_EXIT_OK to go on, or an exit code (after
 * printing the error).  Options of the command win over run's of the same name.
 */
typedef struct hz_run_cli_extra {
	const struct option *opts;
	int (*on_option)(int val, const char *arg, void *ctx);
	void *ctx;
} hz_run_cli_extra;

/*
 * Parse argv (argv[0] is the command name `cmd`, used in messages) into cli.
 * Returns HZ_EXIT_OK, or HZ_EXIT_USAGE / HZ_EXIT_FAIL after printing the
 * error.  cli->help is set on --help (the caller prints its usage).  At least
 * one agent is required unless help was asked.  Release cli in every case.
 */
int hz_run_cli_parse(hz_run_cli *cli, const char *cmd, int argc, char **argv, const hz_run_cli_extra *extra);

void hz_run_cli_release(hz_run_cli *cli);

#endif
