/*
 * Sweeps: run every (agent, task, repeat) of a plan, each in a fresh
 * sandboxed git workspace, score it, and append one record per run to
 * DIR/runs.jsonl.  Resumable (runs already recorded are skipped, `error`
 * runs retried), shardable (--shard K/N), safe with concurrent sweeps into
 * one DIR.  Used by `horizon run`, `horizon tasks check` and `horizon demo`.
 * See docs/run.md and docs/results.md.
 */
#ifndef HORIZON_RUN_H
#define HORIZON_RUN_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "horizon/agent.h"
#include "horizon/catalog.h"
#include "horizon/sandbox.h"

/*
 * run_id: the first 16 hex digits of SHA-256(alias NUL task_id NUL
 * task_version NUL repeat-in-decimal).  out needs 17 bytes.
 */
void hz_run_id(const char *alias, const char *task_id, const char *task_version, int repeat, char out[17]);

/*
 * The shard (1..n) a run belongs to in an n-way split: FNV-1a of the run_id
 * modulo n, plus one.  `horizon run --shard K/N` runs exactly the runs with
 * hz_run_shard(run_id, N) == K; merge uses the same function.
 */
long hz_run_shard(const char *run_id, long n);

/* Progress of a sweep, handed to the progress callback. */
typedef struct hz_sweep_progress {
	size_t total;       /* runs this sweep has to do (planned minus already recorded) */
	size_t done;        /* finished (success + failure + error + elsewhere) */
	size_t success, failure, error;
	size_t elsewhere;   /* claimed or recorded meanwhile by another sweep */
	size_t running;
	double elapsed_s;
	double eta_s;       /* < 0: unknown */
	/* The run that just finished, or NULL for a periodic tick. */
	const char *run_id, *alias, *task_id, *status, *exit_reason;
	const char *message; /* the run's error message (for `error` runs: why), or NULL */
	int repeat;
} hz_sweep_progress;

typedef void (*hz_sweep_progress_fn)(const hz_sweep_progress *p, void *arg);

/* One run asked for by name (an adaptive sweep's batch). */
typedef struct hz_sweep_item {
	size_t agent;               /* index into opts->agents */
	const char *task_id;        /* a selected task */
	int repeat;                 /* 1-based */
} hz_sweep_item;

/* The design an adaptive sweep records in sweep.json and in each of its records. */
#define HZ_SWEEP_DESIGN_ADAPTIVE "adaptive"

typedef struct hz_sweep_opts {
	const hz_agent_config *agents; /* borrowed array */
	size_t nagents;
	hz_agent_new_fn agent_new;   /* makes each agent: hz_agent_new of horizon/agents.h; required */
	const char *tasks_root;      /* catalogue root; NULL: hz_catalog_default_root() */
	const hz_catalog *catalog;   /* an already loaded catalogue (then tasks_root is unused) */
	const hz_selector *selector; /* NULL: every task */
	int repeats;                 /* runs per (agent, task); default 1 */
	int jobs;                    /* concurrent runs; default 1 */
	const char *out_dir;         /* DIR; required */
	hz_sandbox_mode sandbox;
	long sandbox_uid;            /* <0: HZ_SANDBOX_DEFAULT_UID (when root) */
	double time_limit_scale;     /* multiplies every task's time limit; default 1 */
	int max_retries;             /* retries of runs recorded as error; default 2 */
	int shard_k, shard_n;        /* run only shard K of N (1-based); default 1/1 */
	uint64_t seed;               /* sweep seed (sim agents, env->seed); default 0 */
	int keep_workspaces;         /* keep DIR/work/<run_id> after scoring */
	int dry_run;                 /* plan, write nothing, run nothing */
	int rerun_changed;           /* run again the runs recorded under an agent's alias with another
					configuration (agent_fingerprint); without it such runs make the
					sweep refuse to start (HZ_ECONFLICT, naming the difference) */
	hz_sweep_progress_fn progress; /* called on the caller's thread after each run and every second */
	void *progress_arg;
	volatile sig_atomic_t *stop; /* when it becomes non-zero, no new run starts */
	const char *work_dir;        /* where workspaces go; NULL: DIR/work, or a temporary directory
					when the sandbox uid cannot reach DIR */
	const hz_sweep_item *items;  /* when set: exactly these runs instead of agent x task x repeat */
	size_t nitems;
	const char *design;          /* NULL (a full sweep) or HZ_SWEEP_DESIGN_ADAPTIVE; a sweep refuses a
					DIR whose sweep.json records the other design */
	int term_in, term_out;       /* a person's terminal, for the `human` backend (horizon
					baseline); -1: none */
} hz_sweep_opts;

#define HZ_SWEEP_OPTS_INIT                                                                          \
	{ .repeats = 1, .jobs = 1, .sandbox = HZ_SANDBOX_BWRAP, .sandbox_uid = -1, .time_limit_scale = 1.0, \
	  .max_retries = 2, .shard_k = 1, .shard_n = 1, .term_in = -1, .term_out = -1 }

/* The limits a run can end on (hz_sweep_agent.at_limit). */
#define HZ_SWEEP_NLIMITS 5

/* The exit_reason of limit i ("time_limit", ..., "context_limit"), NULL when i >= HZ_SWEEP_NLIMITS. */
const char *hz_sweep_limit_name(size_t i);

/* Outcome counts of one agent in a sweep. */
typedef struct hz_sweep_agent {
	char *alias;
	size_t planned;    /* runs of this agent in the plan (this shard) */
	size_t recorded;   /* already recorded before the sweep started (skipped) */
	size_t success, failure, error, elsewhere;
	size_t given_up;   /* recorded as error more than max_retries times: not retried */
	size_t changed;    /* recorded with another configuration (re-run with rerun_changed) */
	size_t not_run;    /* not started: the agent met an auth or quota error (stop_reason) */
	char *stop_reason; /* "auth_error: MESSAGE" of the run that stopped the agent, or NULL */
	double wall_s;     /* sum over runs finished by this sweep */
	long tokens;
	double cost_usd;
	/* Over every record of this agent in the log for the planned runs. */
	size_t total_success, total_failure;
	/* Of those, the runs whose verdict came at a limit, by hz_sweep_limit_name(i):
	   time_limit, token_limit, cost_limit, turn_limit, context_limit. */
	size_t at_limit[HZ_SWEEP_NLIMITS];
} hz_sweep_agent;

/* What the log says about one of opts->items after the sweep. */
typedef struct hz_sweep_item_result {
	int status;        /* 2: success, 1: failure, 0: neither recorded (stopped, or given up after errors) */
	int errors;        /* `error` records of the run */
	double cost_usd;   /* dollar_equivalent over all of its records */
} hz_sweep_item_result;

typedef struct hz_sweep_result {
	hz_sweep_agent *agents; /* one per opts->agents, same order */
	size_t nagents;
	size_t planned;         /* in this shard */
	size_t unsharded;       /* in the whole plan */
	size_t ntasks;
	size_t to_run;          /* not recorded yet (or to retry) */
	size_t success, failure, error, elsewhere;
	size_t given_up;
	size_t changed;         /* recorded with another configuration than the agent's now */
	size_t not_run;         /* runs not started because their agent stopped (auth, quota) */
	size_t repaired_bytes;  /* partial last line cut off the log (a record cut short by a crash) */
	size_t repaired_line;   /* its line number */
	int stopped;            /* stopped early through opts->stop */
	int started;            /* runs were started: the counts are worth showing even when an error
				   (e.g. a full disk) stopped the sweep and hz_sweep_run failed */
	double wall_s;
	char *isolation;        /* JSON text of the isolation runs got (task limits vary per run) */
	char *work_dir;         /* where the workspaces were (kept ones stay there) */
	char *warnings;         /* things the caller should tell the user, one per line, or NULL */
	hz_sweep_item_result *items; /* with opts->items: one per item, same order (not on a dry run) */
	size_t nitems;
} hz_sweep_result;

/*
 * Run a sweep.  Before anything is set up, every agent with runs to do
 * passes hz_agent_preflight (else the sweep does not start).  The first
 * auth_error or quota_error run of an agent stops its remaining runs: not
 * started, not recorded (hz_sweep_agent.not_run), run by a resume.
 * Writes DIR/sweep.json, appends to DIR/runs.jsonl and writes
 * DIR/runs/<run_id>/.  Returns 0 when the sweep ran to its end (runs may
 * have failed or errored: see *out), or a negative code when it could not
 * start (bad options, a task that does not load, no working sandbox...).
 * Release *out with hz_sweep_result_release() in every case.
 */
int hz_sweep_run(const hz_sweep_opts *opts, hz_sweep_result *out);

void hz_sweep_result_release(hz_sweep_result *res);

/*
 * The `sim` agent's outcome model, as a library function for in-process
 * simulation (horizon adaptive-sim): the same parameters and the same coin
 * as a real `horizon run` of the agent, so a simulated sweep gives exactly
 * the outcomes the sandboxed one records.
 */
typedef struct hz_sim_model {
	double h50;                 /* latent 50% horizon, minutes */
	double slope;               /* per doubling of task length */
	unsigned long long seed;    /* the agent's own seed= setting */
} hz_sim_model;

/* Read h50=, slope= and seed= from a sim agent's settings (HZ_EINVALID naming the bad one). */
int hz_sim_model_from_config(hz_sim_model *m, const hz_agent_config *cfg);
/* 1 / (1 + exp(-slope (log2 h50 - log2 minutes))). */
double hz_sim_probability(const hz_sim_model *m, double minutes);
/* 1 when the agent `alias` succeeds on (task_id, repeat) in a sweep with sweep_seed, else 0. */
int hz_sim_success(const hz_sim_model *m, const char *alias, uint64_t sweep_seed, const char *task_id,
		   double minutes, int repeat);

#endif
