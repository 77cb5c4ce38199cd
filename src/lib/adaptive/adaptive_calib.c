/*
 * The interval an adaptive sweep reports (docs/adaptive.md): the profile-
 * likelihood interval, its level calibrated by a parametric bootstrap that
 * replays the selection rule.
 *
 * The design chooses runs from the outcomes so far and stops when the
 * interval is narrow, which favours sweeps whose interval came out narrow by
 * chance: the plain likelihood-ratio interval then covers less than 95%.
 * So when a design stops, `calibrate` sweeps are simulated from its fitted
 * curve with the same rule, tasks, options and stopping (a sweep that
 * stopped on its run cap or budget replays with a cap of the runs it spent),
 * each sweep's profile deviance at the known horizon is taken, and the
 * reported interval's ends sit at the 95th percentile of those deviances
 * (never below chi2_1(0.95) = 3.84, the plain interval).  Deterministic: the
 * replays' seeds come from the design's seed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "adaptive_internal.h"
#include "horizon/error.h"
#include "strutil.h"

#define CHI2_1_95 3.841458820694124

typedef struct curve {
	double a, b;
	uint64_t seed;
	const hz_adaptive *ad;
} curve;

static int curve_outcome(void *ud, size_t task, int repeat, double *score, double *cost)
{
	const curve *c = ud;
	unsigned long long mix[3] = { (unsigned long long)c->seed, task, (unsigned long long)repeat };
	double u = (double)(hz_hash64(mix, sizeof(mix)) >> 11) * 0x1.0p-53;
	double z = c->a * c->ad->x[task] + c->b;

	*score = u < 1.0 / (1.0 + exp(-z)) ? 1 : 0;
	*cost = 0;
	return 0;
}

int adaptive_cmp_double(const void *pa, const void *pb)
{
	double x = *(const double *)pa, y = *(const double *)pb;

	return x < y ? -1 : x > y;
}

/* The 95th percentile of d[0..n) (NaN counts as a miss: +inf), at least chi2_1(0.95). */
static double crit_of(double *d, size_t n)
{
	double q;

	for (size_t i = 0; i < n; i++)
		if (isnan(d[i]))
			d[i] = INFINITY;
	qsort(d, n, sizeof(double), adaptive_cmp_double);
	q = d[(size_t)ceil(0.95 * (double)n) - 1];
	return q > CHI2_1_95 ? q : CHI2_1_95;
}

/* The 95th percentiles of the deviances at p50 and p80 of `n` replays of the rule on the curve (a, b). */
static int replay_crit(const hz_adaptive *ad, const hz_adaptive_opts *ro, double a, double b, size_t n, double *d50,
		       double *d80, double *c50, double *c80)
{
	hz_adaptive_opts o = *ro;
	double h50 = exp2(-b / a), h80 = exp2((log(4.0) - b) / a);
	int rc = 0;

	for (size_t i = 0; i < n && !rc; i++) {
		unsigned long long mix[3] = { (unsigned long long)ad->o.seed, i, 0xca1b };
		curve c = { a, b, hz_hash64(mix, sizeof(mix)), ad };
		hz_adaptive *r = NULL;
		o.seed = c.seed;
		if ((rc = hz_adaptive_new(&r, ad->tasks, ad->ntasks, &o)) == 0) {
			r->replay = 1;
			if ((rc = hz_adaptive_drive(r, curve_outcome, &c)) == 0) {
				d50[i] = hz_fit_lik_deviance(r->x, r->n1, r->n0, r->ntasks, o.lambda, 50, h50);
				d80[i] = hz_fit_lik_deviance(r->x, r->n1, r->n0, r->ntasks, o.lambda, 80, h80);
			}
		}
		hz_adaptive_free(r);
	}
	if (!rc) {
		*c50 = crit_of(d50, n);
		*c80 = crit_of(d80, n);
	}
	return rc;
}

int adaptive_calibrate(hz_adaptive *ad)
{
	hz_adaptive_opts o = ad->o;
	double a = ad->p50.a, b = ad->p50.b, *d50 = NULL, *d80 = NULL;
	size_t n = ad->o.calibrate;
	int rc = 0;

	ad->p50_lr = ad->p50;
	ad->p80_lr = ad->p80;
	ad->crit50 = ad->crit80 = CHI2_1_95;
	if (n == 0 || !(a < 0) || !isfinite(b) || ad->nruns == 0)
		return 0; /* no curve to replay: the plain interval (open on a side when the data are) */
	if (n < 20)
		n = 20;
	if (!(d50 = calloc(n, sizeof(double))) || !(d80 = calloc(n, sizeof(double)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	o.calibrate = 0;
	o.budget_usd = 0;
	if (ad->stop && strcmp(ad->stop, "target") && strcmp(ad->stop, "exhausted"))
		o.max_runs = ad->nruns; /* stopped by money or a cap: the replays spend as much */
	rc = replay_crit(ad, &o, a, b, n, d50, d80, &ad->crit50, &ad->crit80);
	if (rc)
		goto done;
	ad->calibrated = n;
	if (hz_fit_lik_horizon_crit(ad->x, ad->n1, ad->n0, ad->ntasks, ad->o.lambda, 50, ad->crit50, &ad->p50) ||
	    hz_fit_lik_horizon_crit(ad->x, ad->n1, ad->n0, ad->ntasks, ad->o.lambda, 80, ad->crit80, &ad->p80))
		rc = hz_error_set(HZ_ERROR, "the calibrated interval could not be computed");
done:
	free(d50);
	free(d80);
	return rc;
}
