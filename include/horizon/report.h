/*
 * Fit documents and result reports.  A fit document (hz_fitdoc) is the
 * in-memory form of a fit file (docs/fit-json.md), read from `horizon fit
 * --json` output or built from METR's published benchmark_results YAML.
 * Reports turn it into tables: Markdown, CSV, HTML (self-contained, with the
 * SVG charts embedded), LaTeX and METR-style YAML.
 */
#ifndef HORIZON_REPORT_H
#define HORIZON_REPORT_H

#include <stddef.h>

typedef struct hz_fitdoc hz_fitdoc;

/*
 * Read a fit file (JSON, docs/fit-json.md).  Messages name the file and the
 * field that is wrong.  *out is owned by the caller (hz_fitdoc_free).
 */
int hz_fitdoc_load(hz_fitdoc **out, const char *path);

/* The same from a JSON text in memory; `origin` names it in error messages. */
int hz_fitdoc_parse(hz_fitdoc **out, const char *text, size_t len, const char *origin);

/*
 * Read METR's published results (benchmark_results_*.yaml) through the
 * fitter's reader (hz_fit_published): every model with its release date,
 * p50/p80 horizons with CIs, average score and SOTA flag, and METR's trend
 * (OLS of ln p50 on release date over the is_sota models, p50 <= 16 h).
 * The document's source is "published".
 */
int hz_fitdoc_load_published(hz_fitdoc **out, const char *path);

/* The document of a fit made in-process (hz_fit_runs / hz_fit_published). */
struct hz_fit;
int hz_fitdoc_from_fit(hz_fitdoc **out, const struct hz_fit *fit, const char *origin);

void hz_fitdoc_free(hz_fitdoc *doc);

/* "runs" or "published" (or whatever the file said). */
const char *hz_fitdoc_source(const hz_fitdoc *doc);
size_t hz_fitdoc_agent_count(const hz_fitdoc *doc);

/* The doubling time of the trend at `percent` (50 or 80). */
typedef struct hz_doubling {
	double days;      /* point estimate */
	double ci_low;    /* NAN when unknown */
	double ci_high;
	size_t n_agents;  /* agents the line was fitted on */
	const char *first_date; /* release-date span of those agents ("YYYY-MM-DD") */
	const char *last_date;
} hz_doubling;

/* 0 and *out filled, or HZ_ENOTFOUND when the document has no such trend. */
int hz_fitdoc_doubling(const hz_fitdoc *doc, int percent, hz_doubling *out);

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
int hz_report_render(const hz_fitdoc *doc, const hz_report_opts *opts, char **out, size_t *len);

/* Render and write atomically to `path`. */
int hz_report_write(const hz_fitdoc *doc, const hz_report_opts *opts, const char *path);

#endif
