/*
 * Empirical success rates in METR's length buckets (wrangle/logistic.py:
 * [1, 4, 16, 64, 256, 960, 2880) minutes, each [lo, hi)), weighted as METR
 * weights them: Σ w y / Σ w over the agent's runs in the bucket, with the
 * fit's weights.  Runs shorter than 1 minute or of 2 days or more are in none.
 * Beside each, the fitted curve at the bucket's geometric middle.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "fit_method.h"
#include "horizon/error.h"

const double fit_metr_bucket_edges[FIT_METR_BUCKETS + 1] = { 1, 4, 16, 64, 256, 960, 2880 };

int fit_metr_buckets(hz_fit *fit, const fit_table *t, const double *w, const uint32_t *order)
{
	size_t nal = t->aliases.n;
	double *acc = calloc(nal * FIT_METR_BUCKETS * 3 + 1, sizeof(*acc)); /* runs, Σw, Σwy */
	uint32_t *pos = malloc((nal + 1) * sizeof(*pos));

	fit->mbuckets = calloc(fit->nagents * FIT_METR_BUCKETS + 1, sizeof(*fit->mbuckets));
	fit->mfitted = calloc(fit->nagents * FIT_METR_BUCKETS + 1, sizeof(*fit->mfitted));
	if (!acc || !pos || !fit->mbuckets || !fit->mfitted) {
		free(acc);
		free(pos);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < t->n; i++) {
		double m = exp2(t->x[i]);
		for (int b = 0; b < FIT_METR_BUCKETS; b++)
			if (m >= fit_metr_bucket_edges[b] && m < fit_metr_bucket_edges[b + 1]) {
				double *A = acc + (t->alias[i] * FIT_METR_BUCKETS + (size_t)b) * 3;
				A[0] += 1;
				A[1] += w[i];
				A[2] += w[i] * t->y[i];
				break;
			}
	}
	for (size_t o = 0; o < fit->nagents; o++)
		pos[order[o]] = (uint32_t)o;
	for (size_t a = 0; a < nal; a++)
		for (int b = 0; b < FIT_METR_BUCKETS; b++) {
			const double *A = acc + (a * FIT_METR_BUCKETS + (size_t)b) * 3;
			hz_fit_bin *bn = &fit->mbuckets[pos[a] * FIT_METR_BUCKETS + (size_t)b];
			bn->lo = fit_metr_bucket_edges[b];
			bn->hi = fit_metr_bucket_edges[b + 1];
			bn->runs = (size_t)A[0];
			bn->successes = NAN;
			bn->weighted_rate = A[1] > 0 ? A[2] / A[1] : NAN;
		}
	for (size_t o = 0; o < fit->nagents; o++)
		for (int b = 0; b < FIT_METR_BUCKETS; b++) {
			const hz_fit_agent *ag = &fit->agents[o];
			double mid = sqrt(fit_metr_bucket_edges[b] * fit_metr_bucket_edges[b + 1]);
			fit->mfitted[o * FIT_METR_BUCKETS + (size_t)b] =
				isnan(ag->slope) ? NAN : 1.0 / (1.0 + exp(-(ag->slope * log2(mid) + ag->intercept)));
		}
	free(acc);
	free(pos);
	return 0;
}

int hz_fit_metr_bucket(const hz_fit *fit, size_t agent, size_t b, hz_fit_bucket *out)
{
	if (!fit->mbuckets || agent >= fit->nagents || b >= FIT_METR_BUCKETS)
		return hz_error_set(HZ_EUSAGE, "no such bucket");
	out->lo_minutes = fit->mbuckets[agent * FIT_METR_BUCKETS + b].lo;
	out->hi_minutes = fit->mbuckets[agent * FIT_METR_BUCKETS + b].hi;
	out->runs = fit->mbuckets[agent * FIT_METR_BUCKETS + b].runs;
	out->empirical = fit->mbuckets[agent * FIT_METR_BUCKETS + b].weighted_rate;
	out->fitted = fit->mfitted[agent * FIT_METR_BUCKETS + b];
	return 0;
}

int fit_metr_buckets_from_json(hz_fit *fit, json_t *agents, const char *origin)
{
	size_t i;
	json_t *ag;

	if (!json_is_array(agents))
		return 0;
	json_array_foreach(agents, i, ag) {
		json_t *mb = json_object_get(ag, "metr_buckets"), *e;
		size_t b;
		if (!mb || json_is_null(mb))
			continue;
		if (!json_is_array(mb) || json_array_size(mb) != FIT_METR_BUCKETS || i >= fit->nagents)
			return hz_error_set(HZ_EINVALID, "%s: agents[%zu]: 'metr_buckets' must be an array of %d buckets",
					    origin, i, FIT_METR_BUCKETS);
		if (!fit->mbuckets) {
			fit->mbuckets = calloc(fit->nagents * FIT_METR_BUCKETS + 1, sizeof(*fit->mbuckets));
			fit->mfitted = calloc(fit->nagents * FIT_METR_BUCKETS + 1, sizeof(*fit->mfitted));
			if (!fit->mbuckets || !fit->mfitted)
				return hz_error_set(HZ_ENOMEM, "out of memory");
			for (size_t k = 0; k < fit->nagents * FIT_METR_BUCKETS; k++)
				fit->mfitted[k] = NAN;
		}
		json_array_foreach(mb, b, e) {
			hz_fit_bin *bn = &fit->mbuckets[i * FIT_METR_BUCKETS + b];
			json_t *runs = json_object_get(e, "runs"), *emp = json_object_get(e, "empirical");
			json_t *fitted = json_object_get(e, "fitted");
			if (!json_is_object(e) || !json_is_integer(runs) || json_integer_value(runs) < 0 ||
			    (emp && !json_is_null(emp) && !json_is_number(emp)) ||
			    (fitted && !json_is_null(fitted) && !json_is_number(fitted)))
				return hz_error_set(HZ_EINVALID, "%s: agents[%zu]: metr_buckets[%zu] needs a 'runs' count and "
						    "an 'empirical' number or null", origin, i, b);
			bn->lo = fit_metr_bucket_edges[b];
			bn->hi = fit_metr_bucket_edges[b + 1];
			bn->runs = (size_t)json_integer_value(runs);
			bn->successes = NAN;
			bn->weighted_rate = json_is_number(emp) ? json_number_value(emp) : NAN;
			fit->mfitted[i * FIT_METR_BUCKETS + b] = json_is_number(fitted) ? json_number_value(fitted) : NAN;
		}
	}
	return 0;
}
