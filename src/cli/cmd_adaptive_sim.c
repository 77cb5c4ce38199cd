/* horizon adaptive-sim: replay the adaptive rule on full-sweep logs and sim agents (docs/adaptive-sim.md). */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "horizon/adaptive.h"
#include "horizon/agent.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "strutil.h"

#define MAX_LIST 256

static void help(void)
{
	printf("usage: horizon adaptive-sim [options] [RUNS...]\n"
	       "       horizon adaptive-sim [options] --sim SPEC [--sim SPEC ...] [RUNS...]\n"
	       "\n"
	       "Measure what an adaptive sweep (horizon run --adaptive, docs/adaptive.md) saves and\n"
	       "whether its intervals hold, by running its selection rule in-process many times on\n"
	       "outcomes known in advance:\n"
	       "  - RUNS: full-sweep logs (runs.jsonl files or directories, as for horizon fit).\n"
	       "    For each agent, repeat r of a task gives its r-th logged run (in an order\n"
	       "    shuffled per simulated sweep); the reference is the fit of every logged run.\n"
	       "  - --sim SPEC: a sim agent with a known h50 and slope, over the tasks of RUNS (when\n"
	       "    given) or of the catalogue, with the same coin as 'horizon run'; each simulated\n"
	       "    sweep is compared with a full sweep (every task x --full-repeats) of the same coin.\n"
	       "Reports per agent: runs of the full and the adaptive sweep, runs saved, the p50 95%%\n"
	       "interval's high/low ratio of both, how often the adaptive sweep reached its target,\n"
	       "and how often its interval holds the full sweep's estimate and (sim) the truth.\n"
	       "\n"
	       "Agents and tasks:\n"
	       "      --sim SPEC          a sim agent: sim,h50=MIN[,slope=S][,alias=NAME] (repeatable)\n"
	       "      --only ALIAS        of RUNS, replay only this agent (repeatable; default: all)\n"
	       "      --no-replay         with RUNS and --sim: use RUNS only for their tasks\n"
	       "      --tasks-dir DIR     the catalogue for --sim without RUNS (default as for run)\n"
	       "  -t, --tasks SELECTOR    of the catalogue (as for run)\n"
	       "      --score-col COL     score_binarized | score_cont | score (default: score_binarized)\n"
	       "\n"
	       "The rule (as for horizon run --adaptive):\n"
	       "      --target-ci RATIO   stop when p50's interval has high/low <= RATIO (default 2)\n"
	       "      --match-full        instead: each sweep's target is its full sweep's ratio\n"
	       "      --max-runs N        stop after N runs\n"
	       "      --initial N         runs in the first batch (default 8)\n"
	       "      --batch N           runs per later batch (default 4)\n"
	       "      --confirm K         refits in a row within the target before stopping (default 2)\n"
	       "      --calibrate N       replays of the rule that calibrate each sweep's final\n"
	       "                          intervals (default 200; 0: plain profile likelihood)\n"
	       "      --w80 W             weight of p80 against p50 in the choice (default 0.2)\n"
	       "  -n, --repeats N         most runs per task of the adaptive sweep (default 20; a\n"
	       "                          replayed log: at most its runs of the task)\n"
	       "      --full-repeats N    sim: the full sweep's runs per task (default 5)\n"
	       "\n"
	       "Simulation:\n"
	       "      --sweeps N          simulated sweeps per agent (default 200)\n"
	       "      --seed N            sweep i uses seed N + i (default 0)\n"
	       "\n"
	       "Output:\n"
	       "      --json              the table as JSON on stdout\n"
	       "  -q, --quiet             no progress\n"
	       "  -h, --help              this help\n"
	       "\n"
	       "Exit status: 0 ok, 1 bad input, 2 usage error.  See docs/adaptive-sim.md.\n"
	       "\n"
	       "Examples:\n"
	       "  horizon adaptive-sim --sim sim,h50=30,slope=0.8 --tasks-dir tasks\n"
	       "  horizon adaptive-sim --target-ci 3 tests/data/metr/metr-2025-01/all_runs.jsonl\n"
	       "  horizon adaptive-sim --match-full --sim sim,h50=60 --no-replay \\\n"
	       "      tests/data/metr/metr-2025-01/all_runs.jsonl\n");
}

enum { OPT_SIM = 256, OPT_ONLY, OPT_NO_REPLAY, OPT_TASKS_DIR, OPT_SCORE_COL, OPT_TARGET, OPT_MATCH, OPT_MAX_RUNS,
       OPT_INITIAL, OPT_BATCH, OPT_SWEEPS, OPT_SEED, OPT_JSON, OPT_CONFIRM, OPT_W80, OPT_CALIBRATE, OPT_FULL_REPEATS };

static const struct option options[] = {
	{ "sim", required_argument, NULL, OPT_SIM },         { "only", required_argument, NULL, OPT_ONLY },
	{ "no-replay", no_argument, NULL, OPT_NO_REPLAY },   { "tasks-dir", required_argument, NULL, OPT_TASKS_DIR },
	{ "tasks", required_argument, NULL, 't' },           { "score-col", required_argument, NULL, OPT_SCORE_COL },
	{ "target-ci", required_argument, NULL, OPT_TARGET }, { "match-full", no_argument, NULL, OPT_MATCH },
	{ "max-runs", required_argument, NULL, OPT_MAX_RUNS }, { "initial", required_argument, NULL, OPT_INITIAL },
	{ "batch", required_argument, NULL, OPT_BATCH },     { "repeats", required_argument, NULL, 'n' },
	{ "sweeps", required_argument, NULL, OPT_SWEEPS },   { "seed", required_argument, NULL, OPT_SEED },
	{ "confirm", required_argument, NULL, OPT_CONFIRM }, { "w80", required_argument, NULL, OPT_W80 },
	{ "calibrate", required_argument, NULL, OPT_CALIBRATE }, { "full-repeats", required_argument, NULL, OPT_FULL_REPEATS },
	{ "json", no_argument, NULL, OPT_JSON },             { "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },                  { NULL, 0, NULL, 0 },
};

typedef struct sim_cli {
	const char *sims[MAX_LIST], *only[MAX_LIST];
	size_t nsims, nonly;
	int no_replay, json, quiet;
	const char *tasks_dir, *tasks, *score_col;
	hz_adaptive_sim_opts o;
} sim_cli;

static int parse_count(const char *opt, const char *arg, long lo, long hi, long *out)
{
	if (hz_parse_long(arg, out) || *out < lo || *out > hi)
		return hz_cli_usage("adaptive-sim", "%s: a whole number from %ld to %ld, not '%s'", opt, lo, hi, arg);
	return HZ_EXIT_OK;
}

static int parse(sim_cli *c, int argc, char **argv)
{
	hz_adaptive_opts d = HZ_ADAPTIVE_OPTS_INIT;
	int opt;

	memset(c, 0, sizeof(*c));
	c->o.design = d;
	c->o.sweeps = 200;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "t:n:qh", options, NULL)) != -1) {
		long v = 0;
		double x = 0;
		int rc = HZ_EXIT_OK;
		switch (opt) {
		case OPT_SIM:
		case OPT_ONLY:
			if ((opt == OPT_SIM ? c->nsims : c->nonly) == MAX_LIST)
				return hz_cli_usage("adaptive-sim", "at most %d of --sim and of --only", MAX_LIST);
			if (opt == OPT_SIM)
				c->sims[c->nsims++] = optarg;
			else
				c->only[c->nonly++] = optarg;
			break;
		case OPT_NO_REPLAY: c->no_replay = 1; break;
		case OPT_TASKS_DIR: c->tasks_dir = optarg; break;
		case 't': c->tasks = optarg; break;
		case OPT_SCORE_COL: c->score_col = optarg; break;
		case OPT_TARGET:
			if (hz_parse_double(optarg, &x) || !(x > 1) || !isfinite(x))
				return hz_cli_usage("adaptive-sim", "--target-ci: a ratio above 1, not '%s'", optarg);
			c->o.design.target_ci = x;
			break;
		case OPT_MATCH: c->o.match_full = 1; break;
		case OPT_W80:
			if (hz_parse_double(optarg, &x) || !(x >= 0) || x > 100)
				return hz_cli_usage("adaptive-sim", "--w80: a weight from 0 to 100, not '%s'", optarg);
			c->o.design.w80 = x;
			break;
		case OPT_MAX_RUNS:
			rc = parse_count("--max-runs", optarg, 1, 1000000, &v);
			c->o.design.max_runs = (size_t)v;
			break;
		case OPT_INITIAL:
			rc = parse_count("--initial", optarg, 2, 100000, &v);
			c->o.design.initial = (size_t)v;
			break;
		case OPT_BATCH:
			rc = parse_count("--batch", optarg, 1, 100000, &v);
			c->o.design.batch = (size_t)v;
			break;
		case OPT_CALIBRATE:
			rc = parse_count("--calibrate", optarg, 0, 100000, &v);
			if (rc == HZ_EXIT_OK && v != 0 && v < 20)
				rc = hz_cli_usage("adaptive-sim", "--calibrate: 0, or replays from 20 to 100000");
			c->o.design.calibrate = (size_t)v;
			break;
		case OPT_CONFIRM:
			rc = parse_count("--confirm", optarg, 1, 100, &v);
			c->o.design.confirm = (int)v;
			break;
		case 'n':
			rc = parse_count("--repeats", optarg, 1, 1000, &v);
			c->o.design.max_repeats = (int)v;
			break;
		case OPT_FULL_REPEATS:
			rc = parse_count("--full-repeats", optarg, 1, 1000, &v);
			c->o.full_repeats = (int)v;
			break;
		case OPT_SWEEPS:
			rc = parse_count("--sweeps", optarg, 1, 100000, &v);
			c->o.sweeps = (size_t)v;
			break;
		case OPT_SEED:
			rc = parse_count("--seed", optarg, 0, 0x7fffffffL, &v);
			c->o.design.seed = (uint64_t)v;
			break;
		case OPT_JSON: c->json = 1; break;
		case 'q': c->quiet = 1; break;
		case 'h': help(); return -1;
		default: return hz_cli_usage("adaptive-sim", "unknown option");
		}
		if (rc != HZ_EXIT_OK)
			return rc;
	}
	if (optind == argc && c->nsims == 0)
		return hz_cli_usage("adaptive-sim", "give full-sweep logs (RUNS...) or --sim SPEC");
	if (c->no_replay && c->nsims == 0)
		return hz_cli_usage("adaptive-sim", "--no-replay: only with --sim");
	return HZ_EXIT_OK;
}

static int wanted(const sim_cli *c, const char *alias)
{
	for (size_t i = 0; i < c->nonly; i++)
		if (!strcmp(c->only[i], alias))
			return 1;
	return c->nonly == 0;
}

/* The tasks --sim agents run over: the logs' (each task once), or the catalogue's. */
static int sim_tasks(const sim_cli *c, const hz_fit_runset *rs, hz_catalog **cat, hz_adaptive_task **out, size_t *n)
{
	hz_selector sel = HZ_SELECTOR_INIT;
	hz_task **tasks = NULL;
	size_t cap = 0;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (rs) {
		for (size_t a = 0; a < hz_fit_runset_nagents(rs); a++) {
			const hz_fit_run *r;
			cap += hz_fit_runset_runs(rs, a, &r);
		}
		if (!(*out = calloc(cap ? cap : 1, sizeof(**out))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		for (size_t a = 0; a < hz_fit_runset_nagents(rs); a++) {
			const hz_fit_run *r;
			size_t k = hz_fit_runset_runs(rs, a, &r);
			for (size_t i = 0; i < k; i++) {
				size_t t;
				for (t = 0; t < *n && strcmp((*out)[t].id, r[i].task_id); t++)
					;
				if (t == *n)
					(*out)[(*n)++] = (hz_adaptive_task){ r[i].task_id, r[i].family, r[i].minutes, 0 };
			}
		}
		return 0;
	}
	if ((rc = hz_catalog_load(cat, c->tasks_dir ? c->tasks_dir : hz_catalog_default_root())) != 0 ||
	    (c->tasks && (rc = hz_selector_parse(&sel, c->tasks)) != 0) ||
	    (rc = hz_catalog_select(*cat, &sel, &tasks, n)) != 0)
		goto done;
	if (!(*out = calloc(*n ? *n : 1, sizeof(**out)))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (hz_adaptive_task){ hz_task_id(tasks[i]), hz_task_family(tasks[i]),
						hz_task_human_minutes(tasks[i]), 0 };
done:
	free(tasks);
	hz_selector_release(&sel);
	return rc;
}

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static void print_json(const sim_cli *c, const hz_adaptive_sim_row *rows, size_t n)
{
	json_t *root = json_object(), *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		const hz_adaptive_sim_row *r = &rows[i];
		json_t *o = json_object();
		json_object_set_new(o, "agent", json_string(r->agent));
		json_object_set_new(o, "kind", json_string(r->is_sim ? "sim" : "replay"));
		json_object_set_new(o, "truth_h50", num(r->truth));
		json_object_set_new(o, "tasks", json_integer((json_int_t)r->ntasks));
		json_object_set_new(o, "sweeps", json_integer((json_int_t)r->sweeps));
		json_object_set_new(o, "full_runs", num(r->full_runs));
		json_object_set_new(o, "full_estimate", num(r->full_estimate));
		json_object_set_new(o, "full_ratio", num(r->full_ratio));
		json_object_set_new(o, "adaptive_runs", num(r->runs_mean));
		json_object_set_new(o, "saved", num(r->saved));
		json_object_set_new(o, "adaptive_ratio", num(r->ratio_median));
		json_object_set_new(o, "reached_target", num(r->reached));
		json_object_set_new(o, "covers_full", num(r->cover_full));
		json_object_set_new(o, "covers_truth", num(r->cover_truth));
		json_object_set_new(o, "full_covers_truth", num(r->cover_truth_full));
		json_object_set_new(o, "plain_covers_truth", num(r->cover_truth_plain));
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "interval",
			    json_string(c->o.design.calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL));
	json_object_set_new(root, "target_ci", c->o.match_full ? json_string("match-full") : json_real(c->o.design.target_ci));
	json_object_set_new(root, "sweeps", json_integer((json_int_t)c->o.sweeps));
	json_object_set_new(root, "seed", json_integer((json_int_t)c->o.design.seed));
	json_object_set_new(root, "agents", arr);
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(root);
}

static void pct(double v, char *out, size_t size)
{
	if (isfinite(v))
		snprintf(out, size, "%.0f%%", 100 * v);
	else
		snprintf(out, size, "-");
}

static void print_table(const sim_cli *c, const hz_adaptive_sim_row *rows, size_t n)
{
	int w = 5;

	for (size_t i = 0; i < n; i++)
		if ((int)strlen(rows[i].agent) > w)
			w = (int)strlen(rows[i].agent);
	printf("%-*s %5s %6s %8s %6s %10s %10s %7s %11s %s\n", w, "agent", "tasks", "full", "adaptive", "saved",
	       "full ratio", "adap ratio", "reached", "covers full", "covers truth");
	for (size_t i = 0; i < n; i++) {
		const hz_adaptive_sim_row *r = &rows[i];
		char saved[16], reached[16], cf[16], ct[16], ctf[16], ctp[16], truth[64];
		pct(r->saved, saved, sizeof(saved));
		pct(r->reached, reached, sizeof(reached));
		pct(r->cover_full, cf, sizeof(cf));
		pct(r->cover_truth, ct, sizeof(ct));
		pct(r->cover_truth_full, ctf, sizeof(ctf));
		pct(r->cover_truth_plain, ctp, sizeof(ctp));
		snprintf(truth, sizeof(truth), "%s (plain %s, full %s)", ct, ctp, ctf);
		printf("%-*s %5zu %6.0f %8.1f %6s %10.3g %10.3g %7s %11s %12s\n", w, r->agent, r->ntasks, r->full_runs,
		       r->runs_mean, saved, r->full_ratio, r->ratio_median, reached, cf, r->is_sim ? truth : "-");
	}
	printf("\n%zu simulated sweeps per agent, seeds %llu..%llu; target ", c->o.sweeps,
	       (unsigned long long)c->o.design.seed, (unsigned long long)(c->o.design.seed + c->o.sweeps - 1));
	if (c->o.match_full)
		printf("each full sweep's ratio");
	else
		printf("ratio %.3g", c->o.design.target_ci);
	printf("; intervals: %s 95%%\n", c->o.design.calibrate ? HZ_ADAPTIVE_INTERVAL : HZ_FIT_LIK_INTERVAL);
}

int cmd_adaptive_sim(int argc, char **argv)
{
	sim_cli c;
	hz_fit_runset *rs = NULL;
	hz_catalog *cat = NULL;
	hz_adaptive_task *tasks = NULL;
	hz_adaptive_sim_row *rows = NULL;
	hz_agent_config cfgs[MAX_LIST];
	hz_sim_model models[MAX_LIST];
	size_t nrows = 0, ntasks = 0, cap = 0, nsims = 0;
	int exit_code = parse(&c, argc, argv);

	if (exit_code != HZ_EXIT_OK)
		return exit_code < 0 ? HZ_EXIT_OK : exit_code;
	/* Every --sim spec is checked before anything runs. */
	for (; nsims < c.nsims; nsims++) {
		hz_agent_config *cfg = &cfgs[nsims];
		if (hz_agent_config_parse(cfg, c.sims[nsims]) != 0) {
			exit_code = hz_cli_usage("adaptive-sim", "--sim: %s", hz_error_message());
			goto done;
		}
		if (strcmp(cfg->backend, "sim")) {
			exit_code = hz_cli_usage("adaptive-sim", "--sim '%s': not a sim agent (sim,h50=MIN,...)", c.sims[nsims]);
			nsims++;
			goto done;
		}
		if (hz_sim_model_from_config(&models[nsims], cfg) != 0) {
			exit_code = hz_cli_usage("adaptive-sim", "--sim: %s", hz_error_message());
			nsims++;
			goto done;
		}
	}
	if (optind < argc &&
	    hz_fit_runset_load(&rs, (const char *const *)argv + optind, (size_t)(argc - optind), c.score_col) != 0) {
		exit_code = hz_cli_lib_error("adaptive-sim");
		goto done;
	}
	for (size_t i = 0; rs && i < c.nonly; i++) {
		size_t a;
		for (a = 0; a < hz_fit_runset_nagents(rs) && strcmp(hz_fit_runset_alias(rs, a), c.only[i]); a++)
			;
		if (a == hz_fit_runset_nagents(rs)) {
			exit_code = hz_cli_error("adaptive-sim", "--only '%s': no such agent in the logs", c.only[i]);
			goto done;
		}
	}
	cap = (rs ? hz_fit_runset_nagents(rs) : 0) + c.nsims;
	if (!(rows = calloc(cap ? cap : 1, sizeof(*rows)))) {
		exit_code = hz_cli_error("adaptive-sim", "out of memory");
		goto done;
	}
	for (size_t a = 0; rs && !c.no_replay && a < hz_fit_runset_nagents(rs); a++) {
		const char *alias = hz_fit_runset_alias(rs, a);
		const hz_fit_run *runs;
		size_t k = hz_fit_runset_runs(rs, a, &runs);
		if (!wanted(&c, alias))
			continue;
		if (!c.quiet)
			fprintf(stderr, "horizon adaptive-sim: replaying %s (%zu runs), %zu sweeps\n", alias, k, c.o.sweeps);
		if (hz_adaptive_sim_replay(alias, runs, k, &c.o, &rows[nrows]) != 0) {
			exit_code = hz_cli_lib_error("adaptive-sim");
			goto done;
		}
		nrows++;
	}
	if (c.nsims && sim_tasks(&c, rs, &cat, &tasks, &ntasks) != 0) {
		exit_code = hz_cli_lib_error("adaptive-sim");
		goto done;
	}
	for (size_t i = 0; i < c.nsims; i++) {
		const char *name = cfgs[i].alias;
		if (!c.quiet)
			fprintf(stderr, "horizon adaptive-sim: simulating %s over %zu tasks, %zu sweeps\n", name, ntasks,
				c.o.sweeps);
		if (hz_adaptive_sim_agent(&models[i], name, tasks, ntasks, &c.o, &rows[nrows]) != 0) {
			exit_code = hz_cli_lib_error("adaptive-sim");
			goto done;
		}
		nrows++;
	}
	if (nrows == 0) {
		exit_code = hz_cli_error("adaptive-sim", "no agent to replay (check --only)");
		goto done;
	}
	if (c.json)
		print_json(&c, rows, nrows);
	else
		print_table(&c, rows, nrows);
done:
	hz_adaptive_sim_rows_free(rows, cap); /* calloc'd: a row a failed call began is freed too */
	free(tasks);
	hz_catalog_free(cat);
	hz_fit_runset_free(rs);
	for (size_t i = 0; i < nsims; i++)
		hz_agent_config_release(&cfgs[i]);
	return exit_code;
}
