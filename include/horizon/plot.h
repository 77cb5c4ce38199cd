/*
 * Charts drawn by gnuplot from a fit (include/horizon/fit.h): the doubling chart (50% and
 * 80%), per-agent success curves, the catalogue's human-time histogram and
 * success rate by time bucket.  Each chart is a self-contained gnuplot script
 * (data inline) written beside the images it draws, so users can restyle and
 * re-run it: NAME.gp -> NAME.png and NAME.svg.
 */
#ifndef HORIZON_PLOT_H
#define HORIZON_PLOT_H

#include <stddef.h>

#include "horizon/report.h"

enum {
	HZ_CHART_DOUBLING50 = 1 << 0, /* doubling-50: p50 against release date, trend and band */
	HZ_CHART_DOUBLING80 = 1 << 1, /* doubling-80: the same for p80 */
	HZ_CHART_CURVES = 1 << 2,     /* success-<agent>: logistic curve and binned success rates */
	HZ_CHART_HIST = 1 << 3,       /* tasks-hist: human time of the catalogue's tasks */
	HZ_CHART_BUCKETS = 1 << 4,    /* buckets: success rate by time bucket, per agent */
	HZ_CHART_ALL = 0x1f
};

/*
 * Parse a comma-separated chart list: doubling, doubling50, doubling80,
 * curves, hist, buckets, all.  HZ_EUSAGE on an unknown name.
 */
int hz_plot_charts_parse(const char *spec, unsigned *out);

typedef struct hz_plot_opts {
	unsigned charts;             /* HZ_CHART_* bits; 0: doubling50|doubling80 */
	const char *out_dir;         /* created when missing; NULL: "." */
	int png;                     /* draw PNG (default when neither is set: both) */
	int svg;
	const char *title;           /* doubling chart title; NULL: a default */
	const hz_fit *published;     /* METR's published frontier to draw beside (hz_fit_published); may be NULL */
	const char *published_label; /* its key entry; NULL: "METR published" */
	const double *task_minutes;  /* human minutes of the catalogue's tasks, for hist */
	size_t ntasks;
	const char *gnuplot;         /* the program; NULL: $HORIZON_GNUPLOT or "gnuplot" */
	double timeout_s;            /* per chart; 0: 60 s */
} hz_plot_opts;

#define HZ_PLOT_OPTS_INIT { .charts = 0, .out_dir = NULL }

/* The files a call wrote, in order (scripts and images). */
typedef struct hz_plot_files {
	char **paths;
	size_t n;
} hz_plot_files;

#define HZ_PLOT_FILES_INIT { .paths = NULL, .n = 0 }

/*
 * Write and run the chart scripts.  A chart that has nothing to draw (no
 * trend for a doubling chart, no bins for a success curve, no tasks for the
 * histogram) is skipped without error unless it was the only one asked for,
 * in which case HZ_ENOTFOUND says why.  When gnuplot fails, its stderr is in
 * the message.  The paths written are appended to *files (may be NULL).
 */
int hz_plot_render(const hz_fit *fit, const hz_plot_opts *opts, hz_plot_files *files);

void hz_plot_files_release(hz_plot_files *files);

#endif
