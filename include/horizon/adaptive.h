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

/* The name fit.json, adaptive.json and reports give the interval of a design with calibrate > 0. */
#define HZ_ADAPTIVE_INTERVAL "replay-calibrated-profile-likelihood"

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
	int confirm;           /* stop at the target only after this many refits in a row within it
				  (0 or 1: the first); a later batch checks the first narrow interval */
	size_t calibrate;      /* once stopped: parametric-bootstrap replays of the rule that calibrate
				  the reported intervals (at least 20); 0: the plain profile-likelihood ones */
} hz_adaptive_opts;

#define HZ_ADAPTIVE_OPTS_INIT                                                                       \
	{ .target_ci = 2.0, .initial = 8, .batch = 4, .max_repeats = 20, .lambda = 0.1, .w80 = 0.2, .confirm = 2,  \
	  .calibrate = 200 }

/* The runs per task of the full sweep an adaptive one is compared with (run --adaptive, adaptive-sim). */
#define HZ_ADAPTIVE_FULL_REPEATS 5

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
	size_t runs, batches;  /* runs spent (lost ones included), batches chosen */
	size_t lost;           /* runs that gave no outcome */
	double cost_usd;
	hz_fit_lik p50, p80;   /* the current fit and intervals (once stopped: the calibrated ones) */
	hz_fit_lik p50_lr, p80_lr; /* the plain profile-likelihood intervals (what the stop looks at) */
	size_t calibrated;     /* replays that calibrated p50/p80 (0: plain intervals) */
	double crit50, crit80; /* the deviance levels of p50/p80's ends (3.84: plain 95%) */
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

/*
 * A pick of the current batch whose run gave no outcome (it ended in error
 * past its retries): no data, but its repeat and its cost are spent.
 */
int hz_adaptive_lost(hz_adaptive *ad, size_t task, double cost_usd);

void hz_adaptive_get_state(const hz_adaptive *ad, hz_adaptive_state *st);

/* The design so far as JSON (docs/adaptive.md): options, batches, picks, reasons, stop. Heap string. */
int hz_adaptive_design_json(const hz_adaptive *ad, char **out);

/* Gives the outcome of (task, repeat); returns 0 or a negative code. */
typedef int (*hz_adaptive_outcome_fn)(void *ud, size_t task, int repeat, double *score, double *cost_usd);

/* Run the sweep to its end in-process, outcomes from `fn` (simulation, replay). */
int hz_adaptive_drive(hz_adaptive *ad, hz_adaptive_outcome_fn fn, void *ud);

/*
 * An adaptive sweep over the run engine (`horizon run --adaptive`): every
 * agent of sweep.agents gets its own design over the selected tasks; each
 * round runs every unfinished agent's next batch as one hz_sweep_run of
 * exactly those runs (sweep.items, design "adaptive"), then records their
 * outcomes from DIR/runs.jsonl.  DIR/adaptive.json holds the design so far
 * (every pick, when and why), rewritten atomically after each round.
 * Resuming: the selection rule is a pure function of the seed and the
 * outcomes, so a new call replays the recorded rounds (their runs are
 * already in the log and are not run again) and goes on where it stopped;
 * a killed sweep resumes to the same result.
 */
typedef struct hz_adaptive_round {
	size_t round;              /* 1-based */
	const char *alias;         /* the agent */
	size_t nruns;              /* runs chosen for this round (0: the agent's design has stopped) */
	const hz_adaptive_state *state; /* the fit the runs were chosen on */
	size_t to_run;             /* of the round, over all agents: not in the log yet */
} hz_adaptive_round;

typedef void (*hz_adaptive_round_fn)(const hz_adaptive_round *r, void *arg);

typedef struct hz_adaptive_sweep_opts {
	hz_sweep_opts sweep;       /* agents, tasks, out_dir, jobs, sandbox, seed, stop, progress...;
				      items, nitems, design, repeats and catalog are the adaptive sweep's */
	hz_adaptive_opts design;   /* the rule, the same for every agent */
	hz_adaptive_round_fn on_round; /* may be NULL */
	void *round_arg;
} hz_adaptive_sweep_opts;

typedef struct hz_adaptive_sweep_agent {
	char *alias;
	hz_adaptive_state state;   /* state.stop: NULL when the sweep was stopped before the agent's end */
} hz_adaptive_sweep_agent;

typedef struct hz_adaptive_sweep_result {
	hz_adaptive_sweep_agent *agents; /* one per sweep.agents, same order */
	size_t nagents;
	size_t ntasks;
	size_t rounds;
	size_t ran;                /* runs this call ran (the rest were in the log already) */
	size_t error;              /* runs that ended in error this call (retried by the engine) */
	int stopped;               /* stopped early through sweep.stop: run it again to go on */
	double wall_s;
	char *design_path;         /* DIR/adaptive.json */
	char *warnings;            /* the engine's, one per line, or NULL */
} hz_adaptive_sweep_result;

/*
 * Run (or resume) an adaptive sweep to its end: every agent's design has
 * stopped (target, max-runs, budget or exhausted), or sweep.stop was set.
 * Refuses a DIR whose adaptive.json was made with other selection options
 * or tasks (naming the field): resuming needs the same rule.  Release *out
 * with hz_adaptive_sweep_result_release() in every case.
 */
int hz_adaptive_sweep_run(const hz_adaptive_sweep_opts *opts, hz_adaptive_sweep_result *out);

void hz_adaptive_sweep_result_release(hz_adaptive_sweep_result *res);

/*
 * The replay simulator (`horizon adaptive-sim`): the rule run `sweeps` times
 * in-process on known outcomes, sweep i with seed design.seed + i.
 */
typedef struct hz_adaptive_sim_opts {
	hz_adaptive_opts design;
	size_t sweeps;         /* simulated sweeps per agent */
	int full_repeats;      /* sim agents: the full sweep's runs per task; 0: HZ_ADAPTIVE_FULL_REPEATS */
	int match_full;        /* 1: each sweep's target is its full sweep's p50 interval ratio */
} hz_adaptive_sim_opts;

/* One agent's figures over its simulated sweeps. */
typedef struct hz_adaptive_sim_row {
	char *agent;           /* alias (replay) or sim spec */
	int is_sim;            /* the truth is known */
	double truth;          /* sim: h50 (minutes); NaN for a replay */
	size_t ntasks, sweeps;
	double full_runs;      /* runs of the full sweep */
	double full_estimate;  /* replay: p50 of every logged run; sim: its mean over the sweeps */
	double full_ratio;     /* median high/low of the full sweep's p50 95% interval */
	double runs_mean;      /* runs of the adaptive sweep, mean */
	double saved;          /* 1 - runs_mean / full_runs */
	double ratio_median;   /* the adaptive sweeps' p50 interval ratio, median */
	double reached;        /* fraction of adaptive sweeps that stopped at the target */
	double cover_full;     /* fraction whose p50 interval holds the full sweep's estimate */
	double cover_truth;    /* sim: fraction whose p50 interval holds the true h50 */
	double cover_truth_full; /* sim: the same for the full sweep's interval */
	double cover_truth_plain; /* sim: the same for the adaptive sweep's plain (uncalibrated) interval */
} hz_adaptive_sim_row;

/* Replay the rule on one agent's logged runs (hz_fit_runset_runs). */
int hz_adaptive_sim_replay(const char *alias, const hz_fit_run *runs, size_t nruns, const hz_adaptive_sim_opts *o,
			   hz_adaptive_sim_row *row);

/* Simulate sweeps of a sim agent (name: its alias, which seeds its coin) over the tasks. */
int hz_adaptive_sim_agent(const hz_sim_model *m, const char *name, const hz_adaptive_task *tasks, size_t ntasks,
			  const hz_adaptive_sim_opts *o, hz_adaptive_sim_row *row);

void hz_adaptive_sim_rows_free(hz_adaptive_sim_row *rows, size_t n);

#endif
