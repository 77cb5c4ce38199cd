/*
 * Likelihood-based horizons, the intervals an adaptive design keeps valid
 * (docs/adaptive.md): the unweighted per-run logistic fit of METR's model and
 * the profile-likelihood 95% interval of a horizon.  Used by `horizon fit`
 * for agents measured by an adaptive sweep, and by the adaptive sweeps
 * themselves (include/horizon/adaptive.h).
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

#endif
