/*
 * The inside of hz_fitdoc, shared by the report writers and the chart
 * scripts.  Numbers that the fit file gives as null are NAN here.
 */
#ifndef HZ_REPORT_FITDOC_H
#define HZ_REPORT_FITDOC_H

#include <stddef.h>

#include "horizon/report.h"

typedef struct hz_fd_horizon {
	double estimate;  /* minutes; NAN when absent */
	double ci_low;    /* NAN when absent */
	double ci_high;
	long bootstrap_n; /* -1 when absent */
} hz_fd_horizon;

typedef struct hz_fd_bin {
	double lo_minutes;
	double hi_minutes;
	long runs;
	long successes;
	double weighted_rate; /* NAN when absent */
} hz_fd_bin;

typedef struct hz_fd_agent {
	char *alias;
	char release_date[11]; /* "" when unknown */
	long release_days;     /* days since 1970-01-01; meaningful when release_date[0] */
	long runs, tasks, families, successes; /* -1 when absent */
	double weighted_success_rate;
	char *status;          /* "ok", "no_success", "all_success", "published", ... */
	char *note;            /* NULL when none */
	double slope, intercept; /* NAN when not fitted */
	hz_fd_horizon h[2];    /* [0]: 50%, [1]: 80% */
	hz_fd_bin *bins;
	size_t nbins;
	double input_tokens, output_tokens, total_tokens, cost_usd;
	int sota;
	int in_trend;
} hz_fd_agent;

typedef struct hz_fd_band {
	long days;
	double estimate, low, high; /* minutes */
} hz_fd_band;

typedef struct hz_fd_trend {
	int present;
	char **agents;
	size_t nagents;
	double slope_per_day;     /* of ln(minutes) */
	double intercept;         /* ln(minutes) at day 0 */
	double doubling_days;
	double doubling_ci_low;   /* NAN when unknown */
	double doubling_ci_high;
	double doubling_median;
	long bootstrap_n;
	hz_fd_band *band;
	size_t nband;
	char first_date[11], last_date[11]; /* release-date span of the agents */
} hz_fd_trend;

typedef struct hz_fd_excluded {
	char *alias;
	char *reason;
} hz_fd_excluded;

struct hz_fitdoc {
	char *origin;          /* file name, for messages */
	char *version;         /* horizon_version, or "" */
	char *method;
	char *source;          /* "runs" | "published" */
	char *benchmark_name;  /* published: METR's benchmark_name; NULL otherwise */
	long bootstrap;        /* params.bootstrap; -1 when absent */
	double confidence;     /* params.confidence; NAN when absent */
	char *weighting;       /* params.weighting or NULL */
	hz_fd_agent *agents;
	size_t nagents;
	hz_fd_trend trend[2];  /* [0]: 50%, [1]: 80% */
	hz_fd_excluded *excluded;
	size_t nexcluded;
	char **notes;          /* trend_notes */
	size_t nnotes;
};

/* Index 0 for 50, 1 for 80, -1 otherwise. */
int hz_fd_pindex(int percent);

/* An empty document with every number NAN; NULL on ENOMEM. */
hz_fitdoc *hz_fd_new(const char *origin);

/* Grow doc->agents by one zeroed agent (numbers NAN/-1); NULL on ENOMEM. */
hz_fd_agent *hz_fd_add_agent(hz_fitdoc *doc);

/* Fill trend[pi].first_date/last_date from the agents named in it. */
void hz_fd_trend_span(hz_fitdoc *doc, int pi);

/* The agent called `alias`, or NULL. */
const hz_fd_agent *hz_fd_find(const hz_fitdoc *doc, const char *alias);

/*
 * A number for tables: "%.0f" from 100 up, "%.1f" from 10, "%.2f" from 1,
 * "%.3g" below ("0.0123", "1.8e-06"); "" for NAN, "inf" for infinity.
 */
char *hz_fd_fmt_num(double x, char *out, size_t size);

/*
 * The shortest decimal ("%.15g" to "%.17g") that reads back as exactly `x`,
 * for machine-readable outputs: CSV, YAML, HTML data attributes.
 */
char *hz_fd_fmt_exact(double x, char *out, size_t size);

#endif
