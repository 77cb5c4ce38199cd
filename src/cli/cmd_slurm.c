/* horizon slurm: a sharded sweep as a Slurm job array plus a merge job (docs/scale.md). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_cli.h"
#include "cli.h"
#include "fsutil.h"
#include "horizon/batch.h"
#include "horizon/error.h"
#include "strutil.h"

static const char usage_text[] =
	"usage: horizon slurm --shards N [slurm options] --agent SPEC [run options]\n"
	"\n"
	"Write a Slurm job-array script that runs a sweep as N shards (array task I runs\n"
	"'horizon run ... --shard I+1/N --out OUT/shard-(I+1)'), and the script of a merge\n"
	"job that joins their logs into MERGE_OUT once every shard has ended.  With --submit,\n"
	"submit both (the merge job with --dependency=afterany:ARRAY_JOB) and print the job ids.\n"
	"horizon schedules nothing itself: Slurm runs the shards, anywhere, in any order.\n"
	"\n"
	"Slurm options:\n"
	"      --shards N          number of shards (array tasks), required\n"
	"      --submit            submit the scripts with sbatch and print the job ids\n"
	"      --partition P       Slurm partition (default: the cluster's default)\n"
	"      --time-limit T      each shard's time limit: MINUTES, HH:MM:SS or D-HH:MM:SS\n"
	"                          (default: derived from the tasks' time limits, see below)\n"
	"      --script FILE       the array script (default OUT/slurm/sweep.sbatch); the merge\n"
	"                          job's script is FILE with -merge before .sbatch\n"
	"      --merge-out DIR     where the merge job writes runs.jsonl (default OUT/merged)\n"
	"      --merge-after D     afterany (default): merge whatever the shards recorded, and list\n"
	"                          what is missing; afterok: merge only if every shard succeeded\n"
	"      --log-dir DIR       Slurm's output files (default OUT/slurm)\n"
	"      --job-name NAME     (default horizon; the merge job is NAME-merge)\n"
	"      --horizon PATH      the horizon binary the jobs run (default: this one)\n"
	"      --json              print what was written and submitted as JSON\n"
	"  -h, --help              this help\n"
	"\n"
	"Run options: every option of 'horizon run' (see horizon run --help), checked here\n"
	"as run checks them and passed on to each shard unchanged, except --shard (set per\n"
	"shard) and --dry-run (refused).  --out OUT (default results/run) is made absolute;\n"
	"--jobs J becomes --cpus-per-task=J.\n"
	"\n"
	"Time limit: each task's limit x --time-limit-scale + its scorer's timeout + 30 s,\n"
	"summed over tasks x agents x repeats, divided by N shards and by --jobs, x 1.5 (shards\n"
	"are uneven: runs are dealt by run_id), never less than the longest single run, plus\n"
	"10 minutes, rounded up to a minute.\n"
	"\n"
	"A killed or timed-out shard resumes where it stopped when submitted again:\n"
	"  sbatch --array=K-1 OUT/slurm/sweep.sbatch    (array index = shard - 1)\n"
	"then run the merge again: horizon merge OUT/merged OUT\n"
	"\n"
	"Exit status: 0 written (and submitted), 1 failure (bad tasks, sbatch refused),\n"
	"2 usage error.  See docs/scale.md.\n"
	"\n"
	"Example:\n"
	"  horizon slurm --shards 8 --submit --partition cpu --agent sim,h50=30 --tasks 'bugfix/*' \\\n"
	"      --repeats 4 --jobs 2 --out /shared/results/sweep1\n";

enum { O_SHARDS = 1000, O_SUBMIT, O_PARTITION, O_TIME, O_SCRIPT, O_MERGE_OUT, O_MERGE_AFTER, O_LOG_DIR, O_NAME,
       O_HORIZON, O_JSON };

typedef struct slurm_args {
	long shards;
	int submit, json;
	const char *partition, *time_limit, *script, *merge_out, *merge_after, *log_dir, *name, *horizon;
} slurm_args;

static int on_option(int val, const char *arg, void *ctx)
{
	slurm_args *a = ctx;

	switch (val) {
	case O_SHARDS:
		if (hz_parse_long(arg, &a->shards) || a->shards < 1 || a->shards > 100000)
			return hz_cli_usage("slurm", "--shards must be a whole number from 1 to 100000, not '%s'", arg);
		break;
	case O_SUBMIT: a->submit = 1; break;
	case O_PARTITION: a->partition = arg; break;
	case O_TIME: a->time_limit = arg; break;
	case O_SCRIPT: a->script = arg; break;
	case O_MERGE_OUT: a->merge_out = arg; break;
	case O_MERGE_AFTER:
		if (strcmp(arg, "afterany") && strcmp(arg, "afterok"))
			return hz_cli_usage("slurm", "--merge-after must be afterany or afterok, not '%s'", arg);
		a->merge_after = arg;
		break;
	case O_LOG_DIR: a->log_dir = arg; break;
	case O_NAME: a->name = arg; break;
	case O_HORIZON: a->horizon = arg; break;
	case O_JSON: a->json = 1; break;
	}
	return HZ_EXIT_OK;
}

/* "x/sweep.sbatch" -> "x/sweep-merge.sbatch"; other names get "-merge" appended. */
static char *merge_script_path(const char *script)
{
	size_t n = strlen(script);
	char *p = malloc(n + 8);

	if (!p)
		return NULL;
	if (n > 7 && !strcmp(script + n - 7, ".sbatch"))
		snprintf(p, n + 8, "%.*s-merge.sbatch", (int)(n - 7), script);
	else
		snprintf(p, n + 8, "%s-merge", script);
	return p;
}

static int write_script(const char *path, const char *text)
{
	char *dir = strdup(path), *slash;
	int rc = 0;

	if (!dir)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((slash = strrchr(dir, '/')) && slash != dir) {
		*slash = '\0';
		rc = hz_fs_mkdir_p(dir, 0755);
	}
	free(dir);
	if (rc || (rc = hz_fs_write_atomic(path, text, strlen(text))) != 0)
		return rc;
	if (chmod(path, 0755) < 0)
		return hz_error_set_errno("cannot chmod '%s'", path);
	return 0;
}

int cmd_slurm(int argc, char **argv)
{
	static const struct option own[] = {
		{ "shards", required_argument, NULL, O_SHARDS },
		{ "submit", no_argument, NULL, O_SUBMIT },
		{ "partition", required_argument, NULL, O_PARTITION },
		{ "time-limit", required_argument, NULL, O_TIME },
		{ "script", required_argument, NULL, O_SCRIPT },
		{ "merge-out", required_argument, NULL, O_MERGE_OUT },
		{ "merge-after", required_argument, NULL, O_MERGE_AFTER },
		{ "log-dir", required_argument, NULL, O_LOG_DIR },
		{ "job-name", required_argument, NULL, O_NAME },
		{ "horizon", required_argument, NULL, O_HORIZON },
		{ "json", no_argument, NULL, O_JSON },
		{ NULL, 0, NULL, 0 },
	};
	slurm_args a = { 0 };
	hz_run_cli_extra extra = { own, on_option, &a };
	hz_run_cli cli;
	hz_batch_spec spec = HZ_BATCH_SPEC_INIT;
	char *out = NULL, *merge_out = NULL, *log_dir = NULL, *script = NULL, *merge_path = NULL, *self = NULL;
	char *array_text = NULL, *merge_text = NULL, *array_id = NULL, *merge_id = NULL, *cwd = NULL, t[32];
	size_t runs = 0;
	long seconds = 0, derived = 0;
	int rc;

	rc = hz_run_cli_parse(&cli, "slurm", argc, argv, &extra);
	if (rc != HZ_EXIT_OK || cli.help) {
		if (cli.help)
			fputs(usage_text, stdout);
		goto done;
	}
	if (!a.shards) {
		rc = hz_cli_usage("slurm", "--shards N is required");
		goto done;
	}
	if ((rc = hz_batch_cli_check("slurm", &cli)) != HZ_EXIT_OK)
		goto done;
	if (a.time_limit) {
		if (hz_slurm_parse_time(a.time_limit, &seconds) != 0) {
			rc = hz_cli_usage("slurm", "--time-limit: %s", hz_error_message());
			goto done;
		}
		if ((rc = hz_batch_cli_plan("slurm", &cli, (int)a.shards, &runs, &derived)) != HZ_EXIT_OK)
			goto done;
	} else if ((rc = hz_batch_cli_plan("slurm", &cli, (int)a.shards, &runs, &seconds)) != HZ_EXIT_OK) {
		goto done;
	}
	if (!(out = hz_batch_cli_abspath(cli.opts.out_dir)) || !(cwd = hz_batch_cli_abspath(".")) ||
	    !(merge_out = a.merge_out ? hz_batch_cli_abspath(a.merge_out) : hz_path_join(out, "merged")) ||
	    !(log_dir = a.log_dir ? hz_batch_cli_abspath(a.log_dir) : hz_path_join(out, "slurm"))) {
		rc = hz_cli_error("slurm", "out of memory");
		goto done;
	}
	if (a.script)
		script = hz_batch_cli_abspath(a.script);
	else
		script = hz_path_join(log_dir, "sweep.sbatch");
	self = a.horizon ? strdup(a.horizon) : hz_batch_cli_self();
	if (!script || !self || !(merge_path = merge_script_path(script))) {
		rc = hz_cli_error("slurm", "cannot find this horizon binary or out of memory: give --horizon");
		goto done;
	}
	spec.horizon = self;
	spec.run_args = cli.words;
	spec.nrun_args = cli.nwords;
	spec.out_dir = out;
	spec.merge_out = merge_out;
	spec.workdir = cwd;
	spec.shards = (int)a.shards;
	spec.cpus = cli.opts.jobs;
	spec.shard_seconds = seconds;
	spec.job_name = a.name;
	spec.partition = a.partition;
	spec.log_dir = log_dir;
	spec.merge_dependency = a.merge_after;
	/* Slurm does not create the directory of --output: without it a job fails unseen. */
	if (hz_slurm_array_script(&spec, &array_text) != 0 || hz_slurm_merge_script(&spec, &merge_text) != 0 ||
	    hz_fs_mkdir_p(log_dir, 0755) != 0 || hz_fs_mkdir_p(out, 0755) != 0 ||
	    write_script(script, array_text) != 0 || write_script(merge_path, merge_text) != 0) {
		rc = hz_error_code() == HZ_EUSAGE ? hz_cli_usage("slurm", "%s", hz_error_message()) : hz_cli_lib_error("slurm");
		goto done;
	}
	if (a.submit && hz_slurm_submit(&spec, script, merge_path, &array_id, &merge_id) != 0) {
		rc = hz_cli_lib_error("slurm");
		if (array_id)
			fprintf(stderr, "horizon slurm: the array job %s was submitted; the merge job was not\n", array_id);
		goto done;
	}
	hz_slurm_fmt_time(seconds, t);
	if (a.json) {
		json_t *j = json_pack("{s:s,s:s,s:s,s:s,s:i,s:I,s:s,s:I,s:s?,s:s?}", "script", script, "merge_script",
				      merge_path, "out", out, "merge_out", merge_out, "shards", (int)a.shards, "runs",
				      (json_int_t)runs, "time_limit", t, "time_limit_s", (json_int_t)seconds, "array_job",
				      array_id, "merge_job", merge_id);
		json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
		json_decref(j);
	} else {
		printf("wrote %s: %ld shards of %zu runs in all, --time=%s each, output in %s/shard-K\n", script,
		       a.shards, runs, t, out);
		printf("wrote %s: merges them into %s\n", merge_path, merge_out);
		if (a.submit)
			printf("submitted array job %s (%ld shards) and merge job %s (%s:%s)\n", array_id, a.shards,
			       merge_id, a.merge_after ? a.merge_after : "afterany", array_id);
		else
			printf("submit: jid=$(sbatch --parsable %s) && sbatch --dependency=%s:$jid %s\n", script,
			       a.merge_after ? a.merge_after : "afterany", merge_path);
	}
	rc = HZ_EXIT_OK;
done:
	free(out);
	free(merge_out);
	free(log_dir);
	free(script);
	free(merge_path);
	free(self);
	free(cwd);
	free(array_text);
	free(merge_text);
	free(array_id);
	free(merge_id);
	hz_run_cli_release(&cli);
	return rc;
}
