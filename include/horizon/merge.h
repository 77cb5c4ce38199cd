/*
 * Merging shard logs: the results of one sweep run as N shards (`horizon run
 * --shard K/N`, on any machines, in any order) joined into one runs.jsonl and
 * one sweep.json.  Used by `horizon merge` and by the merge job that
 * `horizon slurm` submits.  See docs/scale.md.
 */
#ifndef HORIZON_MERGE_H
#define HORIZON_MERGE_H

#include <stddef.h>

typedef struct hz_merge_opts {
	/*
	 * Inputs: results directories (DIR/runs.jsonl, with DIR/sweep.json when
	 * present), directories whose subdirectories are results directories
	 * (the OUT/shard-K layout of `horizon slurm`), or runs.jsonl files.
	 */
	const char *const *inputs;
	size_t ninputs;
	const char *out_dir;  /* writes OUT/runs.jsonl and OUT/sweep.json (replaced atomically) */
	int keep_first;       /* conflicting verdicts: keep the first instead of failing */
	int dry_run;          /* check and count, write nothing */
} hz_merge_opts;

#define HZ_MERGE_OPTS_INIT { .inputs = NULL, .ninputs = 0 }

typedef struct hz_merge_result {
	size_t nlogs;            /* runs.jsonl files read */
	size_t records;          /* complete records read */
	size_t written;          /* records in the merged log */
	size_t runs;             /* distinct run_ids */
	size_t success, failure, error; /* run_ids by final status */
	size_t duplicates;       /* records collapsed into an earlier one with the same verdict */
	size_t identical;        /* ... of which byte-for-byte (JSON-equal) copies */
	size_t replaced_errors;  /* error records dropped because the run has a verdict */
	size_t conflicts;        /* run_ids with both a success and a failure */
	size_t partial_lines;    /* partial last lines skipped (a shard killed mid-write) */
	int plan_known;          /* 1 when the inputs' sweep.json gave the whole plan */
	size_t planned;          /* runs in the plan (when known) */
	size_t missing;          /* planned runs with no success or failure */
	size_t shards_absent;    /* shards of the plan with no log among the inputs */
	char **notes;            /* human-readable lines worth showing (partial lines, missing shards...) */
	size_t nnotes;
} hz_merge_result;

/*
 * Merge opts->inputs into opts->out_dir.  Identical duplicates collapse; a
 * success or failure replaces any error record of the same run_id; a run_id
 * with both a success and a failure is a conflict: HZ_ECONFLICT naming the
 * run and both sources, nothing written (unless keep_first).  Inputs run
 * with different plans (other agents, tasks, task versions or repeats) are
 * refused with HZ_ECONFLICT naming the inputs and the difference.  An
 * existing OUT/runs.jsonl is replaced only when OUT/sweep.json says that
 * horizon merge wrote it (HZ_EEXISTS otherwise).  Release *out with
 * hz_merge_result_release() in every case.
 */
int hz_merge_run(const hz_merge_opts *opts, hz_merge_result *out);

void hz_merge_result_release(hz_merge_result *res);

#endif
