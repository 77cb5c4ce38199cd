/*
 * Likelihood-based horizons, the intervals an adaptive design keeps valid
 * (docs/adaptive.md): the unweighted per-run logistic fit of METR's model and
 * the profile-likelihood 95% interval of a horizon.  Used by `horizon fit`
 * for agents measured by an adaptive sweep, and by the adaptive sweeps
 * themselves (include/horizon/adaptive.h); and the runs of a log as plain
 * per-agent lists, for replaying them.
 */
#ifndef HORIZON_FIT_LIK_H
#define HORIZON_FIT_LIK_H

#include <stddef.h>

/* The name fit.json and reports give this interval. */
#define HZ_FIT_LIK_INTERVAL "profile-likelihood"

typedef struct hz_fit_lik {
	double estimate;   /* minutes: 0 when every run failed, inf when every run succeeded, NaN without a trend */
	double low, high;  /* 95% profile-likelihood interval (0 / inf: unbounded on that side) */
	double a, b;       /* the fitted slope on log2(minutes) and intercept; NaN when not fitted */
} hz_fit_lik;

/*
 * Fit points x[i] = log2(minutes) with n1[i] successes and n0[i] failures
 * (counts, or fractional scores split as METR does), L2 penalty `lambda` on
 * the slope, and give the horizon at `percent` with its interval.  Returns 0,
 * or -1 when there is no data or percent is not in (0, 100).
 */
int hz_fit_lik_horizon(const double *x, const double *n1, const double *n0, size_t n, double lambda, double percent,
		       hz_fit_lik *out);

/* The same with the interval's ends where the profile deviance is `crit` (a calibrated level) instead of 3.84. */
int hz_fit_lik_horizon_crit(const double *x, const double *n1, const double *n0, size_t n, double lambda,
			    double percent, double crit, hz_fit_lik *out);

/*
 * The profile deviance 2 (l_max - max_{a <= 0} l(a, at horizon `minutes`)) of
 * a horizon at `percent`: how far the data put it from the estimate (3.84:
 * the end of the 95% interval).  NaN when there is no decreasing trend.
 */
double hz_fit_lik_deviance(const double *x, const double *n1, const double *n0, size_t n, double lambda,
			   double percent, double minutes);

/*
 * The runs of runs.jsonl files (or directories of them, as hz_fit_runs reads
 * them: superseded and error-only records dropped), per agent, for callers
 * that replay or refit them (`horizon adaptive-sim`).  score_col: NULL or
 * score_binarized | score_cont | score.
 */
typedef struct hz_fit_runset hz_fit_runset;

typedef struct hz_fit_run {
	const char *task_id, *family; /* owned by the set */
	double minutes, score;
} hz_fit_run;

int hz_fit_runset_load(hz_fit_runset **out, const char *const *inputs, size_t ninputs, const char *score_col);
void hz_fit_runset_free(hz_fit_runset *rs);
size_t hz_fit_runset_nagents(const hz_fit_runset *rs);
const char *hz_fit_runset_alias(const hz_fit_runset *rs, size_t agent);
/* The agent's runs in the order the files give them; returns how many. */
size_t hz_fit_runset_runs(const hz_fit_runset *rs, size_t agent, const hz_fit_run **runs);

#endif
