/*
 * What plot, report, reproduce and demo share: loading the fit the command
 * line names, the catalogue's task times, image formats, the doubling line.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fit_cli.h"
#include "fsutil.h"
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
	if (isfinite(d.ci_low) && isfinite(d.ci_high) && (d.days < d.ci_low || d.days > d.ci_high))
		printf("  note: %s\n", HZ_FIT_OUTSIDE_CI_NOTE);
}

int hz_cli_load_names(const char *cmd, const char *path, hz_plot_opts *opts)
{
	json_error_t jerr;
	json_t *doc = json_load_file(path, 0, &jerr), *v;
	const char *key;
	char **pairs;
	size_t n = 0;

	if (!doc)
		return hz_cli_error(cmd, "--names %s:%d: %s", path, jerr.line, jerr.text);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return hz_cli_error(cmd, "--names %s: not a JSON object of alias -> display name", path);
	}
	if (!(pairs = calloc(2 * json_object_size(doc) + 1, sizeof(*pairs)))) {
		json_decref(doc);
		return hz_cli_error(cmd, "out of memory");
	}
	json_object_foreach(doc, key, v) {
		if (!json_is_string(v) || !*json_string_value(v)) {
			int rc = hz_cli_error(cmd, "--names %s: '%s' is not a non-empty string", path, key);
			opts->names = (const char *const *)pairs, opts->nnames = n;
			hz_cli_free_names(opts);
			json_decref(doc);
			return rc;
		}
		pairs[2 * n] = strdup(key);
		pairs[2 * n + 1] = strdup(json_string_value(v));
		n++;
	}
	json_decref(doc);
	opts->names = (const char *const *)pairs;
	opts->nnames = n;
	for (size_t i = 0; i < 2 * n; i++)
		if (!pairs[i]) {
			hz_cli_free_names(opts);
			return hz_cli_error(cmd, "out of memory");
		}
	return 0;
}

void hz_cli_free_names(hz_plot_opts *opts)
{
	char **pairs = (char **)opts->names;

	for (size_t i = 0; pairs && i < 2 * opts->nnames; i++)
		free(pairs[i]);
	free(pairs);
	opts->names = NULL;
	opts->nnames = 0;
}

double *hz_cli_swept_minutes(char **inputs, int ninputs, size_t *n)
{
	json_t *seen = json_object();
	double *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (int i = 0; seen && i < ninputs; i++) {
		size_t len = strlen(inputs[i]), tlen = 0;
		int is_log = len > 6 && !strcmp(inputs[i] + len - 6, ".jsonl");
		char *path = is_log ? strdup(inputs[i]) : hz_path_join(inputs[i], "runs.jsonl"), *text = NULL;
		if (path && hz_fs_read(path, (size_t)1 << 30, &text, &tlen) == 0) {
			for (char *line = text, *nl; line < text + tlen; line = nl + 1) {
				json_t *rec, *m;
				const char *id;
				if (!(nl = memchr(line, '\n', (size_t)(text + tlen - line))))
					nl = text + tlen;
				rec = json_loadb(line, (size_t)(nl - line), 0, NULL);
				id = json_string_value(json_object_get(rec, "task_id"));
				m = json_object_get(rec, "human_minutes");
				if (id && json_is_number(m) && !json_object_get(seen, id)) {
					if (*n == cap) {
						double *g = realloc(v, (cap = cap ? 2 * cap : 64) * sizeof(*g));
						if (!g) {
							json_decref(rec);
							break;
						}
						v = g;
					}
					json_object_set_new(seen, id, json_true());
					v[(*n)++] = json_number_value(m);
				}
				json_decref(rec);
			}
		}
		hz_error_clear();
		free(text);
		free(path);
	}
	json_decref(seen);
	if (!*n) {
		free(v);
		v = NULL;
	}
	return v;
}
