/*
 * Trend from METR's published per-model results (benchmark_results YAML,
 * METHOD section 10): the file's horizons and is_sota flags, models with a
 * p50 above 16 hours left out, OLS of ln(p50) on release day.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit_cost.h"
#include "fit_math.h"
#include "fit_result.h"
#include "ydoc.h"
#include "horizon/error.h"
#include "strutil.h"

#define CUTOFF_MINUTES 960.0
#define DAY_2019 17897L
#define DAY_2023 19358L
#define DAY_2030 21915L

static int number(const hz_ydoc *doc, const hz_ynode *map, const char *key, const char *path, const char *model,
		  int required, double *out)
{
	const hz_ynode *v = hz_ynode_get(doc, map, key);
	const char *s = hz_ynode_str(v);

	*out = NAN;
	if (!v || (s && (!strcmp(s, "null") || !strcmp(s, "~") || !*s))) {
		if (required)
			return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': '%s' is missing", path,
					    hz_ynode_line(map), model, key);
		return 0;
	}
	/* strtod reads "nan" and "inf": neither is a horizon, a score or a doubling time */
	if (!s || hz_parse_double(s, out) < 0 || !isfinite(*out))
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': '%s' must be a finite number", path,
				    hz_ynode_line(v), model, key);
	return 0;
}

/* {estimate, ci_low, ci_high} of a metric into h (estimate required). */
static int metric(const hz_ydoc *doc, const hz_ynode *metrics, const char *name, const char *path,
		  const char *model, hz_fit_horizon *h)
{
	const hz_ynode *m = hz_ynode_get(doc, metrics, name);
	int err;

	if (!hz_ynode_is_map(m))
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': 'metrics.%s' is missing", path,
				    hz_ynode_line(metrics), model, name);
	if ((err = number(doc, m, "estimate", path, model, 1, &h->estimate)) < 0 ||
	    (err = number(doc, m, "ci_low", path, model, 0, &h->ci_low)) < 0 ||
	    (err = number(doc, m, "ci_high", path, model, 0, &h->ci_high)) < 0)
		return err;
	if (h->estimate < 0 || h->ci_low < 0 || h->ci_high < 0)
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': 'metrics.%s' must not be negative (minutes)", path,
				    hz_ynode_line(m), model, name);
	return 0;
}

static int load_model(hz_fit *fit, const hz_ydoc *doc, const char *path, const char *model, const hz_ynode *node,
		      hz_fit_agent *ag, hz_fit_horizon *h)
{
	const hz_ynode *metrics = hz_ynode_get(doc, node, "metrics"), *rd = hz_ynode_get(doc, node, "release_date");
	const hz_ynode *sota;
	const char *s;
	hz_fit_horizon p50 = { 0 }, p80 = { 0 };
	double avg;
	int err;

	if (!hz_ynode_is_map(metrics))
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': 'metrics' is missing", path, hz_ynode_line(node),
				    model);
	if (!(s = hz_ynode_str(rd)) || hz_parse_date(s, &ag->release_days) < 0)
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': 'release_date' must be a date YYYY-MM-DD", path,
				    hz_ynode_line(rd ? rd : node), model);
	if ((err = metric(doc, metrics, "p50_horizon_length", path, model, &p50)) < 0 ||
	    (err = metric(doc, metrics, "p80_horizon_length", path, model, &p80)) < 0)
		return err;
	{
		const hz_ynode *as = hz_ynode_get(doc, metrics, "average_score");
		avg = NAN;
		if (hz_ynode_is_map(as) && (err = number(doc, as, "estimate", path, model, 0, &avg)) < 0)
			return err;
	}
	sota = hz_ynode_get(doc, metrics, "is_sota");
	s = hz_ynode_str(sota);
	if (!s || (strcmp(s, "true") && strcmp(s, "false")))
		return hz_error_set(HZ_EINVALID, "%s:%ld: model '%s': 'metrics.is_sota' must be true or false", path,
				    hz_ynode_line(sota ? sota : metrics), model);
	ag->sota = !strcmp(s, "true");
	if (!(ag->alias = fit_keep(fit, model)) || !(ag->release_date = fit_keep(fit, hz_ynode_str(rd))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	ag->status = HZ_FIT_PUBLISHED;
	ag->weighted_success_rate = avg;
	ag->successes = ag->slope = ag->intercept = NAN;
	ag->input_tokens = ag->output_tokens = ag->total_tokens = ag->cost_usd = NAN;
	fit_cost_doubling_unknown(ag);
	ag->horizons = h;
	ag->nhorizons = fit->opts.nsuccess;
	for (size_t k = 0; k < fit->opts.nsuccess; k++) {
		double pc = fit->opts.success_percents[k];
		h[k] = pc == 50 ? p50 : pc == 80 ? p80 : (hz_fit_horizon){ 0, NAN, NAN, NAN, 0 };
		h[k].percent = pc;
	}
	return 0;
}

static int excluded(const hz_fit_opts *opts, const char *model)
{
	for (size_t i = 0; i < opts->nexclude; i++)
		if (!strcmp(opts->exclude_agents[i], model))
			return 1;
	return 0;
}

static int cmp_agent(const void *pa, const void *pb)
{
	const hz_fit_agent *a = pa, *b = pb;

	if (a->release_days != b->release_days)
		return a->release_days < b->release_days ? -1 : 1;
	return strcmp(a->alias, b->alias);
}

/* METR's point estimate for a window: OLS over is_sota models with p50 <= 16 h. */
static double window_doubling(const hz_fit *fit, long after, long before)
{
	double *x = malloc((fit->nagents + 1) * sizeof(*x)), *y = malloc((fit->nagents + 1) * sizeof(*y)), b, a;
	double r = NAN;
	size_t n = 0;

	if (!x || !y)
		goto done;
	for (size_t i = 0; i < fit->nagents; i++) {
		const hz_fit_agent *ag = &fit->agents[i];
		double p = NAN;
		for (size_t k = 0; k < ag->nhorizons; k++)
			if (ag->horizons[k].percent == 50)
				p = ag->horizons[k].estimate;
		if (!ag->sota || ag->release_days < after || ag->release_days >= before || !(p <= CUTOFF_MINUTES))
			continue;
		x[n] = (double)ag->release_days;
		y[n++] = log(fmax(p, 1e-3));
	}
	if (fit_ols(x, y, n, &b, &a) == 0)
		r = log(2.0) / b;
done:
	free(x);
	free(y);
	return r;
}

/* The file's own doubling_time_in_days block, when it has one. */
static int file_doubling(hz_fit *fit, const hz_ydoc *doc, const hz_ynode *root, const char *path)
{
	const hz_ynode *dt = hz_ynode_get(doc, root, "doubling_time_in_days"), *b;
	int err = 0;

	if (!hz_ynode_is_map(dt))
		return 0;
	b = hz_ynode_get(doc, dt, "all_time_stitched");
	if (!b)
		b = hz_ynode_get(doc, dt, "all_time");
	if (hz_ynode_is_map(b))
		err = number(doc, b, "point_estimate", path, "doubling_time_in_days", 0, &fit->file_all_time);
	b = hz_ynode_get(doc, dt, "from_2023_on");
	if (!err && hz_ynode_is_map(b) &&
	    ((err = number(doc, b, "point_estimate", path, "doubling_time_in_days", 0, &fit->file_from_2023)) < 0 ||
	     (err = number(doc, b, "ci_low", path, "doubling_time_in_days", 0, &fit->file_from_2023_lo)) < 0 ||
	     (err = number(doc, b, "ci_high", path, "doubling_time_in_days", 0, &fit->file_from_2023_hi)) < 0))
		return err;
	return err;
}

int hz_fit_published(hz_fit **out, const char *yaml_path, const hz_fit_opts *opts)
{
	hz_ydoc *doc = NULL;
	const hz_ynode *root, *results;
	hz_fit *fit = NULL;
	size_t n, np = opts->nsuccess;
	int err = 0;

	*out = NULL;
	if (np < 1 || np > HZ_FIT_MAX_PERCENTS)
		return hz_error_set(HZ_EUSAGE, "between 1 and %d success percents are needed", HZ_FIT_MAX_PERCENTS);
	if ((err = hz_ydoc_load(&doc, yaml_path, NULL)) < 0)
		return err;
	if (!(fit = fit_new(opts)) || !(fit->published_path = strdup(yaml_path))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	fit->published = 1;
	fit->opts.bootstrap = 0;
	root = hz_ydoc_root(doc);
	results = hz_ynode_get(doc, root, "results");
	if (!hz_ynode_is_map(results)) {
		err = hz_error_set(HZ_EINVALID, "%s:%ld: 'results' (a mapping of model to metrics) is missing", yaml_path,
				   hz_ynode_line(root));
		goto done;
	}
	n = hz_ynode_map_size(doc, results);
	fit->agents = calloc(n + 1, sizeof(*fit->agents));
	fit->horizons = calloc((n + 1) * np, sizeof(*fit->horizons));
	if (!fit->agents || !fit->horizons) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const hz_ynode *k, *v;
		hz_ynode_map_pair(doc, results, i, &k, &v);
		if (!hz_ynode_str(k) || !hz_ynode_is_map(v)) {
			err = hz_error_set(HZ_EINVALID, "%s:%ld: each entry of 'results' must map a model name to its metrics",
					   yaml_path, hz_ynode_line(k));
			goto done;
		}
		if (excluded(opts, hz_ynode_str(k))) {
			fit->n_excluded_agent++;
			continue;
		}
		if ((err = load_model(fit, doc, yaml_path, hz_ynode_str(k), v, &fit->agents[fit->nagents],
				      &fit->horizons[fit->nagents * np])) < 0)
			goto done;
		fit->nagents++;
	}
	qsort(fit->agents, fit->nagents, sizeof(*fit->agents), cmp_agent);
	if (fit->n_excluded_agent &&
	    (err = fit_add_note(fit, &fit->notes, &fit->nnotes, "%zu excluded model%s left out", fit->n_excluded_agent,
				fit->n_excluded_agent == 1 ? "" : "s")) < 0)
		goto done;
	for (size_t k = 0; k < np; k++)
		if (opts->success_percents[k] != 50 && opts->success_percents[k] != 80)
			err = fit_add_note(fit, &fit->notes, &fit->nnotes,
					   "the results file has only 50%% and 80%% horizons; %g%% is not available",
					   opts->success_percents[k]);
	if (err < 0 || (err = file_doubling(fit, doc, root, yaml_path)) < 0)
		goto done;
	fit->pub_all_time = window_doubling(fit, DAY_2019, DAY_2030);
	fit->pub_from_2023 = window_doubling(fit, DAY_2023, DAY_2030);
	if (opts->trend && (err = fit_trend_compute(fit, 1, CUTOFF_MINUTES)) < 0)
		goto done;
	*out = fit;
	fit = NULL;
done:
	hz_fit_free(fit);
	hz_ydoc_free(doc);
	return err;
}
