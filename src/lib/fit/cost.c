/*
 * Cost per doubling (docs/method.md section 12): per agent, the weighted
 * least-squares slope of ln(dollar_equivalent) on log2(human_minutes) over
 * its successful runs with a positive cost, each weighted by w·y (the weight
 * the logistic fit gives the run's success).  The CI comes from the
 * hierarchical bootstrap's own samples: fit_resample() replays sample i of
 * fit_bootstrap_run() exactly (same seed, same rows, original weights).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit_cost.h"
#include "fit_design.h"
#include "fit_math.h"
#include "horizon/error.h"
#include "jfield.h"

/* Per agent: Σv, Σv·x, Σv·x², Σv·z, Σv·x·z, then min x and max x. */
enum { ACC = 7 };

typedef struct cost_ctx {
	const fit_table *t;
	const double *v, *z;   /* per row: w·y and ln(cost), v = 0 when the row is not used */
	double *acc;           /* per alias: ACC sums */
} cost_ctx;

void fit_cost_doubling_unknown(hz_fit_agent *a)
{
	hz_fit_cost_doubling *c = &a->cost_doubling;

	c->factor = c->ci_low = c->ci_high = c->usd_at_p50 = c->usd_per_doubling = NAN;
	c->bootstrap_n = c->runs = 0;
	c->note = NULL;
}

static void acc_reset(double *acc, size_t n)
{
	for (size_t a = 0; a < n; a++) {
		double *A = acc + a * ACC;
		A[0] = A[1] = A[2] = A[3] = A[4] = 0;
		A[5] = INFINITY;
		A[6] = -INFINITY;
	}
}

static void acc_add(cost_ctx *c, uint32_t row)
{
	double v = c->v[row], x = c->t->x[row], z = c->z[row], *A;

	if (!(v > 0))
		return;
	A = c->acc + (size_t)c->t->alias[row] * ACC;
	A[0] += v;
	A[1] += v * x;
	A[2] += v * x * x;
	A[3] += v * z;
	A[4] += v * x * z;
	A[5] = x < A[5] ? x : A[5];
	A[6] = x > A[6] ? x : A[6];
}

static void emit(void *ud, uint32_t row)
{
	acc_add(ud, row);
}

/* Slope and intercept of z on x; 0 when the runs span fewer than two lengths. */
static int slope_of(const double *A, double *slope, double *icpt)
{
	double sxx, sxz;

	if (!(A[0] > 0) || !(A[6] - A[5] > 1e-9))
		return 0;
	sxx = A[2] - A[1] * A[1] / A[0];
	sxz = A[4] - A[1] * A[3] / A[0];
	if (!(sxx > 0))
		return 0;
	*slope = sxz / sxx;
	*icpt = (A[3] - *slope * A[1]) / A[0];
	return 1;
}

static double p50_of(const hz_fit_agent *ag)
{
	for (size_t k = 0; k < ag->nhorizons; k++)
		if (ag->horizons[k].percent == 50)
			return ag->horizons[k].estimate;
	return NAN;
}

/* The bootstrap CI of every agent with a point factor (order: output position -> alias). */
static int cost_bootstrap(hz_fit *fit, const fit_design *d, cost_ctx *c, const uint32_t *order,
			  const hz_fit_opts *opts)
{
	size_t ns = opts->bootstrap, na = fit->nagents;
	double *samples = malloc((ns * na + 1) * sizeof(*samples));
	fit_resample_scratch s = { 0 };
	int err;

	if (!samples)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((err = fit_resample_scratch_init(&s, d)) < 0)
		goto done;
	for (size_t i = 0; i < ns; i++) {
		acc_reset(c->acc, c->t->aliases.n);
		fit_resample(d, opts->seed + (uint32_t)i, &s, emit, c);
		for (size_t o = 0; o < na; o++) {
			double b, icpt;
			samples[i * na + o] = slope_of(c->acc + (size_t)order[o] * ACC, &b, &icpt) ? exp(b) : NAN;
		}
	}
	for (size_t o = 0; o < na; o++) {
		hz_fit_cost_doubling *cd = &fit->agents[o].cost_doubling;
		if (isnan(cd->factor))
			continue;
		cd->ci_low = fit_nanquantile(samples + o, ns, na, 0.025, &cd->bootstrap_n);
		cd->ci_high = fit_nanquantile(samples + o, ns, na, 0.975, NULL);
	}
done:
	fit_resample_scratch_release(&s);
	free(samples);
	return err;
}

int fit_cost_doubling(hz_fit *fit, const fit_table *t, const fit_design *d, const double *w, const uint32_t *order,
		      const hz_fit_opts *opts)
{
	size_t nal = t->aliases.n, any = 0;
	double *v = malloc((t->n + 1) * sizeof(*v)), *z = malloc((t->n + 1) * sizeof(*z));
	double *acc = malloc((nal + 1) * ACC * sizeof(*acc));
	size_t *costed = calloc(nal + 1, sizeof(*costed)), *positive = calloc(nal + 1, sizeof(*positive));
	cost_ctx c = { t, v, z, acc };
	int err = 0;

	if (!v || !z || !acc || !costed || !positive) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < t->n; i++) {
		double usd = t->tok_idx[i] == FIT_NONE ? NAN : t->tok[4 * (size_t)t->tok_idx[i] + 3];
		v[i] = 0;
		z[i] = 0;
		if (isnan(usd))
			continue;
		costed[t->alias[i]]++;
		if (!(usd > 0) || !(t->y[i] > 0) || !(w[i] > 0))
			continue;
		positive[t->alias[i]]++;
		v[i] = w[i] * t->y[i];
		z[i] = log(usd);
	}
	acc_reset(acc, nal);
	for (size_t i = 0; i < t->n; i++)
		acc_add(&c, (uint32_t)i);
	for (size_t o = 0; o < fit->nagents; o++) {
		hz_fit_agent *ag = &fit->agents[o];
		hz_fit_cost_doubling *cd = &ag->cost_doubling;
		uint32_t a = order[o];
		double b, icpt, p50;
		fit_cost_doubling_unknown(ag);
		cd->runs = positive[a];
		if (!costed[a]) {
			cd->note = "no run with a recorded cost (dollar_equivalent)";
			continue;
		}
		if (!positive[a]) {
			cd->note = "no successful run with a cost above 0";
			continue;
		}
		if (!slope_of(acc + (size_t)a * ACC, &b, &icpt)) {
			cd->note = "the successful runs with a cost are all of one task length";
			continue;
		}
		cd->factor = exp(b);
		p50 = p50_of(ag);
		if (isfinite(p50) && p50 > 0) {
			cd->usd_at_p50 = exp(icpt + b * log2(p50));
			cd->usd_per_doubling = cd->usd_at_p50 * (cd->factor - 1);
		}
		any++;
	}
	if (any && opts->bootstrap)
		err = cost_bootstrap(fit, d, &c, order, opts);
done:
	free(v);
	free(z);
	free(acc);
	free(costed);
	free(positive);
	return err;
}

int fit_cost_doubling_from_json(hz_fit *fit, json_t *agents, const char *origin)
{
	char where[32];
	hz_jfield at = { .file = origin, .where = where, .prefix = "cost_doubling." };
	size_t i;
	json_t *ag;

	for (i = 0; i < fit->nagents; i++)
		fit_cost_doubling_unknown(&fit->agents[i]);
	if (!json_is_array(agents))
		return 0;
	json_array_foreach(agents, i, ag) {
		json_t *o = json_object_get(ag, "cost_doubling"), *note;
		hz_fit_cost_doubling *c;
		double nboot = 0, nruns = 0;
		int err;
		if (!o || json_is_null(o) || i >= fit->nagents)
			continue; /* written before cost per doubling existed */
		if (!json_is_object(o))
			return hz_error_set(HZ_EINVALID, "%s: agents[%zu]: 'cost_doubling' must be an object or null",
					    origin, i);
		c = &fit->agents[i].cost_doubling;
		snprintf(where, sizeof(where), "agents[%zu]", i);
		/* Absent or null leaves the unknown values: NaN, and 0 for the counts. */
		if ((err = hz_jf_number(&at, o, "factor", HZ_JF_NUMBER, HZ_JF_NULLABLE, &c->factor)) < 0 ||
		    (err = hz_jf_number(&at, o, "ci_low", HZ_JF_NUMBER, HZ_JF_NULLABLE, &c->ci_low)) < 0 ||
		    (err = hz_jf_number(&at, o, "ci_high", HZ_JF_NUMBER, HZ_JF_NULLABLE, &c->ci_high)) < 0 ||
		    (err = hz_jf_number(&at, o, "usd_at_p50", HZ_JF_NUMBER, HZ_JF_NULLABLE, &c->usd_at_p50)) < 0 ||
		    (err = hz_jf_number(&at, o, "usd_per_doubling", HZ_JF_NUMBER, HZ_JF_NULLABLE,
					&c->usd_per_doubling)) < 0 ||
		    (err = hz_jf_number(&at, o, "bootstrap_n", HZ_JF_COUNT, HZ_JF_NULLABLE, &nboot)) < 0 ||
		    (err = hz_jf_number(&at, o, "runs", HZ_JF_COUNT, HZ_JF_NULLABLE, &nruns)) < 0 ||
		    (err = hz_jf_get(&at, o, "note", HZ_JF_TEXT, HZ_JF_NULLABLE, &note)) < 0)
			return err;
		c->bootstrap_n = (size_t)nboot;
		c->runs = (size_t)nruns;
		if (json_is_string(note) && !(c->note = fit_keep(fit, json_string_value(note))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}
