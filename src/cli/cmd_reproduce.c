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

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon reproduce [-o DIR] [--format png,svg] [--title TEXT] [--no-80] FILE\n"
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
		"      --no-80          draw only the 50%% chart (default: also the 80%% chart)\n"
		"  -h, --help           show this help\n"
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
		{ "title", required_argument, NULL, 'T' }, { "no-80", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },      { NULL, 0, NULL, 0 },
	};
	hz_plot_opts po = HZ_PLOT_OPTS_INIT;
	hz_plot_files files = HZ_PLOT_FILES_INIT;
	hz_fit_opts fo = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;
	double mine[2], file[2];
	int c, rc = HZ_EXIT_OK, no80 = 0;

	po.out_dir = "results/reproduce";
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
		case 'N':
			no80 = 1;
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
	hz_plot_files_release(&files);
	hz_fit_free(fit);
	return rc;
}
