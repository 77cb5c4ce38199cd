/*
 * The trend (METHOD section 6): SOTA selection on the rounded p50 point
 * estimates, OLS of ln(horizon) on release day, doubling time ln 2 / slope,
 * its bootstrap median and 95% percentiles, and the bootstrap band of the line.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit_math.h"
#include "fit_result.h"
#include "horizon/error.h"
#include "strutil.h"

#define CLIP 1e-3
#define BAND_POINTS 60

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/* The index of the percent that selects SOTA agents: 50 when asked for, else the first. */
static size_t selector(const hz_fit *fit)
{
	for (size_t k = 0; k < fit->opts.nsuccess; k++)
		if (fit->opts.success_percents[k] == 50)
			return k;
	return 0;
}

/* Mark the agents that may enter a trend; say why the others do not. */
static int eligible(hz_fit *fit, int *ok, double max_p50, size_t sel)
{
	char a_txt[11], b_txt[11];
	int err = 0;

	hz_fmt_date(fit->opts.after_days, a_txt);
	hz_fmt_date(fit->opts.before_days, b_txt);
	for (size_t i = 0; i < fit->nagents && !err; i++) {
		const hz_fit_agent *ag = &fit->agents[i];
		double p = ag->horizons[sel].estimate;
		ok[i] = 0;
		if (ag->is_human)
			err = fit_exclude(fit, ag->alias, "human baseline: not part of trend fits");
		else if (ag->status == HZ_FIT_NO_SUCCESS)
			err = fit_exclude(fit, ag->alias, "no successful run: horizon 0 with no bootstrap values");
		else if (ag->status == HZ_FIT_ALL_SUCCESS)
			err = fit_exclude(fit, ag->alias, "every run succeeded: no finite horizon");
		else if (!ag->release_date)
			err = fit_exclude(fit, ag->alias, "no release date");
		else if (ag->release_days < fit->opts.after_days || ag->release_days >= fit->opts.before_days)
			err = fit_exclude(fit, ag->alias, "released %s, outside the trend window [%s, %s)",
					  ag->release_date, a_txt, b_txt);
		else if (!isfinite(p) || isnan(p))
			err = fit_exclude(fit, ag->alias, "no finite horizon estimate");
		else if (p > max_p50)
			err = fit_exclude(fit, ag->alias, "p50 %.4g min is above the %.0f-minute cut-off", p, max_p50);
		else
			ok[i] = 1;
	}
	return err;
}

/* Running maximum over release dates (ties count as SOTA), on 6-dp rounded estimates. */
static int select_sota(hz_fit *fit, int *ok, size_t sel)
{
	double best = -INFINITY;
	size_t n = fit->nagents;

	/* agents are in release-date order; treat each date as a block */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		double top = -INFINITY;
		for (; j < n && (fit->agents[j].release_days == fit->agents[i].release_days); j++)
			if (ok[j])
				top = fmax(top, fit_round6(fit->agents[j].horizons[sel].estimate));
		best = fmax(best, top);
		for (size_t k = i; k < j; k++) {
			hz_fit_agent *ag = &fit->agents[k];
			if (!ok[k])
				continue;
			ag->sota = fit_round6(ag->horizons[sel].estimate) >= best;
			if (!ag->sota && fit_exclude(fit, ag->alias, "not SOTA: a model released earlier or the same day "
						     "has a longer 50%% horizon") < 0)
				return HZ_ENOMEM;
			ok[k] = ag->sota;
		}
		i = j;
	}
	return 0;
}

/* A note on the trend, in trend_notes (JSON) and in the notes shown under the table. */
static int __attribute__((format(printf, 2, 3))) trend_note(hz_fit *fit, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int err;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if ((err = fit_add_note(fit, &fit->trend_notes, &fit->ntrend_notes, "%s", buf)) < 0)
		return err;
	return fit_add_note(fit, &fit->notes, &fit->nnotes, "%s", buf);
}

/* One percent's line, its bootstrap and band. */
static int fit_line(hz_fit *fit, size_t k, const int *ok)
{
	fit_trend_full *tr = &fit->trends[k];
	size_t n = 0, np = fit->opts.nsuccess, ns = fit->samples ? fit->nsamples : 0, nk = 0;
	double *x = malloc((fit->nagents + 1) * sizeof(*x)), *y = malloc((fit->nagents + 1) * sizeof(*y));
	double *dts = malloc((ns + 1) * sizeof(*dts)), *sl = malloc((ns + 1) * sizeof(*sl));
	double *ic = malloc((ns + 1) * sizeof(*ic)), *tmp = malloc((ns + 1) * sizeof(*tmp));
	long dmin = 0, dmax = 0;
	int err = 0;

	tr->agents = calloc(fit->nagents + 1, sizeof(*tr->agents));
	if (!x || !y || !dts || !sl || !ic || !tmp || !tr->agents) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < fit->nagents; i++) {
		const hz_fit_agent *ag = &fit->agents[i];
		if (!ok[i])
			continue;
		if (!isfinite(ag->horizons[k].estimate)) {
			/* e.g. a percent a published file does not give: no line rather than a clipped one */
			err = trend_note(fit, "%g%% trend not fitted: %s has no finite %g%% horizon",
					 fit->opts.success_percents[k], ag->alias, fit->opts.success_percents[k]);
			goto done;
		}
		if (!n || ag->release_days < dmin)
			dmin = ag->release_days;
		if (!n || ag->release_days > dmax)
			dmax = ag->release_days;
		x[n] = (double)ag->release_days;
		y[n] = log(fmax(fit_round6(ag->horizons[k].estimate), CLIP));
		tr->agents[n++] = (char *)ag->alias;
	}
	tr->pub.percent = fit->opts.success_percents[k];
	tr->pub.agents = (const char *const *)tr->agents;
	tr->pub.nagents = n;
	if (fit_ols(x, y, n, &tr->pub.slope_per_day, &tr->pub.intercept) < 0) {
		err = trend_note(fit, "%g%% trend not fitted: %zu agent%s in the trend set (2 with distinct release "
				 "dates needed)", tr->pub.percent, n, n == 1 ? "" : "s");
		goto done;
	}
	tr->fitted = 1;
	tr->pub.doubling_days = log(2.0) / tr->pub.slope_per_day;
	/* bootstrap: drop (do not clip) NaN, inf and < 1e-3 values; keep positive doubling times */
	for (size_t s = 0; s < ns; s++) {
		size_t m = 0;
		double b, a;
		for (size_t i = 0; i < fit->nagents; i++) {
			double v;
			if (!ok[i])
				continue;
			v = fit->samples[(s * fit->nagents + i) * np + k];
			if (isnan(v) || isinf(v) || v < CLIP)
				continue;
			x[m] = (double)fit->agents[i].release_days;
			y[m++] = log(v);
		}
		if (m < 2 || fit_ols(x, y, m, &b, &a) < 0)
			continue;
		if (!(log(2.0) / b > 0) || !isfinite(log(2.0) / b))
			continue;
		dts[nk] = log(2.0) / b;
		sl[nk] = b;
		ic[nk++] = a;
	}
	tr->pub.bootstrap_n = nk;
	tr->pub.ci_low = tr->pub.ci_high = tr->pub.bootstrap_median = NAN;
	if (nk) {
		qsort(dts, nk, sizeof(*dts), cmp_double);
		tr->pub.bootstrap_median = fit_quantile_sorted(dts, nk, 0.5);
		tr->pub.ci_low = fit_quantile_sorted(dts, nk, 0.025);
		tr->pub.ci_high = fit_quantile_sorted(dts, nk, 0.975);
	}
	if (!(tr->band = calloc(BAND_POINTS, sizeof(*tr->band)))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	tr->nband = BAND_POINTS;
	tr->pub.band = tr->band;
	tr->pub.nband = tr->nband;
	for (size_t g = 0; g < BAND_POINTS; g++) {
		hz_fit_band_point *bp = &tr->band[g];
		double day = dmin + (double)(dmax - dmin) * (double)g / (BAND_POINTS - 1);
		bp->day = lround(day);
		bp->estimate = exp(tr->pub.intercept + tr->pub.slope_per_day * (double)bp->day);
		bp->low = bp->high = NAN;
		for (size_t s = 0; s < nk; s++)
			tmp[s] = exp(ic[s] + sl[s] * (double)bp->day);
		if (nk) {
			qsort(tmp, nk, sizeof(*tmp), cmp_double);
			bp->low = fit_quantile_sorted(tmp, nk, 0.025);
			bp->high = fit_quantile_sorted(tmp, nk, 0.975);
		}
	}
done:
	free(x);
	free(y);
	free(dts);
	free(sl);
	free(ic);
	free(tmp);
	return err;
}

int fit_trend_compute(hz_fit *fit, int use_flags, double max_p50)
{
	size_t sel = selector(fit);
	int *ok = calloc(fit->nagents + 1, sizeof(*ok));
	int err;

	if (!ok)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((err = eligible(fit, ok, max_p50, sel)) < 0)
		goto done;
	if (use_flags) {
		for (size_t i = 0; i < fit->nagents && !err; i++)
			if (ok[i] && !fit->agents[i].sota) {
				ok[i] = 0;
				err = fit_exclude(fit, fit->agents[i].alias, "not flagged is_sota in the results file");
			}
	} else {
		err = select_sota(fit, ok, sel);
	}
	for (size_t k = 0; k < fit->opts.nsuccess && !err; k++)
		err = fit_line(fit, k, ok);
	for (size_t i = 0; i < fit->nagents; i++)
		fit->agents[i].in_trend = ok[i] && fit->trends[sel].fitted;
done:
	free(ok);
	return err;
}
