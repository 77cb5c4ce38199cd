/*
 * Likelihood-based horizons for adaptive designs (docs/adaptive.md).
 *
 * An adaptive sweep chooses its next tasks from the outcomes so far, so the
 * hierarchical bootstrap's picture (tasks drawn independently of the agent)
 * no longer holds.  The likelihood still does: the design only depends on
 * past outcomes, so it factors out of the likelihood (the design is
 * "ignorable") and likelihood-ratio intervals keep their coverage.  The fit
 * here is the unweighted per-run logistic regression of METR's model
 * (section 3, same L2 penalty on the slope), and the 95% interval of each
 * horizon is the profile-likelihood interval of log2(h_p):
 *
 *     { t : 2 (l(a^, b^) - max_{a <= 0} l(a, L_p - a t)) <= chi2_1(0.95) }
 *
 * with l the penalised log-likelihood and L_p = logit(p), under the model's
 * constraint that success does not rise with length (a <= 0).
 */
#include <math.h>

#include "fit_math.h"
#include "horizon/fit_lik.h"

#define CHI2_1_95 3.841458820694124
#define SEARCH_SPAN 24.0 /* log2 units beyond the data where a bound counts as unbounded */
#define SEARCH_STEP 0.25
#define BISECTIONS 30

typedef struct lik {
	const double *x, *n1, *n0;
	size_t n;
	double lambda;
	double logit;  /* L_p */
	double crit;   /* the deviance an interval's ends sit at */
} lik;

/* log sigma(z) and log(1 - sigma(z)) without overflow. */
static void log_sig(double z, double *l1, double *l0)
{
	if (z >= 0) {
		double e = log1p(exp(-z));
		*l1 = -e;
		*l0 = -z - e;
	} else {
		double e = log1p(exp(z));
		*l1 = z - e;
		*l0 = -e;
	}
}

static double sigma(double z)
{
	return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

/* Penalised log-likelihood at z = a (x - t) + L. */
static double loglik_at(const lik *L, double a, double t)
{
	double s = -0.5 * L->lambda * a * a;

	for (size_t i = 0; i < L->n; i++) {
		double l1, l0;
		if (L->n1[i] + L->n0[i] == 0)
			continue;
		log_sig(a * (L->x[i] - t) + L->logit, &l1, &l0);
		s += L->n1[i] * l1 + L->n0[i] * l0;
	}
	return s;
}

/*
 * max over a <= 0 of the log-likelihood with the horizon fixed at t.  Concave
 * in a (strictly, with lambda > 0): Newton with step halving, clamped at 0.
 * *a is the start and gets the maximiser.
 */
static double profile_at(const lik *L, double t, double *a)
{
	double cur = *a < 0 ? *a : -0.5, f = loglik_at(L, cur, t);

	for (int it = 0; it < 60; it++) {
		double g = -L->lambda * cur, h = -L->lambda, step, next, fn;
		for (size_t i = 0; i < L->n; i++) {
			double nt = L->n1[i] + L->n0[i], d = L->x[i] - t, p;
			if (nt == 0)
				continue;
			p = sigma(cur * d + L->logit);
			g += (L->n1[i] - nt * p) * d;
			h -= nt * p * (1 - p) * d * d;
		}
		if (fabs(g) < 1e-10)
			break;
		step = h < 0 ? -g / h : (g > 0 ? 1.0 : -1.0);
		for (int k = 0; k < 50; k++, step *= 0.5) {
			next = cur + step;
			if (next > 0)
				next = 0;
			fn = loglik_at(L, next, t);
			if (fn >= f - 1e-12 * fabs(f))
				break;
		}
		if (next == cur)
			break;
		cur = next;
		f = fn;
		if (cur == 0 && g > 0)
			break; /* the maximum is on the boundary */
	}
	*a = cur;
	return f;
}

/* The penalised maximum over a <= 0 and any b; *t gets -b/a-style horizon (log2 minutes) or +-inf / NaN. */
static double maximum(const lik *L, double *t, fit_logit *fl)
{
	double n1 = 0, n0 = 0, best;

	for (size_t i = 0; i < L->n; i++) {
		n1 += L->n1[i];
		n0 += L->n0[i];
	}
	fl->a = fl->b = NAN;
	fl->iters = 0;
	fl->converged = 0;
	if (n1 == 0 || n0 == 0) {
		*t = n1 == 0 ? -INFINITY : INFINITY; /* the supremum is 0, reached only in the limit */
		return 0;
	}
	fit_logistic(L->x, L->n1, L->n0, L->n, L->lambda, fl);
	if (fl->a < 0 && isfinite(fl->b)) {
		*t = (L->logit - fl->b) / fl->a;
		return loglik_at(L, fl->a, *t);
	}
	/* No decreasing trend: the constrained maximum is the flat curve a = 0. */
	best = n1 * log(n1 / (n1 + n0)) + n0 * log(n0 / (n1 + n0));
	*t = NAN;
	return best;
}

/*
 * Walk from t0 in direction dir (+1 / -1) until the deviance passes the
 * threshold, then bisect.  Returns the bound, or +-inf when the deviance stays
 * below the threshold up to SEARCH_SPAN beyond the data.
 */
static double bound(const lik *L, double lmax, double t0, double dir, double limit, double a0)
{
	double inside = t0, a = a0, t = t0, outside;

	for (;;) {
		t += dir * SEARCH_STEP;
		if ((dir > 0 && t > limit) || (dir < 0 && t < limit))
			return dir * INFINITY;
		if (2 * (lmax - profile_at(L, t, &a)) > L->crit)
			break;
		inside = t;
	}
	outside = t;
	for (int k = 0; k < BISECTIONS; k++) {
		double mid = 0.5 * (inside + outside);
		if (2 * (lmax - profile_at(L, mid, &a)) > L->crit)
			outside = mid;
		else
			inside = mid;
	}
	return 0.5 * (inside + outside);
}

int hz_fit_lik_horizon(const double *x, const double *n1, const double *n0, size_t n, double lambda, double percent,
		       hz_fit_lik *out)
{
	return hz_fit_lik_horizon_crit(x, n1, n0, n, lambda, percent, CHI2_1_95, out);
}

double hz_fit_lik_deviance(const double *x, const double *n1, const double *n0, size_t n, double lambda,
			   double percent, double minutes)
{
	lik L = { x, n1, n0, n, lambda, 0, CHI2_1_95 };
	double p = percent / 100.0, t, lmax, a = -0.5;
	fit_logit fl;

	if (!(p > 0 && p < 1) || !(minutes > 0) || !isfinite(minutes))
		return NAN;
	L.logit = log(p / (1 - p));
	lmax = maximum(&L, &t, &fl);
	if (isnan(t))
		return NAN;
	if (isfinite(t))
		a = fl.a;
	return fmax(0, 2 * (lmax - profile_at(&L, log2(minutes), &a)));
}

int hz_fit_lik_horizon_crit(const double *x, const double *n1, const double *n0, size_t n, double lambda,
			    double percent, double crit, hz_fit_lik *out)
{
	lik L = { x, n1, n0, n, lambda, 0, crit > 0 ? crit : CHI2_1_95 };
	double xmin = INFINITY, xmax = -INFINITY, t, lmax, t0, a = -0.5;
	double p = percent / 100.0;
	fit_logit fl;

	out->estimate = out->low = out->high = NAN;
	out->a = out->b = NAN;
	if (!(p > 0 && p < 1))
		return -1;
	L.logit = log(p / (1 - p));
	for (size_t i = 0; i < n; i++)
		if (n1[i] + n0[i] > 0) {
			xmin = fmin(xmin, x[i]);
			xmax = fmax(xmax, x[i]);
		}
	if (!(xmin <= xmax))
		return -1;
	lmax = maximum(&L, &t, &fl);
	out->a = fl.a;
	out->b = fl.b;
	if (isnan(t)) {
		out->low = 0;
		out->high = INFINITY;
		return 0;
	}
	/* All successes (failures): start a little beyond the longest (shortest) task, inside the interval. */
	t0 = isfinite(t) ? t : (t > 0 ? xmax + 4 : xmin - 4);
	if (isfinite(t))
		a = out->a;
	else
		profile_at(&L, t0, &a);
	out->estimate = exp2(t);
	out->low = exp2(t > -INFINITY ? bound(&L, lmax, t0, -1, xmin - SEARCH_SPAN, a) : -INFINITY);
	out->high = exp2(t < INFINITY ? bound(&L, lmax, t0, +1, xmax + SEARCH_SPAN, a) : INFINITY);
	return 0;
}
