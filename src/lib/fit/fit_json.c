/* The fit as JSON (docs/fit-json.md) and the per-sample horizons as CSV. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "buf.h"
#include "fit_method.h"
#include "fit_result.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "strutil.h"

/* A number, or null when it does not exist (NaN) or JSON cannot hold it (inf). */
static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static const char *weighting_name(hz_fit_weighting w)
{
	return w == HZ_FIT_WEIGHT_EQUAL ? "equal" : w == HZ_FIT_WEIGHT_NONE ? "none" : "invsqrt";
}

const char *hz_fit_status_name(hz_fit_status s)
{
	switch (s) {
	case HZ_FIT_NO_SUCCESS:
		return "no_success";
	case HZ_FIT_ALL_SUCCESS:
		return "all_success";
	case HZ_FIT_PUBLISHED:
		return "published";
	default:
		return "ok";
	}
}

static void pkey(char *buf, size_t size, double percent)
{
	snprintf(buf, size, "%g", percent);
}

static json_t *strings(char **v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *params_json(const hz_fit *fit)
{
	const hz_fit_opts *o = &fit->opts;
	json_t *p = json_object(), *pc = json_array();
	char a[11], b[11];

	hz_fmt_date(o->after_days, a);
	hz_fmt_date(o->before_days, b);
	for (size_t k = 0; k < o->nsuccess; k++)
		json_array_append_new(pc, json_real(o->success_percents[k]));
	json_object_set_new(p, "method", json_string(hz_fit_method_name(o->method)));
	json_object_set_new(p, "weighting", json_string(weighting_name(o->weighting)));
	json_object_set_new(p, "recompute_weights", json_boolean(o->recompute_weights));
	json_object_set_new(p, "weights_from_file", json_boolean(fit->weights_from_file));
	json_object_set_new(p, "regularization", json_real(o->regularization));
	json_object_set_new(p, "score_col", json_string(fit->score_col));
	json_object_set_new(p, "lengths", json_string(o->baseline_lengths_only ? "baseline-only" : "all"));
	json_object_set_new(p, "success_percents", pc);
	json_object_set_new(p, "bootstrap", json_integer((json_int_t)(fit->published ? 0 : o->bootstrap)));
	json_object_set_new(p, "seed", json_integer(o->seed));
	json_object_set_new(p, "confidence", json_real(0.95));
	json_object_set_new(p, "after", json_string(a));
	json_object_set_new(p, "before", json_string(b));
	json_object_set_new(p, "release_dates", str_or_null(fit->release_dates_path));
	json_object_set_new(p, "budget_usd", o->budget_usd > 0 ? json_real(o->budget_usd) : json_null());
	json_object_set_new(p, "budget_tokens", o->budget_tokens > 0 ? json_real(o->budget_tokens) : json_null());
	json_object_set_new(p, "budget_minutes", o->budget_minutes > 0 ? json_real(o->budget_minutes) : json_null());
	json_object_set_new(p, "sensitivity", json_boolean(o->sensitivity));
	json_object_set_new(p, "simex_sd", json_real(o->sensitivity ? o->simex_sd : 0));
	return p;
}

static json_t *agent_json(const hz_fit *fit, size_t i)
{
	const hz_fit_agent *ag = &fit->agents[i];
	json_t *o = json_object(), *hz = json_object(), *bins = json_array();
	char key[32];

	json_object_set_new(o, "alias", json_string(ag->alias));
	json_object_set_new(o, "release_date", str_or_null(ag->release_date));
	json_object_set_new(o, "runs", json_integer((json_int_t)ag->runs));
	json_object_set_new(o, "tasks", json_integer((json_int_t)ag->tasks));
	json_object_set_new(o, "families", json_integer((json_int_t)ag->families));
	json_object_set_new(o, "successes", num(ag->successes));
	json_object_set_new(o, "weighted_success_rate", num(ag->weighted_success_rate));
	json_object_set_new(o, "status", json_string(hz_fit_status_name(ag->status)));
	json_object_set_new(o, "note", str_or_null(ag->note));
	json_object_set_new(o, "slope", num(ag->slope));
	json_object_set_new(o, "intercept", num(ag->intercept));
	json_object_set_new(o, "design", str_or_null(ag->design));
	json_object_set_new(o, "interval", str_or_null(ag->interval));
	for (size_t k = 0; k < ag->nhorizons; k++) {
		const hz_fit_horizon *h = &ag->horizons[k];
		json_t *e = json_object();
		json_object_set_new(e, "estimate", num(h->estimate));
		json_object_set_new(e, "ci_low", num(h->ci_low));
		json_object_set_new(e, "ci_high", num(h->ci_high));
		json_object_set_new(e, "bootstrap_n", json_integer((json_int_t)h->bootstrap_n));
		pkey(key, sizeof(key), h->percent);
		json_object_set_new(hz, key, e);
	}
	json_object_set_new(o, "horizons", hz);
	if (fit->bin0)
		for (size_t b = fit->bin0[i]; b < fit->bin0[i + 1]; b++) {
			const hz_fit_bin *bn = &fit->bins[b];
			json_t *e = json_object();
			json_object_set_new(e, "lo_minutes", json_real(bn->lo));
			json_object_set_new(e, "hi_minutes", json_real(bn->hi));
			json_object_set_new(e, "runs", json_integer((json_int_t)bn->runs));
			json_object_set_new(e, "successes", num(bn->successes));
			json_object_set_new(e, "weighted_rate", num(bn->weighted_rate));
			json_array_append_new(bins, e);
		}
	json_object_set_new(o, "bins", bins);
	json_object_set_new(o, "input_tokens", num(ag->input_tokens));
	json_object_set_new(o, "output_tokens", num(ag->output_tokens));
	json_object_set_new(o, "total_tokens", num(ag->total_tokens));
	json_object_set_new(o, "cost_usd", num(ag->cost_usd));
	{
		const hz_fit_cost_doubling *c = &ag->cost_doubling;
		json_t *e = json_object();
		json_object_set_new(e, "factor", num(c->factor));
		json_object_set_new(e, "ci_low", num(c->ci_low));
		json_object_set_new(e, "ci_high", num(c->ci_high));
		json_object_set_new(e, "bootstrap_n", json_integer((json_int_t)c->bootstrap_n));
		json_object_set_new(e, "usd_at_p50", num(c->usd_at_p50));
		json_object_set_new(e, "usd_per_doubling", num(c->usd_per_doubling));
		json_object_set_new(e, "runs", json_integer((json_int_t)c->runs));
		json_object_set_new(e, "note", str_or_null(c->note));
		json_object_set_new(o, "cost_doubling", e);
	}
	if (fit->mbuckets) {
		json_t *mb = json_array();
		for (size_t b = 0; b < HZ_FIT_METR_BUCKETS; b++) {
			hz_fit_bucket bk;
			json_t *e = json_object();
			hz_fit_metr_bucket(fit, i, b, &bk);
			json_object_set_new(e, "lo_minutes", json_real(bk.lo_minutes));
			json_object_set_new(e, "hi_minutes", json_real(bk.hi_minutes));
			json_object_set_new(e, "runs", json_integer((json_int_t)bk.runs));
			json_object_set_new(e, "empirical", num(bk.empirical));
			json_object_set_new(e, "fitted", num(bk.fitted));
			json_array_append_new(mb, e);
		}
		json_object_set_new(o, "metr_buckets", mb);
	}
	json_object_set_new(o, "sota", json_boolean(ag->sota));
	json_object_set_new(o, "in_trend", json_boolean(ag->in_trend));
	return o;
}

static json_t *trend_json(const fit_trend_full *tr)
{
	json_t *o = json_object(), *agents = json_array(), *band = json_array();

	for (size_t i = 0; i < tr->pub.nagents; i++)
		json_array_append_new(agents, json_string(tr->pub.agents[i]));
	json_object_set_new(o, "agents", agents);
	json_object_set_new(o, "n_agents", json_integer((json_int_t)tr->pub.nagents));
	json_object_set_new(o, "slope_per_day", num(tr->pub.slope_per_day));
	json_object_set_new(o, "intercept", num(tr->pub.intercept));
	json_object_set_new(o, "doubling_days", num(tr->pub.doubling_days));
	json_object_set_new(o, "doubling_ci_low", num(tr->pub.ci_low));
	json_object_set_new(o, "doubling_ci_high", num(tr->pub.ci_high));
	json_object_set_new(o, "doubling_bootstrap_median", num(tr->pub.bootstrap_median));
	json_object_set_new(o, "bootstrap_n", json_integer((json_int_t)tr->pub.bootstrap_n));
	for (size_t g = 0; g < tr->nband; g++) {
		json_t *e = json_object();
		char d[11];
		hz_fmt_date(tr->band[g].day, d);
		json_object_set_new(e, "date", json_string(d));
		json_object_set_new(e, "estimate", num(tr->band[g].estimate));
		json_object_set_new(e, "low", num(tr->band[g].low));
		json_object_set_new(e, "high", num(tr->band[g].high));
		json_array_append_new(band, e);
	}
	json_object_set_new(o, "band", band);
	return o;
}

static json_t *published_json(const hz_fit *fit)
{
	json_t *o = json_object(), *mine = json_object(), *file = json_object(), *f23 = json_object();

	json_object_set_new(o, "path", json_string(fit->published_path));
	json_object_set_new(mine, "all_time", num(fit->pub_all_time));
	json_object_set_new(mine, "from_2023_on", num(fit->pub_from_2023));
	json_object_set_new(o, "doubling_point_estimates", mine);
	json_object_set_new(file, "all_time_stitched", num(fit->file_all_time));
	json_object_set_new(f23, "point_estimate", num(fit->file_from_2023));
	json_object_set_new(f23, "ci_low", num(fit->file_from_2023_lo));
	json_object_set_new(f23, "ci_high", num(fit->file_from_2023_hi));
	json_object_set_new(file, "from_2023_on", f23);
	json_object_set_new(o, "file_doubling_time_in_days", file);
	return o;
}

int hz_fit_to_json(const hz_fit *fit, char **out)
{
	json_t *root = json_object(), *inputs = json_array(), *agents = json_array(), *trend = json_object();
	json_t *excl = json_array();
	char key[32];
	int err = 0;

	*out = NULL;
	json_object_set_new(root, "horizon_version", json_string(HZ_VERSION));
	json_object_set_new(root, "method", json_string(hz_fit_method_name(fit->opts.method)));
	json_object_set_new(root, "source", json_string(fit->published ? "published" : "runs"));
	json_object_set_new(root, "params", params_json(fit));
	for (size_t i = 0; i < fit->ninputs; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "path", json_string(fit->inputs[i].path));
		json_object_set_new(e, "runs", json_integer((json_int_t)fit->inputs[i].records));
		json_array_append_new(inputs, e);
	}
	if (fit->published) {
		json_t *e = json_object();
		json_object_set_new(e, "path", json_string(fit->published_path));
		json_object_set_new(e, "runs", json_integer(0));
		json_array_append_new(inputs, e);
	}
	json_object_set_new(root, "inputs", inputs);
	json_object_set_new(root, "runs_used", json_integer((json_int_t)fit->nruns));
	json_object_set_new(root, "error_runs_excluded", json_integer((json_int_t)fit->n_error));
	json_object_set_new(root, "records_superseded", json_integer((json_int_t)fit->n_superseded));
	json_object_set_new(root, "excluded_agent_runs", json_integer((json_int_t)fit->n_excluded_agent));
	json_object_set_new(root, "excluded_family_runs", json_integer((json_int_t)fit->n_excluded_family));
	json_object_set_new(root, "over_budget_runs", json_integer((json_int_t)fit->n_over_budget));
	json_object_set_new(root, "no_tokens_runs", json_integer((json_int_t)fit->n_no_tokens));
	for (size_t i = 0; i < fit->nagents; i++)
		json_array_append_new(agents, agent_json(fit, i));
	json_object_set_new(root, "agents", agents);
	for (size_t k = 0; k < fit->opts.nsuccess; k++) {
		if (!fit->trends[k].fitted)
			continue;
		pkey(key, sizeof(key), fit->opts.success_percents[k]);
		json_object_set_new(trend, key, trend_json(&fit->trends[k]));
	}
	json_object_set_new(root, "trend", trend);
	for (size_t i = 0; i < fit->nexcluded; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "alias", json_string(fit->excluded[i].alias));
		json_object_set_new(e, "reason", json_string(fit->excluded[i].reason));
		json_array_append_new(excl, e);
	}
	json_object_set_new(root, "excluded", excl);
	json_object_set_new(root, "trend_notes", strings(fit->trend_notes, fit->ntrend_notes));
	json_object_set_new(root, "notes", strings(fit->notes, fit->nnotes));
	json_object_set_new(root, "sensitivity", fit_sensitivity_json(fit));
	if (fit->published)
		json_object_set_new(root, "published", published_json(fit));
	if (!(*out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(HZ_FIT_JSON_DIGITS))))
		err = hz_error_set(HZ_ENOMEM, "out of memory writing the fit as JSON");
	json_decref(root);
	return err;
}

int hz_fit_write_json(const hz_fit *fit, const char *path)
{
	char *s = NULL;
	int err;

	if ((err = hz_fit_to_json(fit, &s)) < 0)
		return err;
	{
		size_t n = strlen(s);
		if ((err = HZ_ARRAY_RESIZE(s, n + 2)) != 0) {
			free(s);
			return err;
		}
		s[n] = '\n';
		s[n + 1] = '\0';
		err = hz_fs_write_atomic(path, s, n + 1);
	}
	free(s);
	return err;
}

static int put_value(hz_buf *b, double v)
{
	if (isnan(v))
		return 0;
	if (isinf(v))
		return hz_buf_puts(b, v > 0 ? "inf" : "-inf");
	return hz_buf_printf(b, "%.17g", v);
}

/* A CSV field, quoted when it holds a comma, quote or newline. */
static int put_field(hz_buf *b, const char *s)
{
	int err = 0;

	if (!strpbrk(s, ",\"\n\r"))
		return hz_buf_puts(b, s);
	err = hz_buf_putc(b, '"');
	for (; *s && !err; s++)
		err = *s == '"' ? hz_buf_puts(b, "\"\"") : hz_buf_putc(b, *s);
	return err ? err : hz_buf_putc(b, '"');
}

int hz_fit_write_bootstrap_csv(const hz_fit *fit, const char *path)
{
	size_t np = fit->opts.nsuccess;
	hz_buf b = HZ_BUF_INIT;
	int err = 0;

	if (!fit->samples)
		return hz_error_set(HZ_EUSAGE, "no bootstrap samples were kept (bootstrap 0, or keep_samples not set)");
	err = hz_buf_puts(&b, "sample,alias");
	for (size_t k = 0; k < np && !err; k++)
		err = hz_buf_printf(&b, ",p%g", fit->opts.success_percents[k]);
	err = err ? err : hz_buf_putc(&b, '\n');
	for (size_t s = 0; s < fit->nsamples && !err; s++)
		for (size_t i = 0; i < fit->nagents && !err; i++) {
			if (fit->agents[i].status == HZ_FIT_NO_SUCCESS)
				continue; /* never fitted: no bootstrap column, as in METR's output */
			err = hz_buf_printf(&b, "%zu,", s);
			err = err ? err : put_field(&b, fit->agents[i].alias);
			for (size_t k = 0; k < np && !err; k++) {
				err = hz_buf_putc(&b, ',');
				err = err ? err : put_value(&b, fit->samples[(s * fit->nagents + i) * np + k]);
			}
			err = err ? err : hz_buf_putc(&b, '\n');
		}
	if (!err)
		err = hz_fs_write_atomic(path, b.ptr, b.len);
	else
		err = hz_error_set(err, "out of memory writing %s", path);
	hz_buf_release(&b);
	return err;
}
