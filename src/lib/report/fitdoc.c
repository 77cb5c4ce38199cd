/* Reading a fit file (docs/fit-json.md) into an hz_fitdoc. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fitdoc.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "strutil.h"

#define FIT_FILE_MAX (64u << 20)

int hz_fd_pindex(int percent)
{
	return percent == 50 ? 0 : percent == 80 ? 1 : -1;
}

static void horizon_init(hz_fd_horizon *h)
{
	h->estimate = h->ci_low = h->ci_high = NAN;
	h->bootstrap_n = -1;
}

static void trend_init(hz_fd_trend *t)
{
	memset(t, 0, sizeof(*t));
	t->slope_per_day = t->intercept = t->doubling_days = NAN;
	t->doubling_ci_low = t->doubling_ci_high = t->doubling_median = NAN;
	t->bootstrap_n = -1;
}

hz_fitdoc *hz_fd_new(const char *origin)
{
	hz_fitdoc *doc = calloc(1, sizeof(*doc));

	if (!doc)
		return NULL;
	doc->bootstrap = -1;
	doc->confidence = NAN;
	trend_init(&doc->trend[0]);
	trend_init(&doc->trend[1]);
	if (!(doc->origin = strdup(origin ? origin : "(fit)"))) {
		free(doc);
		return NULL;
	}
	return doc;
}

hz_fd_agent *hz_fd_add_agent(hz_fitdoc *doc)
{
	hz_fd_agent *a, *grown = realloc(doc->agents, (doc->nagents + 1) * sizeof(*grown));

	if (!grown)
		return NULL;
	doc->agents = grown;
	a = &doc->agents[doc->nagents++];
	memset(a, 0, sizeof(*a));
	a->runs = a->tasks = a->families = a->successes = -1;
	a->weighted_success_rate = a->slope = a->intercept = NAN;
	a->input_tokens = a->output_tokens = a->total_tokens = a->cost_usd = NAN;
	horizon_init(&a->h[0]);
	horizon_init(&a->h[1]);
	return a;
}

const hz_fd_agent *hz_fd_find(const hz_fitdoc *doc, const char *alias)
{
	for (size_t i = 0; i < doc->nagents; i++)
		if (!strcmp(doc->agents[i].alias, alias))
			return &doc->agents[i];
	return NULL;
}

void hz_fd_trend_span(hz_fitdoc *doc, int pi)
{
	hz_fd_trend *t = &doc->trend[pi];

	t->first_date[0] = t->last_date[0] = '\0';
	for (size_t i = 0; i < t->nagents; i++) {
		const hz_fd_agent *a = hz_fd_find(doc, t->agents[i]);
		if (!a || !a->release_date[0])
			continue;
		if (!t->first_date[0] || strcmp(a->release_date, t->first_date) < 0)
			memcpy(t->first_date, a->release_date, 11);
		if (!t->last_date[0] || strcmp(a->release_date, t->last_date) > 0)
			memcpy(t->last_date, a->release_date, 11);
	}
}

char *hz_fd_fmt_num(double x, char *out, size_t size)
{
	double ax = fabs(x);

	if (isnan(x))
		snprintf(out, size, "%s", "");
	else if (isinf(x))
		snprintf(out, size, "%s", x > 0 ? "inf" : "-inf");
	else if (ax >= 100)
		snprintf(out, size, "%.0f", x);
	else if (ax >= 10)
		snprintf(out, size, "%.1f", x);
	else if (ax >= 1)
		snprintf(out, size, "%.2f", x);
	else
		snprintf(out, size, "%.3g", x);
	return out;
}

char *hz_fd_fmt_exact(double x, char *out, size_t size)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, size, "%.*g", prec, x);
		if (strtod(out, NULL) == x)
			break;
	}
	return out;
}

/* --- JSON reading ------------------------------------------------------------ */

typedef struct reader {
	const char *origin;
	char where[160]; /* "agents[3] 'GPT-4'" */
} reader;

static int bad(const reader *r, const char *field, const char *what)
{
	return hz_error_set(HZ_EINVALID, "%s: %s%s'%s' %s", r->origin, r->where, r->where[0] ? ": " : "",
			    field, what);
}

/* An optional number: null or absent gives NAN. */
static int get_num(const reader *r, json_t *obj, const char *field, double *out)
{
	json_t *v = json_object_get(obj, field);

	*out = NAN;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return bad(r, field, "must be a number or null");
	*out = json_number_value(v);
	return 0;
}

/* A count: a non-negative number (the fitter writes successes as reals: partial credit), rounded. */
static int get_long(const reader *r, json_t *obj, const char *field, long *out)
{
	json_t *v = json_object_get(obj, field);

	*out = -1;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v) || !(json_number_value(v) >= 0) || json_number_value(v) > 1e15)
		return bad(r, field, "must be a non-negative number or null");
	*out = lround(json_number_value(v));
	return 0;
}

static int get_str(const reader *r, json_t *obj, const char *field, int required, char **out)
{
	json_t *v = json_object_get(obj, field);

	*out = NULL;
	if (!v || json_is_null(v))
		return required ? bad(r, field, "is missing") : 0;
	if (!json_is_string(v))
		return bad(r, field, "must be a string");
	if (!(*out = strdup(json_string_value(v))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int get_date(const reader *r, json_t *obj, const char *field, char out[11], long *days)
{
	json_t *v = json_object_get(obj, field);
	const char *s;

	out[0] = '\0';
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v) || hz_parse_date((s = json_string_value(v)), days) < 0 || strlen(s) != 10)
		return bad(r, field, "must be a date YYYY-MM-DD or null");
	memcpy(out, s, 11);
	return 0;
}

static int get_horizon(const reader *r, json_t *horizons, const char *key, hz_fd_horizon *h)
{
	json_t *v = json_object_get(horizons, key);
	int err;

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return bad(r, "horizons", "must map \"50\"/\"80\" to objects");
	if ((err = get_num(r, v, "estimate", &h->estimate)) < 0 || (err = get_num(r, v, "ci_low", &h->ci_low)) < 0 ||
	    (err = get_num(r, v, "ci_high", &h->ci_high)) < 0 || (err = get_long(r, v, "bootstrap_n", &h->bootstrap_n)) < 0)
		return err;
	return 0;
}

static int get_bins(const reader *r, json_t *arr, hz_fd_agent *a)
{
	size_t i;
	json_t *b;
	int err;

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad(r, "bins", "must be an array");
	if (json_array_size(arr) && !(a->bins = calloc(json_array_size(arr), sizeof(*a->bins))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(arr, i, b) {
		hz_fd_bin *bin = &a->bins[i];
		if (!json_is_object(b))
			return bad(r, "bins", "must hold objects");
		if ((err = get_num(r, b, "lo_minutes", &bin->lo_minutes)) < 0 ||
		    (err = get_num(r, b, "hi_minutes", &bin->hi_minutes)) < 0 ||
		    (err = get_long(r, b, "runs", &bin->runs)) < 0 ||
		    (err = get_long(r, b, "successes", &bin->successes)) < 0 ||
		    (err = get_num(r, b, "weighted_rate", &bin->weighted_rate)) < 0)
			return err;
		if (!(bin->lo_minutes > 0) || !(bin->hi_minutes > bin->lo_minutes))
			return bad(r, "bins", "need 0 < lo_minutes < hi_minutes");
		a->nbins++;
	}
	return 0;
}

static int get_agent(reader *r, json_t *obj, hz_fd_agent *a)
{
	json_t *h = json_object_get(obj, "horizons"), *v;
	int err;

	if ((err = get_str(r, obj, "alias", 1, &a->alias)) < 0)
		return err;
	snprintf(r->where + strlen(r->where), sizeof(r->where) - strlen(r->where), " '%.80s'", a->alias);
	if ((err = get_date(r, obj, "release_date", a->release_date, &a->release_days)) < 0 ||
	    (err = get_long(r, obj, "runs", &a->runs)) < 0 || (err = get_long(r, obj, "tasks", &a->tasks)) < 0 ||
	    (err = get_long(r, obj, "families", &a->families)) < 0 ||
	    (err = get_long(r, obj, "successes", &a->successes)) < 0 ||
	    (err = get_num(r, obj, "weighted_success_rate", &a->weighted_success_rate)) < 0 ||
	    (err = get_str(r, obj, "status", 0, &a->status)) < 0 || (err = get_str(r, obj, "note", 0, &a->note)) < 0 ||
	    (err = get_num(r, obj, "slope", &a->slope)) < 0 || (err = get_num(r, obj, "intercept", &a->intercept)) < 0 ||
	    (err = get_num(r, obj, "input_tokens", &a->input_tokens)) < 0 ||
	    (err = get_num(r, obj, "output_tokens", &a->output_tokens)) < 0 ||
	    (err = get_num(r, obj, "total_tokens", &a->total_tokens)) < 0 ||
	    (err = get_num(r, obj, "cost_usd", &a->cost_usd)) < 0)
		return err;
	if (h && !json_is_null(h) && !json_is_object(h))
		return bad(r, "horizons", "must be an object");
	if ((err = get_horizon(r, h, "50", &a->h[0])) < 0 || (err = get_horizon(r, h, "80", &a->h[1])) < 0 ||
	    (err = get_bins(r, json_object_get(obj, "bins"), a)) < 0)
		return err;
	a->sota = (v = json_object_get(obj, "sota")) && json_is_true(v);
	a->in_trend = (v = json_object_get(obj, "in_trend")) && json_is_true(v);
	if (!a->status && !(a->status = strdup("ok")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

static int get_trend(reader *r, json_t *obj, hz_fd_trend *t)
{
	json_t *agents = json_object_get(obj, "agents"), *band = json_object_get(obj, "band"), *v;
	size_t i;
	int err;

	if (!json_is_object(obj))
		return bad(r, "trend", "blocks must be objects");
	if ((err = get_num(r, obj, "slope_per_day", &t->slope_per_day)) < 0 ||
	    (err = get_num(r, obj, "intercept", &t->intercept)) < 0 ||
	    (err = get_num(r, obj, "doubling_days", &t->doubling_days)) < 0 ||
	    (err = get_num(r, obj, "doubling_ci_low", &t->doubling_ci_low)) < 0 ||
	    (err = get_num(r, obj, "doubling_ci_high", &t->doubling_ci_high)) < 0 ||
	    (err = get_num(r, obj, "doubling_bootstrap_median", &t->doubling_median)) < 0 ||
	    (err = get_long(r, obj, "bootstrap_n", &t->bootstrap_n)) < 0)
		return err;
	if (!isfinite(t->slope_per_day) || !isfinite(t->intercept))
		return bad(r, "slope_per_day", "and 'intercept' must be numbers");
	if (agents && !json_is_array(agents))
		return bad(r, "agents", "must be an array of aliases");
	if (agents && json_array_size(agents) && !(t->agents = calloc(json_array_size(agents), sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(agents, i, v) {
		if (!json_is_string(v))
			return bad(r, "agents", "must be an array of aliases");
		if (!(t->agents[t->nagents++] = strdup(json_string_value(v))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	if (band && !json_is_null(band) && !json_is_array(band))
		return bad(r, "band", "must be an array");
	if (json_is_array(band) && json_array_size(band) &&
	    !(t->band = calloc(json_array_size(band), sizeof(*t->band))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(band, i, v) {
		hz_fd_band *b = &t->band[t->nband];
		char date[11];
		if (!json_is_object(v))
			return bad(r, "band", "must hold objects");
		if ((err = get_date(r, v, "date", date, &b->days)) < 0 ||
		    (err = get_num(r, v, "estimate", &b->estimate)) < 0 || (err = get_num(r, v, "low", &b->low)) < 0 ||
		    (err = get_num(r, v, "high", &b->high)) < 0)
			return err;
		if (!date[0])
			return bad(r, "band", "entries need a 'date'");
		t->nband++;
	}
	t->present = 1;
	return 0;
}

static int get_doc(reader *r, json_t *root, hz_fitdoc *doc)
{
	json_t *params = json_object_get(root, "params"), *agents = json_object_get(root, "agents");
	json_t *trend = json_object_get(root, "trend"), *excl = json_object_get(root, "excluded");
	json_t *notes = json_object_get(root, "trend_notes"), *v;
	static const char *const keys[2] = { "50", "80" };
	size_t i;
	int err;

	if (!json_is_object(root))
		return hz_error_set(HZ_EINVALID, "%s: a fit file is one JSON object", r->origin);
	if ((err = get_str(r, root, "horizon_version", 0, &doc->version)) < 0 ||
	    (err = get_str(r, root, "method", 0, &doc->method)) < 0 ||
	    (err = get_str(r, root, "source", 0, &doc->source)) < 0)
		return err;
	if (!doc->source && !(doc->source = strdup("runs")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (json_is_object(params) &&
	    ((err = get_long(r, params, "bootstrap", &doc->bootstrap)) < 0 ||
	     (err = get_num(r, params, "confidence", &doc->confidence)) < 0 ||
	     (err = get_str(r, params, "weighting", 0, &doc->weighting)) < 0))
		return err;
	if (!json_is_array(agents))
		return bad(r, "agents", "must be an array (is this a fit file from 'horizon fit --json'?)");
	json_array_foreach(agents, i, v) {
		hz_fd_agent *a;
		if (!json_is_object(v))
			return bad(r, "agents", "must hold objects");
		if (!(a = hz_fd_add_agent(doc)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		snprintf(r->where, sizeof(r->where), "agents[%zu]", i);
		if ((err = get_agent(r, v, a)) < 0)
			return err;
	}
	r->where[0] = '\0';
	if (trend && !json_is_null(trend) && !json_is_object(trend))
		return bad(r, "trend", "must be an object");
	for (int pi = 0; pi < 2 && json_is_object(trend); pi++) {
		json_t *t = json_object_get(trend, keys[pi]);
		if (!t || json_is_null(t))
			continue;
		snprintf(r->where, sizeof(r->where), "trend.%s", keys[pi]);
		if ((err = get_trend(r, t, &doc->trend[pi])) < 0)
			return err;
		hz_fd_trend_span(doc, pi);
	}
	r->where[0] = '\0';
	if (json_is_array(excl) && json_array_size(excl) &&
	    !(doc->excluded = calloc(json_array_size(excl), sizeof(*doc->excluded))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(excl, i, v) {
		hz_fd_excluded *e = &doc->excluded[doc->nexcluded];
		if (!json_is_object(v))
			return bad(r, "excluded", "must hold objects");
		if ((err = get_str(r, v, "alias", 0, &e->alias)) < 0 || (err = get_str(r, v, "reason", 0, &e->reason)) < 0)
			return err;
		doc->nexcluded++;
	}
	if (json_is_array(notes) && json_array_size(notes) &&
	    !(doc->notes = calloc(json_array_size(notes), sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	json_array_foreach(notes, i, v) {
		if (json_is_string(v) && !(doc->notes[doc->nnotes++] = strdup(json_string_value(v))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

int hz_fitdoc_parse(hz_fitdoc **out, const char *text, size_t len, const char *origin)
{
	json_error_t jerr;
	json_t *root = NULL;
	hz_fitdoc *doc = NULL;
	reader r = { origin ? origin : "(fit)", "" };
	int err = 0;

	*out = NULL;
	if (!(root = json_loadb(text, len, 0, &jerr))) {
		err = hz_error_set(HZ_EINVALID, "%s:%d: %s", r.origin, jerr.line, jerr.text);
		goto done;
	}
	if (!(doc = hz_fd_new(r.origin))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((err = get_doc(&r, root, doc)) < 0)
		goto done;
	*out = doc;
	doc = NULL;
done:
	hz_fitdoc_free(doc);
	json_decref(root);
	return err;
}

int hz_fitdoc_load(hz_fitdoc **out, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	int err;

	*out = NULL;
	if ((err = hz_fs_read(path, FIT_FILE_MAX, &text, &len)) < 0) {
		hz_error_prefix("reading fit file '%s': ", path);
		goto done;
	}
	err = hz_fitdoc_parse(out, text, len, path);
done:
	free(text);
	return err;
}

static void trend_release(hz_fd_trend *t)
{
	for (size_t i = 0; i < t->nagents; i++)
		free(t->agents[i]);
	free(t->agents);
	free(t->band);
}

void hz_fitdoc_free(hz_fitdoc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nagents; i++) {
		hz_fd_agent *a = &doc->agents[i];
		free(a->alias);
		free(a->status);
		free(a->note);
		free(a->bins);
	}
	free(doc->agents);
	trend_release(&doc->trend[0]);
	trend_release(&doc->trend[1]);
	for (size_t i = 0; i < doc->nexcluded; i++) {
		free(doc->excluded[i].alias);
		free(doc->excluded[i].reason);
	}
	free(doc->excluded);
	for (size_t i = 0; i < doc->nnotes; i++)
		free(doc->notes[i]);
	free(doc->notes);
	free(doc->origin);
	free(doc->version);
	free(doc->method);
	free(doc->source);
	free(doc->benchmark_name);
	free(doc->weighting);
	free(doc);
}

const char *hz_fitdoc_source(const hz_fitdoc *doc)
{
	return doc->source ? doc->source : "runs";
}

size_t hz_fitdoc_agent_count(const hz_fitdoc *doc)
{
	return doc->nagents;
}

int hz_fitdoc_doubling(const hz_fitdoc *doc, int percent, hz_doubling *out)
{
	int pi = hz_fd_pindex(percent);
	const hz_fd_trend *t;

	if (pi < 0 || !(t = &doc->trend[pi])->present || !isfinite(t->doubling_days))
		return hz_error_set(HZ_ENOTFOUND, "%s: no %d%% trend", doc->origin, percent);
	out->days = t->doubling_days;
	out->ci_low = t->doubling_ci_low;
	out->ci_high = t->doubling_ci_high;
	out->n_agents = t->nagents;
	out->first_date = t->first_date;
	out->last_date = t->last_date;
	return 0;
}

int hz_fitdoc_from_fit(hz_fitdoc **out, const hz_fit *fit, const char *origin)
{
	char *json = NULL;
	int err;

	*out = NULL;
	if ((err = hz_fit_to_json(fit, &json)) < 0)
		return err;
	err = hz_fitdoc_parse(out, json, strlen(json), origin);
	free(json);
	return err;
}

int hz_fitdoc_load_published(hz_fitdoc **out, const char *path)
{
	hz_fit_opts opts = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;
	int err;

	*out = NULL;
	if ((err = hz_fit_published(&fit, path, &opts)) < 0)
		return err;
	err = hz_fitdoc_from_fit(out, fit, path);
	hz_fit_free(fit);
	return err;
}
