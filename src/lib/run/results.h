/*
 * The results log, DIR/runs.jsonl: one JSON record per line (docs/results.md),
 * appended with one write and fsync under an exclusive lock, so concurrent
 * workers and concurrent sweeps into one DIR never interleave or duplicate
 * lines, and a crash at any moment leaves at most a partial last line, which
 * the next writer cuts off (under the same lock) without losing any complete
 * record.  Runs are claimed before they start (DIR/claims/<run_id>, held
 * with a lock that dies with its process), so two sweeps never run one run.
 */
#ifndef RUN_RESULTS_H
#define RUN_RESULTS_H

#include <jansson.h>
#include <stddef.h>

typedef struct results_log results_log;

/* Largest record line accepted. */
#define RESULTS_LINE_MAX ((size_t)1 << 20)

/*
 * Open (creating as needed) DIR and DIR/runs.jsonl, repair a partial last
 * line, and index every record by run_id.  A line in the middle that is not
 * a JSON object fails with HZ_EINVALID naming DIR/runs.jsonl:LINE.
 */
int results_open(results_log **out, const char *dir);
/*
 * Open an existing log for reading only (a dry run): a shared lock, no
 * directory made, a partial last line ignored rather than repaired.
 * HZ_ENOTFOUND when DIR/runs.jsonl does not exist.
 */
int results_open_readonly(results_log **out, const char *dir);

void results_free(results_log *r);

const char *results_dir(const results_log *r);
const char *results_log_path(const results_log *r);

/*
 * Bytes cut off as a partial last line since open (0 when none), and the
 * line number it had.  An unterminated last line that is a whole JSON
 * object is not cut: it gets its newline (the rule of fit and merge too).
 */
size_t results_repaired_bytes(const results_log *r);
size_t results_repaired_line(const results_log *r);

/* Number of complete records read or written. */
size_t results_count(const results_log *r);

/* What the log says about one run (results_lookup). */
typedef struct results_run {
	int done;        /* 0: no success or failure record; 1: the latest such record is a failure; 2: a success */
	int errors;      /* its `error` records (auth_error and quota_error ones not counted: they say
			    nothing of the run) */
	char fp[17];     /* the agent_fingerprint of the latest verdict ("" when it has none) */
	double cost_usd; /* dollar_equivalent summed over all its records (errors' too) */
	int limit;       /* the record_limit the latest verdict ended on (its exit_reason), or -1 */
} results_run;

/* What the log says about run_id.  Reads records appended by others since the last look first. */
int results_lookup(results_log *r, const char *run_id, results_run *out);

/*
 * Append one record (a JSON object on one line, without the newline) for
 * run_id, unless the log already holds a success or failure for it made
 * with the agent fingerprint fp (any, when fp is NULL or the record has
 * none): then *appended = 0 and nothing is written.  Under the lock:
 * repair, catch up on others' records, check, one write, fsync.
 */
int results_append(results_log *r, const char *run_id, const char *fp, const char *line, size_t len,
		   int *appended);

/*
 * A record's agent_config (a new reference, or NULL when it has none: a
 * METR record); for records written before they carried one, rebuilt from
 * their agent_spec and seed.
 */
json_t *results_record_config(const json_t *rec);

/*
 * The agent_config of the latest success or failure record of run_id
 * (a new reference), read from the file; NULL when there is none.
 */
json_t *results_find_config(results_log *r, const char *run_id);

typedef struct run_claim run_claim;

/*
 * Claim run_id for this process: DIR/claims/<run_id> holding our pid, locked
 * for as long as the claim is held.  HZ_EEXISTS when a live process holds
 * it; a claim left by a dead process is taken over.
 */
int results_claim(results_log *r, const char *run_id, run_claim **out);

/* Give a claim up (the file is removed); NULL is fine. */
void run_claim_release(run_claim *c);

#endif
