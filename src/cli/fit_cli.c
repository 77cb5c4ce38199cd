/*
 * What plot, report, reproduce and demo share: loading the fit the command
 * line names, the catalogue's task times, image formats, the doubling line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fit_cli.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/report.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

int hz_cli_load_fit(const char *cmd, char **inputs, int ninputs, const char *release_dates, hz_fit **out)
{
	return hz_cli_load_fit_panel(cmd, inputs, ninputs, release_dates, 0, out);
}

int hz_cli_load_fit_panel(const char *cmd, char **inputs, int ninputs, const char *release_dates, int sensitivity,
			  hz_fit **out)
{
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;

	*out = NULL;
	if (ninputs == 0)
		return hz_cli_usage(cmd, "expects a fit file (horizon fit --json) or run logs");
	if (ninputs == 1 && ends_with(inputs[0], ".json")) {
		if (release_dates)
			return hz_cli_usage(cmd, "--release-dates goes with run logs, not with a fit file");
		return hz_fit_read_json(out, inputs[0]) < 0 ? hz_cli_lib_error(cmd) : HZ_EXIT_OK;
	}
	if (ninputs == 1 && (ends_with(inputs[0], ".yaml") || ends_with(inputs[0], ".yml")))
		return hz_cli_load_published(cmd, inputs[0], out);
	/* Run logs: fit them first, with METR's defaults (as 'horizon fit' would); reports add the
	 * sensitivity panel (about 1-2 s more on METR's 7,063 runs, docs/fit.md SENSITIVITY). */
	opts.release_dates = release_dates;
	opts.sensitivity = sensitivity;
	if (hz_fit_runs(out, (const char *const *)inputs, (size_t)ninputs, &opts) < 0)
		return hz_cli_lib_error(cmd);
	return HZ_EXIT_OK;
}

int hz_cli_load_published(const char *cmd, const char *path, hz_fit **out)
{
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;

	return hz_fit_published(out, path, &opts) < 0 ? hz_cli_lib_error(cmd) : HZ_EXIT_OK;
}

/* Human minutes of every task in the catalogue, for the histogram; NULL when there is none. */
double *hz_cli_task_minutes(const char *root, int quiet, size_t *n)
{
	hz_catalog *cat = NULL;
	double *v = NULL;

	*n = 0;
	if (!root)
		root = hz_catalog_default_root();
	if (hz_catalog_load(&cat, root) < 0) {
		if (!quiet)
			fprintf(stderr, "horizon: no task histogram: %s\n", hz_error_message());
		return NULL;
	}
	if (hz_catalog_count(cat) && (v = calloc(hz_catalog_count(cat), sizeof(double))))
		for (size_t i = 0; i < hz_catalog_count(cat); i++)
			v[(*n)++] = hz_task_human_minutes(hz_catalog_get(cat, i));
	hz_catalog_free(cat);
	return v;
}

/* "png", "svg" or "png,svg" into the plot options. */
int hz_cli_parse_image_formats(const char *cmd, const char *spec, hz_plot_opts *po)
{
	char buf[64];
	const char *p = spec;

	po->png = po->svg = 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		if (len >= sizeof(buf))
			return hz_cli_usage(cmd, "unknown image format '%s' (png, svg)", p);
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (!strcmp(buf, "png"))
			po->png = 1;
		else if (!strcmp(buf, "svg"))
			po->svg = 1;
		else
			return hz_cli_usage(cmd, "unknown image format '%s' (png, svg)", buf);
		p += len + (p[len] == ',');
	}
	if (!po->png && !po->svg)
		return hz_cli_usage(cmd, "--format needs png, svg or png,svg");
	return 0;
}

/* Print "50% horizon: doubling time 213 days (7.0 months), 95% CI ..." for a fit. */
void hz_cli_print_doubling(const hz_fit *fit, double percent)
{
	hz_doubling d;

	if (hz_report_doubling(fit, percent, &d) < 0) {
		printf("%g%% horizon: no trend in this fit (a trend needs two or more agents with release dates and horizons)\n", percent);
		return;
	}
	printf("%g%% horizon: doubling time %.0f days (%.1f months)", percent, d.days, d.days / (365.25 / 12));
	if (isfinite(d.ci_low) && isfinite(d.ci_high))
		printf(d.ci_high < 1e6 ? ", 95%% CI %.0f to %.0f days" : ", 95%% CI %.0f to %.3g days", d.ci_low, d.ci_high);
	printf("; fitted on %zu agents", d.n_agents);
	if (d.first_date)
		printf(" released %s to %s", d.first_date, d.last_date);
	printf("\n");
}
