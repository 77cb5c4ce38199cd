/* Internals of the adaptive design (src/lib/adaptive); not a public interface. */
#ifndef ADAPTIVE_INTERNAL_H
#define ADAPTIVE_INTERNAL_H

#include "horizon/adaptive.h"

/* The outcome of a pick whose run ended in error (no data; its repeat is spent). */
#define ADAPTIVE_LOST (-1.0)

typedef struct adaptive_batch {
	size_t runs_before;
	double cost_before;
	hz_fit_lik p50, p80;        /* the fit the batch was chosen after */
	hz_adaptive_pick *picks;
	double *outcome;            /* per pick; NaN until recorded, ADAPTIVE_LOST when lost */
	size_t npicks;
} adaptive_batch;

struct hz_adaptive {
	hz_adaptive_opts o;
	size_t ntasks;
	hz_adaptive_task *tasks;
	double *x, *n1, *n0;        /* per task, then the guide's two pseudo-runs */
	int *runs, *pend, *maxrep;  /* per task: recorded runs, picked in this batch, cap */
	size_t *fam;                /* per task: family index */
	size_t nfam;
	double *fam_runs;           /* per family: runs recorded or picked */
	size_t *order;              /* tasks by length, then id */
	double xmin, xmax;
	size_t nruns, pending, nlost;
	hz_fit_lik p50_lr, p80_lr;  /* once stopped: the plain profile-likelihood intervals */
	double crit50, crit80;      /* the deviance levels of the reported intervals */
	size_t calibrated;          /* replays behind them (0: plain) */
	int replay;                 /* a calibration replay: refits skip p80 (no choice or stop depends on it) */
	int at_target;              /* refits in a row with p50's interval within the target */
	double cost;
	hz_fit_lik p50, p80;
	const char *stop;
	adaptive_batch *batches;
	size_t nbatches, capbatches;
};

/* adaptive_calib.c: once stopped, recompute p50/p80 at the level a bootstrap replaying the rule gives. */
int adaptive_calibrate(hz_adaptive *ad);
/* qsort's comparison of doubles, ascending. */
int adaptive_cmp_double(const void *pa, const void *pb);

/* Fit p50 and p80 (with intervals) from the recorded runs. */
void adaptive_refit(hz_adaptive *ad);

/* adaptive_json.c */
struct json_t;
struct json_t *adaptive_horizon_json(const hz_fit_lik *h);
struct json_t *adaptive_opts_json(const hz_adaptive_opts *o);
struct json_t *adaptive_design(const hz_adaptive *ad);

#endif
