/*
 * Sharded sweeps on batch systems: horizon does not schedule anything itself;
 * it writes the files with which Slurm (a job array plus a dependent merge
 * job) or Kubernetes (an Indexed Job) run `horizon run --shard K/N` once per
 * shard.  Used by `horizon slurm` and `horizon k8s`.  See docs/scale.md.
 */
#ifndef HORIZON_BATCH_H
#define HORIZON_BATCH_H

#include <stddef.h>

/* What every shard job runs, and where it writes. */
typedef struct hz_batch_spec {
	const char *horizon;         /* the horizon binary the jobs run (absolute, or a name in PATH) */
	const char *const *run_args; /* arguments of `horizon run`, without --out and --shard */
	size_t nrun_args;
	const char *out_dir;         /* shard K writes OUT/shard-K */
	const char *merge_out;       /* the merge job's output; NULL: OUT/merged */
	const char *workdir;         /* the jobs' working directory; NULL: not changed */
	int shards;                  /* N >= 1 */
	int cpus;                    /* CPUs per shard (the run's --jobs); >= 1 */
	long shard_seconds;          /* wall-clock limit of one shard (Slurm --time, pod deadline) */
	const char *job_name;        /* NULL: "horizon" */
	/* Slurm only */
	const char *partition;       /* NULL: the cluster's default */
	const char *log_dir;         /* Slurm's output files; NULL: OUT/slurm */
	const char *merge_dependency;/* "afterany" (default) or "afterok" */
	/* Kubernetes only */
	int parallelism;             /* pods at once; 0: shards */
	const char *image;           /* container image holding horizon; NULL: "horizon:latest" */
	const char *pvc;             /* PersistentVolumeClaim for the results; NULL: "horizon-results" */
	const char *mount;           /* where the claim is mounted; NULL: "/results" */
	const char *k8s_namespace;   /* NULL: none written (kubectl's current namespace) */
} hz_batch_spec;

#define HZ_BATCH_SPEC_INIT { 0 }

/*
 * Wall-clock limit for one shard, in seconds.  `run_limits_s` holds the
 * longest a run of each selected task may take (time limit plus scorer
 * timeout); every task is run agents x repeats times, the runs are spread
 * over `shards` shards and run `jobs` at a time within a shard.  The result
 * is (sum / shards / jobs) x 1.5 (shards are uneven: runs are dealt by
 * run_id), never less than the longest single run, plus 10 minutes for
 * start-up, workspaces and scoring, rounded up to whole minutes.
 */
long hz_batch_shard_seconds(const double *run_limits_s, size_t ntasks, int agents, int repeats, int shards,
			    int jobs);

/* Slurm's time format for a number of seconds: "D-HH:MM:SS" (out needs 32 bytes). */
void hz_slurm_fmt_time(long seconds, char out[32]);

/*
 * Parse a time limit: minutes ("90"), "HH:MM:SS", "MM:SS" or "D-HH[:MM[:SS]]",
 * as Slurm accepts them; HZ_EUSAGE otherwise.
 */
int hz_slurm_parse_time(const char *text, long *seconds);

/*
 * The text of the job-array script (#SBATCH --array=0-(N-1); array task I
 * runs shard I+1) and of the merge job's script.  Every value taken from the
 * spec is shell-quoted; values that land in #SBATCH lines (paths, names) must
 * be free of white space, quotes, backslashes and '%' (HZ_EUSAGE naming the
 * value otherwise).  *out is a heap string owned by the caller.
 */
int hz_slurm_array_script(const hz_batch_spec *spec, char **out);
int hz_slurm_merge_script(const hz_batch_spec *spec, char **out);

/*
 * Submit the array script, then the merge script with
 * --dependency=<spec->merge_dependency>:ARRAYJOB, through sbatch --parsable
 * (argv, no shell; `sbatch` from PATH or $HZ_SBATCH).  *array_id and
 * *merge_id are heap strings for the caller to free, also on failure: when
 * only the merge job was refused, *array_id names the array that was
 * submitted.  HZ_ENOTFOUND when sbatch is missing, HZ_ERROR with sbatch's
 * message when it refuses.
 */
int hz_slurm_submit(const hz_batch_spec *spec, const char *array_script, const char *merge_script,
		    char **array_id, char **merge_id);

/*
 * The Kubernetes manifest: one YAML document, a batch/v1 Job with
 * completionMode Indexed, completions = parallelism = N, whose pod runs
 * shard JOB_COMPLETION_INDEX+1 into the claim mounted at spec->mount, with
 * activeDeadlineSeconds = spec->shard_seconds.  *out is a heap string.
 */
int hz_k8s_manifest(const hz_batch_spec *spec, char **out);

#endif
