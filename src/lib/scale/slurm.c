/*
 * Slurm: the job-array script (one array task per shard), the merge job's
 * script, and their submission through sbatch with a dependency.
 */
#include <stdlib.h>
#include <string.h>

#include "batch_internal.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "proc.h"
#include "quote.h"
#include "strutil.h"

#define SBATCH_TIMEOUT_S 120.0
#define MERGE_JOB_SECONDS (30 * 60)

/*
 * sbatch reads #SBATCH lines with its own tokenizer, not a shell: refuse the
 * characters it could split or expand ('%' is a filename pattern there).
 */
static int sbatch_safe(const char *what, const char *v)
{
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("\"'\\%#$`", *p))
			return hz_error_set(HZ_EUSAGE,
					    "%s '%s' cannot go into an #SBATCH line: it must not contain white space, "
					    "quotes, backslashes or any of %%#$`",
					    what, v);
	return *v ? 0 : hz_error_set(HZ_EUSAGE, "%s is empty", what);
}

static char *log_dir(const hz_batch_spec *s)
{
	return s->log_dir ? strdup(s->log_dir) : hz_path_join(s->out_dir, "slurm");
}

/* The #SBATCH lines and the shell prologue common to both scripts. */
static int header(const hz_batch_spec *s, hz_buf *b, const char *name, const char *logs, const char *log_pattern,
		  long seconds, int cpus)
{
	char t[32], now[21];
	int rc;

	if ((rc = sbatch_safe("the job name", name)) || (rc = sbatch_safe("the Slurm log directory", logs)) ||
	    (s->partition && (rc = sbatch_safe("the partition", s->partition))))
		return rc;
	hz_slurm_fmt_time(seconds, t);
	hz_fmt_iso8601(hz_time_ms(), now);
	rc |= hz_buf_printf(b, "#SBATCH --job-name=%s\n#SBATCH --time=%s\n#SBATCH --cpus-per-task=%d\n", name, t, cpus);
	rc |= hz_buf_printf(b, "#SBATCH --nodes=1\n#SBATCH --ntasks=1\n#SBATCH --output=%s/%s\n", logs, log_pattern);
	/* A shard requeued after a node failure, or re-submitted, resumes: keep its earlier output too. */
	rc |= hz_buf_puts(b, "#SBATCH --requeue\n#SBATCH --open-mode=append\n");
	if (s->partition)
		rc |= hz_buf_printf(b, "#SBATCH --partition=%s\n", s->partition);
	rc |= hz_buf_printf(b, "# written by horizon %s on %s\nset -eu\n", HZ_VERSION, now);
	if (s->workdir) {
		rc |= hz_buf_puts(b, "cd -- ");
		rc |= hz_sh_quote(b, s->workdir);
		rc |= hz_buf_putc(b, '\n');
	}
	return rc ? hz_error_set(HZ_ENOMEM, "out of memory writing a Slurm script") : 0;
}

int hz_slurm_array_script(const hz_batch_spec *s, char **out)
{
	hz_buf b = HZ_BUF_INIT;
	const char *name = s->job_name ? s->job_name : "horizon";
	char *logs = NULL;
	int rc;

	*out = NULL;
	if ((rc = batch_check_spec(s)) != 0)
		return rc;
	if (!(logs = log_dir(s)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	hz_buf_printf(&b,
		      "#!/bin/bash\n"
		      "# horizon sweep in %d shards: Slurm array task I runs shard I+1 of %d into OUT/shard-(I+1).\n"
		      "# Submit with its merge job (what `horizon slurm --submit` does):\n"
		      "#   jid=$(sbatch --parsable THIS_FILE) && sbatch --dependency=%s:$jid MERGE_FILE\n"
		      "# Re-run shard K alone (it resumes where it stopped): sbatch --array=$((K-1)) THIS_FILE\n"
		      "#SBATCH --array=0-%d\n",
		      s->shards, s->shards, s->merge_dependency ? s->merge_dependency : "afterany", s->shards - 1);
	if ((rc = header(s, &b, name, logs, "%x-shard-%a.out", s->shard_seconds, s->cpus)) != 0)
		goto done;
	if ((rc = batch_shard_lines(s, &b, "SLURM_ARRAY_TASK_ID", s->out_dir)) != 0)
		goto done;
	*out = hz_buf_detach(&b);
done:
	hz_buf_release(&b);
	free(logs);
	return rc;
}

int hz_slurm_merge_script(const hz_batch_spec *s, char **out)
{
	hz_buf b = HZ_BUF_INIT, name = HZ_BUF_INIT;
	char *logs = NULL, *merged = NULL;
	int rc;

	*out = NULL;
	if ((rc = batch_check_spec(s)) != 0)
		return rc;
	if (!(logs = log_dir(s)) || !(merged = batch_merge_out(s))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	hz_buf_printf(&name, "%s-merge", s->job_name ? s->job_name : "horizon");
	hz_buf_printf(&b,
		      "#!/bin/bash\n"
		      "# horizon: merge the %d shard logs under OUT into one runs.jsonl once the array is done.\n"
		      "# Runs after every shard has ended (afterany): a failed or killed shard leaves its runs\n"
		      "# listed as missing in the merged sweep.json instead of blocking the merge; re-submit\n"
		      "# that shard, then this job (or run the same horizon merge command by hand).\n",
		      s->shards);
	if ((rc = header(s, &b, hz_buf_cstr(&name), logs, "%x-%j.out", MERGE_JOB_SECONDS, 1)) != 0)
		goto done;
	hz_buf_puts(&b, "exec ");
	hz_sh_quote(&b, s->horizon);
	hz_buf_puts(&b, " merge ");
	hz_sh_quote(&b, merged);
	hz_buf_putc(&b, ' ');
	hz_sh_quote(&b, s->out_dir);
	if ((rc = hz_buf_putc(&b, '\n')) != 0)
		goto done;
	*out = hz_buf_detach(&b);
done:
	hz_buf_release(&b);
	hz_buf_release(&name);
	free(logs);
	free(merged);
	return rc;
}

/* sbatch --parsable prints "JOBID" or "JOBID;CLUSTER". */
static int sbatch(char *const *argv, char **id)
{
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;
	size_t n;
	int rc;

	*id = NULL;
	o.argv = argv;
	o.timeout_s = SBATCH_TIMEOUT_S;
	o.max_stdout = 4096;
	o.max_stderr = 4096;
	if ((rc = hz_proc_run(&o, &r)) != 0) {
		hz_proc_result_release(&r);
		if (rc == HZ_ENOTFOUND)
			return hz_error_set(HZ_ENOTFOUND, "'%s' not found: is this a Slurm submit host?", argv[0]);
		return rc;
	}
	if (r.exit_code != 0 || !r.out) {
		size_t last = 0;
		char *nl = r.err ? strchr(r.err, '\n') : NULL;
		while (argv[last + 1])
			last++;
		if (nl)
			*nl = '\0';
		rc = hz_error_set(HZ_ERROR, "sbatch '%s' failed (%s %d): %s", argv[last],
				  r.timed_out ? "timed out," : "exit", r.exit_code, r.err && *r.err ? r.err : "no message");
		hz_proc_result_release(&r);
		return rc;
	}
	n = strspn(r.out, "0123456789_");
	if (!n) {
		rc = hz_error_set(HZ_ERROR, "sbatch printed no job id: '%s'", r.out);
		hz_proc_result_release(&r);
		return rc;
	}
	r.out[n] = '\0';
	*id = strdup(r.out);
	hz_proc_result_release(&r);
	return *id ? 0 : hz_error_set(HZ_ENOMEM, "out of memory");
}

int hz_slurm_submit(const hz_batch_spec *s, const char *array_script, const char *merge_script, char **array_id,
		    char **merge_id)
{
	const char *prog = getenv("HZ_SBATCH");
	hz_buf dep = HZ_BUF_INIT;
	int rc;

	*array_id = *merge_id = NULL;
	if (!prog || !*prog)
		prog = "sbatch";
	{
		char *argv[] = { (char *)prog, "--parsable", (char *)array_script, NULL };
		if ((rc = sbatch(argv, array_id)) != 0)
			goto done;
	}
	if ((rc = hz_buf_printf(&dep, "--dependency=%s:%s", s->merge_dependency ? s->merge_dependency : "afterany",
				*array_id)) != 0)
		goto done;
	{
		char *argv[] = { (char *)prog, "--parsable", dep.ptr, (char *)merge_script, NULL };
		rc = sbatch(argv, merge_id);
	}
done:
	hz_buf_release(&dep);
	return rc;
}
