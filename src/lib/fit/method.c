/*
 * Method versions (docs/method.md section 11).  The two versions differ only
 * in the strength of the L2 penalty on the slope relative to the data.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit_method.h"
#include "fit_rng.h"
#include "horizon/error.h"

static const char *const method_names[] = { "metr-2025", "metr-2026" };

const char *hz_fit_method_name(hz_fit_method m)
{
	return (unsigned)m < sizeof(method_names) / sizeof(method_names[0]) ? method_names[m] : "unknown";
}

int hz_fit_method_parse(const char *name, hz_fit_method *out)
{
	for (size_t i = 0; i < sizeof(method_names) / sizeof(method_names[0]); i++)
		if (!strcmp(name, method_names[i])) {
			*out = (hz_fit_method)i;
			return 0;
		}
	return hz_error_set(HZ_EUSAGE, "method '%s' is not one of metr-2025, metr-2026", name);
}

/*
 * metr-2025 minimises Σ w ℓ + λ/2 a² with each agent's weights summing to 1,
 * so the penalty weighs as much as all of the agent's data together whatever
 * its number of runs.  metr-2026 charges λ per run instead: Σ N_A w ℓ + λ/2 a²,
 * the same minimiser as Σ w ℓ + (λ/N_A)/2 a².  The bootstrap keeps the
 * full-data N_A, as its weights keep the full-data values (METHOD section 5).
 */
void fit_lambdas(const fit_table *t, const hz_fit_opts *opts, double *lambda)
{
	for (size_t a = 0; a < t->aliases.n; a++)
		lambda[a] = 0;
	if (opts->method == HZ_FIT_METHOD_METR2025) {
		for (size_t a = 0; a < t->aliases.n; a++)
			lambda[a] = opts->regularization;
		return;
	}
	for (size_t i = 0; i < t->n; i++)
		lambda[t->alias[i]] += 1.0;
	for (size_t a = 0; a < t->aliases.n; a++)
		lambda[a] = lambda[a] > 0 ? opts->regularization / lambda[a] : opts->regularization;
}

int fit_length_noise(fit_table *t, const hz_fit_opts *opts)
{
	double *z;
	fit_rng r;

	if (!(opts->length_noise_sd > 0))
		return 0;
	if (!(z = malloc((t->tasks.n + 1) * sizeof(*z))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	fit_rng_seed(&r, opts->length_noise_seed);
	fit_rng_normals(&r, z, t->tasks.n);
	for (size_t i = 0; i < t->n; i++)
		t->x[i] += opts->length_noise_sd * z[t->task[i]];
	free(z);
	return 0;
}

/* A number >= 0 at obj[key] into *out (unchanged when null or absent). */
static int read_nonneg(json_t *obj, const char *key, const char *origin, double *out)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v) || !(json_number_value(v) >= 0))
		return hz_error_set(HZ_EINVALID, "%s: params: '%s' must be a number >= 0 or null", origin, key);
	*out = json_number_value(v);
	return 0;
}

static int read_count(json_t *obj, const char *key, const char *origin, size_t *out)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return hz_error_set(HZ_EINVALID, "%s: '%s' must be a count", origin, key);
	*out = (size_t)json_integer_value(v);
	return 0;
}

int fit_method_from_json(hz_fit *fit, json_t *root, const char *origin)
{
	json_t *m = json_object_get(root, "method"), *p = json_object_get(root, "params");
	hz_fit_opts *o = &fit->opts;
	int err;

	/* files written before the method versions say "metr": the same as metr-2025 */
	if (json_is_string(m) && strcmp(json_string_value(m), "metr") &&
	    hz_fit_method_parse(json_string_value(m), &o->method) < 0)
		return hz_error_set(HZ_EINVALID, "%s: 'method' must be metr-2025 or metr-2026", origin);
	if (m && !json_is_null(m) && !json_is_string(m))
		return hz_error_set(HZ_EINVALID, "%s: 'method' must be a string", origin);
	if ((err = read_count(root, "excluded_family_runs", origin, &fit->n_excluded_family)) < 0 ||
	    (err = read_count(root, "over_budget_runs", origin, &fit->n_over_budget)) < 0 ||
	    (err = read_count(root, "no_tokens_runs", origin, &fit->n_no_tokens)) < 0)
		return err;
	if (!json_is_object(p))
		return 0;
	o->simex_sd = 0;
	return (err = read_nonneg(p, "budget_usd", origin, &o->budget_usd)) < 0 ||
			       (err = read_nonneg(p, "budget_tokens", origin, &o->budget_tokens)) < 0 ||
			       (err = read_nonneg(p, "budget_minutes", origin, &o->budget_minutes)) < 0 ||
			       (err = read_nonneg(p, "simex_sd", origin, &o->simex_sd)) < 0
		       ? err
		       : 0;
}
