/*
 * The numbers of the method: weights (weights.c), the logistic fit (logistic.c) and
 * statistics (stats.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_MATH_H
#define HZ_FIT_MATH_H

#include <stddef.h>

#include "fit_table.h"
#include "horizon/fit.h"

/* weights.c */
/* Recompute per-row weights (METHOD section 2) into w[t->n]. */
int fit_weights_compute(const fit_table *t, hz_fit_weighting how, double *w);

/* logistic.c */
typedef struct fit_logit {
	double a, b;     /* slope on log2(minutes), intercept */
	int iters;
	int converged;
} fit_logit;

/*
 * Minimise Σ_p [(w1+w0) log(1+e^z) - w1 z] + lambda/2 a², z = a x + b, by
 * Newton's method from (0,0) with step halving, to max |grad| < 1e-12.
 * w1[p] is the weight of successes at x[p], w0[p] that of failures.
 */
void fit_logistic(const double *x, const double *w1, const double *w0, size_t n, double lambda,
		  fit_logit *out);
/* The horizon in minutes at success probability percent/100. */
double fit_horizon(double a, double b, double percent);

/* stats.c */
/* numpy.quantile(v, q, method='linear') of m sorted values (NaN when m == 0). */
double fit_quantile_sorted(const double *v, size_t m, double q);
/* Sort a copy without NaNs and take the quantile (numpy.nanquantile). */
double fit_nanquantile(const double *v, size_t m, size_t stride, double q, size_t *nvalid);
/* OLS y = a + b x; returns 0, or -1 when x has no spread. */
int fit_ols(const double *x, const double *y, size_t n, double *slope, double *intercept);
double fit_round6(double v);

#endif
