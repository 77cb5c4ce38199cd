/*
 * The sensitivity panel (docs/fit.md SENSITIVITY): the headline fit's runs
 * refitted, point estimates and point trend only, with one analysis choice
 * changed at a time: the method version, the penalty, the weighting, binary
 * or partial credit, baselined lengths only, and each task family left out in
 * turn.  Every variation is a full hz_fit_runs() with bootstrap 0, so it is
 * exactly what `horizon fit` prints with that option.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit_method.h"
#include "horizon/error.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static fit_variant_full *new_variant(hz_fit *fit, const char *group, const char *name)
{
	size_t np = fit->opts.nsuccess, n = fit->nagents * np;
	fit_variant_full *nv = realloc(fit->variants, (fit->nvariants + 1) * sizeof(*nv)), *v;

	if (!nv)
		return NULL;
	fit->variants = nv;
	v = &nv[fit->nvariants];
	memset(v, 0, sizeof(*v));
	v->group = strdup(group);
	v->name = strdup(name);
	v->horizons = malloc((n + 1) * sizeof(double));
	v->doubling = malloc((np + 1) * sizeof(double));
	fit->nvariants++; /* counted now so that fit_variants_free() releases a half-made entry */
	if (!v->group || !v->name || !v->horizons || !v->doubling)
		return NULL;
	for (size_t i = 0; i < n; i++)
		v->horizons[i] = NAN;
	for (size_t k = 0; k < np; k++)
		v->doubling[k] = NAN;
	v->pub.group = v->group;
	v->pub.name = v->name;
	v->pub.horizons = v->horizons;
	v->pub.doubling_days = v->doubling;
	return v;
}

static void variant_release(fit_variant_full *v)
{
	free(v->group);
	free(v->name);
	free(v->error);
	free(v->horizons);
	free(v->doubling);
}

/* Fit one variation; a fit that fails for a reason of the data is recorded, not fatal. */
static int run_variant(hz_fit *fit, const char *group, const char *name, const hz_fit_opts *vo,
		       const char *const *inputs, size_t ninputs)
{
	size_t np = fit->opts.nsuccess;
	fit_variant_full *v = new_variant(fit, group, name);
	hz_fit *r = NULL;
	int err;

	if (!v)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((err = hz_fit_runs(&r, inputs, ninputs, vo)) < 0) {
		if (err == HZ_ENOMEM)
			return err;
		v->pub.error = v->error = strdup(hz_error_message());
		return v->error ? 0 : hz_error_set(HZ_ENOMEM, "out of memory");
	}
	v->pub.runs = r->nruns;
	for (size_t o = 0; o < fit->nagents; o++)
		for (size_t j = 0; j < r->nagents; j++) {
			if (strcmp(fit->agents[o].alias, r->agents[j].alias))
				continue;
			for (size_t k = 0; k < np; k++)
				v->horizons[o * np + k] = r->agents[j].horizons[k].estimate;
			break;
		}
	for (size_t k = 0; k < np; k++) {
		const hz_fit_trend *tr = hz_fit_trend_at(r, k);
		v->doubling[k] = tr ? tr->doubling_days : NAN;
	}
	hz_fit_free(r);
	return 0;
}

static int leave_families_out(hz_fit *fit, const fit_table *t, hz_fit_opts *vo, const char *const *inputs,
			      size_t ninputs, const hz_fit_opts *opts)
{
	size_t nf = t->families.n, nx = opts->nexclude_families;
	const char **fam = malloc((nf + 1) * sizeof(*fam)), **ex = malloc((nx + 2) * sizeof(*ex));
	int err = 0;

	if (!fam || !ex) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nf; i++)
		fam[i] = t->families.str[i];
	qsort(fam, nf, sizeof(*fam), cmp_str);
	for (size_t i = 0; i < nx; i++)
		ex[i] = opts->exclude_families[i];
	vo->exclude_families = ex;
	vo->nexclude_families = nx + 1;
	for (size_t i = 0; i < nf && !err; i++) {
		ex[nx] = fam[i];
		err = run_variant(fit, "family", fam[i], vo, inputs, ninputs);
	}
done:
	free(fam);
	free(ex);
	return err;
}

#define SIMEX_LEVELS 4
#define SIMEX_REPS 8

/* Least squares c0 + c1 z + c2 z^2 through (z[i], m[i]), evaluated at z = -1 (NaN when degenerate). */
static double quad_at_minus1(const double *z, const double *m, size_t n)
{
	double S[5] = { 0 }, T[3] = { 0 }, A[3][4], c[3];

	for (size_t i = 0; i < n; i++) {
		double p = 1;
		if (!isfinite(m[i]))
			return NAN;
		for (int k = 0; k < 5; k++, p *= z[i]) {
			S[k] += p;
			if (k < 3)
				T[k] += p * m[i];
		}
	}
	for (int r = 0; r < 3; r++) {
		for (int k = 0; k < 3; k++)
			A[r][k] = S[r + k];
		A[r][3] = T[r];
	}
	for (int k = 0; k < 3; k++) { /* Gauss-Jordan; the normal matrix is positive definite for >= 3 levels */
		if (!(fabs(A[k][k]) > 1e-300))
			return NAN;
		for (int r = 0; r < 3; r++) {
			double f = A[r][k] / A[k][k];
			if (r == k)
				continue;
			for (int j = k; j < 4; j++)
				A[r][j] -= f * A[k][j];
		}
	}
	for (int k = 0; k < 3; k++)
		c[k] = A[k][3] / A[k][k];
	return c[0] - c[1] + c[2];
}

/*
 * SIMEX (Cook and Stefanski 1994): if task lengths carry noise of variance
 * sd^2 in log2 units, refitting with extra noise of variance zeta*sd^2 shows
 * how estimates drift with noise; a quadratic in zeta through the drift,
 * evaluated at zeta = -1, estimates the noiseless value.  The averages are of
 * log horizons and of doubling times, SIMEX_REPS refits per level.
 */
static int simex(hz_fit *fit, const hz_fit_opts *base, const char *const *inputs, size_t ninputs)
{
	static const double zeta[SIMEX_LEVELS + 1] = { 0, 0.5, 1, 1.5, 2 };
	size_t np = fit->opts.nsuccess, nh = fit->nagents * np;
	double *sum = calloc((nh + np) * (SIMEX_LEVELS + 1) + 1, sizeof(*sum));
	size_t *cnt = calloc((nh + np) * (SIMEX_LEVELS + 1) + 1, sizeof(*cnt));
	fit_variant_full *v = NULL;
	char name[48];
	int err = 0;

	if (!sum || !cnt) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t a = 0; a < fit->nagents; a++)
		for (size_t k = 0; k < np; k++) {
			sum[a * np + k] = log(fit->agents[a].horizons[k].estimate);
			cnt[a * np + k] = 1;
		}
	for (size_t k = 0; k < np; k++) {
		sum[nh + k] = fit->trends[k].fitted ? fit->trends[k].pub.doubling_days : NAN;
		cnt[nh + k] = 1;
	}
	for (size_t l = 1; l <= SIMEX_LEVELS; l++)
		for (uint32_t b = 0; b < SIMEX_REPS; b++) {
			hz_fit_opts vo = *base;
			fit_variant_full *r;
			size_t at = fit->nvariants;
			vo.length_noise_sd = base->simex_sd * sqrt(zeta[l]);
			vo.length_noise_seed = (uint32_t)(1000 * l + b);
			if ((err = run_variant(fit, "simex-refit", "", &vo, inputs, ninputs)) < 0)
				goto done;
			r = &fit->variants[at];
			for (size_t i = 0; !r->error && i < nh + np; i++) {
				double x = i < nh ? log(r->horizons[i]) : r->doubling[i - nh];
				if (isfinite(x)) {
					sum[l * (nh + np) + i] += x;
					cnt[l * (nh + np) + i]++;
				}
			}
			variant_release(&fit->variants[--fit->nvariants]);
		}
	snprintf(name, sizeof(name), "simex sd %g", base->simex_sd);
	if (!(v = new_variant(fit, "lengths", name))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < nh + np; i++) {
		double m[SIMEX_LEVELS + 1], e;
		for (size_t l = 0; l <= SIMEX_LEVELS; l++)
			m[l] = 2 * cnt[l * (nh + np) + i] > (l ? SIMEX_REPS : 1) ? sum[l * (nh + np) + i] /
				(double)cnt[l * (nh + np) + i] : NAN;
		e = quad_at_minus1(zeta, m, SIMEX_LEVELS + 1);
		if (i < nh)
			v->horizons[i] = exp(e);
		else
			v->doubling[i - nh] = e;
	}
	v->pub.runs = fit->nruns;
done:
	free(sum);
	free(cnt);
	return err;
}

int fit_sensitivity(hz_fit *fit, const fit_table *t, const char *const *inputs, size_t ninputs,
		    const hz_fit_opts *opts)
{
	static const char *const wname[] = { "invsqrt", "equal", "none" };
	hz_fit_opts base = *opts, vo;
	int err;

	base.bootstrap = 0;
	base.sensitivity = 0;
	base.keep_samples = 0;
	base.progress = NULL;
	base.progress_ud = NULL;
	base.release_dates = fit->release_dates_path; /* as found for the headline */
	vo = base;
	vo.method = opts->method == HZ_FIT_METHOD_METR2025 ? HZ_FIT_METHOD_METR2026 : HZ_FIT_METHOD_METR2025;
	if ((err = run_variant(fit, "method", hz_fit_method_name(vo.method), &vo, inputs, ninputs)) < 0)
		return err;
	vo = base;
	vo.regularization = 0;
	if (opts->regularization != 0 && (err = run_variant(fit, "regularization", "none", &vo, inputs, ninputs)) < 0)
		return err;
	vo.regularization = 0.1;
	if (opts->regularization != 0.1 && (err = run_variant(fit, "regularization", "0.1", &vo, inputs, ninputs)) < 0)
		return err;
	for (int w = HZ_FIT_WEIGHT_INVSQRT; w <= HZ_FIT_WEIGHT_NONE; w++) {
		vo = base;
		vo.weighting = (hz_fit_weighting)w;
		if (w != (int)opts->weighting && (err = run_variant(fit, "weighting", wname[w], &vo, inputs, ninputs)) < 0)
			return err;
	}
	vo = base;
	if (!strcmp(fit->score_col, "score_binarized")) {
		/* partial credit: horizon's logs and METR's 2025+ files have score_cont, the Jan-2025 file only score */
		vo.score_col = "score_cont";
		if ((err = run_variant(fit, "score", "score_cont", &vo, inputs, ninputs)) < 0)
			return err;
		if (fit->variants[fit->nvariants - 1].error &&
		    strstr(fit->variants[fit->nvariants - 1].error, "'score_cont' is missing")) {
			variant_release(&fit->variants[--fit->nvariants]);
			vo.score_col = "score";
			if ((err = run_variant(fit, "score", "score", &vo, inputs, ninputs)) < 0)
				return err;
		}
	} else {
		vo.score_col = "score_binarized";
		if ((err = run_variant(fit, "score", "score_binarized", &vo, inputs, ninputs)) < 0)
			return err;
	}
	vo = base;
	vo.baseline_lengths_only = 1;
	if (!opts->baseline_lengths_only &&
	    (err = run_variant(fit, "lengths", "baselined", &vo, inputs, ninputs)) < 0)
		return err;
	if (opts->simex_sd > 0 && (err = simex(fit, &base, inputs, ninputs)) < 0)
		return err;
	vo = base;
	return leave_families_out(fit, t, &vo, inputs, ninputs, opts);
}

void fit_variants_free(hz_fit *fit)
{
	for (size_t i = 0; i < fit->nvariants; i++)
		variant_release(&fit->variants[i]);
	free(fit->variants);
	fit->variants = NULL;
	fit->nvariants = 0;
}

hz_fit_method hz_fit_method_of(const hz_fit *fit)
{
	return fit->opts.method;
}

size_t hz_fit_nvariants(const hz_fit *fit)
{
	return fit->nvariants;
}

const hz_fit_variant *hz_fit_variant_at(const hz_fit *fit, size_t i)
{
	return i < fit->nvariants ? &fit->variants[i].pub : NULL;
}

static json_t *num_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *fit_sensitivity_json(const hz_fit *fit)
{
	size_t np = fit->opts.nsuccess;
	json_t *arr;
	char key[32];

	if (!fit->opts.sensitivity || fit->published)
		return json_null();
	arr = json_array();
	for (size_t i = 0; i < fit->nvariants; i++) {
		const fit_variant_full *v = &fit->variants[i];
		json_t *o = json_object(), *hz = json_object(), *dbl = json_object();
		json_object_set_new(o, "group", json_string(v->group));
		json_object_set_new(o, "name", json_string(v->name));
		json_object_set_new(o, "error", v->error ? json_string(v->error) : json_null());
		json_object_set_new(o, "runs", json_integer((json_int_t)v->pub.runs));
		for (size_t a = 0; a < fit->nagents; a++) {
			json_t *e = json_object();
			for (size_t k = 0; k < np; k++) {
				snprintf(key, sizeof(key), "%g", fit->opts.success_percents[k]);
				json_object_set_new(e, key, num_or_null(v->horizons[a * np + k]));
			}
			json_object_set_new(hz, fit->agents[a].alias, e);
		}
		for (size_t k = 0; k < np; k++) {
			snprintf(key, sizeof(key), "%g", fit->opts.success_percents[k]);
			json_object_set_new(dbl, key, num_or_null(v->doubling[k]));
		}
		json_object_set_new(o, "horizons", hz);
		json_object_set_new(o, "doubling_days", dbl);
		json_array_append_new(arr, o);
	}
	return arr;
}

static int bad_variant(const char *origin, size_t i, const char *what)
{
	return hz_error_set(HZ_EINVALID, "%s: sensitivity[%zu]: %s", origin, i, what);
}

/* A number or null (NaN) from obj[key]; -1 when it is something else. */
static int num_at(json_t *obj, const char *key, double *out)
{
	json_t *v = json_object_get(obj, key);

	*out = NAN;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return -1;
	*out = json_number_value(v);
	return 0;
}

int fit_sensitivity_from_json(hz_fit *fit, json_t *arr, const char *origin)
{
	size_t np = fit->opts.nsuccess, i;
	json_t *e;
	char key[32];

	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return hz_error_set(HZ_EINVALID, "%s: 'sensitivity' must be an array or null", origin);
	fit->opts.sensitivity = 1;
	json_array_foreach(arr, i, e) {
		json_t *g = json_object_get(e, "group"), *n = json_object_get(e, "name"), *er = json_object_get(e, "error");
		json_t *hz = json_object_get(e, "horizons"), *dbl = json_object_get(e, "doubling_days");
		json_t *runs = json_object_get(e, "runs");
		fit_variant_full *v;
		if (!json_is_object(e) || !json_is_string(g) || !json_is_string(n))
			return bad_variant(origin, i, "needs 'group' and 'name' strings");
		if ((er && !json_is_null(er) && !json_is_string(er)) || (hz && !json_is_null(hz) && !json_is_object(hz)) ||
		    (dbl && !json_is_null(dbl) && !json_is_object(dbl)) ||
		    (runs && !json_is_null(runs) && !(json_is_integer(runs) && json_integer_value(runs) >= 0)))
			return bad_variant(origin, i, "'error' must be a string, 'horizons' and 'doubling_days' objects, "
					   "'runs' a count");
		if (!(v = new_variant(fit, json_string_value(g), json_string_value(n))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		if (json_is_string(er) && !(v->pub.error = v->error = strdup(json_string_value(er))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		v->pub.runs = json_is_integer(runs) ? (size_t)json_integer_value(runs) : 0;
		for (size_t k = 0; k < np; k++) {
			snprintf(key, sizeof(key), "%g", fit->opts.success_percents[k]);
			if (json_is_object(dbl) && num_at(dbl, key, &v->doubling[k]) < 0)
				return bad_variant(origin, i, "'doubling_days' values must be numbers or null");
			for (size_t a = 0; json_is_object(hz) && a < fit->nagents; a++) {
				json_t *ag = json_object_get(hz, fit->agents[a].alias);
				if (ag && !json_is_null(ag) && (!json_is_object(ag) || num_at(ag, key, &v->horizons[a * np + k]) < 0))
					return bad_variant(origin, i, "'horizons' must map aliases to {percent: number}");
			}
		}
	}
	return 0;
}

size_t hz_fit_sensitivity_columns(const hz_fit *fit, hz_fit_sens_column *cols, size_t max)
{
	size_t nc = 0;

	for (size_t i = 0; i < fit->nvariants && nc < max; i++) {
		const fit_variant_full *v = &fit->variants[i];
		hz_fit_sens_column *c = &cols[nc];
		if (!strcmp(v->group, "family")) {
			if (nc && !strcmp(cols[nc - 1].label, "-family")) {
				cols[nc - 1].n++;
				continue;
			}
			snprintf(c->label, sizeof(c->label), "-family");
		} else if (!strcmp(v->group, "regularization")) {
			snprintf(c->label, sizeof(c->label), "reg %s", v->name);
		} else if (!strcmp(v->group, "weighting")) {
			snprintf(c->label, sizeof(c->label), "w %s", v->name);
		} else {
			snprintf(c->label, sizeof(c->label), "%s", v->name);
		}
		c->first = i;
		c->n = 1;
		nc++;
	}
	return nc;
}

int hz_fit_sensitivity_range(const hz_fit *fit, const hz_fit_sens_column *c, size_t agent, size_t k, double *lo,
			     double *hi)
{
	size_t np = fit->opts.nsuccess;
	int failed = 0;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t j = c->first; j < c->first + c->n && j < fit->nvariants && k < np; j++) {
		const fit_variant_full *v = &fit->variants[j];
		double x;
		if (v->error) {
			failed = 1;
			continue;
		}
		if (agent != SIZE_MAX && agent >= fit->nagents)
			break;
		x = agent == SIZE_MAX ? v->doubling[k] : v->horizons[agent * np + k];
		if (isnan(x))
			continue;
		*lo = fmin(*lo, x);
		*hi = fmax(*hi, x);
	}
	if (!(*lo <= *hi))
		*lo = *hi = NAN;
	return failed;
}

/* The column's cell: a ratio to the headline (a range for the families), days for the doubling row. */
void hz_fit_sensitivity_cell(const hz_fit *fit, const hz_fit_sens_column *c, size_t a, size_t k, double ref,
			     char *out, size_t size)
{
	double lo, hi;
	int failed = hz_fit_sensitivity_range(fit, c, a, k, &lo, &hi);

	if (failed && c->n == 1)
		snprintf(out, size, "n/a");
	else if (isnan(lo))
		snprintf(out, size, "-");
	else if (a == SIZE_MAX)
		snprintf(out, size, c->n == 1 ? "%.0f d" : "%.0f-%.0f d", lo, hi);
	else if (isnan(ref) || !(ref > 0))
		snprintf(out, size, "-");
	else if (c->n == 1)
		snprintf(out, size, "%.3gx", lo / ref);
	else
		snprintf(out, size, "%.3g-%.3gx", lo / ref, hi / ref);
}
