/* What horizon plot, report, reproduce and demo share (fit_cli.c). */
#ifndef HZ_CLI_FIT_CLI_H
#define HZ_CLI_FIT_CLI_H

#include <stddef.h>

#include "horizon/fit.h"
#include "horizon/plot.h"

/*
 * Load the fit for plot/report from the command line's inputs: one fit file
 * (.json, hz_fit_read_json), one published results file (.yaml), or run logs
 * fitted with release dates.  0, or an exit code after printing the error.
 */
int hz_cli_load_fit(const char *cmd, char **inputs, int ninputs, const char *release_dates, hz_fit **out);
/* The same; `sensitivity` 1 adds the sensitivity panel when run logs are fitted (report). */
int hz_cli_load_fit_panel(const char *cmd, char **inputs, int ninputs, const char *release_dates, int sensitivity,
			  hz_fit **out);

/* METR's published results file (--published) as a fit; 0, or an exit code after the message. */
int hz_cli_load_published(const char *cmd, const char *path, hz_fit **out);

/* Human minutes of the catalogue's tasks (heap array, *n of them), or NULL. */
double *hz_cli_task_minutes(const char *root, int quiet, size_t *n);

/* Parse "png", "svg" or "png,svg" into opts->png/svg; 0, or a usage exit code. */
int hz_cli_parse_image_formats(const char *cmd, const char *spec, hz_plot_opts *opts);

/* Print the doubling time of the fit's trend at `percent`. */
void hz_cli_print_doubling(const hz_fit *fit, double percent);

#endif
