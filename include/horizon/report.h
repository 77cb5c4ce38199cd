/*
 * Result reports: tables of a fit (include/horizon/fit.h: made in-process
 * from runs or METR's published results, or read back from a fit file with
 * hz_fit_read_json) in Markdown, CSV, HTML (self-contained, with the SVG
 * charts embedded), LaTeX and METR-style YAML.  The tables list every
 * success percent the fit has.
 */
#ifndef HORIZON_REPORT_H
#define HORIZON_REPORT_H

#include <stddef.h>

#include "horizon/fit.h"

/* The doubling time of the fit's trend at `percent` (50, 80, ...). */
typedef struct hz_doubling {
	double days;      /* point estimate */
	double ci_low;    /* NAN when unknown */
	double ci_high;
	size_t n_agents;  /* agents the line was fitted on */
	const char *first_date; /* release-date span of those agents ("YYYY-MM-DD"); NULL when none */
	const char *last_date;  /* is dated; both point into the fit */
} hz_doubling;

/* 0 and *out filled, or HZ_ENOTFOUND when the fit has no such trend. */
int hz_report_doubling(const hz_fit *fit, double percent, hz_doubling *out);

typedef enum hz_report_format {
	HZ_REPORT_MD,
	HZ_REPORT_CSV,
	HZ_REPORT_HTML,
	HZ_REPORT_LATEX,
	HZ_REPORT_YAML
} hz_report_format;

/* "md", "csv", "html", "latex" (or "tex"), "yaml"; HZ_EUSAGE otherwise. */
int hz_report_format_parse(const char *name, hz_report_format *out);

/* The usual file extension of a format ("md", "csv", "html", "tex", "yaml"). */
const char *hz_report_format_ext(hz_report_format format);

typedef struct hz_report_opts {
	hz_report_format format;
	const char *title;           /* NULL: "Time horizons" */
	const char *const *svg_paths; /* html: SVG charts to embed, in order; may be NULL */
	const char *const *svg_captions; /* one per SVG, or NULL */
	size_t nsvg;
} hz_report_opts;

#define HZ_REPORT_OPTS_INIT { .format = HZ_REPORT_MD }

/*
 * Render a report as a NUL-terminated heap string (*out, owned by the
 * caller; *len may be NULL).  HTML embeds each SVG chart as a data: URI, so
 * the file reads offline on its own.
 */
int hz_report_render(const hz_fit *fit, const hz_report_opts *opts, char **out, size_t *len);

/* Render and write atomically to `path`. */
int hz_report_write(const hz_fit *fit, const hz_report_opts *opts, const char *path);

#endif
