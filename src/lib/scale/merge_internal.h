/* State shared by merge.c (records) and merge_plan.c (plans, shards, missing runs). */
#ifndef HZ_SCALE_MERGE_INTERNAL_H
#define HZ_SCALE_MERGE_INTERNAL_H

#include <jansson.h>
#include <stddef.h>

#include "horizon/merge.h"

/* One runs.jsonl being merged. */
typedef struct mg_log {
	char *path;     /* the runs.jsonl file */
	json_t *sweep;  /* its directory's sweep.json, or NULL */
	size_t records; /* complete records read */
	int partial;    /* a partial last line was skipped */
} mg_log;

/* Everything known about one run_id. */
typedef struct mg_entry {
	char *run_id;
	json_t *verdict;     /* the kept success/failure record, or NULL */
	char *verdict_line;  /* its original text */
	char *verdict_src;   /* "FILE:LINE" */
	json_t *errors;      /* [[record, line], ...]: error records, kept only without a verdict */
	int conflict;        /* 1: a contradicting verdict was seen */
} mg_entry;

typedef struct mg_state {
	const hz_merge_opts *opts;
	hz_merge_result *res;
	mg_log *logs;
	size_t nlogs, logs_cap;
	mg_entry *entries;
	size_t nentries, entries_cap;
	json_t *index;     /* run_id -> entry index */
	json_t *versions;  /* task_id -> [version, "FILE:LINE", log index] */
	json_t *conflicts; /* for sweep.json */
	json_t *plan;      /* the inputs' common plan (owned copy, per-shard keys removed), or NULL */
	json_t *shards;    /* for sweep.json: one object per log */
	json_t *missing;   /* for sweep.json, or NULL when the plan is unknown */
} mg_state;

/* Append a note line to the result (printf-style). */
int mg_note(mg_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* merge_inputs.c: add the logs of one INPUT (a file or a directory) to st->logs. */
int mg_add_input(mg_state *st, const char *input);

/* Did horizon merge write DIR (its sweep.json says "merged": true)? */
int mg_is_merge_output(const char *dir);

/* The verdict of a record: "success", "failure" or "error"; NULL when unknown. */
const char *mg_record_status(json_t *rec);

/*
 * merge_plan.c: check that every log's sweep.json describes one plan
 * (HZ_ECONFLICT otherwise), then, when the plan is complete, list the planned
 * runs that have no verdict (by shard) into st->missing.
 */
int mg_plan_check(mg_state *st);

/*
 * Refuse a sweep.json (read from `path`) whose shard count or plan size
 * (agents x tasks x repeats) is past MG_SHARDS_MAX or MG_PLAN_RUNS_MAX,
 * before anything is allocated for it: HZ_ELIMIT naming the file.
 */
#define MG_SHARDS_MAX 100000L
#define MG_SHARD_NOTES_MAX 10 /* notes naming single shards; the rest are counted in one */
#define MG_PLAN_RUNS_MAX 250000.0 /* a full plan of this many runs merges in ~6 s and 320 MB */
int mg_plan_size_check(json_t *sweep, const char *path);
int mg_plan_missing(mg_state *st);

/* The merged sweep.json text (heap string). */
int mg_sweep_json(mg_state *st, char **out);

#endif
