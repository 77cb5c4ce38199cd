/* horizon fit: per-agent time horizons and the doubling time, METR's method (docs/fit.md). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "strutil.h"

#define MAX_EXCLUDE 256

static void help(void)
{
	printf("usage: horizon fit [options] RUNS...\n"
	       "       horizon fit [options] --published RESULTS.yaml\n"
	       "\n"
	       "Fit each agent's time horizon (the human task length at which it succeeds\n"
	       "with 50%% / 80%% probability) from runs.jsonl files, and the doubling time of\n"
	       "the horizon across release dates, exactly as METR computes them\n"
	       "(docs/method.md; docs/fit.md).  RUNS are runs.jsonl files ('-' for\n"
	       "standard input) or directories (every runs.jsonl up to 3 levels below, in\n"
	       "sorted order; else the directory's own *.jsonl files).\n"
	       "\n"
	       "Method:\n"
	       "  --method VERSION        metr-2025 | metr-2026 (default: metr-2025, the method of\n"
	       "                          every result METR has published code and data for;\n"
	       "                          metr-2026 is horizon's reading of METR's 2026-03-03\n"
	       "                          regularization fix: the penalty per run (docs/method.md 11))\n"
	       "  --weighting W           invsqrt | equal | none (default: invsqrt)\n"
	       "  --recompute-weights     recompute weights instead of using the files'\n"
	       "                          equal_task_weight / invsqrt_task_weight columns\n"
	       "                          (they are recomputed anyway when a record lacks them)\n"
	       "  --score-col COL         score_binarized | score_cont | score\n"
	       "                          (default: score_binarized; the others give partial credit)\n"
	       "  --regularization L      L2 penalty on the slope; 0 = none (default: 0.1)\n"
	       "  --success LIST          success percents, comma-separated (default: 50,80)\n"
	       "  --exclude-agent ALIAS   leave an agent out entirely (repeatable)\n"
	       "  --lengths WHICH         all | baseline-only: only runs on tasks whose human time\n"
	       "                          was measured (human_source \"baseline\"), to show how much\n"
	       "                          estimated lengths move the result (default: all)\n"
	       "  --exclude-family FAM    leave a task family out entirely (repeatable)\n"
	       "  --sensitivity           also refit (point estimates) under each variation: the\n"
	       "                          other method version, no penalty, other weightings,\n"
	       "                          partial credit, --lengths baseline-only, length noise\n"
	       "                          (SIMEX), each family left out (docs/fit.md SENSITIVITY)\n"
	       "  --buckets               print METR's per-bucket success rates (1-4, 4-16, 16-64,\n"
	       "                          64-256, 256-960, 960-2880 min) beside the fitted curve\n"
	       "  --budget-usd X          a run succeeds only if its dollar_equivalent <= X\n"
	       "  --budget-tokens N       ... only if its total_tokens <= N (runs without are dropped)\n"
	       "  --budget-minutes M      ... only if its working time <= M minutes\n"
	       "                          (budget horizons, as METR's score-over-resource analysis)\n"
	       "                          With costs recorded, a table of cost per success and per\n"
	       "                          doubling of task length follows (docs/method.md section 12)\n"
	       "  --simex-sd SD           SIMEX's assumed noise SD of log2(human minutes); 0 = no\n"
	       "                          SIMEX column (default: 1, a factor of 2)\n"
	       "\n"
	       "Bootstrap:\n"
	       "  --bootstrap N           hierarchical bootstrap samples; 0 = no CIs (default: 1000)\n"
	       "  --seed S                sample i uses numpy default_rng(S + i) (default: 42)\n"
	       "  -j, --jobs J            worker threads; results do not depend on J\n"
	       "                          (default: number of CPUs)\n"
	       "\n"
	       "Trend:\n"
	       "  --release-dates FILE    YAML or JSON: alias -> YYYY-MM-DD, flat or under 'date:'\n"
	       "                          (default: release_dates.yaml in an input directory;\n"
	       "                          records' own release_date fields fill the gaps)\n"
	       "  --after DATE            first release date in the trend (default: 2019-01-01)\n"
	       "  --before DATE           release dates must be before this (default: 2030-01-01)\n"
	       "  --no-trend              fit agents only; no release dates needed\n"
	       "  --published FILE        trend from METR's benchmark_results YAML (per-model\n"
	       "                          horizons and is_sota flags; no runs, no bootstrap)\n"
	       "\n"
	       "Output:\n"
	       "  --json                  the complete result as JSON on stdout (docs/fit-json.md)\n"
	       "  -o, --output FILE       also write the JSON to FILE\n"
	       "  --bootstrap-out FILE    per-sample horizons as CSV: sample,alias,p50,p80,...\n"
	       "  -q, --quiet             no progress and no notes\n"
	       "  -h, --help              this help\n"
	       "\n"
	       "Errors name the file, line and field.  Exit status: 0 ok, 1 bad input or\n"
	       "failure, 2 usage error.\n"
	       "\n"
	       "Examples:\n"
	       "  horizon fit --release-dates tests/data/metr/metr-2025-01/release_dates.yaml \\\n"
	       "      tests/data/metr/metr-2025-01/all_runs.jsonl\n"
	       "  horizon fit --no-trend --bootstrap 0 results/sweep/\n"
	       "  horizon fit --sensitivity --bootstrap 0 tests/data/metr/metr-2025-01/\n"
	       "  horizon fit --method metr-2026 tests/data/metr/metr-2025-01/\n"
	       "  horizon fit --published tests/data/metr/metr-published/benchmark_results_1_1.yaml\n");
}

enum {
	OPT_METHOD = 256,
	OPT_WEIGHTING,
	OPT_RECOMPUTE,
	OPT_SCORE_COL,
	OPT_REG,
	OPT_SUCCESS,
	OPT_EXCLUDE,
	OPT_EXCLUDE_FAMILY,
	OPT_SENSITIVITY,
	OPT_SIMEX_SD,
	OPT_BUDGET_USD,
	OPT_BUCKETS,
	OPT_BUDGET_TOKENS,
	OPT_BUDGET_MINUTES,
	OPT_BOOTSTRAP,
	OPT_SEED,
	OPT_RELEASE,
	OPT_AFTER,
	OPT_BEFORE,
	OPT_NO_TREND,
	OPT_PUBLISHED,
	OPT_JSON,
	OPT_BOOT_OUT,
	OPT_LENGTHS
};

static const struct option longopts[] = {
	{ "method", required_argument, NULL, OPT_METHOD },
	{ "weighting", required_argument, NULL, OPT_WEIGHTING },
	{ "recompute-weights", no_argument, NULL, OPT_RECOMPUTE },
	{ "score-col", required_argument, NULL, OPT_SCORE_COL },
	{ "regularization", required_argument, NULL, OPT_REG },
	{ "success", required_argument, NULL, OPT_SUCCESS },
	{ "exclude-agent", required_argument, NULL, OPT_EXCLUDE },
	{ "lengths", required_argument, NULL, OPT_LENGTHS },
	{ "exclude-family", required_argument, NULL, OPT_EXCLUDE_FAMILY },
	{ "sensitivity", no_argument, NULL, OPT_SENSITIVITY },
	{ "simex-sd", required_argument, NULL, OPT_SIMEX_SD },
	{ "budget-usd", required_argument, NULL, OPT_BUDGET_USD },
	{ "buckets", no_argument, NULL, OPT_BUCKETS },
	{ "budget-tokens", required_argument, NULL, OPT_BUDGET_TOKENS },
	{ "budget-minutes", required_argument, NULL, OPT_BUDGET_MINUTES },
	{ "bootstrap", required_argument, NULL, OPT_BOOTSTRAP },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "jobs", required_argument, NULL, 'j' },
	{ "release-dates", required_argument, NULL, OPT_RELEASE },
	{ "after", required_argument, NULL, OPT_AFTER },
	{ "before", required_argument, NULL, OPT_BEFORE },
	{ "no-trend", no_argument, NULL, OPT_NO_TREND },
	{ "published", required_argument, NULL, OPT_PUBLISHED },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "output", required_argument, NULL, 'o' },
	{ "bootstrap-out", required_argument, NULL, OPT_BOOT_OUT },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

typedef struct progress_state {
	double last;
	int shown;
} progress_state;

static void progress(void *ud, size_t done, size_t total)
{
	progress_state *ps = ud;
	double now = hz_clock_now();

	if (done < total && now - ps->last < 0.1)
		return;
	ps->last = now;
	ps->shown = 1;
	fprintf(stderr, "\rbootstrap: %zu/%zu samples", done, total);
	if (done == total)
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

static int parse_percents(const char *s, hz_fit_opts *o)
{
	char buf[512], *p, *end;

	if (strlen(s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, strlen(s) + 1);
	o->nsuccess = 0;
	for (p = buf; *p; p = end + (*end == ',')) {
		double v = strtod(p, &end);
		if (end == p || (*end && *end != ',') || !(v > 0 && v < 100) || o->nsuccess == HZ_FIT_MAX_PERCENTS)
			return -1;
		o->success_percents[o->nsuccess++] = v;
	}
	return o->nsuccess ? 0 : -1;
}

static const char *weighting_name(hz_fit_weighting w)
{
	return w == HZ_FIT_WEIGHT_EQUAL ? "equal" : w == HZ_FIT_WEIGHT_NONE ? "per-run" : "invsqrt";
}

static void fmt_ci(char *out, size_t size, const hz_fit_horizon *h)
{
	char e[32], lo[32], hi[32];

	hz_fmt_minutes(h->estimate, e, sizeof(e));
	if (isnan(h->ci_low) && isnan(h->ci_high)) {
		snprintf(out, size, "%s", e);
		return;
	}
	hz_fmt_minutes(h->ci_low, lo, sizeof(lo));
	hz_fmt_minutes(h->ci_high, hi, sizeof(hi));
	snprintf(out, size, "%s [%s - %s]", e, lo, hi);
}

static void print_published(const hz_fit *fit)
{
	double mine[2], file[2];

	if (hz_fit_published_doubling(fit, mine, file) < 0)
		return;
	printf("METR's windows (is_sota models, p50 <= 16 h): all time %.1f days, from 2023 on %.1f days\n", mine[0],
	       mine[1]);
	if (!isnan(file[0]) || !isnan(file[1]))
		printf("the file's doubling_time_in_days: all time %.1f days, from 2023 on %.1f days\n", file[0], file[1]);
}

/* A cell padded to its column, except the last one (no trailing blanks). */
static void cell_out(const char *s, size_t width, int last)
{
	if (last)
		printf("  %s", s);
	else
		printf("  %-*s", (int)width, s);
}

/* "$0.42", or "-" without a value. */
static const char *usd_text(double usd, char *out, size_t size)
{
	if (!isfinite(usd))
		snprintf(out, size, "-");
	else
		snprintf(out, size, usd > 0 && usd < 0.01 ? "$%.4f" : "$%.2f", usd);
	return out;
}

/* Cost per success and per doubling (docs/method.md section 12), when some run recorded a cost. */
static void print_costs(const hz_fit *fit, size_t width)
{
	size_t n = hz_fit_nagents(fit), any = 0;

	for (size_t i = 0; i < n; i++)
		any += isfinite(hz_fit_agent_at(fit, i)->cost_usd);
	if (!any)
		return;
	printf("\n  %-*s  %11s  %-26s  %9s  %9s\n", (int)width, "cost", "per success", "per doubling [95% CI]",
	       "at p50", "+doubling");
	for (size_t i = 0; i < n; i++) {
		const hz_fit_agent *ag = hz_fit_agent_at(fit, i);
		const hz_fit_cost_doubling *c = &ag->cost_doubling;
		char ps[32], f[64], at[32], add[32];
		if (!isfinite(ag->cost_usd))
			continue;
		if (!isfinite(c->factor))
			snprintf(f, sizeof(f), "-");
		else if (isfinite(c->ci_low) && isfinite(c->ci_high))
			snprintf(f, sizeof(f), "x%.3g [%.3g - %.3g]", c->factor, c->ci_low, c->ci_high);
		else
			snprintf(f, sizeof(f), "x%.3g", c->factor);
		printf("  %-*s  %11s  %-26s  %9s  %9s\n", (int)width, ag->alias,
		       usd_text(ag->successes > 0 ? ag->cost_usd / ag->successes : NAN, ps, sizeof(ps)), f,
		       usd_text(c->usd_at_p50, at, sizeof(at)), usd_text(c->usd_per_doubling, add, sizeof(add)));
		if (c->note)
			printf("  %-*s  (per doubling: %s)\n", (int)width, "", c->note);
	}
}

static void print_table(const hz_fit *fit, int quiet)
{
	size_t n = hz_fit_nagents(fit), np = hz_fit_npercents(fit), width = 5;
	size_t cw[HZ_FIT_MAX_PERCENTS];
	char cell[160], head[32];

	for (size_t i = 0; i < n; i++)
		if (strlen(hz_fit_agent_at(fit, i)->alias) > width)
			width = strlen(hz_fit_agent_at(fit, i)->alias);
	for (size_t k = 0; k < np; k++) {
		cw[k] = 14;
		for (size_t i = 0; i < n; i++) {
			fmt_ci(cell, sizeof(cell), &hz_fit_agent_at(fit, i)->horizons[k]);
			if (strlen(cell) > cw[k])
				cw[k] = strlen(cell);
		}
	}
	printf("  %-*s  %-10s  %6s  %7s", (int)width, "agent", "released", "runs", "success");
	for (size_t k = 0; k < np; k++) {
		snprintf(head, sizeof(head), "p%g [95%% CI]", hz_fit_agent_at(fit, 0)->horizons[k].percent);
		cell_out(head, cw[k], k + 1 == np);
	}
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		const hz_fit_agent *ag = hz_fit_agent_at(fit, i);
		char runs[24];
		if (ag->status == HZ_FIT_PUBLISHED)
			snprintf(runs, sizeof(runs), "-");
		else
			snprintf(runs, sizeof(runs), "%zu", ag->runs);
		printf("%c %-*s  %-10s  %6s  %7.3f", ag->in_trend ? '*' : ' ', (int)width, ag->alias,
		       ag->release_date ? ag->release_date : "-", runs, ag->weighted_success_rate);
		for (size_t k = 0; k < ag->nhorizons; k++) {
			if (ag->status == HZ_FIT_NO_SUCCESS)
				snprintf(cell, sizeof(cell), "0 (no success)");
			else if (ag->status == HZ_FIT_ALL_SUCCESS)
				snprintf(cell, sizeof(cell), "- (all succeeded)");
			else
				fmt_ci(cell, sizeof(cell), &ag->horizons[k]);
			cell_out(cell, cw[k], k + 1 == ag->nhorizons);
		}
		printf("\n");
	}
	for (size_t k = 0; k < np; k++) {
		const hz_fit_trend *tr = hz_fit_trend_at(fit, k);
		if (!tr)
			continue;
		if (k == 0)
			printf("\n");
		printf("%g%% horizon doubles every %.0f days", tr->percent, tr->doubling_days);
		if (tr->bootstrap_n)
			printf(" (95%% CI %.0f-%.0f, bootstrap median %.0f)", tr->ci_low, tr->ci_high,
			       tr->bootstrap_median);
		printf(", %zu agents\n", tr->nagents);
		if (tr->bootstrap_n && (tr->doubling_days < tr->ci_low || tr->doubling_days > tr->ci_high))
			printf("  note: %s\n", HZ_FIT_OUTSIDE_CI_NOTE);
	}
	if (hz_fit_trend_at(fit, 0))
		printf("(* = SOTA agents the trend is fitted on)\n");
	print_published(fit);
	print_costs(fit, width);
	if (quiet)
		return;
	for (size_t i = 0; i < n; i++) {
		const hz_fit_agent *ag = hz_fit_agent_at(fit, i);
		if (ag->note)
			printf("note: %s: %s\n", ag->alias, ag->note);
	}
	for (size_t i = 0; i < hz_fit_nnotes(fit); i++)
		printf("note: %s\n", hz_fit_note(fit, i));
}

int cmd_fit(int argc, char **argv)
{
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	const char *exclude[MAX_EXCLUDE], *exclude_fam[MAX_EXCLUDE], *published = NULL, *output = NULL;
	const char *boot_out = NULL;
	size_t nexclude = 0, nexclude_fam = 0;
	int c, json = 0, quiet = 0, buckets = 0, rc = HZ_EXIT_FAIL;
	progress_state ps = { 0 };
	hz_fit *fit = NULL;
	char *text = NULL;
	long v;
	double d;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:o:qh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_METHOD:
			if (hz_fit_method_parse(optarg, &o.method) < 0)
				return hz_cli_usage("fit", "--method '%s': use metr-2025 or metr-2026", optarg);
			break;
		case OPT_WEIGHTING:
			if (!strcmp(optarg, "invsqrt"))
				o.weighting = HZ_FIT_WEIGHT_INVSQRT;
			else if (!strcmp(optarg, "equal"))
				o.weighting = HZ_FIT_WEIGHT_EQUAL;
			else if (!strcmp(optarg, "none"))
				o.weighting = HZ_FIT_WEIGHT_NONE;
			else
				return hz_cli_usage("fit", "--weighting '%s': use invsqrt, equal or none", optarg);
			break;
		case OPT_RECOMPUTE:
			o.recompute_weights = 1;
			break;
		case OPT_SCORE_COL:
			if (strcmp(optarg, "score_binarized") && strcmp(optarg, "score_cont") && strcmp(optarg, "score"))
				return hz_cli_usage("fit", "--score-col '%s': use score_binarized, score_cont or score",
						    optarg);
			o.score_col = optarg;
			break;
		case OPT_REG:
			if (hz_parse_double(optarg, &d) < 0 || !(d >= 0) || !isfinite(d))
				return hz_cli_usage("fit", "--regularization '%s': a number >= 0 is needed", optarg);
			o.regularization = d;
			break;
		case OPT_SUCCESS:
			if (parse_percents(optarg, &o) < 0)
				return hz_cli_usage("fit", "--success '%s': give percents between 0 and 100, e.g. 50,80",
						    optarg);
			break;
		case OPT_EXCLUDE:
			if (nexclude == MAX_EXCLUDE)
				return hz_cli_usage("fit", "at most %d --exclude-agent options", MAX_EXCLUDE);
			exclude[nexclude++] = optarg;
			break;
		case OPT_LENGTHS:
			if (strcmp(optarg, "all") && strcmp(optarg, "baseline-only"))
				return hz_cli_usage("fit", "--lengths must be all or baseline-only, not '%s'", optarg);
			o.baseline_lengths_only = !strcmp(optarg, "baseline-only");
			break;
		case OPT_EXCLUDE_FAMILY:
			if (nexclude_fam == MAX_EXCLUDE)
				return hz_cli_usage("fit", "at most %d --exclude-family options", MAX_EXCLUDE);
			exclude_fam[nexclude_fam++] = optarg;
			break;
		case OPT_SENSITIVITY:
			o.sensitivity = 1;
			break;
		case OPT_SIMEX_SD:
			if (hz_parse_double(optarg, &d) < 0 || !(d >= 0) || d > 10)
				return hz_cli_usage("fit", "--simex-sd '%s': a number between 0 and 10 is needed", optarg);
			o.simex_sd = d;
			break;
		case OPT_BUCKETS:
			buckets = 1;
			break;
		case OPT_BUDGET_USD:
		case OPT_BUDGET_TOKENS:
		case OPT_BUDGET_MINUTES:
			if (hz_parse_double(optarg, &d) < 0 || !(d > 0) || !isfinite(d))
				return hz_cli_usage("fit", "--%s '%s': a positive number is needed",
						    c == OPT_BUDGET_USD ? "budget-usd" : c == OPT_BUDGET_TOKENS ? "budget-tokens" :
						    "budget-minutes", optarg);
			*(c == OPT_BUDGET_USD ? &o.budget_usd : c == OPT_BUDGET_TOKENS ? &o.budget_tokens :
			  &o.budget_minutes) = d;
			break;
		case OPT_BOOTSTRAP:
			if (hz_parse_long(optarg, &v) < 0 || v < 0 || v > 10000000)
				return hz_cli_usage("fit", "--bootstrap '%s': a number of samples >= 0 is needed", optarg);
			o.bootstrap = (size_t)v;
			break;
		case OPT_SEED:
			if (hz_parse_long(optarg, &v) < 0 || v < 0 || v > 4294967295L)
				return hz_cli_usage("fit", "--seed '%s': an integer between 0 and 2^32-1 is needed", optarg);
			o.seed = (uint32_t)v;
			break;
		case 'j':
			if (hz_parse_long(optarg, &v) < 0 || v < 1 || v > 1024)
				return hz_cli_usage("fit", "--jobs '%s': a number of threads >= 1 is needed", optarg);
			o.jobs = (int)v;
			break;
		case OPT_RELEASE:
			o.release_dates = optarg;
			break;
		case OPT_AFTER:
		case OPT_BEFORE:
			if (hz_parse_date(optarg, c == OPT_AFTER ? &o.after_days : &o.before_days) < 0)
				return hz_cli_usage("fit", "--%s '%s': a date YYYY-MM-DD is needed",
						    c == OPT_AFTER ? "after" : "before", optarg);
			break;
		case OPT_NO_TREND:
			o.trend = 0;
			break;
		case OPT_PUBLISHED:
			published = optarg;
			break;
		case OPT_JSON:
			json = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_BOOT_OUT:
			boot_out = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			help();
			return HZ_EXIT_OK;
		default:
			return hz_cli_usage("fit", "unknown option");
		}
	}
	if (published && optind < argc)
		return hz_cli_usage("fit", "--published takes the place of run files; give one or the other");
	if (!published && optind >= argc)
		return hz_cli_usage("fit", "no runs.jsonl file or directory given");
	if (published && boot_out)
		return hz_cli_usage("fit", "--bootstrap-out needs runs (a published file has no bootstrap samples)");
	if (o.after_days >= o.before_days)
		return hz_cli_usage("fit", "--after must be earlier than --before");
	o.exclude_agents = exclude;
	o.nexclude = nexclude;
	o.exclude_families = exclude_fam;
	o.nexclude_families = nexclude_fam;
	o.keep_samples = boot_out != NULL;
	if (!quiet && isatty(STDERR_FILENO)) {
		o.progress = progress;
		o.progress_ud = &ps;
	}
	if (published) {
		if (hz_fit_published(&fit, published, &o) < 0)
			goto lib_error;
	} else if (hz_fit_runs(&fit, (const char *const *)argv + optind, (size_t)(argc - optind), &o) < 0) {
		goto lib_error;
	}
	if (output && hz_fit_write_json(fit, output) < 0)
		goto lib_error;
	if (boot_out && hz_fit_write_bootstrap_csv(fit, boot_out) < 0)
		goto lib_error;
	if (json) {
		if (hz_fit_to_json(fit, &text) < 0)
			goto lib_error;
		printf("%s\n", text);
	} else {
		size_t nr = hz_fit_nruns(fit), na = hz_fit_nagents(fit);
		if (published)
			printf("%zu models from %s (published horizons; no bootstrap)\n\n", na, published);
		else if (o.bootstrap)
			printf("%zu run%s, %zu agent%s; method %s; %zu bootstrap samples (seed %u); %s weights\n\n", nr,
			       nr == 1 ? "" : "s", na, na == 1 ? "" : "s", hz_fit_method_name(o.method), o.bootstrap,
			       (unsigned)o.seed, weighting_name(o.weighting));
		else
			printf("%zu run%s, %zu agent%s; method %s; no bootstrap (no CIs); %s weights\n\n", nr,
			       nr == 1 ? "" : "s", na, na == 1 ? "" : "s", hz_fit_method_name(o.method),
			       weighting_name(o.weighting));
		print_table(fit, quiet);
		if (buckets)
			hz_cli_print_buckets(fit);
		hz_cli_print_sensitivity(fit);
	}
	if (fflush(stdout) != 0) {
		rc = hz_cli_error("fit", "cannot write the output");
		goto done;
	}
	rc = HZ_EXIT_OK;
	goto done;
lib_error:
	if (ps.shown)
		fprintf(stderr, "\r\033[K");
	rc = hz_error_code() == HZ_EUSAGE ? (hz_cli_lib_error("fit"), HZ_EXIT_USAGE) : hz_cli_lib_error("fit");
done:
	free(text);
	hz_fit_free(fit);
	return rc;
}
