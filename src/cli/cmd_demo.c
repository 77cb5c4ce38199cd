/*
 * horizon demo: the whole pipeline on built-in defaults.  Simulated agents
 * whose latent 50% horizons double about every seven months sweep the task
 * catalogue in the sandbox; the runs are fitted with METR's method; the
 * report and the doubling charts are written; the command says where.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fit_cli.h"
#include "fsutil.h"
#include "horizon/agents.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "horizon/plot.h"
#include "horizon/report.h"
#include "horizon/run.h"
#include "strutil.h"

#define DEMO_DOUBLING_DAYS 213.0 /* METR's "about seven months" */
#define DEMO_SLOPE 1.0
#define MAX_AGENTS 8
#define QUICK_TASKS 8

static void usage(FILE *out)
{
	fprintf(out,
		"usage: horizon demo [--out DIR] [--repeats N] [--jobs J] [--quick] [options]\n"
		"\n"
		"Run the whole pipeline on built-in defaults and say where the results are:\n"
		"  1. sweep the task catalogue with six simulated agents ('sim' backend: each\n"
		"     succeeds with a probability set by a latent 50%% horizon, by really applying\n"
		"     the task's solution or not, in the sandbox) whose latent horizons double\n"
		"     every 213 days (about 7 months) across release dates up to March 2025,\n"
		"     spanning the catalogue's range of task lengths, plus one agent behind the\n"
		"     frontier;\n"
		"  2. fit each agent's 50%% and 80%% horizon and the doubling time (METR's method,\n"
		"     1000 bootstrap samples);\n"
		"  3. write the report (Markdown and a self-contained HTML page) and the charts\n"
		"     (doubling-50, doubling-80, success curves, success by bucket).\n"
		"The fitted doubling time should come out near the agents' latent one, which\n"
		"the demo prints beside it.  Re-running resumes: recorded runs are reused.\n"
		"\n"
		"Options:\n"
		"  -o, --out DIR          where everything goes (default results/demo)\n"
		"  -n, --repeats N        runs per agent and task (default 1; 2 halves the noise\n"
		"                         and doubles the time)\n"
		"  -j, --jobs J           runs at the same time (default 2)\n"
		"      --quick            a small subset: 4 agents (and the one behind), %d tasks\n"
		"                         spread over the catalogue's range, 200 bootstrap samples,\n"
		"                         the doubling charts only\n"
		"      --tasks-dir DIR    the catalogue (default: $HORIZON_TASKS, ./tasks, or the\n"
		"                         source tree's tasks/; the test fixture tasks when none)\n"
		"      --sandbox MODE     bwrap (default) or none (no isolation: trusted agents only)\n"
		"      --bootstrap N      bootstrap samples of the fit (default 1000)\n"
		"  -h, --help             show this help\n"
		"\n"
		"Files in DIR: runs.jsonl (the runs), fit.json (the fit), report.md, report.html,\n"
		"doubling-50.{gp,png,svg}, doubling-80.*, buckets.*, success-AGENT.*.\n"
		"Exit status: 0 done, 1 failure (or runs that ended in error: run again to retry),\n"
		"2 usage error.\n",
		QUICK_TASKS);
}

typedef struct demo {
	const char *out_dir, *tasks_dir;
	int repeats, jobs, quick;
	long bootstrap;
	hz_sandbox_mode sandbox;
	double last_progress;
} demo;

static void on_progress(const hz_sweep_progress *p, void *arg)
{
	demo *d = arg;

	if (p->elapsed_s - d->last_progress < 5.0 && !(p->done == p->total && p->run_id))
		return;
	d->last_progress = p->elapsed_s;
	fprintf(stderr, "horizon demo: %zu/%zu runs (%zu success, %zu failure, %zu error), %.0f s\n", p->done, p->total,
		p->success, p->failure, p->error, p->elapsed_s);
}

static int by_minutes(const void *a, const void *b)
{
	double x = hz_task_human_minutes(*(hz_task *const *)a), y = hz_task_human_minutes(*(hz_task *const *)b);

	return x < y ? -1 : x > y;
}

/*
 * The catalogue's tasks this machine can run, by human time.  With --quick, QUICK_TASKS of them
 * evenly spread over that order, so the subset still spans short and long.
 */
static int pick_tasks(const hz_catalog *cat, int quick, hz_task ***out, size_t *n)
{
	size_t total = hz_catalog_count(cat), k;
	hz_task **all = calloc(total ? total : 1, sizeof(*all));

	*out = NULL;
	*n = 0;
	if (!all)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; i < hz_catalog_count(cat); i++) {
		hz_task *t = hz_catalog_get(cat, i);
		const char *tool = hz_task_missing_tool(t);
		if (tool)
			fprintf(stderr, "horizon demo: leaving out %s: it needs '%s', which is not installed\n", hz_task_id(t),
				tool);
		else
			all[(*n)++] = t;
	}
	total = *n;
	*n = 0;
	if (total < 2) {
		free(all);
		return hz_error_set(HZ_ENOTFOUND, "%s: fewer than 2 tasks this machine can run", hz_catalog_root(cat));
	}
	qsort(all, total, sizeof(*all), by_minutes);
	if (quick && total > QUICK_TASKS) {
		for (k = 0; k < QUICK_TASKS; k++)
			all[k] = all[k * (total - 1) / (QUICK_TASKS - 1)];
		total = QUICK_TASKS;
	}
	*out = all;
	*n = total;
	return 0;
}

/*
 * The simulated agents.  Their latent horizons double every
 * DEMO_DOUBLING_DAYS, from the 15th to the 85th percentile of the
 * catalogue's task lengths, so that every agent has tasks on both sides of
 * its horizon to measure it by (a horizon out at the ends of the catalogue
 * can only be extrapolated, badly).  Release
 * dates end in March 2025 and go back as far as that needs (to 2019 at most:
 * a short catalogue gives a shorter span, never a different doubling time).
 * Returns the latent doubling time.
 */
static double make_agents(const demo *d, hz_task **tasks, size_t ntasks, hz_agent_config *agents, size_t *nagents)
{
	double m_lo = hz_task_human_minutes(tasks[(ntasks - 1) * 15 / 100]);
	double m_hi = hz_task_human_minutes(tasks[(ntasks - 1) * 85 / 100]);
	long d0, d1;
	int n = d->quick ? 4 : 6;
	double h_last, h_first, doubling = DEMO_DOUBLING_DAYS;

	hz_parse_date("2019-01-01", &d0);
	hz_parse_date("2025-03-01", &d1);
	h_last = fmax(m_hi, m_lo * 8);
	h_first = fmax(h_last / pow(2, (double)(d1 - d0) / doubling), m_lo);
	d0 = d1 - lround(doubling * log2(h_last / h_first));
	*nagents = 0;
	for (int i = 0; i < n + 1; i++) {
		char spec[256], date[11];
		long day;
		double h50;
		if (i < n) {
			day = d0 + (d1 - d0) * i / (n - 1);
			h50 = h_first * pow(2, (double)(day - d0) / doubling);
		} else {
			/* One agent behind the frontier: released late, with a quarter of the best horizon then. */
			day = d0 + (d1 - d0) * (2 * n - 3) / (2 * (n - 1));
			h50 = h_first * pow(2, (double)(day - d0) / doubling) / 4;
		}
		hz_fmt_date(day, date);
		snprintf(spec, sizeof(spec), "sim,h50=%.4g,slope=%.2g,release=%s,alias=sim-%.7s%s", h50, DEMO_SLOPE, date,
			 date, i < n ? "" : "-small");
		if (hz_agent_config_parse(&agents[*nagents], spec) < 0)
			return -1;
		(*nagents)++;
	}
	return doubling;
}

/* Run the sweep; *errors is how many runs ended in error (left out of the fit). */
static int sweep(const demo *d, const hz_catalog *cat, hz_task **tasks, size_t ntasks, const hz_agent_config *agents,
		 size_t nagents, size_t *errors)
{
	hz_sweep_opts o = HZ_SWEEP_OPTS_INIT;
	hz_sweep_result r = { 0 };
	hz_selector sel = HZ_SELECTOR_INIT;
	const char **ids = calloc(ntasks, sizeof(char *));
	int rc = 0;

	if (!ids)
		return hz_cli_error("demo", "out of memory");
	for (size_t i = 0; i < ntasks; i++)
		ids[i] = hz_task_id(tasks[i]);
	sel.terms = ids;
	sel.nterms = ntasks;
	o.agents = agents;
	o.agent_new = hz_agent_new;
	o.nagents = nagents;
	o.catalog = cat;
	o.selector = &sel;
	o.repeats = d->repeats;
	o.jobs = d->jobs;
	o.out_dir = d->out_dir;
	o.sandbox = d->sandbox;
	o.progress = on_progress;
	o.progress_arg = (void *)d;
	printf("sweep: %zu agents x %zu tasks x %d repeat%s into %s/runs.jsonl\n", nagents, ntasks, d->repeats,
	       d->repeats == 1 ? "" : "s", d->out_dir);
	fflush(stdout);
	if (hz_sweep_run(&o, &r) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	printf("sweep: %zu runs planned, %zu already recorded, %zu run now: %zu success, %zu failure, %zu error "
	       "(%.0f s)\n",
	       r.planned, r.planned - r.to_run, r.to_run, r.success, r.failure, r.error, r.wall_s);
	*errors = r.error;
	if (r.error)
		fprintf(stderr, "horizon demo: %zu runs ended in error (left out of the fit); run the demo again to retry "
				"them\n", r.error);
done:
	hz_sweep_result_release(&r);
	free(ids);
	return rc;
}

/* Fit the runs, then write fit.json, the charts and the reports into DIR. */
static int fit_and_publish(const demo *d, double latent_doubling, size_t nagents)
{
	hz_fit_opts fo = HZ_FIT_OPTS_INIT;
	hz_plot_opts po = HZ_PLOT_OPTS_INIT;
	hz_report_opts ro = HZ_REPORT_OPTS_INIT;
	hz_plot_files files = HZ_PLOT_FILES_INIT;
	hz_fit *fit = NULL;
	const char **svgs = NULL;
	char *runs = hz_path_join(d->out_dir, "runs.jsonl"), *fitpath = hz_path_join(d->out_dir, "fit.json");
	char *md = hz_path_join(d->out_dir, "report.md"), *html = hz_path_join(d->out_dir, "report.html");
	const char *inputs[1];
	int rc = HZ_EXIT_OK;

	if (!runs || !fitpath || !md || !html) {
		rc = hz_cli_error("demo", "out of memory");
		goto done;
	}
	inputs[0] = runs;
	fo.bootstrap = (size_t)d->bootstrap;
	fo.jobs = d->jobs;
	if (hz_fit_runs(&fit, inputs, 1, &fo) < 0 || hz_fit_write_json(fit, fitpath) < 0 ||
	    hz_fit_set_origin(fit, fitpath) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	po.out_dir = d->out_dir;
	po.charts = d->quick ? HZ_CHART_DOUBLING50 | HZ_CHART_DOUBLING80
			     : HZ_CHART_DOUBLING50 | HZ_CHART_DOUBLING80 | HZ_CHART_BUCKETS | HZ_CHART_CURVES;
	po.title = "Time horizons of the demo's simulated agents";
	if (hz_plot_render(fit, &po, &files) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	if (!(svgs = calloc(files.n ? files.n : 1, sizeof(char *)))) {
		rc = hz_cli_error("demo", "out of memory");
		goto done;
	}
	for (size_t i = 0; i < files.n; i++) {
		size_t len = strlen(files.paths[i]);
		/* The headline charts go into the page; the per-agent curves stay beside it. */
		if (len > 4 && !strcmp(files.paths[i] + len - 4, ".svg") && !strstr(files.paths[i], "/success-"))
			svgs[ro.nsvg++] = files.paths[i];
	}
	ro.svg_paths = svgs;
	ro.title = "horizon demo: simulated agents";
	ro.format = HZ_REPORT_MD;
	if (hz_report_write(fit, &ro, md) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	ro.format = HZ_REPORT_HTML;
	if (hz_report_write(fit, &ro, html) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	printf("fit: %zu agents from %zu runs (%ld bootstrap samples)\n", nagents, hz_fit_nruns(fit), d->bootstrap);
	hz_cli_print_doubling(fit, 50);
	hz_cli_print_doubling(fit, 80);
	printf("the simulated agents' latent 50%% horizons double every %.0f days\n\n", latent_doubling);
	printf("chart:  %s/doubling-50.png (and .svg; doubling-50.gp redraws it)\n", d->out_dir);
	printf("chart:  %s/doubling-80.png\n", d->out_dir);
	printf("report: %s\n", html);
	printf("report: %s\n", md);
	printf("fit:    %s\n", fitpath);
	printf("runs:   %s\n", runs);
done:
	free(svgs);
	hz_plot_files_release(&files);
	hz_fit_free(fit);
	free(runs);
	free(fitpath);
	free(md);
	free(html);
	return rc;
}

static int parse_int(const char *s, long lo, long *out)
{
	return hz_parse_long(s, out) == 0 && *out >= lo ? 0 : -1;
}

int cmd_demo(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },      { "repeats", required_argument, NULL, 'n' },
		{ "jobs", required_argument, NULL, 'j' },     { "quick", no_argument, NULL, 'Q' },
		{ "tasks-dir", required_argument, NULL, 'K' }, { "sandbox", required_argument, NULL, 'S' },
		{ "bootstrap", required_argument, NULL, 'B' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	demo d = { "results/demo", NULL, 1, 2, 0, 1000, HZ_SANDBOX_BWRAP, -1e9 };
	hz_agent_config agents[MAX_AGENTS];
	hz_catalog *cat = NULL;
	hz_task **tasks = NULL;
	size_t ntasks = 0, nagents = 0, errors = 0;
	int c, rc = HZ_EXIT_OK, boot_set = 0;
	double latent;
	char lo[32], hi[32];
	long v;

	memset(agents, 0, sizeof(agents));
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:n:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			d.out_dir = optarg;
			break;
		case 'n':
			if (parse_int(optarg, 1, &v) < 0 || v > 100)
				return hz_cli_usage("demo", "--repeats needs a number from 1 to 100, not '%s'", optarg);
			d.repeats = (int)v;
			break;
		case 'j':
			if (parse_int(optarg, 1, &v) < 0 || v > 256)
				return hz_cli_usage("demo", "--jobs needs a number from 1 to 256, not '%s'", optarg);
			d.jobs = (int)v;
			break;
		case 'Q':
			d.quick = 1;
			break;
		case 'K':
			d.tasks_dir = optarg;
			break;
		case 'S':
			if (hz_sandbox_mode_parse(optarg, &d.sandbox) < 0)
				return hz_cli_usage("demo", "%s", hz_error_message());
			break;
		case 'B':
			if (parse_int(optarg, 0, &v) < 0 || v > 100000)
				return hz_cli_usage("demo", "--bootstrap needs a number from 0 to 100000, not '%s'", optarg);
			d.bootstrap = v;
			boot_set = 1;
			break;
		case 'h':
			usage(stdout);
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("demo", "unknown option");
		}
	}
	if (optind != argc)
		return hz_cli_usage("demo", "takes no arguments ('%s')", argv[optind]);
	if (d.quick && !boot_set)
		d.bootstrap = 200;
	if (!d.tasks_dir) {
		d.tasks_dir = hz_catalog_default_root();
		if (!hz_fs_is_dir(d.tasks_dir)) {
			fprintf(stderr, "horizon demo: no task catalogue at %s; using the test fixture tasks\n", d.tasks_dir);
			d.tasks_dir = HZ_SOURCE_DIR "/tests/data/tasks/fixture";
		}
	}
	if (hz_catalog_load(&cat, d.tasks_dir) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	if (hz_catalog_count(cat) < 2) {
		rc = hz_cli_error("demo", "%s has %zu task%s: the demo needs at least 2", d.tasks_dir, hz_catalog_count(cat),
				  hz_catalog_count(cat) == 1 ? "" : "s");
		goto done;
	}
	if (pick_tasks(cat, d.quick, &tasks, &ntasks) < 0 ||
	    (latent = make_agents(&d, tasks, ntasks, agents, &nagents)) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	hz_fmt_minutes(hz_task_human_minutes(tasks[0]), lo, sizeof(lo));
	hz_fmt_minutes(hz_task_human_minutes(tasks[ntasks - 1]), hi, sizeof(hi));
	printf("horizon demo: %zu of the %zu tasks in %s (%s to %s of human time)\n", ntasks, hz_catalog_count(cat),
	       d.tasks_dir, lo, hi);
	for (size_t i = 0; i < nagents; i++) {
		const char *h50 = hz_agent_config_param(&agents[i], "h50");
		printf("  %-20s released %s, latent 50%% horizon %s min\n", agents[i].alias,
		       agents[i].release_date ? agents[i].release_date : "?", h50 ? h50 : "?");
	}
	if (hz_fs_mkdir_p(d.out_dir, 0755) < 0) {
		rc = hz_cli_lib_error("demo");
		goto done;
	}
	if ((rc = sweep(&d, cat, tasks, ntasks, agents, nagents, &errors)) != 0)
		goto done;
	/* Runs lost to errors leave the results incomplete: say so in the exit status too. */
	if ((rc = fit_and_publish(&d, latent, nagents)) == HZ_EXIT_OK && errors)
		rc = HZ_EXIT_FAIL;
done:
	for (size_t i = 0; i < nagents; i++)
		hz_agent_config_release(&agents[i]);
	free(tasks);
	hz_catalog_free(cat);
	return rc;
}
