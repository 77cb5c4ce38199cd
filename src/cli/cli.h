/*
 * Shared pieces of the horizon command-line tool: the command table entries
 * and the conventions every cmd_<name>.c follows.
 *
 * Exit codes: 0 success, 1 failure (bad input, failed work), 2 usage error.
 * Errors go to stderr as "horizon <cmd>: <message>".
 */
#ifndef HZ_CLI_H
#define HZ_CLI_H

#include <stdio.h>

#define HZ_EXIT_OK 0
#define HZ_EXIT_FAIL 1
#define HZ_EXIT_USAGE 2

typedef struct hz_cli_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
} hz_cli_command;

/* Every command: argv[0] is its own name. */
int cmd_fit(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_doctor(int argc, char **argv);
int cmd_tasks(int argc, char **argv);
int cmd_agents(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_reproduce(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_slurm(int argc, char **argv);
int cmd_k8s(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_view(int argc, char **argv);
int cmd_adaptive_sim(int argc, char **argv);
int cmd_baseline(int argc, char **argv);

/* Print "horizon <cmd>: <formatted message>\n" to stderr; returns HZ_EXIT_FAIL. */
int hz_cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print the library's last error message for cmd; returns HZ_EXIT_FAIL. */
int hz_cli_lib_error(const char *cmd);

/* Print a usage error and a pointer to --help; returns HZ_EXIT_USAGE. */
int hz_cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* horizon fit --sensitivity: the panel as tables on stdout (fit_sensitivity.c). */
struct hz_fit;
void hz_cli_print_sensitivity(const struct hz_fit *fit);
/* horizon fit --buckets: METR's per-bucket success rates beside the fitted curve. */
void hz_cli_print_buckets(const struct hz_fit *fit);

/* True when stdout is a terminal (progress displays redraw in place). */
int hz_cli_isatty_out(void);

#endif
