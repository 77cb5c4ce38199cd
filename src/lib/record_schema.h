/*
 * The record schema's one rule for a run's verdict (docs/results.md): the
 * runs.jsonl readers (run/results.c's resume index, scale/merge.c, the
 * fitter's fit/runs.c) all ask here.  Internal to libhorizon (core).
 *
 *   status "success" / "failure" / "error"   that verdict
 *   status absent or null (METR's records)   score_binarized decides: 1 or true
 *                                            is success, 0 or false failure
 *   anything else                            the record is invalid: the reader
 *                                            reports the file, line and field
 */
#ifndef HZ_RECORD_SCHEMA_H
#define HZ_RECORD_SCHEMA_H

#include <jansson.h>

typedef enum record_verdict {
	RECORD_INVALID = -1,
	RECORD_SUCCESS = 0,
	RECORD_FAILURE,
	RECORD_ERROR,   /* lost to infrastructure: left out of fits, retried on resume */
} record_verdict;

/* The verdict a status string names, or RECORD_INVALID for any other text. */
record_verdict record_status_parse(const char *status);

/* "success", "failure", "error" (NULL for RECORD_INVALID). */
const char *record_status_name(record_verdict v);

/*
 * The verdict of one record.  RECORD_INVALID sets *why (may be NULL) to a
 * static phrase naming the field, for the caller to prefix with FILE:LINE.
 */
record_verdict record_verdict_of(json_t *rec, const char **why);

/*
 * The limits a run can end on, by its exit_reason.  The first
 * RECORD_USAGE_LIMITS are what METR's records call "usageLimits".
 */
typedef enum record_limit {
	RECORD_LIMIT_TIME = 0, /* "time_limit" */
	RECORD_LIMIT_TOKEN,    /* "token_limit" */
	RECORD_LIMIT_COST,     /* "cost_limit" */
	RECORD_LIMIT_TURN,     /* "turn_limit" */
	RECORD_LIMIT_CONTEXT,  /* "context_limit": the provider refused the conversation's length */
	RECORD_NLIMITS
} record_limit;
#define RECORD_USAGE_LIMITS RECORD_LIMIT_CONTEXT

/* The limit an exit_reason names, or -1 (also for NULL). */
int record_limit_of(const char *exit_reason);

/* The exit_reason of limit i (NULL out of range). */
const char *record_limit_name(int i);

#endif
