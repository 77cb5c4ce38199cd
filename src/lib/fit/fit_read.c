/*
 * Reading the fit's JSON form (docs/fit-json.md) back into an hz_fit: the
 * inverse of fit_json.c, for `plot` and `report` on a fit made elsewhere.
 * Any success percents; fields a file lacks take their defaults.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit_cost.h"
#include "fit_method.h"
#include "fit_result.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "jfield.h"
#include "strutil.h"

#define FIT_FILE_MAX (64u << 20)

typedef struct reader {
	hz_fit *fit;
	const char *origin;
	char where[160]; /* "agents[3] 'GPT-4'" */
} reader;

/* Errors read "ORIGIN: agents[3] 'GPT-4': 'field' what" (jfield.h). */
#define AT(r) (&(hz_jfield){ .file = (r)->origin, .where = (r)->where })
#define OPT HZ_JF_NULLABLE

static int bad(const reader *r, const char *field, const char *what)
{
	return hz_jf_error(AT(r), field, "%s", what);
}

static int nomem(void)
{
	return hz_error_set(HZ_ENOMEM, "out of memory");
}

/* An optional number: null or absent gives NaN. */
static int get_num(const reader *r, json_t *obj, const char *field, double *out)
{
	json_t *v;
	int err = hz_jf_get(AT(r), obj, field, HZ_JF_NUMBER, OPT, &v);

	*out = v ? json_number_value(v) : NAN;
	return err;
}

/* A count: a non-negative whole number; null or absent gives 0. */
static int get_count(const reader *r, json_t *obj, const char *field, size_t *out)
{
	json_t *v;
	int err = hz_jf_get(AT(r), obj, field, HZ_JF_COUNT, OPT, &v);

	*out = v ? (size_t)json_number_value(v) : 0;
	return err;
}

/* A string kept by the fit; NULL when null or absent (an error when required). */
static int get_str(const reader *r, json_t *obj, const char *field, int required, const char **out)
{
	json_t *v;
	int err = hz_jf_get(AT(r), obj, field, HZ_JF_TEXT, OPT | (required ? HZ_JF_REQUIRED : 0), &v);

	*out = NULL;
	if (err || !v)
		return err;
	return (*out = fit_keep(r->fit, json_string_value(v))) ? 0 : nomem();
}

static int get_bool(const reader *r, json_t *obj, const char *field, int *out)
{
	json_t *v;
	int err = hz_jf_get(AT(r), obj, field, HZ_JF_BOOL, OPT, &v);

	if (v)
		*out = json_is_true(v);
	return err;
}

static int get_date(const reader *r, json_t *obj, const char *field, const char **text, long *days)
{
	json_t *v;
	int err = hz_jf_get(AT(r), obj, field, HZ_JF_DATE, OPT, &v);

	if (text)
		*text = NULL;
	if (err || !v)
		return err;
	hz_parse_date(json_string_value(v), days);
	return text ? ((*text = fit_keep(r->fit, json_string_value(v))) ? 0 : nomem()) : 0;
}

static void pkey(char *buf, size_t size, double percent)
{
	snprintf(buf, size, "%g", percent);
}

static int get_params(reader *r, json_t *p)
{
	hz_fit_opts *o = &r->fit->opts;
	json_t *pc = json_object_get(p, "success_percents"), *v;
	const char *s = NULL;
	double x;
	size_t i, n;
	long day;
	int err;

	if (!p || json_is_null(p))
		return 0;
	snprintf(r->where, sizeof(r->where), "params");
	if (!json_is_object(p))
		return bad(r, "params", "must be an object");
	if ((err = get_str(r, p, "weighting", 0, &s)) < 0)
		return err;
	if (s && !strcmp(s, "equal"))
		o->weighting = HZ_FIT_WEIGHT_EQUAL;
	else if (s && !strcmp(s, "none"))
		o->weighting = HZ_FIT_WEIGHT_NONE;
	else if (s && strcmp(s, "invsqrt"))
		return bad(r, "weighting", "must be invsqrt, equal or none");
	if ((err = get_bool(r, p, "recompute_weights", &o->recompute_weights)) < 0 ||
	    (err = get_bool(r, p, "weights_from_file", &r->fit->weights_from_file)) < 0 ||
	    (err = get_num(r, p, "regularization", &x)) < 0)
		return err;
	if (!isnan(x))
		o->regularization = x;
	if ((err = get_str(r, p, "score_col", 0, &s)) < 0)
		return err;
	if (s) {
		free(r->fit->score_col);
		if (!(o->score_col = r->fit->score_col = strdup(s)))
			return nomem();
	}
	if ((err = get_str(r, p, "lengths", 0, &s)) < 0)
		return err;
	if (s && strcmp(s, "all") && strcmp(s, "baseline-only"))
		return bad(r, "lengths", "must be all or baseline-only");
	o->baseline_lengths_only = s && !strcmp(s, "baseline-only");
	if ((err = get_count(r, p, "bootstrap", &n)) < 0)
		return err;
	if (json_object_get(p, "bootstrap"))
		o->bootstrap = n;
	if ((err = get_count(r, p, "seed", &n)) < 0)
		return err;
	if (n > UINT32_MAX)
		return bad(r, "seed", "must fit in 32 bits");
	if (json_object_get(p, "seed"))
		o->seed = (uint32_t)n;
	if ((err = get_date(r, p, "after", NULL, &day)) < 0)
		return err;
	if (json_is_string(json_object_get(p, "after")))
		o->after_days = day;
	if ((err = get_date(r, p, "before", NULL, &day)) < 0)
		return err;
	if (json_is_string(json_object_get(p, "before")))
		o->before_days = day;
	if ((err = get_str(r, p, "release_dates", 0, &s)) < 0)
		return err;
	if (s && !(o->release_dates = r->fit->release_dates_path = strdup(s)))
		return nomem();
	if (pc && !json_is_null(pc)) {
		if (!json_is_array(pc) || !json_array_size(pc) || json_array_size(pc) > HZ_FIT_MAX_PERCENTS)
			return bad(r, "success_percents", "must be an array of 1 to 16 percents");
		o->nsuccess = 0;
		json_array_foreach(pc, i, v) {
			if (!json_is_number(v) || !(json_number_value(v) > 0 && json_number_value(v) < 100))
				return bad(r, "success_percents", "must hold numbers between 0 and 100");
			o->success_percents[o->nsuccess++] = json_number_value(v);
		}
	}
	r->where[0] = '\0';
	return 0;
}

static int get_status(const reader *r, json_t *obj, hz_fit_status *out)
{
	static const struct {
		const char *name;
		hz_fit_status status;
	} names[] = { { "ok", HZ_FIT_OK }, { "no_success", HZ_FIT_NO_SUCCESS },
		      { "all_success", HZ_FIT_ALL_SUCCESS }, { "published", HZ_FIT_PUBLISHED } };
	json_t *v = json_object_get(obj, "status");

	*out = HZ_FIT_OK;
	if (!v || json_is_null(v))
		return 0;
	for (size_t i = 0; json_is_string(v) && i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(json_string_value(v), names[i].name)) {
			*out = names[i].status;
			return 0;
		}
	return bad(r, "status", "must be ok, no_success, all_success or published");
}

static int get_horizons(const reader *r, json_t *obj, hz_fit_horizon *h)
{
	const hz_fit_opts *o = &r->fit->opts;
	json_t *hs = json_object_get(obj, "horizons");
	char key[32];
	int err;

	if (hs && !json_is_null(hs) && !json_is_object(hs))
		return bad(r, "horizons", "must be an object");
	for (size_t k = 0; k < o->nsuccess; k++) {
		json_t *v;
		size_t n;
		h[k].percent = o->success_percents[k];
		h[k].estimate = h[k].ci_low = h[k].ci_high = NAN;
		pkey(key, sizeof(key), h[k].percent);
		if (!json_is_object(hs) || !(v = json_object_get(hs, key)) || json_is_null(v))
			continue;
		if (!json_is_object(v))
			return bad(r, "horizons", "must map percents (\"50\") to objects");
		if ((err = get_num(r, v, "estimate", &h[k].estimate)) < 0 ||
		    (err = get_num(r, v, "ci_low", &h[k].ci_low)) < 0 ||
		    (err = get_num(r, v, "ci_high", &h[k].ci_high)) < 0 || (err = get_count(r, v, "bootstrap_n", &n)) < 0)
			return err;
		h[k].bootstrap_n = n;
	}
	return 0;
}

static int get_bins(const reader *r, json_t *arr, size_t *nb)
{
	hz_fit *fit = r->fit;
	size_t i;
	json_t *e;
	int err;

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad(r, "bins", "must be an array");
	json_array_foreach(arr, i, e) {
		hz_fit_bin *b = &fit->bins[*nb];
		if (!json_is_object(e))
			return bad(r, "bins", "must hold objects");
		if ((err = get_num(r, e, "lo_minutes", &b->lo)) < 0 || (err = get_num(r, e, "hi_minutes", &b->hi)) < 0 ||
		    (err = get_count(r, e, "runs", &b->runs)) < 0 || (err = get_num(r, e, "successes", &b->successes)) < 0 ||
		    (err = get_num(r, e, "weighted_rate", &b->weighted_rate)) < 0)
			return err;
		if (!(b->lo > 0) || !(b->hi > b->lo))
			return bad(r, "bins", "need 0 < lo_minutes < hi_minutes");
		(*nb)++;
	}
	return 0;
}

static int get_agent(reader *r, json_t *obj, size_t i, size_t *nb)
{
	hz_fit *fit = r->fit;
	hz_fit_agent *a = &fit->agents[i];
	int err;

	a->horizons = &fit->horizons[i * fit->opts.nsuccess];
	a->nhorizons = fit->opts.nsuccess;
	if ((err = get_str(r, obj, "alias", 1, &a->alias)) < 0)
		return err;
	snprintf(r->where + strlen(r->where), sizeof(r->where) - strlen(r->where), " '%.80s'", a->alias);
	a->is_human = !strcmp(a->alias, "human");
	if ((err = get_date(r, obj, "release_date", &a->release_date, &a->release_days)) < 0 ||
	    (err = get_count(r, obj, "runs", &a->runs)) < 0 || (err = get_count(r, obj, "tasks", &a->tasks)) < 0 ||
	    (err = get_count(r, obj, "families", &a->families)) < 0 ||
	    (err = get_num(r, obj, "successes", &a->successes)) < 0 ||
	    (err = get_num(r, obj, "weighted_success_rate", &a->weighted_success_rate)) < 0 ||
	    (err = get_status(r, obj, &a->status)) < 0 || (err = get_str(r, obj, "note", 0, &a->note)) < 0 ||
	    (err = get_num(r, obj, "slope", &a->slope)) < 0 || (err = get_num(r, obj, "intercept", &a->intercept)) < 0 ||
	    (err = get_str(r, obj, "design", 0, &a->design)) < 0 || (err = get_str(r, obj, "interval", 0, &a->interval)) < 0 ||
	    (err = get_num(r, obj, "input_tokens", &a->input_tokens)) < 0 ||
	    (err = get_num(r, obj, "output_tokens", &a->output_tokens)) < 0 ||
	    (err = get_num(r, obj, "total_tokens", &a->total_tokens)) < 0 ||
	    (err = get_num(r, obj, "cost_usd", &a->cost_usd)) < 0 || (err = get_bool(r, obj, "sota", &a->sota)) < 0 ||
	    (err = get_bool(r, obj, "in_trend", &a->in_trend)) < 0 ||
	    (err = get_horizons(r, obj, &fit->horizons[i * fit->opts.nsuccess])) < 0)
		return err;
	if ((err = get_bins(r, json_object_get(obj, "bins"), nb)) < 0)
		return err;
	fit->bin0[i + 1] = *nb;
	return 0;
}

/* Room for every agent, its horizons and its bins, sized from the array. */
static int get_agents(reader *r, json_t *agents)
{
	hz_fit *fit = r->fit;
	size_t n = json_array_size(agents), np = fit->opts.nsuccess, nbins = 0, i, nb = 0;
	json_t *v, *b;
	int err;

	if (!json_is_array(agents))
		return bad(r, "agents", "must be an array (is this a fit file from 'horizon fit --json'?)");
	json_array_foreach(agents, i, v)
		if (json_is_array((b = json_object_get(v, "bins"))))
			nbins += json_array_size(b);
	fit->agents = calloc(n ? n : 1, sizeof(*fit->agents));
	fit->horizons = calloc(n * np + 1, sizeof(*fit->horizons));
	fit->bins = calloc(nbins + 1, sizeof(*fit->bins));
	fit->bin0 = calloc(n + 1, sizeof(*fit->bin0));
	if (!fit->agents || !fit->horizons || !fit->bins || !fit->bin0)
		return nomem();
	json_array_foreach(agents, i, v) {
		snprintf(r->where, sizeof(r->where), "agents[%zu]", i);
		if (!json_is_object(v))
			return bad(r, "agents", "must hold objects");
		if ((err = get_agent(r, v, i, &nb)) < 0)
			return err;
		fit->nagents++;
	}
	for (i = 0; i < n; i++) {
		fit->agents[i].bins = &fit->bins[fit->bin0[i]];
		fit->agents[i].nbins = fit->bin0[i + 1] - fit->bin0[i];
	}
	r->where[0] = '\0';
	return 0;
}

static int get_band(reader *r, json_t *band, fit_trend_full *tr)
{
	size_t i;
	json_t *v;
	int err;

	if (!band || json_is_null(band))
		return 0;
	if (!json_is_array(band))
		return bad(r, "band", "must be an array");
	if (json_array_size(band) && !(tr->band = calloc(json_array_size(band), sizeof(*tr->band))))
		return nomem();
	json_array_foreach(band, i, v) {
		hz_fit_band_point *b = &tr->band[tr->nband];
		const char *date = NULL;
		if (!json_is_object(v))
			return bad(r, "band", "must hold objects");
		if ((err = get_date(r, v, "date", &date, &b->day)) < 0 ||
		    (err = get_num(r, v, "estimate", &b->estimate)) < 0 || (err = get_num(r, v, "low", &b->low)) < 0 ||
		    (err = get_num(r, v, "high", &b->high)) < 0)
			return err;
		if (!date)
			return bad(r, "band", "entries need a 'date'");
		tr->nband++;
	}
	tr->pub.band = tr->band;
	tr->pub.nband = tr->nband;
	return 0;
}

static int get_trend(reader *r, json_t *obj, fit_trend_full *tr, double percent)
{
	json_t *agents = json_object_get(obj, "agents"), *v;
	size_t i, n;
	int err;

	tr->pub.percent = percent;
	if (!json_is_object(obj))
		return bad(r, "trend", "blocks must be objects");
	if ((err = get_num(r, obj, "slope_per_day", &tr->pub.slope_per_day)) < 0 ||
	    (err = get_num(r, obj, "intercept", &tr->pub.intercept)) < 0 ||
	    (err = get_num(r, obj, "doubling_days", &tr->pub.doubling_days)) < 0 ||
	    (err = get_num(r, obj, "doubling_ci_low", &tr->pub.ci_low)) < 0 ||
	    (err = get_num(r, obj, "doubling_ci_high", &tr->pub.ci_high)) < 0 ||
	    (err = get_num(r, obj, "doubling_bootstrap_median", &tr->pub.bootstrap_median)) < 0 ||
	    (err = get_count(r, obj, "bootstrap_n", &n)) < 0)
		return err;
	tr->pub.bootstrap_n = n;
	if (!isfinite(tr->pub.slope_per_day) || !isfinite(tr->pub.intercept))
		return bad(r, "slope_per_day", "and 'intercept' must be numbers");
	if (agents && !json_is_array(agents))
		return bad(r, "agents", "must be an array of aliases");
	if (json_array_size(agents) && !(tr->agents = calloc(json_array_size(agents), sizeof(char *))))
		return nomem();
	json_array_foreach(agents, i, v) {
		if (!json_is_string(v))
			return bad(r, "agents", "must be an array of aliases");
		if (!(tr->agents[tr->pub.nagents++] = fit_keep(r->fit, json_string_value(v))))
			return nomem();
	}
	tr->pub.agents = (const char *const *)tr->agents;
	if ((err = get_band(r, json_object_get(obj, "band"), tr)) < 0)
		return err;
	tr->fitted = 1;
	return 0;
}

static int get_trends(reader *r, json_t *trend)
{
	hz_fit *fit = r->fit;
	char key[32];
	int err;

	if (!trend || json_is_null(trend))
		return 0;
	if (!json_is_object(trend))
		return bad(r, "trend", "must be an object");
	for (size_t k = 0; k < fit->opts.nsuccess; k++) {
		json_t *t;
		pkey(key, sizeof(key), fit->opts.success_percents[k]);
		if (!(t = json_object_get(trend, key)) || json_is_null(t))
			continue;
		snprintf(r->where, sizeof(r->where), "trend.%s", key);
		if ((err = get_trend(r, t, &fit->trends[k], fit->opts.success_percents[k])) < 0)
			return err;
	}
	r->where[0] = '\0';
	return 0;
}

static int get_notes(reader *r, json_t *arr, const char *field, char ***list, size_t *n)
{
	size_t i;
	json_t *v;
	int err;

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad(r, field, "must be an array of strings");
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v))
			return bad(r, field, "must be an array of strings");
		if ((err = fit_add_note(r->fit, list, n, "%s", json_string_value(v))) < 0)
			return err;
	}
	return 0;
}

static int get_excluded(reader *r, json_t *arr)
{
	size_t i;
	json_t *v;
	int err;

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad(r, "excluded", "must be an array");
	json_array_foreach(arr, i, v) {
		const char *alias, *reason;
		snprintf(r->where, sizeof(r->where), "excluded[%zu]", i);
		if (!json_is_object(v))
			return bad(r, "excluded", "must hold objects");
		if ((err = get_str(r, v, "alias", 1, &alias)) < 0 || (err = get_str(r, v, "reason", 0, &reason)) < 0 ||
		    (err = fit_exclude(r->fit, alias, "%s", reason ? reason : "")) < 0)
			return err;
	}
	r->where[0] = '\0';
	return 0;
}

static int get_inputs(reader *r, json_t *arr)
{
	hz_fit *fit = r->fit;
	size_t i, n = json_array_size(arr);
	json_t *v;
	int err;

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad(r, "inputs", "must be an array");
	if (fit->published && n)
		n--; /* the writer lists the published file last */
	if (n && !(fit->inputs = calloc(n, sizeof(*fit->inputs))))
		return nomem();
	for (i = 0; i < n; i++) {
		const char *path;
		v = json_array_get(arr, i);
		snprintf(r->where, sizeof(r->where), "inputs[%zu]", i);
		if (!json_is_object(v))
			return bad(r, "inputs", "must hold objects");
		if ((err = get_str(r, v, "path", 1, &path)) < 0 ||
		    (err = get_count(r, v, "runs", &fit->inputs[i].records)) < 0)
			return err;
		if (!(fit->inputs[fit->ninputs++].path = strdup(path)))
			return nomem();
	}
	r->where[0] = '\0';
	return 0;
}

static int get_published(reader *r, json_t *pub)
{
	hz_fit *fit = r->fit;
	json_t *mine, *file, *f23;
	const char *path;
	int err;

	snprintf(r->where, sizeof(r->where), "published");
	if (!json_is_object(pub))
		return bad(r, "published", "must be an object when source is \"published\"");
	mine = json_object_get(pub, "doubling_point_estimates");
	file = json_object_get(pub, "file_doubling_time_in_days");
	f23 = json_object_get(file, "from_2023_on");
	if ((err = get_str(r, pub, "path", 1, &path)) < 0)
		return err;
	if (!(fit->published_path = strdup(path)))
		return nomem();
	if ((err = get_num(r, mine, "all_time", &fit->pub_all_time)) < 0 ||
	    (err = get_num(r, mine, "from_2023_on", &fit->pub_from_2023)) < 0 ||
	    (err = get_num(r, file, "all_time_stitched", &fit->file_all_time)) < 0 ||
	    (err = get_num(r, f23, "point_estimate", &fit->file_from_2023)) < 0 ||
	    (err = get_num(r, f23, "ci_low", &fit->file_from_2023_lo)) < 0 ||
	    (err = get_num(r, f23, "ci_high", &fit->file_from_2023_hi)) < 0)
		return err;
	r->where[0] = '\0';
	return 0;
}

static int get_fit(reader *r, json_t *root)
{
	hz_fit *fit = r->fit;
	json_t *src = json_object_get(root, "source");
	int err;

	if (!json_is_object(root))
		return hz_error_set(HZ_EINVALID, "%s: a fit file is one JSON object", r->origin);
	if (src && !json_is_null(src) && !(json_is_string(src) && (!strcmp(json_string_value(src), "runs") ||
								    !strcmp(json_string_value(src), "published"))))
		return bad(r, "source", "must be \"runs\" or \"published\"");
	fit->published = json_is_string(src) && !strcmp(json_string_value(src), "published");
	if ((err = get_params(r, json_object_get(root, "params"))) < 0 ||
	    (fit->published && (err = get_published(r, json_object_get(root, "published"))) < 0) ||
	    (err = get_inputs(r, json_object_get(root, "inputs"))) < 0 ||
	    (err = get_count(r, root, "runs_used", &fit->nruns)) < 0 ||
	    (err = get_count(r, root, "error_runs_excluded", &fit->n_error)) < 0 ||
	    (err = get_count(r, root, "records_superseded", &fit->n_superseded)) < 0 ||
	    (err = get_count(r, root, "excluded_agent_runs", &fit->n_excluded_agent)) < 0 ||
	    (err = get_agents(r, json_object_get(root, "agents"))) < 0 ||
	    (err = get_trends(r, json_object_get(root, "trend"))) < 0 ||
	    (err = get_excluded(r, json_object_get(root, "excluded"))) < 0 ||
	    (err = get_notes(r, json_object_get(root, "trend_notes"), "trend_notes", &fit->trend_notes,
			     &fit->ntrend_notes)) < 0 || (err = fit_method_from_json(fit, root, r->origin)) < 0 ||
	    (err = fit_metr_buckets_from_json(fit, json_object_get(root, "agents"), r->origin)) < 0 ||
	    (err = fit_cost_doubling_from_json(fit, json_object_get(root, "agents"), r->origin)) < 0 ||
	    (err = fit_sensitivity_from_json(fit, json_object_get(root, "sensitivity"), r->origin)) < 0)
		return err;
	return get_notes(r, json_object_get(root, "notes"), "notes", &fit->notes, &fit->nnotes);
}

int hz_fit_from_json(hz_fit **out, const char *text, size_t len, const char *origin)
{
	hz_fit_opts defaults = HZ_FIT_OPTS_INIT;
	json_error_t jerr;
	json_t *root = NULL;
	reader r = { NULL, origin ? origin : "(fit)", "" };
	int err = 0;

	*out = NULL;
	if (!(root = json_loadb(text, len, 0, &jerr))) {
		err = hz_error_set(HZ_EINVALID, "%s:%d: %s", r.origin, jerr.line, jerr.text);
		goto done;
	}
	if (!(r.fit = fit_new(&defaults)) || !(r.fit->origin = strdup(r.origin))) {
		err = nomem();
		goto done;
	}
	if ((err = get_fit(&r, root)) < 0)
		goto done;
	*out = r.fit;
	r.fit = NULL;
done:
	hz_fit_free(r.fit);
	json_decref(root);
	return err;
}

int hz_fit_read_json(hz_fit **out, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	int err;

	*out = NULL;
	if ((err = hz_fs_read(path, FIT_FILE_MAX, &text, &len)) < 0) {
		hz_error_prefix("reading fit file '%s': ", path);
		goto done;
	}
	err = hz_fit_from_json(out, text, len, path);
done:
	free(text);
	return err;
}
