/* The options of horizon run, shared by run, slurm and k8s; see run_opts.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "horizon/agents.h"
#include "horizon/error.h"
#include "horizon/sandbox.h"
#include "run_opts.h"
#include "strutil.h"

enum { OPT_AGENTS = 256, OPT_TASKS_DIR, OPT_MIN, OPT_MAX, OPT_SHARD, OPT_SEED, OPT_SCALE, OPT_RETRIES, OPT_KEEP,
       OPT_DRY, OPT_SANDBOX, OPT_UID, OPT_JSON, OPT_WORK };

static const struct option run_opts[] = {
	{ "agent", required_argument, NULL, 'a' },   { "agents", required_argument, NULL, OPT_AGENTS },
	{ "tasks", required_argument, NULL, 't' },   { "tasks-dir", required_argument, NULL, OPT_TASKS_DIR },
	{ "min-minutes", required_argument, NULL, OPT_MIN }, { "max-minutes", required_argument, NULL, OPT_MAX },
	{ "repeats", required_argument, NULL, 'n' }, { "jobs", required_argument, NULL, 'j' },
	{ "out", required_argument, NULL, 'o' },     { "shard", required_argument, NULL, OPT_SHARD },
	{ "seed", required_argument, NULL, OPT_SEED }, { "time-limit-scale", required_argument, NULL, OPT_SCALE },
	{ "max-retries", required_argument, NULL, OPT_RETRIES }, { "keep-workspaces", no_argument, NULL, OPT_KEEP },
	{ "dry-run", no_argument, NULL, OPT_DRY },   { "work-dir", required_argument, NULL, OPT_WORK },
	{ "sandbox", required_argument, NULL, OPT_SANDBOX },
	{ "sandbox-uid", required_argument, NULL, OPT_UID }, { "json", no_argument, NULL, OPT_JSON },
	{ "quiet", no_argument, NULL, 'q' },         { "help", no_argument, NULL, 'h' },
};
#define NRUN_OPTS (sizeof(run_opts) / sizeof(run_opts[0]))

static int parse_int(const char *s, long lo, long hi, long *out)
{
	return hz_parse_long(s, out) == 0 && *out >= lo && *out <= hi ? 0 : -1;
}

/* Append the agents of a spec or a file to *cfgs. */
static int add_agents(hz_agent_config **cfgs, size_t *n, const char *spec, const char *file)
{
	hz_agent_config *list = NULL, *grown;
	size_t count = 1;
	int rc;

	if (file) {
		if ((rc = hz_agents_file_load(file, &list, &count)) != 0)
			return rc;
	} else {
		if (!(list = calloc(1, sizeof(*list))))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		if ((rc = hz_agent_config_parse(&list[0], spec)) != 0) {
			free(list);
			return rc;
		}
	}
	if (!(grown = realloc(*cfgs, (*n + count) * sizeof(**cfgs)))) {
		for (size_t i = 0; i < count; i++)
			hz_agent_config_release(&list[i]);
		free(list);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	*cfgs = grown;
	memcpy(*cfgs + *n, list, count * sizeof(*list));
	*n += count;
	free(list);
	return 0;
}

/* Record a run option as canonical words for the shard jobs. */
static int add_words(hz_run_cli *cli, const char *name, const char *arg)
{
	const char **w = realloc(cli->words, (cli->nwords + 2) * sizeof(*w));

	if (!w)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	cli->words = w;
	w[cli->nwords++] = name;
	if (arg)
		w[cli->nwords++] = arg;
	return 0;
}

static const char *const long_names[] = {
	[OPT_AGENTS - 256] = "--agents", [OPT_TASKS_DIR - 256] = "--tasks-dir", [OPT_MIN - 256] = "--min-minutes",
	[OPT_MAX - 256] = "--max-minutes", [OPT_SHARD - 256] = "--shard", [OPT_SEED - 256] = "--seed",
	[OPT_SCALE - 256] = "--time-limit-scale", [OPT_RETRIES - 256] = "--max-retries",
	[OPT_KEEP - 256] = "--keep-workspaces", [OPT_DRY - 256] = "--dry-run", [OPT_SANDBOX - 256] = "--sandbox",
	[OPT_UID - 256] = "--sandbox-uid", [OPT_JSON - 256] = "--json", [OPT_WORK - 256] = "--work-dir",
};

static const char *word_of(int c)
{
	switch (c) {
	case 'a': return "--agent";
	case 't': return "--tasks";
	case 'n': return "--repeats";
	case 'j': return "--jobs";
	case 'q': return "--quiet";
	default: return c >= 256 && c <= OPT_WORK ? long_names[c - 256] : NULL;
	}
}

/* One of run's options; HZ_EXIT_OK, an exit code after the message, or -1 for an unknown option. */
static int run_option(hz_run_cli *cli, const char *cmd, int c, const char *arg)
{
	hz_sweep_opts *o = &cli->opts;
	long v;

	switch (c) {
	case 'a':
	case OPT_AGENTS:
		if (add_agents(&cli->cfgs, &cli->ncfgs, c == 'a' ? arg : NULL, c == 'a' ? NULL : arg) != 0)
			return hz_cli_error(cmd, "%s", hz_error_message());
		break;
	case 't':
		hz_selector_release(&cli->sel);
		if (hz_selector_parse(&cli->sel, arg) != 0)
			return hz_cli_usage(cmd, "%s", hz_error_message());
		break;
	case OPT_TASKS_DIR: o->tasks_root = arg; break;
	case OPT_MIN:
	case OPT_MAX: {
		double d;
		if (hz_parse_double(arg, &d) || d < 0)
			return hz_cli_usage(cmd, "--%s must be a non-negative number, not '%s'",
					    c == OPT_MIN ? "min-minutes" : "max-minutes", arg);
		*(c == OPT_MIN ? &cli->sel.min_minutes : &cli->sel.max_minutes) = d;
		break;
	}
	case 'n':
	case 'j':
	case OPT_RETRIES:
		if (parse_int(arg, c == OPT_RETRIES ? 0 : 1, c == 'j' ? 256 : 100000, &v))
			return hz_cli_usage(cmd, "--%s must be a whole number%s, not '%s'",
					    c == 'n' ? "repeats" : c == 'j' ? "jobs" : "max-retries",
					    c == 'j' ? " from 1 to 256" : c == 'n' ? " of at least 1" : "", arg);
		*(c == 'n' ? &o->repeats : c == 'j' ? &o->jobs : &o->max_retries) = (int)v;
		break;
	case 'o':
		o->out_dir = arg;
		cli->out_given = 1;
		return HZ_EXIT_OK; /* set per shard by batch jobs: not a word */
	case OPT_SHARD: {
		int k, n, used = 0;
		if (sscanf(arg, "%d/%d%n", &k, &n, &used) != 2 || arg[used] || n < 1 || k < 1 || k > n)
			return hz_cli_usage(cmd, "--shard must be K/N with 1 <= K <= N, not '%s'", arg);
		o->shard_k = k;
		o->shard_n = n;
		cli->shard_given = 1;
		return HZ_EXIT_OK;
	}
	case OPT_SEED:
		if (parse_int(arg, 0, 0x7fffffffffffffffL, &v))
			return hz_cli_usage(cmd, "--seed must be a non-negative whole number, not '%s'", arg);
		o->seed = (uint64_t)v;
		break;
	case OPT_SCALE:
		if (hz_parse_double(arg, &o->time_limit_scale) || !(o->time_limit_scale > 0))
			return hz_cli_usage(cmd, "--time-limit-scale must be a positive number, not '%s'", arg);
		break;
	case OPT_KEEP: o->keep_workspaces = 1; break;
	case OPT_WORK: o->work_dir = arg; break;
	case OPT_DRY:
		o->dry_run = 1;
		cli->dry_run_given = 1;
		break;
	case OPT_SANDBOX:
		if (hz_sandbox_mode_parse(arg, &o->sandbox) != 0)
			return hz_cli_usage(cmd, "%s", hz_error_message());
		break;
	case OPT_UID:
		if (parse_int(arg, 1, 0x7ffffffe, &v))
			return hz_cli_usage(cmd, "--sandbox-uid must be a uid other than 0, not '%s'", arg);
		o->sandbox_uid = v;
		break;
	case OPT_JSON: cli->json = 1; break;
	case 'q': cli->quiet = 1; break;
	case 'h': cli->help = 1; return HZ_EXIT_OK;
	default: return -1; /* not one of run's */
	}
	if (add_words(cli, word_of(c), arg) != 0)
		return hz_cli_error(cmd, "%s", hz_error_message());
	return HZ_EXIT_OK;
}

int hz_run_cli_parse(hz_run_cli *cli, const char *cmd, int argc, char **argv, const hz_run_cli_extra *extra)
{
	hz_sweep_opts init = HZ_SWEEP_OPTS_INIT;
	hz_selector sel_init = HZ_SELECTOR_INIT;
	struct option *table = NULL;
	size_t nextra = 0, n = 0;
	int c, rc = HZ_EXIT_OK;

	memset(cli, 0, sizeof(*cli));
	cli->opts = init;
	cli->opts.agent_new = hz_agent_new;
	cli->sel = sel_init;
	cli->opts.out_dir = "results/run";
	while (extra && extra->opts[nextra].name)
		nextra++;
	if (!(table = calloc(nextra + NRUN_OPTS + 1, sizeof(*table))))
		return hz_cli_error(cmd, "out of memory");
	/* The command's own options first: getopt_long takes the first exact match. */
	for (size_t i = 0; i < nextra; i++)
		table[n++] = extra->opts[i];
	for (size_t i = 0; i < NRUN_OPTS; i++)
		table[n++] = run_opts[i];
	optind = 1;
	opterr = 0;
	while (rc == HZ_EXIT_OK && (c = getopt_long(argc, argv, "+a:t:n:j:o:qh", table, NULL)) != -1) {
		if (c >= 1000 && extra)
			rc = extra->on_option(c, optarg, extra->ctx);
		else if (c == '?' || c == ':' || (rc = run_option(cli, cmd, c, optarg)) == -1)
			rc = hz_cli_usage(cmd, "unknown or incomplete option '%s'", argv[optind - 1]);
	}
	free(table);
	if (rc != HZ_EXIT_OK || cli->help)
		return rc;
	if (optind < argc)
		return hz_cli_usage(cmd, "unexpected argument '%s'", argv[optind]);
	if (cli->ncfgs == 0)
		return hz_cli_usage(cmd, "no agent: give at least one --agent SPEC or --agents FILE");
	cli->opts.selector = &cli->sel;
	cli->opts.agents = cli->cfgs;
	cli->opts.nagents = cli->ncfgs;
	return HZ_EXIT_OK;
}

void hz_run_cli_release(hz_run_cli *cli)
{
	hz_selector_release(&cli->sel);
	for (size_t i = 0; i < cli->ncfgs; i++)
		hz_agent_config_release(&cli->cfgs[i]);
	free(cli->cfgs);
	free(cli->words);
	memset(cli, 0, sizeof(*cli));
}
