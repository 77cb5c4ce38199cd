/*
 * The per-agent logistic regression (METHOD section 3), solved to the exact
 * optimum by Newton's method with step halving.  Rows are aggregated into
 * points (x, w1 = weight of successes, w0 = weight of failures), which is the
 * same objective as METR's row-by-row one and much less work.
 */
#include <float.h>
#include <math.h>

#include "fit_math.h"

#define GRAD_TOL 1e-12
#define MAX_ITERS 100
#define MAX_HALVINGS 60

typedef struct eval {
	double loss, ga, gb, haa, hab, hbb;
} eval;

static void evaluate(const double *x, const double *w1, const double *w0, size_t n, double lambda, double a,
		     double b, eval *e)
{
	double loss = 0, ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;

	for (size_t i = 0; i < n; i++) {
		double wt = w1[i] + w0[i], z, ez, p, lp, r, s;
		if (wt == 0)
			continue;
		z = a * x[i] + b;
		/* log(1 + e^z) and sigma(z) without overflow */
		if (z >= 0) {
			ez = exp(-z);
			p = 1.0 / (1.0 + ez);
			lp = z + log1p(ez);
		} else {
			ez = exp(z);
			p = ez / (1.0 + ez);
			lp = log1p(ez);
		}
		loss += wt * lp - w1[i] * z;
		r = wt * p - w1[i];
		ga += r * x[i];
		gb += r;
		s = wt * p * (1.0 - p);
		haa += s * x[i] * x[i];
		hab += s * x[i];
		hbb += s;
	}
	e->loss = loss + 0.5 * lambda * a * a;
	e->ga = ga + lambda * a;
	e->gb = gb;
	e->haa = haa + lambda;
	e->hab = hab;
	e->hbb = hbb;
}

void fit_logistic(const double *x, const double *w1, const double *w0, size_t n, double lambda, fit_logit *out)
{
	double a = 0, b = 0;
	eval cur, trial;
	int it;

	out->converged = 0;
	evaluate(x, w1, w0, n, lambda, a, b, &cur);
	for (it = 0; it < MAX_ITERS; it++) {
		double det, da, db, t = 1.0;
		int h;
		if (fabs(cur.ga) < GRAD_TOL && fabs(cur.gb) < GRAD_TOL) {
			out->converged = 1;
			break;
		}
		det = cur.haa * cur.hbb - cur.hab * cur.hab;
		if (!(det > 0) || !isfinite(det))
			break; /* curvature vanished (probabilities saturated): the best we can do */
		da = (cur.hbb * cur.ga - cur.hab * cur.gb) / det;
		db = (cur.haa * cur.gb - cur.hab * cur.ga) / det;
		/* safeguard: halve the step until the objective does not increase */
		for (h = 0; h < MAX_HALVINGS; h++, t *= 0.5) {
			evaluate(x, w1, w0, n, lambda, a - t * da, b - t * db, &trial);
			if (trial.loss <= cur.loss + 4 * DBL_EPSILON * fabs(cur.loss))
				break;
		}
		if (h == MAX_HALVINGS)
			break; /* no descent left at double precision */
		a -= t * da;
		b -= t * db;
		cur = trial;
	}
	out->a = a;
	out->b = b;
	out->iters = it;
}

double fit_horizon(double a, double b, double percent)
{
	double p = percent / 100.0;

	return exp2((log(p / (1.0 - p)) - b) / a);
}
