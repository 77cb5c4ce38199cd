/*
 * The results log, DIR/runs.jsonl: one JSON record per line (docs/results.md),
 * appended with one write and fsync under an exclusive lock, so concurrent
 * workers and concurrent sweeps into one DIR never interleave or duplicate
 * lines, and a crash at any moment leaves at most a partial last line, which
 * the next writer cuts off (under the same lock) without losing any complete
 * record.  Runs are claimed before they start (DIR/claims/<run_id>, held
 * with a lock that dies with its process), so two sweeps never run one run.
 */
#ifndef HORIZON_RESULTS_H
#define HORIZON_RESULTS_H

#include <stddef.h>

typedef struct hz_results hz_results;

/* Largest record line accepted. */
#define HZ_RESULTS_LINE_MAX ((size_t)1 << 20)

/*
 * Open (creating as needed) DIR and DIR/runs.jsonl, repair a partial last
 * line, and index every record by run_id.  A line in the middle that is not
 * a JSON object fails with HZ_EINVALID naming DIR/runs.jsonl:LINE.
 */
int hz_results_open(hz_results **out, const char *dir);
/*
 * Open an existing log for reading only (a dry run): a shared lock, no
 * directory made, a partial last line ignored rather than repaired.
 * HZ_ENOTFOUND when DIR/runs.jsonl does not exist.
 */
int hz_results_open_readonly(hz_results **out, const char *dir);

void hz_results_free(hz_results *r);

const char *hz_results_dir(const hz_results *r);
const char *hz_results_log_path(const hz_results *r);

/* Bytes cut off as a partial last line since open (0 when none). */
size_t hz_results_repaired_bytes(const hz_results *r);

/* Number of complete records read or written. */
size_t hz_results_count(const hz_results *r);

/*
 * What the log says about a run: *done = 0 when it has no success or
 * failure record, 1 when the latest such record is a failure, 2 when it is
 * a success; *errors = how many `error` records it has.
 * Reads records appended by others since the last look first.
 */
int hz_results_lookup(hz_results *r, const char *run_id, int *done, int *errors);

/*
 * Append one record (a JSON object on one line, without the newline) for
 * run_id, unless the log already holds a success or failure for it (then
 * *appended = 0 and nothing is written).  Under the lock: repair, catch up
 * on others' records, check, one write, fsync.
 */
int hz_results_append(hz_results *r, const char *run_id, const char *line, size_t len, int *appended);

typedef struct hz_claim hz_claim;

/*
 * Claim run_id for this process: DIR/claims/<run_id> holding our pid, locked
 * for as long as the claim is held.  HZ_EEXISTS when a live process holds
 * it; a claim left by a dead process is taken over.
 */
int hz_results_claim(hz_results *r, const char *run_id, hz_claim **out);

/* Give a claim up (the file is removed); NULL is fine. */
void hz_claim_release(hz_claim *c);

#endif
