/*
 * The run engine's insides, shared by its files: the per-run context behind
 * env->exec (run_exec.c), scoring (score.c), one run from workspace to
 * record (run_one.c, record.c), and the sweep's worker pool (sweep.c).
 */
#ifndef HZ_RUN_INTERNAL_H
#define HZ_RUN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "horizon/agent.h"
#include "horizon/run.h"
#include "horizon/sandbox.h"
#include "horizon/task.h"

/* Caps. */
#define RUN_OUTPUT_CAP ((size_t)256 << 10)  /* one command's captured output */
#define RUN_AGENT_LOG_CAP ((size_t)4 << 20) /* agent.log */
#define RUN_SCORER_LOG_CAP ((size_t)1 << 20)
#define RUN_PATCH_CAP ((size_t)16 << 20)

/* The context behind env->exec for one run. */
typedef struct run_ctx {
	hz_sandbox *sb;
	const hz_task *task;
	const char *workspace;      /* host path of the work tree */
	const char *task_stage;     /* host copy of the task's tests/ and solution/, readable by the sandbox */
	const char *instructions_path; /* host file with the instructions */
	const hz_resources *limits;
	double deadline;
	hz_buf agent_log;           /* every command and its output, capped */
	int sandbox_failed;         /* an exec could not start its sandbox */
	char sandbox_error[256];
	int term_in, term_out;      /* a person's terminal (human runs), or -1 */
	char unrecorded[256];       /* the run is not recorded, for this reason (a backend's, or
				       run_note_outside_kill's); the first reason stands */
} run_ctx;

/*
 * The signal that ended a sandbox from outside horizon, or 0.  bwrap itself
 * never dies of a signal from within (it exits with the status of what it
 * ran) and horizon's own time-outs are flagged, so a bwrap ended by a signal
 * means someone outside (the OOM killer of a whole job, Slurm's scancel,
 * kill -9) is taking the sweep down: the run says nothing about the agent.
 */
int run_killed_outside(const hz_sandbox *sb, const hz_exec_result *res);

/* With sig (from run_killed_outside) non-zero: leave the run unrecorded, saying why. */
void run_note_outside_kill(run_ctx *ctx, int sig);

/* env->exec: `bash -c command` in a fresh sandbox over the run's workspace. */
int run_exec(void *ctx, const char *command, double timeout_s, hz_exec_result *out);

/* Extra parts of a command for backends of this area (oracle, sim, cmd). */
typedef struct run_cmd {
	char *const *argv;
	const hz_sandbox_mount *mounts;
	size_t nmounts;
	char *const *env;
	double timeout_s;   /* never past the deadline */
	int share_net;
	size_t max_output;
	int tty_fd;         /* > 2: the command's terminal (an interactive session); 0: none */
} run_cmd;

int run_exec_cmd(run_ctx *ctx, const run_cmd *cmd, hz_exec_result *out);

/*
 * Run an agent's single command (a cmd agent, the oracle's solve.sh) and say
 * in *out how it ended: a sandbox failure is an infrastructure error
 * ("sandbox_error"); otherwise "time_limit" or "agent_exit", with a note when
 * `what` exited non-zero.  Returns 0 unless memory ran out.
 */
int run_agent_command(run_ctx *ctx, const run_cmd *cmd, const char *what, hz_agent_outcome *out);

/*
 * The run context of env, or NULL when env was not made by the run engine.
 * This is the one seam through which a backend reaches past hz_agent_env,
 * and only the run area's own backends use it (agent_cmd.c for its extra
 * mounts, environment and network; run_apply_solution for /solution):
 * they run commands the engine builds, not just `bash -c` strings.  A
 * backend in any other area (llm/) uses env->exec alone.
 */
run_ctx *run_ctx_of(const hz_agent_env *env);

/*
 * Run the task's solution/solve.sh in the sandbox with the solution read-only
 * at /solution (the oracle, and sim on success); fills out->exit_reason.
 */
int run_apply_solution(const hz_agent_env *env, hz_agent_outcome *out);

/* Scoring. */
typedef enum { RUN_VERDICT_ERROR = -1, RUN_VERDICT_FAILURE = 0, RUN_VERDICT_SUCCESS = 1 } run_verdict_status;

typedef struct run_verdict {
	run_verdict_status status;
	double score;         /* score_cont */
	char reason[64];      /* "scorer_pass", "scorer_fail", "scorer_timeout", "answer_mismatch", ... */
	char message[256];    /* for errors */
	double wall_s;
	int killed_signal;    /* the scorer's sandbox was killed from outside (run_killed_outside) */
} run_verdict;

/*
 * The scorer's sandbox, made while the agent works (hz_sandbox_prepare):
 * *out is NULL when there is nothing to make ahead (an answer scorer, or
 * --sandbox none).  Pass it to score_run, or drop it with score_discard.
 */
typedef struct score_held score_held;
int score_prepare(hz_sandbox *sb, const hz_task *task, const char *task_stage, const char *workspace,
		     score_held **out);
void score_discard(score_held *held);

/*
 * Score the workspace of a finished run: exit, json or answer scorer (see
 * docs/tasks.md), in `held` when given (which is consumed) or a sandbox made
 * now.  The scorer's output goes to log_path.  Returns 0 with *v filled (a
 * scorer crash is a verdict, RUN_VERDICT_ERROR), negative only for setup
 * failures.
 */
int score_run(hz_sandbox *sb, const hz_task *task, const char *task_stage, const char *workspace,
	     const char *answer, const char *log_path, score_held *held, run_verdict *v);

/* One planned run. */
typedef struct run_plan {
	size_t agent;        /* index into the sweep's agents */
	hz_task *task;
	int repeat;          /* 1-based */
	char run_id[17];
} run_plan;

/* What one run needs from its sweep. */
typedef struct run_env {
	hz_sandbox *sb;
	const char *out_dir;
	const char *work_root;
	const char *task_stage;   /* staged copy of this task (tests/, solution/, instructions.md) */
	const struct run_workspace_base *base; /* this task's shared baseline, or NULL */
	int term_in, term_out;    /* a person's terminal for human runs, or -1 */
	double time_limit_scale;
	uint64_t seed;            /* the sweep's */
	const char *design;       /* the sweep's design (NULL: a full sweep) */
	int keep_workspace;
} run_env;

/* A finished run, summarised for the progress display and counts. */
typedef struct run_summary {
	run_verdict_status status;
	char exit_reason[64];
	char error[256];  /* the record's error message (truncated), "" when none */
	double wall_s;
	long tokens;
	double cost_usd;
} run_summary;

/*
 * Do one run: workspace, agent in the sandbox, patch, scoring; the JSON
 * record (one line) goes to *line.  Every failure becomes a record with
 * status "error"; negative only when not even a record can be made.
 */
int run_one(const run_env *re, hz_agent *agent, const run_plan *plan, hz_buf *line,
	       run_summary *sum);

/*
 * Write a run file (agent.log, scorer.log, ...) without fsync: unlike the
 * record, these are rebuilt when a run is redone.
 */
int run_write_file(const char *path, const void *data, size_t len);

/* The seed of one run's agent: stable per (sweep seed, alias, task id, repeat). */
uint64_t run_seed(uint64_t sweep_seed, const char *alias, const char *task_id, int repeat);

#endif
