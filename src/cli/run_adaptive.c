/* horizon run --adaptive: the options, the per-round progress and the summary of an adaptive sweep. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "horizon/adaptive.h"
#include "horizon/error.h"
#include "run_adaptive.h"
#include "strutil.h"

enum { OPT_ADAPTIVE = 1000, OPT_TARGET, OPT_BUDGET, OPT_MAX_RUNS, OPT_INITIAL, OPT_BATCH, OPT_CONFIRM, OPT_CALIBRATE };

const struct option hz_run_adaptive_options[] = {
	{ "adaptive", no_argument, NULL, OPT_ADAPTIVE },
	{ "target-ci", required_argument, NULL, OPT_TARGET },
	{ "budget-usd", required_argument, NULL, OPT_BUDGET },
	{ "max-runs", required_argument, NULL, OPT_MAX_RUNS },
	{ "initial", required_argument, NULL, OPT_INITIAL },
	{ "batch", required_argument, NULL, OPT_BATCH },
	{ "confirm", required_argument, NULL, OPT_CONFIRM },
	{ "calibrate", required_argument, NULL, OPT_CALIBRATE },
	{ NULL, 0, NULL, 0 },
};

void hz_run_adaptive_init(hz_run_adaptive *a)
{
	hz_adaptive_opts d = HZ_ADAPTIVE_OPTS_INIT;

	memset(a, 0, sizeof(*a));
	a->design = d;
}

int hz_run_adaptive_option(int val, const char *arg, void *ctx)
{
	hz_run_adaptive *a = ctx;
	double v = 0;
	long n = 0;

	if (val == OPT_ADAPTIVE) {
		a->on = 1;
		return HZ_EXIT_OK;
	}
	a->given = val == OPT_TARGET ? "--target-ci" : val == OPT_BUDGET ? "--budget-usd" : val == OPT_MAX_RUNS ? "--max-runs"
		   : val == OPT_INITIAL ? "--initial" : val == OPT_CONFIRM ? "--confirm"
		   : val == OPT_CALIBRATE ? "--calibrate" : "--batch";
	switch (val) {
	case OPT_TARGET:
		if (hz_parse_double(arg, &v) || !(v > 1) || !isfinite(v))
			return hz_cli_usage("run", "--target-ci: a ratio above 1 (e.g. 2: high/low of p50's 95%% "
					    "interval), not '%s'", arg);
		a->design.target_ci = v;
		break;
	case OPT_BUDGET:
		if (hz_parse_double(arg, &v) || !(v > 0) || !isfinite(v))
			return hz_cli_usage("run", "--budget-usd: a positive number of dollars, not '%s'", arg);
		a->design.budget_usd = v;
		break;
	case OPT_CONFIRM:
		if (hz_parse_long(arg, &n) || n < 1 || n > 100)
			return hz_cli_usage("run", "--confirm: refits in a row from 1 to 100, not '%s'", arg);
		a->design.confirm = (int)n;
		break;
	case OPT_CALIBRATE:
		if (hz_parse_long(arg, &n) || (n != 0 && n < 20) || n > 100000)
			return hz_cli_usage("run", "--calibrate: 0, or replays from 20 to 100000, not '%s'", arg);
		a->design.calibrate = (size_t)n;
		break;
	default:
		if (hz_parse_long(arg, &n) || n < (val == OPT_INITIAL ? 2 : 1) || n > 100000)
			return hz_cli_usage("run", "%s: a whole number from %d to 100000, not '%s'", a->given,
					    val == OPT_INITIAL ? 2 : 1, arg);
		*(val == OPT_MAX_RUNS ? &a->design.max_runs : val == OPT_INITIAL ? &a->design.initial
										  : &a->design.batch) = (size_t)n;
	}
	return HZ_EXIT_OK;
}

static void fmt_horizon(const hz_fit_lik *h, char *out, size_t size)
{
	char e[32], lo[32], hi[32];

	if (isnan(h->estimate)) {
		snprintf(out, size, "no fit yet");
		return;
	}
	hz_fmt_minutes(h->estimate, e, sizeof(e));
	if (h->low > 0)
		hz_fmt_minutes(h->low, lo, sizeof(lo));
	else
		snprintf(lo, sizeof(lo), "0");
	if (isfinite(h->high))
		hz_fmt_minutes(h->high, hi, sizeof(hi));
	else
		snprintf(hi, sizeof(hi), "inf");
	snprintf(out, size, "%s [%s, %s]", isfinite(h->estimate) ? e : "inf", lo, hi);
}

static double ratio(const hz_fit_lik *h)
{
	return h->low > 0 && isfinite(h->high) ? h->high / h->low : INFINITY;
}

typedef struct round_state {
	int quiet;
	double target;
} round_state;

static void on_round(const hz_adaptive_round *r, void *arg)
{
	const round_state *rs = arg;
	char p50[128];

	if (rs->quiet)
		return;
	fmt_horizon(&r->state->p50, p50, sizeof(p50));
	if (r->nruns)
		fprintf(stderr, "horizon run: adaptive round %zu: %s: %zu runs chosen (%zu so far; p50 %s, ratio %.2g, "
			"target %.2g)\n", r->round, r->alias, r->nruns, r->state->runs, p50, ratio(&r->state->p50),
			rs->target);
	else if (r->state->stop && r->round > 0)
		fprintf(stderr, "horizon run: adaptive: %s: done (%s) after %zu runs; p50 %s\n", r->alias, r->state->stop,
			r->state->runs, p50);
}

static json_t *horizon_json(const hz_fit_lik *h)
{
	json_t *o = json_object();

	json_object_set_new(o, "estimate", isfinite(h->estimate) ? json_real(h->estimate) : json_null());
	json_object_set_new(o, "low", h->low > 0 && isfinite(h->low) ? json_real(h->low) : json_real(0));
	json_object_set_new(o, "high", isfinite(h->high) ? json_real(h->high) : json_null());
	json_object_set_new(o, "ratio", isfinite(ratio(h)) ? json_real(ratio(h)) : json_null());
	return o;
}

static void print_json(const hz_sweep_opts *so, const hz_adaptive_opts *d, const hz_adaptive_sweep_result *r)
{
	json_t *root = json_object(), *agents = json_array();

	for (size_t i = 0; i < r->nagents; i++) {
		const hz_adaptive_state *st = &r->agents[i].state;
		json_t *a = json_pack("{s:s,s:I,s:I,s:I,s:f,s:o,s:o,s:o}", "alias", r->agents[i].alias, "runs",
				      (json_int_t)st->runs, "lost", (json_int_t)st->lost, "batches",
				      (json_int_t)st->batches, "cost_usd", st->cost_usd, "stop",
				      st->stop ? json_string(st->stop) : json_null(), "p50", horizon_json(&st->p50),
				      "p80", horizon_json(&st->p80));
		json_array_append_new(agents, a);
	}
	json_object_set_new(root, "out_dir", json_string(so->out_dir));
	json_object_set_new(root, "design", json_string(HZ_SWEEP_DESIGN_ADAPTIVE));
	json_object_set_new(root, "interval", json_string(d->calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL));
	json_object_set_new(root, "design_file", json_string(r->design_path));
	json_object_set_new(root, "tasks", json_integer((json_int_t)r->ntasks));
	json_object_set_new(root, "target_ci", json_real(d->target_ci));
	json_object_set_new(root, "max_runs", json_integer((json_int_t)d->max_runs));
	json_object_set_new(root, "budget_usd", json_real(d->budget_usd));
	json_object_set_new(root, "full_sweep_runs", json_integer((json_int_t)(r->ntasks * HZ_ADAPTIVE_FULL_REPEATS)));
	json_object_set_new(root, "rounds", json_integer((json_int_t)r->rounds));
	json_object_set_new(root, "ran", json_integer((json_int_t)r->ran));
	json_object_set_new(root, "error", json_integer((json_int_t)r->error));
	json_object_set_new(root, "stopped", json_boolean(r->stopped));
	json_object_set_new(root, "wall_s", json_real(r->wall_s));
	json_object_set_new(root, "agents", agents);
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(root);
}

static void print_table(const hz_sweep_opts *so, const hz_adaptive_opts *d, const hz_adaptive_sweep_result *r)
{
	int w = 5;

	for (size_t i = 0; i < r->nagents; i++)
		if ((int)strlen(r->agents[i].alias) > w)
			w = (int)strlen(r->agents[i].alias);
	printf("%-*s %5s %4s %7s %9s  %-30s %s\n", w, "agent", "runs", "lost", "batches", "stop", "p50 [95% interval]",
	       "ratio");
	for (size_t i = 0; i < r->nagents; i++) {
		const hz_adaptive_state *st = &r->agents[i].state;
		char p50[128];
		fmt_horizon(&st->p50, p50, sizeof(p50));
		printf("%-*s %5zu %4zu %7zu %9s  %-30s %.3g\n", w, r->agents[i].alias, st->runs, st->lost, st->batches,
		       st->stop ? st->stop : "-", p50, ratio(&st->p50));
	}
	printf("\nadaptive sweep over %zu tasks (a full sweep: %zu runs per agent), target ratio %.3g", r->ntasks,
	       r->ntasks * (size_t)HZ_ADAPTIVE_FULL_REPEATS, d->target_ci);
	if (d->max_runs)
		printf(", at most %zu runs", d->max_runs);
	if (d->budget_usd > 0)
		printf(", budget $%.2f", d->budget_usd);
	printf("\n%zu rounds, %zu runs ran now; intervals: %s\n", r->rounds, r->ran,
	       d->calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL);
	printf("design: %s\nresults: %s/runs.jsonl\n", r->design_path, so->out_dir);
}

int hz_run_adaptive_sweep(hz_run_cli *cli, hz_run_adaptive *a, hz_sweep_progress_fn progress, void *progress_arg,
			  volatile sig_atomic_t *stop)
{
	hz_adaptive_sweep_opts ao;
	hz_adaptive_sweep_result res;
	round_state rs = { cli->quiet, a->design.target_ci };
	int exit_code = HZ_EXIT_OK;

	memset(&ao, 0, sizeof(ao));
	if (cli->shard_given || cli->dry_run_given)
		return hz_cli_usage("run", "--adaptive: not with %s (each batch depends on the outcomes of the last)",
				    cli->shard_given ? "--shard" : "--dry-run");
	ao.sweep = cli->opts;
	ao.sweep.stop = stop;
	ao.sweep.progress = progress;
	ao.sweep.progress_arg = progress_arg;
	ao.design = a->design;
	ao.design.seed = cli->opts.seed;
	for (size_t i = 0; i < cli->nwords; i++)
		if (!strcmp(cli->words[i], "--repeats"))
			ao.design.max_repeats = cli->opts.repeats; /* else the design's default, not run's 1 */
	ao.on_round = on_round;
	ao.round_arg = &rs;
	if (hz_adaptive_sweep_run(&ao, &res) != 0) {
		exit_code = hz_cli_lib_error("run");
		goto done;
	}
	for (const char *w = res.warnings; w && *w;) {
		const char *nl = strchr(w, '\n');
		int len = nl ? (int)(nl - w) : (int)strlen(w);
		fprintf(stderr, "horizon run: warning: %.*s\n", len, w);
		w += len + (nl ? 1 : 0);
	}
	if (cli->json)
		print_json(&ao.sweep, &ao.design, &res);
	else
		print_table(&ao.sweep, &ao.design, &res);
	if (res.stopped) {
		hz_cli_error("run", "stopped early: run the same command again to go on with the adaptive sweep");
		exit_code = HZ_EXIT_FAIL;
	} else {
		size_t lost = 0;
		for (size_t i = 0; i < res.nagents; i++)
			lost += res.agents[i].state.lost;
		if (lost) {
			hz_cli_error("run", "%zu runs ended in error past --max-retries (infrastructure, not the agent); "
				     "the design went on without them", lost);
			exit_code = HZ_EXIT_FAIL;
		}
	}
done:
	hz_adaptive_sweep_result_release(&res);
	return exit_code;
}
