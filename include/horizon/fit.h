/*
 * The time-horizon fitter: per-agent logistic fits of success on log2(human
 * minutes), 50%/80% horizons with METR's hierarchical bootstrap, and the
 * doubling time of the horizon across release dates, exactly as
 * docs/method.md describes.  `horizon fit`, `report`, `plot` and
 * `demo` call it in-process; docs/fit-json.md describes its JSON form.
 */
#ifndef HORIZON_FIT_H
#define HORIZON_FIT_H

#include <stddef.h>
#include <stdint.h>

typedef struct hz_fit hz_fit;

typedef enum hz_fit_weighting {
	HZ_FIT_WEIGHT_INVSQRT = 0, /* 1/(n(A,t) sqrt(F(A,f))), normalised per agent (METR's headline) */
	HZ_FIT_WEIGHT_EQUAL,       /* 1/(n(A,t) T_A): every task counts the same */
	HZ_FIT_WEIGHT_NONE         /* every run counts the same: 1/N_A */
} hz_fit_weighting;

/*
 * Method versions (docs/method.md section 11).  METR2025 is METR's public code
 * (eval-analysis-public 52d6b56, Jan-2025 data and the Mar-2025 paper, TH 1.0
 * and 1.1); METR2026 is horizon's reading of METR's 2026-03-03 regularization
 * fix: the L2 penalty applies per run (each agent's weights rescaled to sum to
 * its number of runs), which METR's note does not spell out.
 */
typedef enum hz_fit_method {
	HZ_FIT_METHOD_METR2025 = 0,
	HZ_FIT_METHOD_METR2026
} hz_fit_method;

const char *hz_fit_method_name(hz_fit_method m);        /* "metr-2025", "metr-2026" */
int hz_fit_method_parse(const char *name, hz_fit_method *out); /* HZ_EUSAGE when unknown */

#define HZ_FIT_MAX_PERCENTS 16

/* Called from worker threads (serialised) as bootstrap samples complete. */
typedef void (*hz_fit_progress_fn)(void *ud, size_t done, size_t total);

typedef struct hz_fit_opts {
	hz_fit_method method;
	hz_fit_weighting weighting;
	int recompute_weights;      /* 1: ignore the files' weight columns */
	double regularization;      /* L2 penalty on the slope (METR: 0.1); 0: none */
	const char *score_col;      /* score_binarized | score_cont | score */
	double success_percents[HZ_FIT_MAX_PERCENTS];
	size_t nsuccess;
	size_t bootstrap;           /* samples; 0: no bootstrap, no CIs */
	uint32_t seed;              /* sample i uses numpy default_rng(seed + i) */
	int jobs;                   /* worker threads; <= 0: number of CPUs */
	long after_days;            /* trend window [after, before), days since 1970-01-01 */
	long before_days;
	int trend;                  /* 1: fit the trend (needs release dates) */
	const char *release_dates;  /* YAML or JSON file: alias -> YYYY-MM-DD; may be NULL */
	const char *const *exclude_agents; /* aliases dropped before anything else */
	size_t nexclude;
	const char *const *exclude_families; /* task families dropped before anything else */
	size_t nexclude_families;
	int baseline_lengths_only;  /* 1: only runs whose record says human_source "baseline" */
	double budget_usd;          /* > 0: a run succeeds only within this dollar_equivalent */
	double budget_tokens;       /* > 0: ... within this total_tokens (runs without it are dropped) */
	double budget_minutes;      /* > 0: ... within this working time (working_s, else completed-started) */
	int sensitivity;            /* 1: refit under each variation (hz_fit_variant_at) */
	double simex_sd;            /* the panel's SIMEX: assumed SD of log2(human minutes); 0: skip */
	double length_noise_sd;     /* add N(0, sd^2) to each task's log2(minutes) (SIMEX's refits) */
	uint32_t length_noise_seed; /* the noise's numpy default_rng seed */
	int keep_samples;           /* 1: keep per-sample horizons (hz_fit_write_bootstrap_csv) */
	hz_fit_progress_fn progress;
	void *progress_ud;
} hz_fit_opts;

#define HZ_FIT_DEFAULT_AFTER 17897L  /* 2019-01-01 */
#define HZ_FIT_DEFAULT_BEFORE 21915L /* 2030-01-01 */

#define HZ_FIT_OPTS_INIT                                                                     \
	{ .method = HZ_FIT_METHOD_METR2025, .weighting = HZ_FIT_WEIGHT_INVSQRT, .regularization = 0.1, .score_col = "score_binarized", \
	  .success_percents = { 50, 80 }, .nsuccess = 2, .bootstrap = 1000, .seed = 42,          \
	  .simex_sd = 1.0, .after_days = HZ_FIT_DEFAULT_AFTER, .before_days = HZ_FIT_DEFAULT_BEFORE, .trend = 1 }

typedef enum hz_fit_status {
	HZ_FIT_OK = 0,
	HZ_FIT_NO_SUCCESS,   /* every run failed: horizon 0 (docs/method.md section 3) */
	HZ_FIT_ALL_SUCCESS,  /* every run succeeded: no finite horizon can be estimated */
	HZ_FIT_PUBLISHED     /* numbers taken from a published results file */
} hz_fit_status;

/* "ok", "no_success", "all_success", "published": the status as fit.json spells it. */
const char *hz_fit_status_name(hz_fit_status status);

typedef struct hz_fit_horizon {
	double percent;      /* 50, 80, ... */
	double estimate;     /* minutes; the full-data fit, not the bootstrap median */
	double ci_low;       /* NaN when there is no bootstrap value */
	double ci_high;
	size_t bootstrap_n;  /* samples with a value (NaN samples ignored) */
} hz_fit_horizon;

/* One bin of an agent's runs by human time (for success-curve charts). */
typedef struct hz_fit_bin {
	double lo, hi;              /* human minutes, lo < hi */
	size_t runs;
	double successes;           /* Σ y of the bin's runs */
	double weighted_rate;       /* NaN when the bin has no weight */
} hz_fit_bin;

/* One point of a trend's bootstrap band. */
typedef struct hz_fit_band_point {
	long day;                   /* days since 1970-01-01 */
	double estimate, low, high; /* minutes */
} hz_fit_band_point;

/*
 * Cost per doubling (docs/method.md section 12): how the cost of an agent's
 * successful run grows with task length.  The slope of ln(dollar_equivalent)
 * on log2(human_minutes) over the agent's successful runs with a positive
 * cost, each weighted by its fit weight times its score (the weights the fit
 * gives its successes), by weighted least squares.  factor = e^slope is the
 * multiplier per doubling of task length; its CI comes from the same
 * hierarchical bootstrap samples as the horizons' (same seeds, same weights).
 */
typedef struct hz_fit_cost_doubling {
	double factor;              /* per doubling of human minutes; NaN: not available (see note) */
	double ci_low, ci_high;     /* 95% bootstrap CI of the factor; NaN without a bootstrap */
	size_t bootstrap_n;         /* samples with a value */
	double usd_at_p50;          /* the fitted cost of a successful run at the p50 length */
	double usd_per_doubling;    /* usd_at_p50 * (factor - 1): dollars added by doubling from p50 */
	size_t runs;                /* successful runs with a positive cost it is fitted on */
	const char *note;           /* NULL, or why the factor is not available */
} hz_fit_cost_doubling;

/* One agent's result.  All pointers belong to the hz_fit. NaN means unknown. */
typedef struct hz_fit_agent {
	const char *alias;
	const char *release_date;   /* "YYYY-MM-DD" or NULL */
	long release_days;          /* days since 1970-01-01; meaningful when release_date */
	size_t runs, tasks, families;
	double successes;           /* Σ y (fractional with partial-credit scores) */
	double weighted_success_rate;
	hz_fit_status status;
	const char *note;           /* NULL or a one-line explanation */
	double slope, intercept;    /* logistic coefficients; NaN when not fitted */
	const hz_fit_horizon *horizons; /* one per success percent, in option order */
	size_t nhorizons;
	int is_human;               /* alias "human": fitted, never in a trend */
	int sota;                   /* selected as SOTA for the trend */
	int in_trend;               /* used by the 50% trend line */
	double input_tokens, output_tokens, total_tokens, cost_usd;
	hz_fit_cost_doubling cost_doubling;
	const hz_fit_bin *bins;     /* by human time, ascending; may be none */
	size_t nbins;
	const char *design;         /* "full", or "adaptive" (its records say "design": "adaptive") */
	const char *interval;       /* of its horizons: "hierarchical-bootstrap", "profile-likelihood"
				       (an adaptive sweep's agent: unweighted per-run fit), or "none" */
} hz_fit_agent;

typedef struct hz_fit_trend {
	double percent;
	const char *const *agents;  /* aliases the line was fitted on */
	size_t nagents;
	double slope_per_day;       /* of ln(minutes) */
	double intercept;           /* ln(minutes) at 1970-01-01 */
	double doubling_days;       /* ln 2 / slope, point estimate */
	double ci_low, ci_high;     /* 2.5 / 97.5 percentiles of bootstrap doubling times */
	double bootstrap_median;
	size_t bootstrap_n;         /* samples kept (>= 2 agents, doubling time > 0) */
	const hz_fit_band_point *band; /* the bootstrap band over the agents' dates; may be none */
	size_t nband;
} hz_fit_trend;

/*
 * Said wherever a doubling time is printed whose point estimate lies outside
 * its own bootstrap CI (METR's January 2025 data: 60 days, CI 61-296).
 */
#define HZ_FIT_OUTSIDE_CI_NOTE                                                                     \
	"the point estimate lies outside its bootstrap CI: it is the fit on all the data, while each " \
	"bootstrap sample resamples families, tasks and runs and so picks its own SOTA agents and "    \
	"fits, whose doubling times need not surround the full-data one"

/*
 * Fit runs.jsonl files (or directories holding runs.jsonl files, depth <= 3,
 * sorted).  On success *out is a new fit owned by the caller (hz_fit_free).
 * Errors name file, line and field (HZ_EINVALID), or the file (HZ_ENOTFOUND, HZ_EIO).
 */
int hz_fit_runs(hz_fit **out, const char *const *inputs, size_t ninputs, const hz_fit_opts *opts);

/*
 * The trend from METR's published benchmark_results YAML (docs/method.md section 10):
 * per-model horizons and is_sota flags from the file, no runs, no bootstrap.
 */
int hz_fit_published(hz_fit **out, const char *yaml_path, const hz_fit_opts *opts);

void hz_fit_free(hz_fit *fit);

size_t hz_fit_nagents(const hz_fit *fit);
const hz_fit_agent *hz_fit_agent_at(const hz_fit *fit, size_t i);

/* The trend for success_percents[k], or NULL when it was not fitted. */
const hz_fit_trend *hz_fit_trend_at(const hz_fit *fit, size_t k);
size_t hz_fit_npercents(const hz_fit *fit);

/* success_percents[k] of the options the fit was made (or read) with. */
double hz_fit_percent(const hz_fit *fit, size_t k);

/* The trend at `percent` (50, 80, ...), or NULL when it was not fitted. */
const hz_fit_trend *hz_fit_trend_for(const hz_fit *fit, double percent);

/* An agent's horizon at `percent`, or NULL when the fit has no such percent. */
const hz_fit_horizon *hz_fit_agent_horizon(const hz_fit_agent *agent, double percent);

/* The agent called `alias`, or NULL. */
const hz_fit_agent *hz_fit_find_agent(const hz_fit *fit, const char *alias);

/*
 * The options the fit was made with (for a fit read from JSON: the file's
 * params; pointers belong to the fit).
 */
const hz_fit_opts *hz_fit_params(const hz_fit *fit);

/* 1 for a fit of METR's published results (hz_fit_published), 0 for one of runs. */
int hz_fit_is_published(const hz_fit *fit);

/*
 * What the fit was made from, for messages and report footers: the fit file
 * it was read from, the published results file, the one runs input, or
 * "run logs"; hz_fit_set_origin replaces it (HZ_ENOMEM).
 */
const char *hz_fit_origin(const hz_fit *fit);
int hz_fit_set_origin(hz_fit *fit, const char *origin);

/* Agents left out of the trend, each with the reason. */
size_t hz_fit_nexcluded(const hz_fit *fit);
const char *hz_fit_excluded_alias(const hz_fit *fit, size_t i);
const char *hz_fit_excluded_reason(const hz_fit *fit, size_t i);

/* Notes about the trend selection (trend_notes in the JSON). */
size_t hz_fit_ntrend_notes(const hz_fit *fit);
const char *hz_fit_trend_note(const hz_fit *fit, size_t i);

/* Notes for the user (excluded records, dropped agents, warnings), in order. */
size_t hz_fit_nnotes(const hz_fit *fit);
const char *hz_fit_note(const hz_fit *fit, size_t i);

/* Total records used in the fit (after exclusions). */
size_t hz_fit_nruns(const hz_fit *fit);

/*
 * The sensitivity panel (opts.sensitivity; docs/fit.md SENSITIVITY): the same
 * runs refitted, point estimates only, under one change each.  `horizons` has
 * hz_fit_nagents() * hz_fit_npercents() values in the order of
 * hz_fit_agent_at() and of the success percents (NaN: the agent has no
 * horizon in this variation, e.g. all its runs were left out); `doubling_days`
 * one per percent (NaN without a trend).
 */
typedef struct hz_fit_variant {
	const char *group;          /* "method", "regularization", "weighting", "score", "lengths", "family" */
	const char *name;           /* e.g. "metr-2026", "none", "equal", "score_cont", "baselined", a family */
	const char *error;          /* NULL, or why this variation could not be fitted */
	const double *horizons;
	const double *doubling_days;
	size_t runs;                /* runs used */
} hz_fit_variant;

/*
 * METR's empirical success rates by length (wrangle/logistic.py): buckets
 * [1, 4), [4, 16), [16, 64), [64, 256), [256, 960), [960, 2880) minutes,
 * b = 0..5, with the weighted rate Σwy/Σw of the agent's runs in the bucket
 * (NaN when it has none) and the fitted curve at the bucket's geometric middle.
 */
#define HZ_FIT_METR_BUCKETS 6
typedef struct hz_fit_bucket {
	double lo_minutes, hi_minutes;
	size_t runs;
	double empirical, fitted;
} hz_fit_bucket;
int hz_fit_metr_bucket(const hz_fit *fit, size_t agent, size_t b, hz_fit_bucket *out);

size_t hz_fit_nvariants(const hz_fit *fit);

/*
 * The panel as report columns: one per variation, except that the "family"
 * variations make one column (the range over the families left out).
 * Fills at most `max`; returns the number of columns.
 */
typedef struct hz_fit_sens_column {
	char label[32];             /* "metr-2026", "reg none", "w equal", "score_cont", "baselined", "simex sd 1", "-family" */
	size_t first, n;            /* the column's variants: [first, first + n) */
} hz_fit_sens_column;
size_t hz_fit_sensitivity_columns(const hz_fit *fit, hz_fit_sens_column *cols, size_t max);
/*
 * Agent `agent`'s horizon at percent index k under the column, as the min
 * and max over its variants (equal for one variant), or with agent ==
 * SIZE_MAX the doubling time; NaN when no variant has a value.  Returns 1
 * when a variant of the column could not be fitted, else 0.
 */
int hz_fit_sensitivity_range(const hz_fit *fit, const hz_fit_sens_column *c, size_t agent, size_t k, double *lo,
			     double *hi);
/*
 * The column's cell as text: for an agent the ratio to `ref` (its headline
 * horizon) "0.83x", or for the family column the range "0.67-1.37x"; with
 * agent == SIZE_MAX the doubling time "79 d" ("58-61 d"); "n/a" when the
 * variation could not be fitted, "-" when there is no value.
 */
void hz_fit_sensitivity_cell(const hz_fit *fit, const hz_fit_sens_column *c, size_t agent, size_t k, double ref,
			     char *out, size_t size);
hz_fit_method hz_fit_method_of(const hz_fit *fit);  /* the method version the fit used */
const hz_fit_variant *hz_fit_variant_at(const hz_fit *fit, size_t i);

/*
 * For a fit from a published results file: the doubling times (days) METR's
 * two windows give, mine[0] all time (from 2019) and mine[1] from 2023 on
 * (is_sota models, p50 <= 16 h), and the file's own figures in file[0..1]
 * (NaN when the file has none).  HZ_EUSAGE for a fit made from runs.
 */
int hz_fit_published_doubling(const hz_fit *fit, double mine[2], double file[2]);

/*
 * METR-ready export (docs/export.md): the runs of `inputs` (files or
 * directories, as hz_fit_runs reads them; not "-") written to out_path as
 * METR's pipeline loads them: error records dropped, each run_id once (the
 * last non-error record), every field kept, equal_task_weight and
 * invsqrt_task_weight computed over the exported runs as METR's
 * compute_task_weights.py does.  dates_path (may be NULL) gets a METR
 * release_dates.yaml: the dates of release_dates_in (may be NULL; YAML or
 * JSON as for hz_fit_opts.release_dates), else the records' release_date.
 */
typedef struct hz_fit_export_stats {
	size_t runs, agents, agents_dated, error_runs, superseded;
} hz_fit_export_stats;
int hz_fit_export_metr(const char *const *inputs, size_t ninputs, const char *out_path, const char *dates_path,
		       const char *release_dates_in, hz_fit_export_stats *st);

/* Significant digits of the numbers in the JSON form: what a fit file holds and reports show. */
#define HZ_FIT_JSON_DIGITS 12

/* The complete result as JSON (docs/fit-json.md); *out is a heap string for the caller. */
int hz_fit_to_json(const hz_fit *fit, char **out);

/* Write the JSON to `path` atomically. */
int hz_fit_write_json(const hz_fit *fit, const char *path);

/*
 * Read the JSON form back (a fit file from `horizon fit --json`, any success
 * percents): *out is a new fit owned by the caller, equal to the one written
 * (numbers to the 12 significant digits the file holds), without bootstrap
 * samples.  Fields the file lacks take their defaults (HZ_FIT_OPTS_INIT,
 * NaN, 0).  Errors (HZ_EINVALID) name `origin`, the JSON line or the field
 * ("fit.json: agents[3] 'gpt-4': 'runs' must be ...").
 */
int hz_fit_from_json(hz_fit **out, const char *text, size_t len, const char *origin);

/* The same from a file (HZ_ENOTFOUND, HZ_EIO name it); the fit's origin is `path`. */
int hz_fit_read_json(hz_fit **out, const char *path);

/*
 * Per-sample horizons as CSV: sample,alias,p50,p80,... (one row per sample
 * and agent; empty cell for no value).  Needs opts.keep_samples.
 */
int hz_fit_write_bootstrap_csv(const hz_fit *fit, const char *path);

#endif
