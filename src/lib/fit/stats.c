/* Quantiles as numpy computes them (linear, type 7), ordinary least squares, 6-dp rounding. */
#include <math.h>
#include <stdlib.h>

#include "fit_math.h"

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/* numpy's _lerp: a + t (b - a), computed from the nearer end for t >= 0.5. */
static double lerp(double a, double b, double t)
{
	double diff = b - a;

	if (t == 0)
		return a;
	if (t >= 0.5)
		return b - diff * (1.0 - t);
	return a + diff * t;
}

double fit_quantile_sorted(const double *v, size_t m, double q)
{
	double pos, frac;
	size_t lo;

	if (m == 0)
		return NAN;
	pos = q * (double)(m - 1);
	lo = (size_t)floor(pos);
	if (lo >= m - 1)
		return v[m - 1];
	frac = pos - (double)lo;
	if (isinf(v[lo]) && v[lo] == v[lo + 1])
		return v[lo];
	return lerp(v[lo], v[lo + 1], frac);
}

double fit_nanquantile(const double *v, size_t m, size_t stride, double q, size_t *nvalid)
{
	double *tmp = malloc((m + 1) * sizeof(*tmp)), r;
	size_t k = 0;

	if (!tmp) {
		if (nvalid)
			*nvalid = 0;
		return NAN;
	}
	for (size_t i = 0; i < m; i++)
		if (!isnan(v[i * stride]))
			tmp[k++] = v[i * stride];
	qsort(tmp, k, sizeof(*tmp), cmp_double);
	r = fit_quantile_sorted(tmp, k, q);
	if (nvalid)
		*nvalid = k;
	free(tmp);
	return r;
}

int fit_ols(const double *x, const double *y, size_t n, double *slope, double *intercept)
{
	double mx = 0, my = 0, sxx = 0, sxy = 0;

	if (n < 2)
		return -1;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	for (size_t i = 0; i < n; i++) {
		sxx += (x[i] - mx) * (x[i] - mx);
		sxy += (x[i] - mx) * (y[i] - my);
	}
	if (!(sxx > 0))
		return -1;
	*slope = sxy / sxx;
	*intercept = my - *slope * mx;
	return 0;
}

double fit_round6(double v)
{
	if (!isfinite(v))
		return v;
	return nearbyint(v * 1e6) / 1e6;
}
