/*
 * The run table: the fields of one runs.jsonl line (record.c) and the table read from
 * runs.jsonl files (runs.c, inputs.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_TABLE_H
#define HZ_FIT_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "fit_strtab.h"

/* record.c: the fields of one runs.jsonl line */
enum {
	FIT_F_RUN_ID, FIT_F_ALIAS, FIT_F_TASK_ID, FIT_F_TASK_FAMILY, FIT_F_HUMAN_MINUTES, FIT_F_STATUS,
	FIT_F_SCORE, FIT_F_W_EQUAL, FIT_F_W_INVSQRT, FIT_F_RELEASE_DATE, FIT_F_INPUT_TOKENS,
	FIT_F_OUTPUT_TOKENS, FIT_F_TOTAL_TOKENS, FIT_F_DOLLARS, FIT_F_HUMAN_SOURCE, FIT_F_WORKING_S,
	FIT_F_STARTED_AT, FIT_F_COMPLETED_AT, FIT_F_DESIGN, FIT_F_COUNT
};

typedef enum fit_vkind { FIT_V_MISSING = 0, FIT_V_NULL, FIT_V_STRING, FIT_V_NUMBER, FIT_V_BOOL, FIT_V_OTHER } fit_vkind;

typedef struct fit_value {
	fit_vkind kind;
	const char *s;     /* FIT_V_STRING: NUL-terminated text */
	size_t len;
	double num;        /* FIT_V_NUMBER */
	int is_int;
	long long ival;
	int b;             /* FIT_V_BOOL */
} fit_value;

typedef struct fit_record {
	fit_value v[FIT_F_COUNT];
} fit_record;

struct json_t;
/*
 * Scan a line that is one JSON object; strings are unescaped into scratch
 * (at least len + 1 bytes).  Returns 1 with *rec filled, or 0 when the line
 * needs the full parser (it may still be valid JSON).
 */
int fit_record_scan(const char *line, size_t len, const char *score_col, char *scratch, fit_record *rec);
/* The same view of an object jansson parsed (strings borrowed from it). */
void fit_record_from_json(struct json_t *obj, const char *score_col, fit_record *rec);

/* runs.c: the run table */
#define FIT_MAX_EXCLUDE_HITS 256
typedef struct fit_alias_meta {
	const char *first_file;  /* where the agent first appears (for messages) */
	long first_line;
	char *release_date;      /* from the records' own release_date, or NULL */
	long release_line;
	const char *adaptive_file, *full_file; /* the first record of an adaptive / a full sweep */
	long adaptive_line, full_line;
} fit_alias_meta;

typedef struct fit_input {
	char *path;
	size_t records;          /* records read from this file */
} fit_input;

typedef struct fit_table {
	size_t n, cap;           /* rows */
	uint32_t *alias, *task;
	double *x;               /* log2(human_minutes) */
	double *y;               /* score in [0, 1] */
	double *w_equal, *w_invsqrt; /* the file's columns; NaN when absent */
	uint32_t *tok_idx;       /* per row: index into tok, or FIT_NONE when the record has no usage fields */
	double *tok;             /* 4 per entry: input, output, total tokens, dollars (NaN: absent) */
	size_t ntok, tok_cap;
	uint8_t *dead;           /* superseded by a later record with the same run_id */
	fit_strtab aliases, tasks, families, runids;
	uint32_t *task_family;   /* per task id */
	size_t task_family_cap;
	uint32_t *runid_row;     /* per run_id id: live row, or FIT_NONE for error-only */
	size_t runid_row_cap;
	fit_alias_meta *meta;    /* per alias id */
	size_t meta_cap;
	fit_input *inputs;
	size_t ninputs;
	size_t n_error, n_superseded, n_excluded_agent;
	size_t n_bad_usage;      /* records whose token counts or cost were nonsense (read as unknown) */
	char bad_usage_at[256];  /* the first: "FILE:LINE 'FIELD'" */
	size_t n_verdict_changed;  /* superseded records whose verdict (score) differed from the later one */
	char verdict_example[256]; /* the first of them: run id, both verdicts, the winner's file:line */
	size_t n_partial;          /* unterminated, unparsable last lines skipped (a writer killed mid-line) */
	char partial_example[4 + 4096 + 64]; /* the first of them: FILE:LINE (N bytes) */
	size_t n_estimated;      /* runs dropped by baseline_lengths_only */
	int baseline_only;       /* keep only runs on tasks whose length was measured */
	size_t n_excluded_family;
	double budget_usd, budget_tokens, budget_minutes; /* 0: none */
	size_t n_over_budget;        /* successes counted as failures: over a budget (or usage unknown) */
	size_t n_no_tokens;          /* runs dropped by a token budget: no total_tokens (METR drops them) */
	int missing_weights;     /* some row had no weight columns */
	const char *score_col;
	const char *const *exclude;
	size_t nexclude;
	const char *const *exclude_families;
	size_t nexclude_families;
	size_t exclude_hits[FIT_MAX_EXCLUDE_HITS]; /* runs dropped per exclude[i] */
} fit_table;

/* Read one runs.jsonl file into the table (streaming, bounded lines). */
int fit_table_load_file(fit_table *t, const char *path);
/* Expand a file-or-directory input and load every runs.jsonl in it. */
int fit_table_load_input(fit_table *t, const char *path);
/* Drop superseded rows and error-only records; renumber densely. */
int fit_table_finish(fit_table *t);
void fit_table_release(fit_table *t);

#endif
