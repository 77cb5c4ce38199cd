/*
 * The aggregated design of the solver and the bootstrap (design.c) and the
 * hierarchical bootstrap over it (bootstrap.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_DESIGN_H
#define HZ_FIT_DESIGN_H

#include <stddef.h>
#include <stdint.h>

#include "fit_table.h"
#include "horizon/fit.h"

/* design.c: aggregated points and the bootstrap's index structures */
typedef struct fit_design {
	const fit_table *t;
	const double *w;         /* per-row weights used by every fit */
	size_t nagents;
	uint32_t *point;         /* row -> point (distinct (alias, x, w)) */
	double *px;              /* point -> x */
	size_t npoints;
	size_t *agent_p0;        /* agent a's points are [agent_p0[a], agent_p0[a+1]) */
	/* families sorted by code point, each with its sorted distinct tasks */
	uint32_t nfam;
	uint32_t *fam_t0;        /* family k's tasks are fam_tasks[fam_t0[k] .. fam_t0[k+1]) */
	uint32_t *fam_tasks;
	size_t ntasks;
	/* keys task|||alias sorted by code point; each with its rows, ascending */
	size_t nkeys;
	uint32_t *key_task;
	uint32_t *key_r0;        /* key k's rows are key_rows[key_r0[k] .. key_r0[k+1]) */
	uint32_t *key_rows;
	struct fit_krow *krow;   /* key_rows' data, in the same order, for the bootstrap's hot loop */
	uint32_t *key_alias;     /* every row of a key has the key's alias */
	uint32_t *key_point;     /* the key's point when all its rows share one, else FIT_NONE */
	double *key_w;           /* the key's weight when all rows share it and every y is 0 or 1, else NaN */
	uint8_t *ky;             /* y of key_rows[j] when key_w is set: one byte per run stays in cache */
} fit_design;

typedef struct fit_krow {
	double wy, wn;           /* w·y and w·(1 - y) */
	double y;
} fit_krow;

int fit_design_build(fit_design *d, const fit_table *t, const double *w);
void fit_design_release(fit_design *d);

/* bootstrap.c */
/*
 * One sample's resample (METHOD section 5, steps 1-3), handed to `emit` row by
 * row (a row can come several times).  Returns the number of rows.
 */
typedef struct fit_resample_scratch {
	uint32_t *draws;   /* max(nfam, largest family) */
	uint32_t *mult;    /* per task */
} fit_resample_scratch;

int fit_resample_scratch_init(fit_resample_scratch *s, const fit_design *d);
void fit_resample_scratch_release(fit_resample_scratch *s);
size_t fit_resample(const fit_design *d, uint32_t seed, fit_resample_scratch *s,
		    void (*emit)(void *ud, uint32_t row), void *ud);

/*
 * Run `nsamples` samples on `jobs` threads; out[(i * nagents + a) * np + k]
 * gets sample i's horizon for agent a at percents[k] (NaN when the agent has
 * fewer than two distinct outcomes in the sample).  lambda[a] is agent a's
 * L2 penalty (fit_lambdas()).
 */
int fit_bootstrap_run(const fit_design *d, const double *percents, size_t np, const double *lambda,
		      size_t nsamples, uint32_t seed, int jobs, hz_fit_progress_fn progress, void *ud,
		      double *out);

#endif
