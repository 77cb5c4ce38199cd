/* horizon run: run agents on tasks in sandboxed workspaces and record the outcomes. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "horizon/agent.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/run.h"
#include "run_adaptive.h"
#include "run_opts.h"
#include "strutil.h"

static const char usage_text[] =
	"usage: horizon run --agent SPEC [--agent SPEC ...] [options]\n"
	"\n"
	"Run every (agent, task, repeat) of a sweep, each in a fresh git workspace inside a\n"
	"sandbox, score it with the task's hidden tests, and append one record per run to\n"
	"DIR/runs.jsonl.  Running the same command again resumes: recorded runs are skipped,\n"
	"runs recorded as 'error' are retried (up to --max-retries), the rest are run.  Each\n"
	"record holds its agent's configuration: a resume whose agent differs from it refuses.\n"
	"\n"
	"Agents:\n"
	"  -a, --agent SPEC        BACKEND[:MODEL][,key=value...], e.g. oracle, null,\n"
	"                          sim,h50=30,slope=0.8,alias=sim-a,release=2024-01-01,\n"
	"                          cmd,command=./my-agent.sh,mount=/opt/agent (repeatable)\n"
	"      --agents FILE       agents from a YAML or JSON list (alias, backend, model, ...)\n"
	"\n"
	"Tasks:\n"
	"  -t, --tasks SELECTOR    comma-separated id globs, family:NAME, tag:NAME (default: all)\n"
	"      --tasks-dir DIR     the catalogue (default: $HORIZON_TASKS, ./tasks, or the source tree's)\n"
	"      --min-minutes M     only tasks of at least M human minutes\n"
	"      --max-minutes M     only tasks of at most M human minutes\n"
	"\n"
	"Sweep:\n"
	"  -n, --repeats N         runs per (agent, task) (default 1)\n"
	"  -j, --jobs J            runs at the same time (default 1)\n"
	"  -o, --out DIR           output directory (default results/run)\n"
	"      --shard K/N         run only shard K of N (a fixed split by run_id; N shards run\n"
	"                          every run once; join their logs with 'horizon merge')\n"
	"      --seed N            sweep seed: sim agents' coins, agents' env seeds (default 0)\n"
	"      --time-limit-scale X  multiply every task's time limit by X (default 1)\n"
	"      --max-retries N     retry runs recorded as 'error' up to N times (default 2)\n"
	"      --rerun-changed     run again the runs recorded under an agent's alias with another\n"
	"                          configuration (backend, model, base_url, settings, seed); without\n"
	"                          it such runs make the sweep refuse to start, naming the difference\n"
	"      --keep-workspaces   keep each run's workspace (DIR/work/RUN_ID) after scoring\n"
	"      --work-dir PATH     put workspaces there instead of DIR/work (e.g. a tmpfs)\n"
	"      --dry-run           show what would run; write nothing\n"
	"\n"
	"Adaptive sweep (docs/adaptive.md): choose the runs where they tell most about p50/p80\n"
	"      --adaptive          first a spread over the tasks' lengths, then batches near the\n"
	"                          current estimates, refitting after each, until p50's 95%\n"
	"                          interval is narrow enough; -n is then the most runs per task\n"
	"                          (default 20). DIR/adaptive.json records each choice and why\n"
	"      --target-ci RATIO   stop when p50's interval has high/low <= RATIO (default 2)\n"
	"      --budget-usd X      stop when the runs' dollar_equivalent reaches X\n"
	"      --max-runs N        stop after N runs per agent\n"
	"      --initial N         runs in the first batch, the spread (default 8)\n"
	"      --batch N           runs per later batch (default 4)\n"
	"      --confirm K         stop at the target only after K refits in a row within it\n"
	"                          (default 2: one more batch checks the first narrow interval)\n"
	"      --calibrate N       at the end, N simulated sweeps replaying the rule calibrate\n"
	"                          the reported 95% intervals (default 200; 0: plain\n"
	"                          profile-likelihood intervals)\n"
	"\n"
	"Sandbox:\n"
	"      --sandbox MODE      bwrap (default): no network, own namespaces, read-only system,\n"
	"                          rlimits, cgroups; refuses to run if it does not work.\n"
	"                          none: no isolation at all (trusted agents only; recorded)\n"
	"      --sandbox-uid UID   host uid of sandboxed processes when run as root (default 65534)\n"
	"\n"
	"Output:\n"
	"      --json              print the summary as JSON on stdout\n"
	"  -q, --quiet             no progress display (errors are still shown, with their reason)\n"
	"  -h, --help              this help\n"
	"\n"
	"Files: DIR/runs.jsonl (one record per run, docs/results.md), DIR/sweep.json (what was\n"
	"asked), DIR/runs/RUN_ID/{patch.diff,agent.log,scorer.log,transcript.jsonl}.\n"
	"Progress goes to stderr: redrawn in place on a terminal, a line every 5 s otherwise.\n"
	"Exit status: 0 when every planned run is recorded as success or failure, 1 when runs\n"
	"ended in error (run the command again to retry them) or the sweep could not run,\n"
	"2 for usage errors.  See docs/run.md.\n"
	"\n"
	"Examples:\n"
	"  horizon run -a sim,h50=30 -n 3 -o results/sim\n"
	"  horizon run -a anthropic:claude-sonnet-4-5 -t family:bugfix -j 4 -o results/claude\n"
	"  horizon run --adaptive --target-ci 2 --budget-usd 200 -a openai:gpt-5 -o results/gpt5\n";

static volatile sig_atomic_t stop_flag;

static void on_sigint(int sig)
{
	static const char msg[] = "\nhorizon run: stopping: no new runs; the runs in progress finish and are recorded "
				  "(interrupt again to stop at once)\n";

	(void)sig;
	stop_flag = 1;
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) { /* nothing to do */ }
	signal(SIGINT, SIG_DFL); /* a second ^C stops at once */
	signal(SIGTERM, SIG_DFL);
}

typedef struct progress_state {
	int tty;
	int quiet;
	int started;
	double last_line;
	const char *out_dir;
	int jobs;
} progress_state;

static void fmt_secs(double s, char *out, size_t size)
{
	if (s < 0) {
		snprintf(out, size, "?");
		return;
	}
	hz_fmt_minutes(s / 60.0, out, size);
}

static void on_progress(const hz_sweep_progress *p, void *arg)
{
	progress_state *ps = arg;
	char el[32], eta[32];

	if (ps->quiet) {
		/* No progress display, but the reason of every error still (it is not only for the log). */
		if (p->run_id && p->status && !strcmp(p->status, "error"))
			fprintf(stderr, "horizon run: %s %s #%d: error (%s)%s%s\n", p->alias, p->task_id, p->repeat,
				p->exit_reason, p->message ? ": " : "", p->message ? p->message : "");
		return;
	}
	if (!ps->started) {
		ps->started = 1;
		fprintf(stderr, "horizon run: %zu runs to do, %d at a time, into %s\n", p->total, ps->jobs, ps->out_dir);
		if (!ps->tty)
			return;
	}
	fmt_secs(p->elapsed_s, el, sizeof(el));
	fmt_secs(p->eta_s, eta, sizeof(eta));
	if (ps->tty) {
		/* Runs that end in error get a line of their own above the status line. */
		if (p->run_id && p->status && !strcmp(p->status, "error"))
			fprintf(stderr, "\r\033[K%s %s #%d: error (%s)%s%s\n", p->alias, p->task_id, p->repeat,
				p->exit_reason, p->message ? ": " : "", p->message ? p->message : "");
		fprintf(stderr, "\r\033[K[%zu/%zu] %zu success, %zu failure, %zu error", p->done, p->total, p->success,
			p->failure, p->error);
		if (p->elsewhere)
			fprintf(stderr, ", %zu elsewhere", p->elsewhere);
		fprintf(stderr, ", %zu running | %s elapsed, ETA %s", p->running, el, eta);
		fflush(stderr);
		return;
	}
	if (p->run_id && p->status && !strcmp(p->status, "error"))
		fprintf(stderr, "horizon run: %s %s #%d: error (%s)%s%s\n", p->alias, p->task_id, p->repeat,
			p->exit_reason, p->message ? ": " : "", p->message ? p->message : "");
	if (p->elapsed_s - ps->last_line >= 5.0 || (p->done == p->total && p->run_id)) {
		ps->last_line = p->elapsed_s;
		fprintf(stderr, "horizon run: %zu/%zu done (%zu success, %zu failure, %zu error%s), %s elapsed, ETA %s\n",
			p->done, p->total, p->success, p->failure, p->error, p->elsewhere ? ", some elsewhere" : "", el,
			eta);
	}
}

/* "ALIAS: 3 of its runs ended at a limit: 2 context_limit, 1 turn_limit" (nothing when none did). */
static void print_limits(const hz_sweep_agent *a)
{
	size_t n = 0;
	const char *sep = "";

	for (size_t l = 0; l < HZ_SWEEP_NLIMITS; l++)
		n += a->at_limit[l];
	if (!n)
		return;
	printf("%s: %zu of its runs ended at a limit:", a->alias, n);
	for (size_t l = 0; l < HZ_SWEEP_NLIMITS; l++)
		if (a->at_limit[l]) {
			printf("%s %zu %s", sep, a->at_limit[l], hz_sweep_limit_name(l));
			sep = ",";
		}
	printf("\n");
}

static void print_table(const hz_sweep_opts *o, const hz_sweep_result *r)
{
	char wall[32];
	int w = 5;

	for (size_t i = 0; i < r->nagents; i++)
		if ((int)strlen(r->agents[i].alias) > w)
			w = (int)strlen(r->agents[i].alias);
	printf("%-*s %7s %8s %6s %7s %7s %5s %9s %12s\n", w, "agent", "planned", "recorded", "ran", "success",
	       "failure", "error", "elsewhere", "success rate");
	for (size_t i = 0; i < r->nagents; i++) {
		const hz_sweep_agent *a = &r->agents[i];
		size_t n = a->total_success + a->total_failure;
		char rate[48] = "-";
		if (n)
			snprintf(rate, sizeof(rate), "%.0f%% of %zu", 100.0 * (double)a->total_success / (double)n, n);
		printf("%-*s %7zu %8zu %6zu %7zu %7zu %5zu %9zu %12s\n", w, a->alias, a->planned, a->recorded,
		       a->success + a->failure + a->error, a->success, a->failure, a->error, a->elsewhere, rate);
	}
	hz_fmt_minutes(r->wall_s / 60.0, wall, sizeof(wall));
	printf("\n%zu tasks x %zu agents x %d repeats = %zu runs", r->ntasks, r->nagents, o->repeats, r->unsharded);
	if (o->shard_n > 1)
		printf(", %zu in shard %d/%d", r->planned, o->shard_k, o->shard_n);
	printf("; %zu to run, done in %s\n", r->to_run, wall);
	for (size_t i = 0; i < r->nagents; i++)
		if (r->agents[i].stop_reason)
			printf("%s stopped at its first %.*s; %zu of its runs not started (not recorded: run the same "
			       "command again once that is fixed)\n", r->agents[i].alias,
			       (int)strcspn(r->agents[i].stop_reason, ":"), r->agents[i].stop_reason, r->agents[i].not_run);
	for (size_t i = 0; i < r->nagents; i++)
		print_limits(&r->agents[i]);
	if (r->changed)
		printf("%zu runs recorded with another configuration of their agent were run again (--rerun-changed)\n",
		       r->changed);
	if (r->given_up)
		printf("%zu runs not retried: recorded as error more than %d times (--max-retries)\n", r->given_up,
		       o->max_retries);
	if (r->repaired_bytes)
		printf("%s/runs.jsonl:%zu: partial last line (%zu bytes) skipped and cut off: a run killed mid-write, "
		       "run again\n", o->out_dir, r->repaired_line, r->repaired_bytes);
	if (r->isolation)
		printf("isolation: %s\n", r->isolation);
	if (o->keep_workspaces && r->work_dir)
		printf("workspaces kept in: %s\n", r->work_dir);
	printf("results: %s/runs.jsonl\n", o->out_dir);
}

static void print_json(const hz_sweep_opts *o, const hz_sweep_result *r, int dry)
{
	json_t *root = json_object(), *agents = json_array();

	for (size_t i = 0; i < r->nagents; i++) {
		const hz_sweep_agent *a = &r->agents[i];
		json_array_append_new(
			agents, json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:f,s:I,s:f}", "alias", a->alias,
					  "planned", (json_int_t)a->planned, "recorded", (json_int_t)a->recorded,
					  "success", (json_int_t)a->success, "failure", (json_int_t)a->failure, "error",
					  (json_int_t)a->error, "elsewhere", (json_int_t)a->elsewhere, "given_up",
					  (json_int_t)a->given_up, "total_success", (json_int_t)a->total_success,
					  "total_failure", (json_int_t)a->total_failure, "wall_s", a->wall_s, "tokens",
					  (json_int_t)a->tokens, "cost_usd", a->cost_usd));
		json_object_set_new(json_array_get(agents, i), "changed", json_integer((json_int_t)a->changed));
		json_object_set_new(json_array_get(agents, i), "not_run", json_integer((json_int_t)a->not_run));
		json_object_set_new(json_array_get(agents, i), "stop_reason",
				    a->stop_reason ? json_string(a->stop_reason) : json_null());
		json_t *limits = json_object();
		for (size_t l = 0; l < HZ_SWEEP_NLIMITS; l++)
			json_object_set_new(limits, hz_sweep_limit_name(l), json_integer((json_int_t)a->at_limit[l]));
		json_object_set_new(json_array_get(agents, i), "at_limit", limits);
	}
	json_object_set_new(root, "out_dir", json_string(o->out_dir));
	json_object_set_new(root, "dry_run", json_boolean(dry));
	json_object_set_new(root, "tasks", json_integer((json_int_t)r->ntasks));
	json_object_set_new(root, "runs_all_shards", json_integer((json_int_t)r->unsharded));
	json_object_set_new(root, "runs_planned", json_integer((json_int_t)r->planned));
	json_object_set_new(root, "to_run", json_integer((json_int_t)r->to_run));
	json_object_set_new(root, "success", json_integer((json_int_t)r->success));
	json_object_set_new(root, "failure", json_integer((json_int_t)r->failure));
	json_object_set_new(root, "error", json_integer((json_int_t)r->error));
	json_object_set_new(root, "elsewhere", json_integer((json_int_t)r->elsewhere));
	json_object_set_new(root, "given_up", json_integer((json_int_t)r->given_up));
	json_object_set_new(root, "changed", json_integer((json_int_t)r->changed));
	json_object_set_new(root, "not_run", json_integer((json_int_t)r->not_run));
	json_object_set_new(root, "repaired_bytes", json_integer((json_int_t)r->repaired_bytes));
	json_object_set_new(root, "repaired_line", json_integer((json_int_t)r->repaired_line));
	json_object_set_new(root, "stopped", json_boolean(r->stopped));
	json_object_set_new(root, "wall_s", json_real(r->wall_s));
	json_object_set_new(root, "work_dir", r->work_dir ? json_string(r->work_dir) : json_null());
	json_object_set_new(root, "isolation", r->isolation ? json_loads(r->isolation, JSON_DECODE_ANY, NULL) : json_null());
	json_object_set_new(root, "agents", agents);
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(root);
}

int cmd_run(int argc, char **argv)
{
	hz_run_cli cli;
	hz_sweep_opts o;
	hz_sweep_result res;
	progress_state ps = { 0, 0, 0, 0, NULL, 1 };
	hz_run_adaptive ad;
	hz_run_cli_extra extra = { hz_run_adaptive_options, hz_run_adaptive_option, &ad };
	int json, rc, exit_code;

	memset(&res, 0, sizeof(res));
	hz_run_adaptive_init(&ad);
	/* The options live in run_opts.c, shared with horizon slurm and k8s; the adaptive ones in run_adaptive.c. */
	exit_code = hz_run_cli_parse(&cli, "run", argc, argv, &extra);
	if (exit_code != HZ_EXIT_OK || cli.help) {
		if (cli.help)
			fputs(usage_text, stdout);
		goto done;
	}
	if (ad.given && !ad.on) {
		exit_code = hz_cli_usage("run", "%s: only with --adaptive", ad.given);
		goto done;
	}
	o = cli.opts;
	json = cli.json;
	ps.quiet = cli.quiet;
	o.stop = &stop_flag;
	ps.tty = isatty(STDERR_FILENO);
	o.progress = on_progress;
	o.progress_arg = &ps;
	ps.out_dir = o.out_dir;
	ps.jobs = o.jobs;
	signal(SIGINT, on_sigint);
	signal(SIGTERM, on_sigint);
	if (ad.on) {
		exit_code = hz_run_adaptive_sweep(&cli, &ad, on_progress, &ps, &stop_flag);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		goto done;
	}
	rc = hz_sweep_run(&o, &res);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (ps.tty && !ps.quiet && res.to_run && !o.dry_run)
		fputc('\n', stderr);
	for (const char *w = res.warnings; w && *w;) {
		const char *nl = strchr(w, '\n');
		int len = nl ? (int)(nl - w) : (int)strlen(w);
		fprintf(stderr, "horizon run: warning: %.*s\n", len, w);
		w += len + (nl ? 1 : 0);
	}
	if (rc && !res.started) {
		exit_code = hz_cli_lib_error("run");
		goto done;
	}
	if (json)
		print_json(&o, &res, o.dry_run);
	else if (o.dry_run)
		printf("dry run: %zu tasks, %zu runs planned (%zu in this shard), %zu to run%s; nothing written\n",
		       res.ntasks, res.unsharded, res.planned, res.to_run,
		       res.changed && !o.rerun_changed ? " (and runs recorded with another configuration: the sweep "
							"would refuse without --rerun-changed)" : "");
	else
		print_table(&o, &res);
	if (rc) {
		/* The sweep stopped on an error after runs started: the summary above, then why. */
		exit_code = hz_cli_lib_error("run");
	} else if (res.not_run) {
		for (size_t i = 0; i < res.nagents; i++)
			if (res.agents[i].stop_reason)
				hz_cli_error("run", "agent '%s' stopped: %s", res.agents[i].alias, res.agents[i].stop_reason);
		hz_cli_error("run", "%zu runs not started because their agent stopped: fix that and run the same "
				    "command again to run them", res.not_run);
		exit_code = HZ_EXIT_FAIL;
	} else if (res.stopped) {
		hz_cli_error("run", "stopped early: run the same command again to finish the sweep");
		exit_code = HZ_EXIT_FAIL;
	} else if (res.error || res.given_up) {
		hz_cli_error("run", "%zu runs ended in error (infrastructure, not the agent): %s", res.error + res.given_up,
			     res.given_up ? "some are past --max-retries" : "run the same command again to retry them");
		exit_code = HZ_EXIT_FAIL;
	}
done:
	hz_sweep_result_release(&res);
	hz_run_cli_release(&cli);
	return exit_code;
}
