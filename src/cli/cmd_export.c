/* horizon export: run logs in another pipeline's format; METR's for now (docs/export.md). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/fit.h"

static void help(void)
{
	printf("usage: horizon export --format metr [options] -o FILE RUNS...\n"
	       "\n"
	       "Write run logs (runs.jsonl files or directories, read as 'horizon fit' reads\n"
	       "them) in the form METR's analysis pipeline (eval-analysis-public) loads:\n"
	       "records with status \"error\" dropped, each run_id once (its last non-error\n"
	       "record), every field kept, and the equal_task_weight and invsqrt_task_weight\n"
	       "columns computed over the exported runs as METR's compute_task_weights.py\n"
	       "does.  The agents' release dates go to a METR release_dates.yaml beside FILE.\n"
	       "\n"
	       "Options:\n"
	       "  --format metr           the output format (only metr)\n"
	       "  -o, --output FILE       the runs file to write (atomically)\n"
	       "  --release-dates FILE    release dates (YAML or JSON, as for 'horizon fit'; default:\n"
	       "                          release_dates.yaml in the first input directory that has\n"
	       "                          one); the records' release_date fields fill the gaps\n"
	       "  --release-dates-out F   where the release dates go (default: release_dates.yaml\n"
	       "                          in FILE's directory); 'none' to skip\n"
	       "  -q, --quiet             no summary line\n"
	       "  -h, --help              this help\n"
	       "\n"
	       "Exit status: 0 ok, 1 bad input or failure, 2 usage error.\n"
	       "\n"
	       "Examples:\n"
	       "  horizon export --format metr -o metr/all_runs.jsonl results/sweep/\n"
	       "  horizon export --format metr --release-dates-out none -o runs.jsonl a.jsonl b.jsonl\n");
}

enum { OPT_FORMAT = 256, OPT_DATES_OUT, OPT_DATES_IN };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "release-dates-out", required_argument, NULL, OPT_DATES_OUT },
	{ "release-dates", required_argument, NULL, OPT_DATES_IN },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* release_dates.yaml in the directory of `file`; a heap string. */
static char *dates_beside(const char *file)
{
	const char *slash = strrchr(file, '/');
	char *dir, *p;

	if (!slash)
		return strdup("release_dates.yaml");
	if (!(dir = strndup(file, (size_t)(slash - file) + (slash == file))))
		return NULL;
	p = hz_path_join(dir, "release_dates.yaml");
	free(dir);
	return p;
}

int cmd_export(int argc, char **argv)
{
	const char *format = NULL, *output = NULL, *dates_out = NULL, *dates_in = NULL;
	char *dates = NULL, *found = NULL;
	int c, quiet = 0, rc = HZ_EXIT_FAIL;
	hz_fit_export_stats st;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_DATES_OUT:
			dates_out = optarg;
			break;
		case OPT_DATES_IN:
			dates_in = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			help();
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("export", "unknown option");
		}
	}
	if (!format)
		return hz_cli_usage("export", "--format is required (metr)");
	if (strcmp(format, "metr"))
		return hz_cli_usage("export", "--format '%s': only 'metr' is implemented", format);
	if (!output)
		return hz_cli_usage("export", "-o FILE is required");
	if (optind >= argc)
		return hz_cli_usage("export", "no runs.jsonl file or directory given");
	if (!dates_out && !(dates = dates_beside(output)))
		return hz_cli_error("export", "out of memory");
	if (dates_out && strcmp(dates_out, "none") && !(dates = strdup(dates_out)))
		return hz_cli_error("export", "out of memory");
	for (int i = optind; !dates_in && i < argc; i++) {
		/* as horizon fit: a release_dates.yaml in an input directory */
		if (!hz_fs_is_dir(argv[i]))
			continue;
		free(found);
		if (!(found = hz_path_join(argv[i], "release_dates.yaml"))) {
			rc = hz_cli_error("export", "out of memory");
			goto done;
		}
		if (hz_fs_is_file(found))
			dates_in = found;
	}
	if (hz_fit_export_metr((const char *const *)argv + optind, (size_t)(argc - optind), output, dates, dates_in,
			       &st) < 0) {
		rc = hz_error_code() == HZ_EUSAGE ? (hz_cli_lib_error("export"), HZ_EXIT_USAGE) : hz_cli_lib_error("export");
		goto done;
	}
	if (!quiet) {
		printf("%zu runs of %zu agents written to %s", st.runs, st.agents, output);
		if (dates)
			printf("; release dates of %zu agents to %s", st.agents_dated, dates);
		printf("\n");
		if (st.error_runs || st.superseded)
			printf("dropped: %zu run%s with only error records, %zu superseded record%s\n", st.error_runs,
			       st.error_runs == 1 ? "" : "s", st.superseded, st.superseded == 1 ? "" : "s");
	}
	rc = HZ_EXIT_OK;
done:
	free(dates);
	free(found);
	return rc;
}
