/* Helpers shared by the Slurm and Kubernetes writers (batch.c). */
#ifndef HZ_SCALE_BATCH_INTERNAL_H
#define HZ_SCALE_BATCH_INTERNAL_H

#include "buf.h"
#include "horizon/batch.h"

/* Check the fields every writer needs; HZ_EUSAGE naming the bad one. */
int batch_check_spec(const hz_batch_spec *spec);

/*
 * Append the shell lines (POSIX sh) that run one shard: K = $index_var + 1,
 * checked against N, then `exec horizon run ARGS --shard K/N --out OUT/shard-K`.
 * `out_dir` is the output directory as the job sees it.  Every value is
 * shell-quoted.
 */
int batch_shard_lines(const hz_batch_spec *spec, hz_buf *b, const char *index_var, const char *out_dir);

/* "OUT/merged" or spec->merge_out, as a heap string. */
char *batch_merge_out(const hz_batch_spec *spec);

#endif
