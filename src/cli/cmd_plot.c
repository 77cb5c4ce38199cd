/* horizon plot: charts from a fit file (or from run logs, fitted first). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fit_cli.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "horizon/plot.h"
#include "horizon/report.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon plot [options] FIT.json\n"
		"   or: horizon plot [options] [--release-dates FILE] RUNS...\n"
		"\n"
		"Draw charts with gnuplot from a fit file written by 'horizon fit --json', or\n"
		"from run logs (runs.jsonl files or directories holding them), fitted first.\n"
		"Each chart NAME is written as NAME.gp (a self-contained gnuplot script with\n"
		"the data inline), NAME.png and NAME.svg; re-run 'gnuplot NAME.gp' to restyle.\n"
		"\n"
		"Charts (--charts, comma-separated; default all):\n"
		"  doubling50   doubling-50: each agent's 50%% horizon against its release date,\n"
		"               CI bars, the trend over the SOTA agents, its bootstrap band and\n"
		"               the doubling time\n"
		"  doubling80   doubling-80: the same at 80%% success\n"
		"  doubling     both of the above\n"
		"  curves       success-AGENT: the fitted logistic against human time with the\n"
		"               binned success rates and their counts, one chart per agent\n"
		"  hist         tasks-hist: the human time of the catalogue's tasks\n"
		"  buckets      buckets: success rate by human-time bucket for each agent\n"
		"  all          every chart that has data\n"
		"\n"
		"Options:\n"
		"  -o, --out DIR            where the charts go (default results/plots)\n"
		"      --charts LIST        which charts (above)\n"
		"      --format LIST        png, svg or png,svg (default both)\n"
		"      --title TEXT         title of the doubling charts (\"TEXT (50%% success)\")\n"
		"      --published FILE     draw METR's published results (benchmark_results\n"
		"                           YAML) beside your agents, in another colour\n"
		"      --release-dates FILE release dates for fitting run logs (YAML: alias: date;\n"
		"                           default: the records' own release_date fields)\n"
		"      --tasks DIR          the catalogue for the histogram (default: the\n"
		"                           catalogue horizon finds, when it loads)\n"
		"  -h, --help               show this help\n"
		"\n"
		"Exit status: 0 charts written, 1 bad input or gnuplot failure, 2 usage error.\n");
}

int cmd_plot(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },     { "charts", required_argument, NULL, 'C' },
		{ "format", required_argument, NULL, 'F' },  { "title", required_argument, NULL, 'T' },
		{ "published", required_argument, NULL, 'P' }, { "release-dates", required_argument, NULL, 'R' },
		{ "tasks", required_argument, NULL, 'K' },   { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	hz_plot_opts po = HZ_PLOT_OPTS_INIT;
	hz_plot_files files = HZ_PLOT_FILES_INIT;
	hz_fit *doc = NULL, *pub = NULL;
	const char *published = NULL, *release_dates = NULL, *tasks = NULL;
	double *minutes = NULL;
	int c, rc = HZ_EXIT_OK;

	po.out_dir = "results/plots";
	po.charts = HZ_CHART_ALL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			po.out_dir = optarg;
			break;
		case 'C':
			if (hz_plot_charts_parse(optarg, &po.charts) < 0)
				return hz_cli_usage("plot", "%s", hz_error_message());
			break;
		case 'F':
			if ((rc = hz_cli_parse_image_formats("plot", optarg, &po)) != 0)
				return rc;
			break;
		case 'T':
			po.title = optarg;
			break;
		case 'P':
			published = optarg;
			break;
		case 'R':
			release_dates = optarg;
			break;
		case 'K':
			tasks = optarg;
			break;
		case 'h':
			usage(stdout);
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("plot", "unknown option");
		}
	}
	if ((rc = hz_cli_load_fit("plot", argv + optind, argc - optind, release_dates, &doc)) != 0)
		goto done;
	if (published && (rc = hz_cli_load_published("plot", published, &pub)) != 0)
		goto done;
	po.published = pub;
	if (po.charts & HZ_CHART_HIST) {
		minutes = hz_cli_task_minutes(tasks, !tasks && po.charts != HZ_CHART_HIST ? 1 : 0, &po.ntasks);
		po.task_minutes = minutes;
	}
	if (hz_plot_render(doc, &po, &files) < 0) {
		rc = hz_cli_lib_error("plot");
		goto done;
	}
	for (size_t i = 0; i < files.n; i++)
		printf("wrote %s\n", files.paths[i]);
done:
	free(minutes);
	hz_plot_files_release(&files);
	hz_fit_free(doc);
	hz_fit_free(pub);
	return rc;
}
