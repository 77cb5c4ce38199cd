/*
 * Cost per doubling (cost.c, docs/method.md section 12): what fit.c,
 * published.c, fit_json.c and fit_read.c share about it.  Internal to
 * src/lib/fit.
 */
#ifndef HZ_FIT_COST_H
#define HZ_FIT_COST_H

#include <stdint.h>

#include "fit_design.h"
#include "fit_result.h"
#include "fit_table.h"
#include "horizon/fit.h"

struct json_t;

/* Every field unknown (NaN, 0, no note). */
void fit_cost_doubling_unknown(hz_fit_agent *a);

/*
 * Every agent's cost per doubling (output order: agent o is alias order[o]),
 * after the point fits (for the p50 dollars); with opts->bootstrap samples,
 * its CI from the same resamples as the horizons'.
 */
int fit_cost_doubling(hz_fit *fit, const fit_table *t, const fit_design *d, const double *w, const uint32_t *order,
		      const hz_fit_opts *opts);

/* Read the agents' cost_doubling objects back from fit.json (after the agents). */
int fit_cost_doubling_from_json(hz_fit *fit, struct json_t *agents, const char *origin);

#endif
