/*
 * Method versions, length noise, METR's buckets and the sensitivity panel
 * (method.c, buckets.c, sensitivity.c): what fit.c, fit_json.c and
 * fit_read.c share about them.  Internal to src/lib/fit.
 */
#ifndef HZ_FIT_METHOD_H
#define HZ_FIT_METHOD_H

#include <stddef.h>

#include "fit_result.h"
#include "fit_table.h"
#include "horizon/fit.h"

struct json_t;

/*
 * Each table agent's L2 penalty under opts (METHOD section 11): the option's
 * value under metr-2025, divided by the agent's number of runs under
 * metr-2026.  lambda has t->aliases.n entries.
 */
void fit_lambdas(const fit_table *t, const hz_fit_opts *opts, double *lambda);

/*
 * SIMEX's refits: add N(0, opts->length_noise_sd^2) to every task's x (one
 * draw per task, in task id order, from default_rng(length_noise_seed)).
 */
int fit_length_noise(fit_table *t, const hz_fit_opts *opts);

/*
 * fit.json's method version, the method-related params (budgets,
 * simex_sd) and counts (excluded_family_runs, ...) into fit.
 */
int fit_method_from_json(hz_fit *fit, struct json_t *root, const char *origin);

/* buckets.c: METR's six length buckets */
#define FIT_METR_BUCKETS HZ_FIT_METR_BUCKETS
extern const double fit_metr_bucket_edges[FIT_METR_BUCKETS + 1];
/* Per agent (output order) and bucket: runs and the weighted success rate. */
int fit_metr_buckets(hz_fit *fit, const fit_table *t, const double *w, const uint32_t *order);
/* Read the agents' metr_buckets back from fit.json (after the agents). */
int fit_metr_buckets_from_json(hz_fit *fit, struct json_t *agents, const char *origin);

/* sensitivity.c */
typedef struct fit_variant_full {
	hz_fit_variant pub;
	char *group, *name, *error;
	double *horizons, *doubling;
} fit_variant_full;

/* Refit fit's inputs under each variation of opts (point fits, no bootstrap). */
int fit_sensitivity(hz_fit *fit, const fit_table *t, const char *const *inputs, size_t ninputs,
		    const hz_fit_opts *opts);
void fit_variants_free(hz_fit *fit);
/* The panel for fit.json: an array of variations, or null when it was not asked for. */
struct json_t *fit_sensitivity_json(const hz_fit *fit);
/* Read the panel back from fit.json (after the agents and the percents). */
int fit_sensitivity_from_json(hz_fit *fit, struct json_t *arr, const char *origin);

#endif
