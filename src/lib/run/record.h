/* Building one run record (record.c); see docs/results.md. */
#ifndef HZ_RECORD_H
#define HZ_RECORD_H

#include <jansson.h>
#include <stdint.h>

#include "buf.h"
#include "horizon/agent.h"
#include "horizon/task.h"

typedef struct record_in {
	const char *run_id;
	const char *out_dir;
	hz_task *task;
	const hz_agent_config *config;
	const hz_agent_outcome *outcome; /* may be NULL when the agent never ran */
	int repeat;
	const char *status;      /* "success", "failure", "error" */
	const char *exit_reason;
	const char *verdict;     /* the scorer's reason, "" when not scored */
	const char *error;       /* message or NULL */
	double score;
	double time_limit_s;
	int64_t started_at, completed_at;
	double wall_s, score_wall_s;
	double setup_s, patch_s; /* workspace before the agent; final commit and patch after it */
	const char *isolation;   /* JSON text */
	char baseline[41], final[41];
	size_t patch_bytes;
	uint64_t sweep_seed;
	const char *design;      /* NULL, or "adaptive": written as the record's "design" */
} record_in;

/* The record as one line of compact JSON (no newline) into *line. */
int record_build(const record_in *in, hz_buf *line);

/*
 * The part of an agent's configuration that changes what it does, as the
 * record's `agent_config` object: backend, model, base_url, settings (every
 * param but prices and concurrency) and the sweep seed; never the alias,
 * release date, prices or the key's variable.  NULL on ENOMEM.
 */
json_t *record_agent_config(const hz_agent_config *cfg, uint64_t seed);

/* The record's `agent_fingerprint`: SHA-256 of the sorted compact JSON of an agent_config, 16 hex digits. */
int record_fingerprint(const json_t *agent_config, char out[17]);
int record_config_fingerprint(const hz_agent_config *cfg, uint64_t seed, char out[17]);

/* "key: recorded A, now B; ..." for every difference between two agent_config objects. */
void record_config_diff(const json_t *recorded, const json_t *now, hz_buf *out);

/* BACKEND[:MODEL][,key=value...] of a config (heap string, or NULL on ENOMEM). */
char *record_spec_string(const hz_agent_config *cfg);

#endif
