/* horizon: the command table and the entry point. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "horizon/error.h"

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const hz_cli_command commands[] = {
	{ "run", cmd_run, "run agents on tasks in sandboxed workspaces and record the outcomes" },
	{ "adaptive-sim", cmd_adaptive_sim, "replay the adaptive rule on full-sweep logs and sim agents" },
	{ "fit", cmd_fit, "fit time horizons and the doubling time from run logs" },
	{ "export", cmd_export, "write run logs as METR's analysis pipeline loads them" },
	{ "plot", cmd_plot, "draw the doubling chart and other plots (gnuplot)" },
	{ "report", cmd_report, "write result tables (md, csv, html, latex, yaml)" },
	{ "reproduce", cmd_reproduce, "redraw METR's published trend from their results file" },
	{ "demo", cmd_demo, "the whole pipeline on built-in defaults: sweep, fit, report, chart" },
	{ "view", cmd_view, "look at sweeps, runs and transcripts in a local web page" },
	{ "tasks", cmd_tasks, "list, show, validate, check and summarise the task catalogue" },
	{ "agents", cmd_agents, "list agent backends and provider presets" },
	{ "doctor", cmd_doctor, "probe the sandbox and isolation this machine provides" },
	{ "baseline", cmd_baseline, "time a person on a task in the sandbox (a human baseline)" },
	{ "merge", cmd_merge, "join shard logs into one runs.jsonl" },
	{ "slurm", cmd_slurm, "write (and submit) a Slurm job array for a sharded sweep" },
	{ "k8s", cmd_k8s, "write a Kubernetes Indexed Job manifest for a sharded sweep" },
	{ "version", cmd_version, "print the version" },
	{ "help", cmd_help, "show help for horizon or a command" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

int hz_cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "horizon %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return HZ_EXIT_FAIL;
}

int hz_cli_lib_error(const char *cmd)
{
	const char *msg = hz_error_message();

	fprintf(stderr, "horizon %s: %s\n", cmd, *msg ? msg : "unknown error");
	return HZ_EXIT_FAIL;
}

int hz_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "horizon %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'horizon %s --help'.\n", cmd);
	return HZ_EXIT_USAGE;
}

int hz_cli_isatty_out(void)
{
	return isatty(STDOUT_FILENO);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon [--version] [--help] <command> [<args>]\n"
		"\n"
		"Measure how long a task an AI agent can complete: run agents on timed\n"
		"tasks, fit each agent's time horizon, and the doubling time across models.\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'horizon <command> --help' for a command's options.\n");
}

static const hz_cli_command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int cmd_version(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		printf("usage: horizon version\n\nPrint horizon's version.\n");
		return HZ_EXIT_OK;
	}
	printf("horizon %s\n", HZ_VERSION);
	return HZ_EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
	const hz_cli_command *c;
	char *sub[] = { NULL, "--help", NULL };

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return HZ_EXIT_OK;
	}
	if (!(c = find(argv[1])))
		return hz_cli_usage("help", "'%s' is not a horizon command", argv[1]);
	sub[0] = (char *)c->name;
	return c->run(2, sub);
}

int main(int argc, char **argv)
{
	const hz_cli_command *c;

	if (argc < 2) {
		usage(stderr);
		return HZ_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return HZ_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))
		return cmd_version(1, argv);
	if (!(c = find(argv[1]))) {
		fprintf(stderr, "horizon: '%s' is not a horizon command; see 'horizon --help'\n", argv[1]);
		return HZ_EXIT_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
