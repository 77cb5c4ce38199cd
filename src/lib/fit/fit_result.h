/*
 * The inside of the hz_fit result (fit_result.c) and what fit.c, published.c,
 * trend.c and the JSON writer and reader share to build it.
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_RESULT_H
#define HZ_FIT_RESULT_H

#include <stddef.h>

#include "fit_table.h"
#include "horizon/fit.h"

typedef struct fit_trend_full {
	hz_fit_trend pub;
	int fitted;
	char **agents;             /* pub.agents; the strings belong to the fit */
	hz_fit_band_point *band;   /* pub.band */
	size_t nband;
} fit_trend_full;

typedef struct fit_excluded {
	char *alias;
	char *reason;
} fit_excluded;

struct hz_fit {
	int published;
	char *published_path;
	char *origin;              /* hz_fit_origin; NULL: derived from the inputs */
	hz_fit_opts opts;          /* copy; pointers below are owned copies */
	char *score_col;
	char *release_dates_path;
	fit_input *inputs;
	size_t ninputs;
	size_t nruns, n_error, n_superseded, n_excluded_agent;
	size_t n_excluded_family, n_over_budget, n_no_tokens;
	int weights_from_file;
	hz_fit_agent *agents;
	size_t nagents;
	char **strings;            /* owned strings the agents point into */
	size_t nstrings, capstrings;
	hz_fit_horizon *horizons;  /* nagents * np */
	hz_fit_bin *bins;
	size_t *bin0;              /* agent a's bins: bins[bin0[a] .. bin0[a+1]) */
	double *samples;           /* nboot * nagents * np, or NULL */
	size_t nsamples;
	fit_trend_full trends[HZ_FIT_MAX_PERCENTS];
	char **notes;
	size_t nnotes;
	fit_excluded *excluded;
	size_t nexcluded;
	char **trend_notes;
	size_t ntrend_notes;
	hz_fit_bin *mbuckets;      /* nagents * HZ_FIT_METR_BUCKETS: METR's length buckets, or NULL */
	double *mfitted;           /* the same shape: the fitted curve at each bucket's middle */
	struct fit_variant_full *variants; /* the sensitivity panel (fit_method.h) */
	size_t nvariants;
	/* --published: the doubling times METR's own windows give, and the file's */
	double pub_all_time, pub_from_2023, file_all_time, file_from_2023;
	double file_from_2023_lo, file_from_2023_hi;
};

/* fit.c helpers shared with published.c and trend.c */
hz_fit *fit_new(const hz_fit_opts *opts);
int fit_add_note(hz_fit *fit, char ***list, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int fit_exclude(hz_fit *fit, const char *alias, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char *fit_keep(hz_fit *fit, const char *s);   /* an owned copy, freed with the fit */

/* trend.c */
/*
 * Select the SOTA agents (METHOD section 6) or, when `use_flags`, the agents
 * already flagged sota; fit every percent's line and its bootstrap.
 */
int fit_trend_compute(hz_fit *fit, int use_flags, double max_p50);

/* lik_agents.c: agents measured by an adaptive sweep (docs/adaptive.md) get profile-likelihood
 * horizons and intervals; every agent gets its design and the name of its interval. */
int fit_lik_agents(hz_fit *fit, const fit_table *t, const uint32_t *order);

#endif
