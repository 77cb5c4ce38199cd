/* horizon merge: join the logs of a sharded sweep into one runs.jsonl (docs/scale.md). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/merge.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon merge [options] OUT INPUT...\n"
		"\n"
		"Join the results logs of a sharded sweep (horizon run --shard K/N, horizon slurm,\n"
		"horizon k8s) into OUT/runs.jsonl and OUT/sweep.json.\n"
		"\n"
		"An INPUT is a results directory (holding runs.jsonl and sweep.json), a directory\n"
		"whose subdirectories are results directories (OUT/shard-K of horizon slurm), or a\n"
		"runs.jsonl file.\n"
		"\n"
		"Rules, per run_id:\n"
		"  - identical records (and repeated verdicts) collapse into the first one;\n"
		"  - a success or failure replaces every error record of the run;\n"
		"  - a success in one log and a failure in another is a conflict: reported with\n"
		"    both sources, and nothing is written (unless --keep-first);\n"
		"  - a partial last line (a shard killed mid-write) is skipped with a note.\n"
		"Inputs whose sweep.json describe different plans (agents, tasks or task\n"
		"versions, repeats, shard count), or whose records give one task two versions,\n"
		"are refused.  OUT/sweep.json lists the inputs and their shards, the shards with\n"
		"no log, and the planned runs that have no verdict yet.  An existing\n"
		"OUT/runs.jsonl is replaced only if horizon merge wrote it.\n"
		"\n"
		"Options:\n"
		"  --keep-first    on conflicting verdicts keep the first one (listed in sweep.json)\n"
		"  --complete      fail (exit 1) unless every planned run has a verdict\n"
		"  -n, --dry-run   check and count; write nothing\n"
		"  -q, --quiet     no summary on stdout\n"
		"  -h, --help      this help\n"
		"\n"
		"Exit status: 0 merged, 1 conflict, plan mismatch, bad input or (with --complete)\n"
		"runs missing, 2 usage error.\n"
		"\n"
		"Example:\n"
		"  horizon merge results/sweep/merged results/sweep\n"
		"  horizon merge merged host-a/shard-1 host-b/shard-2 host-c/runs.jsonl\n");
}

int cmd_merge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep-first", no_argument, NULL, 'k' },
		{ "complete", no_argument, NULL, 'c' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	hz_merge_opts opts = HZ_MERGE_OPTS_INIT;
	hz_merge_result res;
	int c, quiet = 0, complete = 0, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "nqh", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': opts.keep_first = 1; break;
		case 'c': complete = 1; break;
		case 'n': opts.dry_run = 1; break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage("merge", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind < 2)
		return hz_cli_usage("merge", "need an output directory and at least one input");
	opts.out_dir = argv[optind];
	opts.inputs = (const char *const *)&argv[optind + 1];
	opts.ninputs = (size_t)(argc - optind - 1);
	rc = hz_merge_run(&opts, &res);
	for (size_t i = 0; i < res.nnotes; i++)
		fprintf(stderr, "horizon merge: note: %s\n", res.notes[i]);
	if (rc) {
		hz_merge_result_release(&res);
		return hz_cli_lib_error("merge");
	}
	if (!quiet) {
		printf("%s %zu log%s: %zu records -> %zu runs (%zu success, %zu failure, %zu error) in %s/runs.jsonl\n",
		       opts.dry_run ? "would merge" : "merged", res.nlogs, res.nlogs == 1 ? "" : "s", res.records,
		       res.runs, res.success, res.failure, res.error, opts.out_dir);
		printf("collapsed %zu duplicate%s (%zu identical), dropped %zu error record%s replaced by a verdict",
		       res.duplicates, res.duplicates == 1 ? "" : "s", res.identical, res.replaced_errors,
		       res.replaced_errors == 1 ? "" : "s");
		if (res.conflicts)
			printf(", kept the first of %zu conflicting verdict%s", res.conflicts, res.conflicts == 1 ? "" : "s");
		printf("\n");
		if (res.plan_known)
			printf("plan: %zu runs, %zu with a verdict, %zu missing\n", res.planned, res.planned - res.missing,
			       res.missing);
		else
			printf("plan: unknown (no sweep.json with agents, tasks and repeats among the inputs)\n");
	}
	rc = HZ_EXIT_OK;
	if (complete && res.shards_absent) {
		rc = hz_cli_error("merge", "%zu shard%s of the sweep have no log", res.shards_absent,
				  res.shards_absent == 1 ? "" : "s");
	} else if (complete && (!res.plan_known || res.missing)) {
		rc = res.plan_known ? hz_cli_error("merge", "%zu of %zu planned runs have no verdict", res.missing,
						   res.planned)
				    : hz_cli_error("merge", "--complete: the inputs do not say what was planned");
	}
	hz_merge_result_release(&res);
	return rc;
}
