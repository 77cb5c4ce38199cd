/*
 * Adaptive sweeps (docs/adaptive.md): measure an agent's horizon to a target
 * precision with far fewer runs than a full sweep.  The first batch spreads
 * over the catalogue's length range; after each batch the agent is refitted
 * and the next runs go where they tell most about p50 and p80 (near the
 * current estimates, spread over families), until the 95% interval of p50
 * is narrow enough, or the run cap or budget is spent.  Every choice is
 * recorded with its reason.  The selection rule is a pure function of the
 * seed and the outcomes so far, so a sweep is reproducible and a killed one
 * resumes to the same result.  Intervals are profile-likelihood intervals
 * (horizon/fit_lik.h), which the adaptive design leaves valid.
 */
#ifndef HORIZON_ADAPTIVE_H
#define HORIZON_ADAPTIVE_H

#include <stddef.h>
#include <stdint.h>

#include "horizon/fit_lik.h"
#include "horizon/run.h"

typedef struct hz_adaptive hz_adaptive;

typedef struct hz_adaptive_opts {
	double target_ci;      /* stop when p50's 95% interval has high/low <= this (> 1) */
	size_t max_runs;       /* stop at this many runs; 0: no cap but max_repeats */
	double budget_usd;     /* stop when the runs' cost reaches this; 0: no budget */
	size_t initial;        /* runs in the first batch (the spread); capped at the number of tasks */
	size_t batch;          /* runs per later batch */
	int max_repeats;       /* runs per task at most */
	uint64_t seed;         /* the initial spread and tie-breaks */
	double lambda;         /* L2 penalty on the slope (METR's 0.1) */
	double w80;            /* weight of p80 against p50 in the choice */
} hz_adaptive_opts;

#define HZ_ADAPTIVE_OPTS_INIT { 2.0, 0, 0, 12, 8, 5, 0, 0.1, 0.5 }

typedef struct hz_adaptive_task {
	const char *id;        /* borrowed; must outlive the hz_adaptive */
	const char *family;
	double minutes;        /* human minutes, > 0 */
	int max_repeats;       /* 0: opts.max_repeats; else the smaller of the two */
} hz_adaptive_task;

/* One chosen run: task index, 1-based repeat, the score it won with, why. */
typedef struct hz_adaptive_pick {
	size_t task;
	int repeat;
	double score;
	char why[200];
} hz_adaptive_pick;

typedef struct hz_adaptive_state {
	size_t runs, batches;
	double cost_usd;
	hz_fit_lik p50, p80;   /* the current fit and intervals */
	const char *stop;      /* NULL while going on; "target", "max-runs", "budget" or "exhausted" */
} hz_adaptive_state;

int hz_adaptive_new(hz_adaptive **out, const hz_adaptive_task *tasks, size_t ntasks, const hz_adaptive_opts *opts);
void hz_adaptive_free(hz_adaptive *ad);

/*
 * Refit and choose the next batch.  *picks (owned by ad, valid until the next
 * call) gets n runs; n = 0 means the sweep is over (state.stop says why).
 * Every pick must be recorded before the next call (HZ_EUSAGE otherwise).
 */
int hz_adaptive_next(hz_adaptive *ad, const hz_adaptive_pick **picks, size_t *n);

/* The outcome of a pick of the current batch: score in [0, 1], its cost. */
int hz_adaptive_record(hz_adaptive *ad, size_t task, double score, double cost_usd);

void hz_adaptive_get_state(const hz_adaptive *ad, hz_adaptive_state *st);

/* The design so far as JSON (docs/adaptive.md): options, batches, picks, reasons, stop. Heap string. */
int hz_adaptive_design_json(const hz_adaptive *ad, char **out);

/* Gives the outcome of (task, repeat); returns 0 or a negative code. */
typedef int (*hz_adaptive_outcome_fn)(void *ud, size_t task, int repeat, double *score, double *cost_usd);

/* Run the sweep to its end in-process, outcomes from `fn` (simulation, replay). */
int hz_adaptive_drive(hz_adaptive *ad, hz_adaptive_outcome_fn fn, void *ud);

#endif
