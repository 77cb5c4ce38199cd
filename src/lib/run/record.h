/* Building one run record (record.c); see docs/results.md. */
#ifndef HZ_RECORD_H
#define HZ_RECORD_H

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

/* BACKEND[:MODEL][,key=value...] of a config (heap string, or NULL on ENOMEM). */
char *record_spec_string(const hz_agent_config *cfg);

#endif
