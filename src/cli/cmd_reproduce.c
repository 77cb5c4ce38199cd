/* horizon reproduce: METR's published trend from their results file, in one command. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fit_cli.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "horizon/plot.h"
#include "horizon/report.h"
#include "strutil.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon reproduce [-o DIR] [--format png,svg] [--title TEXT] [--names FILE] [--no-80]\n"
		"                        [--bootstrap N] [--seed S] FILE\n"
		"\n"
		"Redraw METR's doubling chart from their published results file\n"
		"(benchmark_results_*.yaml: per-model release dates and p50/p80 horizons with\n"
		"CIs) and print the doubling time.  The trend is METR's headline estimate:\n"
		"ordinary least squares of ln(p50) on release date over the models the file\n"
		"marks is_sota, leaving out those above 16 hours.  No run logs are needed.\n"
		"\n"
		"Options:\n"
		"  -o, --out DIR        where the charts go (default results/reproduce)\n"
		"      --format LIST    image formats: png, svg or png,svg (default both)\n"
		"      --title TEXT     chart title (\"TEXT (50%% success)\")\n"
		"      --names FILE     JSON {\"key\": \"Display name\"} for the point labels (METR's\n"
		"                       keys have built-in model names: claude_3_7_sonnet_inspect ->\n"
		"                       Claude 3.7 Sonnet)\n"
		"      --no-80          draw only the 50%% chart (default: also the 80%% chart)\n"
		"      --bootstrap N    draws for the trend's CI and shaded band (default 1000; 0: none):\n"
		"                       each model's horizon drawn inside its published 95%% CI (a split\n"
		"                       normal in log space), the line refitted per draw (docs/plot.md)\n"
		"      --seed S         the draws' seed (default 42): the same seed, the same band\n"
		"  -h, --help           show this help\n"
		"\n"
		"Example:\n"
		"  horizon reproduce -o charts tests/data/metr/metr-published/benchmark_results_1_1.yaml\n"
		"\n"
		"Writes DIR/doubling-50.{gp,png,svg} (and doubling-80.*).  The .gp scripts hold\n"
		"their data inline: edit and re-run them with 'gnuplot doubling-50.gp' in DIR.\n"
		"\n"
		"Exit status: 0 done, 1 unreadable file or gnuplot failure, 2 usage error.\n");
}

int cmd_reproduce(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' }, { "format", required_argument, NULL, 'F' },
		{ "title", required_argument, NULL, 'T' }, { "names", required_argument, NULL, 'M' }, { "no-80", no_argument, NULL, 'N' },
		{ "bootstrap", required_argument, NULL, 'B' }, { "seed", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },      { NULL, 0, NULL, 0 },
	};
	hz_plot_opts po = HZ_PLOT_OPTS_INIT;
	hz_plot_files files = HZ_PLOT_FILES_INIT;
	hz_fit_opts fo = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;
	double mine[2], file[2];
	int c, rc = HZ_EXIT_OK, no80 = 0;
	long v;

	po.out_dir = "results/reproduce";
	fo.published_draws = 1000;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			po.out_dir = optarg;
			break;
		case 'F':
			if ((rc = hz_cli_parse_image_formats("reproduce", optarg, &po)) != 0)
				return rc;
			break;
		case 'T':
			po.title = optarg;
			break;
		case 'M':
			if (po.names)
				hz_cli_free_names(&po);
			if ((rc = hz_cli_load_names("reproduce", optarg, &po)) != 0)
				return rc;
			break;
		case 'N':
			no80 = 1;
			break;
		case 'B':
			if (hz_parse_long(optarg, &v) < 0 || v < 0 || v > 10000000)
				return hz_cli_usage("reproduce", "--bootstrap '%s': a number of draws >= 0 is needed", optarg);
			fo.published_draws = (size_t)v;
			break;
		case 'S':
			if (hz_parse_long(optarg, &v) < 0 || v < 0 || v > 4294967295L)
				return hz_cli_usage("reproduce", "--seed '%s': an integer between 0 and 2^32-1 is needed", optarg);
			fo.seed = (uint32_t)v;
			break;
		case 'h':
			usage(stdout);
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("reproduce", "unknown option");
		}
	}
	if (optind != argc - 1)
		return hz_cli_usage("reproduce", "expects one results file (benchmark_results_*.yaml)");
	if (hz_fit_published(&fit, argv[optind], &fo) < 0) {
		rc = hz_cli_lib_error("reproduce");
		goto done;
	}
	po.charts = no80 ? HZ_CHART_DOUBLING50 : HZ_CHART_DOUBLING50 | HZ_CHART_DOUBLING80;
	if (hz_plot_render(fit, &po, &files) < 0) {
		rc = hz_cli_lib_error("reproduce");
		goto done;
	}
	printf("%s: %zu models\n", argv[optind], hz_fit_nagents(fit));
	hz_cli_print_doubling(fit, 50);
	if (!no80)
		hz_cli_print_doubling(fit, 80);
	if (hz_fit_published_doubling(fit, mine, file) == 0) {
		printf("METR's windows (is_sota models, p50 <= 16 h): all time %.1f days, from 2023 on %.1f days\n",
		       mine[0], mine[1]);
		if (isfinite(file[0]) || isfinite(file[1]))
			printf("the file's own figures: all time %.1f days, from 2023 on %.1f days\n", file[0], file[1]);
	}
	for (size_t i = 0; i < files.n; i++)
		printf("wrote %s\n", files.paths[i]);
done:
	hz_cli_free_names(&po);
	hz_plot_files_release(&files);
	hz_fit_free(fit);
	return rc;
}
