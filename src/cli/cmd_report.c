/* horizon report: result tables in md, csv, html, latex and METR-style yaml. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fit_cli.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/plot.h"
#include "horizon/report.h"

#define MAX_FORMATS 8

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon report [options] FIT.json\n"
		"   or: horizon report [options] [--release-dates FILE] RUNS...\n"
		"\n"
		"Write result tables from a fit file ('horizon fit --json'), a METR results\n"
		"file (benchmark_results_*.yaml), or run logs fitted first: per agent the\n"
		"release date, runs, tasks, weighted success rate, p50 and p80 with their CIs,\n"
		"tokens, cost and cost per success; and the trend (doubling time, CI, agents).\n"
		"\n"
		"Formats (--format, comma-separated for several):\n"
		"  md      Markdown tables\n"
		"  csv     one row per agent, numbers at full precision (RFC 4180)\n"
		"  html    one self-contained page: tables and the SVG charts embedded\n"
		"  latex   booktabs tables to \\input into a paper (needs \\usepackage{booktabs})\n"
		"  yaml    METR's benchmark_results schema (readable by 'horizon reproduce')\n"
		"\n"
		"Options:\n"
		"  -f, --format LIST        formats (default md)\n"
		"  -o, --output FILE        write the report here (one format only)\n"
		"      --out DIR            directory for reports and the html charts\n"
		"                           (default results/report); several formats are\n"
		"                           written as DIR/report.EXT\n"
		"      --title TEXT         title of the report\n"
		"      --charts LIST        charts embedded in html (see 'horizon plot --help';\n"
		"                           default all)\n"
		"      --published FILE     draw METR's published results beside yours in the charts\n"
		"      --release-dates FILE release dates when fitting run logs (default: the\n"
		"                           records' own release_date fields)\n"
		"      --tasks DIR          the catalogue for the html task histogram\n"
		"      --no-sensitivity     when fitting run logs, leave out the sensitivity panel\n"
		"                           (docs/fit.md SENSITIVITY; on by default, 1-2 s more)\n"
		"  -h, --help               show this help\n"
		"\n"
		"With one format other than html and no -o or --out, the report goes to stdout.\n"
		"Exit status: 0 written, 1 bad input or failure, 2 usage error.\n");
}

static int parse_formats(const char *spec, hz_report_format *f, int *n)
{
	char buf[32];

	while (*spec) {
		size_t len = strcspn(spec, ",");
		if (len >= sizeof(buf) || *n >= MAX_FORMATS)
			return hz_cli_usage("report", "bad --format '%s'", spec);
		memcpy(buf, spec, len);
		buf[len] = '\0';
		if (hz_report_format_parse(buf, &f[*n]) < 0)
			return hz_cli_usage("report", "%s", hz_error_message());
		(*n)++;
		spec += len + (spec[len] == ',');
	}
	return 0;
}

/* mkdir -p the directory a file goes into. */
static int mkdir_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int err;

	if (!slash || slash == path)
		return 0;
	if (!(dir = strndup(path, (size_t)(slash - path))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	err = hz_fs_mkdir_p(dir, 0755);
	free(dir);
	return err;
}

/* Draw the charts for the html report and collect the SVGs to embed. */
static int html_charts(const hz_fit *doc, hz_plot_opts *po, hz_plot_files *files, const char ***svgs, size_t *nsvg)
{
	int err;

	po->png = po->svg = 1;
	/* A fit with nothing to draw still makes a report: tables without charts. */
	if ((err = hz_plot_render(doc, po, files)) < 0 && err != HZ_ENOTFOUND)
		return err;
	if (!(*svgs = calloc(files->n ? files->n : 1, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < files->n; i++) {
		size_t len = strlen(files->paths[i]);
		if (len > 4 && !strcmp(files->paths[i] + len - 4, ".svg"))
			(*svgs)[(*nsvg)++] = files->paths[i];
	}
	return 0;
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },  { "output", required_argument, NULL, 'o' },
		{ "out", required_argument, NULL, 'D' },     { "title", required_argument, NULL, 'T' },
		{ "charts", required_argument, NULL, 'C' },  { "published", required_argument, NULL, 'P' },
		{ "release-dates", required_argument, NULL, 'R' }, { "tasks", required_argument, NULL, 'K' },
		{ "no-sensitivity", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },          { NULL, 0, NULL, 0 },
	};
	hz_report_format formats[MAX_FORMATS];
	hz_report_opts ro = HZ_REPORT_OPTS_INIT;
	hz_plot_opts po = HZ_PLOT_OPTS_INIT;
	hz_plot_files files = HZ_PLOT_FILES_INIT;
	hz_fit *doc = NULL, *pub = NULL;
	const char *output = NULL, *dir = NULL, *published = NULL, *release_dates = NULL, *tasks = NULL;
	const char **svgs = NULL;
	double *minutes = NULL;
	char *path = NULL, *text = NULL, *chart_dir = NULL;
	size_t nsvg = 0, len = 0;
	int c, rc = HZ_EXIT_OK, nformats = 0, to_stdout, sensitivity = 1;

	po.charts = HZ_CHART_ALL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = parse_formats(optarg, formats, &nformats)) != 0)
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case 'D':
			dir = optarg;
			break;
		case 'T':
			ro.title = optarg;
			break;
		case 'C':
			if (hz_plot_charts_parse(optarg, &po.charts) < 0)
				return hz_cli_usage("report", "%s", hz_error_message());
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
		case 'S':
			sensitivity = 0;
			break;
		case 'h':
			usage(stdout);
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("report", "unknown option");
		}
	}
	if (!nformats)
		formats[nformats++] = HZ_REPORT_MD;
	if (output && nformats > 1)
		return hz_cli_usage("report", "-o names one file: give one --format, or use --out DIR");
	if ((rc = hz_cli_load_fit_panel("report", argv + optind, argc - optind, release_dates, sensitivity, &doc)) != 0)
		goto done;
	if (published && (rc = hz_cli_load_published("report", published, &pub)) != 0)
		goto done;
	to_stdout = !output && !dir && nformats == 1 && formats[0] != HZ_REPORT_HTML;
	if (!dir && output) {
		/* Charts of an html report written with -o go beside it. */
		const char *slash = strrchr(output, '/');
		chart_dir = slash ? strndup(output, (size_t)(slash - output + (slash == output))) : strdup(".");
		if (!chart_dir) {
			rc = hz_cli_error("report", "out of memory");
			goto done;
		}
		dir = chart_dir;
	}
	if (!dir)
		dir = "results/report";
	for (int i = 0; i < nformats; i++) {
		ro.format = formats[i];
		if (formats[i] == HZ_REPORT_HTML && !svgs) {
			po.out_dir = dir;
			po.published = pub;
			po.title = ro.title;
			if (po.charts & HZ_CHART_HIST)
				po.task_minutes = minutes = hz_cli_task_minutes(tasks, !tasks, &po.ntasks);
			if (html_charts(doc, &po, &files, &svgs, &nsvg) < 0) {
				rc = hz_cli_lib_error("report");
				goto done;
			}
			ro.svg_paths = svgs;
			ro.nsvg = nsvg;
		}
		if (to_stdout) {
			if (hz_report_render(doc, &ro, &text, &len) < 0) {
				rc = hz_cli_lib_error("report");
				goto done;
			}
			fwrite(text, 1, len, stdout);
			continue;
		}
		free(path);
		if (output) {
			path = strdup(output);
		} else {
			char name[32];
			snprintf(name, sizeof(name), "report.%s", hz_report_format_ext(formats[i]));
			path = hz_path_join(dir, name);
		}
		if (!path) {
			rc = hz_cli_error("report", "out of memory");
			goto done;
		}
		if (mkdir_parent(path) < 0 || hz_report_write(doc, &ro, path) < 0) {
			rc = hz_cli_lib_error("report");
			goto done;
		}
		printf("wrote %s\n", path);
	}
done:
	free(path);
	free(text);
	free(chart_dir);
	free(svgs);
	free(minutes);
	hz_plot_files_release(&files);
	hz_fit_free(doc);
	hz_fit_free(pub);
	return rc;
}
