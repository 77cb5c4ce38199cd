/*
 * Agents: the things that attempt tasks.  An agent is made from a spec string
 * ("oracle", "sim,h50=30,slope=0.8", "openai:gpt-4o,temperature=0") or a
 * config-file entry, and is driven by the run engine through hz_agent_run().
 * Backends live behind a small vtable (src/lib/agent_internal.h), one file each;
 * the registry that finds them by name is horizon/agents.h.
 */
#ifndef HORIZON_AGENT_H
#define HORIZON_AGENT_H

#include <stddef.h>
#include <stdint.h>

#include "horizon/task.h"

typedef struct hz_agent hz_agent;

/* One key=value setting of an agent ("temperature" = "0.2"). */
typedef struct hz_agent_param {
	char *key;
	char *value;
} hz_agent_param;

/*
 * Everything that defines an agent.  Spec strings and config files both
 * become this.  Strings are owned by the config (hz_agent_config_release).
 */
typedef struct hz_agent_config {
	char *alias;          /* display name in results; defaults to the spec */
	char *backend;        /* "oracle", "null", "sim", "cmd", "openai", "anthropic", ... */
	char *model;          /* model id for LLM backends; may be NULL */
	char *base_url;       /* API base URL (LLM backends) */
	char *api_key_env;    /* NAME of the environment variable holding the key */
	char *release_date;   /* "YYYY-MM-DD" or NULL */
	double price_in;      /* USD per million input tokens */
	double price_out;     /* USD per million output tokens */
	hz_agent_param *params; /* every other setting, in order */
	size_t nparams;
} hz_agent_config;

#define HZ_AGENT_CONFIG_INIT { 0 }

/*
 * Parse a spec string: BACKEND[:MODEL][,key=value]...  The keys alias,
 * release (or release_date), base_url, api_key_env, price_in and price_out
 * fill the named fields; all others go to params.
 */
int hz_agent_config_parse(hz_agent_config *cfg, const char *spec);
void hz_agent_config_release(hz_agent_config *cfg);
int hz_agent_config_copy(hz_agent_config *dst, const hz_agent_config *src);

/*
 * Load an agents file: a YAML or JSON list of entries (or a mapping with an
 * `agents` list), each with alias, backend, model, base_url, api_key_env,
 * release_date, price_in, price_out, an optional `spec` string that the
 * other keys override, and any other keys as params.  *out is a heap array
 * of *count configs (release each, then free the array).  Errors name the
 * file and line.
 */
int hz_agents_file_load(const char *path, hz_agent_config **out, size_t *count);

/* A param's value, or NULL. */
const char *hz_agent_config_param(const hz_agent_config *cfg, const char *key);
int hz_agent_config_set_param(hz_agent_config *cfg, const char *key, const char *value);

/* Result of one command run inside the run's sandbox. */
typedef struct hz_exec_result {
	int exit_code;        /* exit status, or -1 when killed by a signal */
	int term_signal;      /* the signal that ended it, or 0 */
	int timed_out;        /* 1 when the timeout killed it */
	int output_truncated; /* 1 when output was cut at the cap */
	char *output;         /* stdout and stderr interleaved, NUL-terminated, owned */
	size_t output_len;
	double wall_s;
} hz_exec_result;

void hz_exec_result_release(hz_exec_result *res);

/*
 * What the run engine gives an agent for one run.  All pointers are borrowed
 * for the duration of hz_agent_run().
 */
typedef struct hz_agent_env {
	const hz_task *task;
	const char *instructions;   /* instructions.md */
	const char *workspace;      /* host path of the run's git workspace */
	const char *run_dir;        /* host directory for this run's files (transcript, patch) */
	const char *transcript_path;/* JSONL file for the transcript, or NULL */
	const char *run_id;
	int repeat;
	uint64_t seed;              /* stable per (agent, task, repeat) */
	double deadline;            /* hz_clock_now() value at which the run's time is up */
	size_t max_output;          /* cap for one command's output, bytes */

	/*
	 * Run `command` with `bash -c` inside the run's sandbox, working directory
	 * the workspace, killed after `timeout_s` (and never past the deadline).
	 * The sandbox is the one the run engine set up for this run: no network,
	 * no view of tests/ or solution/, no host environment.  Returns 0 with
	 * *out filled (whatever the command's exit status), or an error when the
	 * sandbox itself failed (an infrastructure error).
	 */
	int (*exec)(void *ctx, const char *command, double timeout_s, hz_exec_result *out);
	void *exec_ctx;
} hz_agent_env;

/* How an agent's attempt ended.  Released with hz_agent_outcome_release. */
typedef struct hz_agent_outcome {
	char exit_reason[64];  /* "submitted", "agent_exit", "time_limit", "token_limit", "cost_limit",
				  "turn_limit", "api_error", "auth_error", "sandbox_error", ... */
	int infra_error;       /* 1: the run is lost to infrastructure (status "error"), not the model's failure */
	char *error_message;   /* for infra errors and model failures worth a note; never holds secrets */
	char *answer;          /* final answer from a submit tool, or NULL (then answer.txt in the workspace counts) */
	long input_tokens;
	long output_tokens;
	long turns;
	double cost_usd;
	double wait_s;         /* time spent waiting on API back-off and retries */
} hz_agent_outcome;

void hz_agent_outcome_release(hz_agent_outcome *out);

/*
 * What makes an agent from a config: hz_agent_new() of the registry
 * (horizon/agents.h) is one.  Layers below the registry (the run engine's
 * sweep) take it as a parameter instead of calling the registry.
 */
typedef int (*hz_agent_new_fn)(hz_agent **out, const hz_agent_config *cfg);

void hz_agent_free(hz_agent *agent);

/*
 * Attempt the task described by env.  Returns 0 when the attempt ran to an
 * end (success or not is decided later by the scorer), with *out filled;
 * a negative code only for programming or setup errors.  Infrastructure
 * failures during the attempt are reported through out->infra_error.
 */
int hz_agent_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out);

const hz_agent_config *hz_agent_get_config(const hz_agent *agent);
const char *hz_agent_alias(const hz_agent *agent);
const char *hz_agent_backend(const hz_agent *agent);

typedef void (*hz_agent_setting_fn)(void *ctx, const char *key, const char *value);

/*
 * Every setting the agent resolved to, defaults and preset values included
 * (for `horizon agents show`): fn is called once per key.  Backends without
 * settings of their own report the config's params.
 */
void hz_agent_settings(const hz_agent *agent, hz_agent_setting_fn fn, void *ctx);

#endif
