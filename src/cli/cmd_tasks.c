/*
 * horizon tasks: list, show, validate, check, calibrate and summarise the task
 * catalogue.  This file parses the options shared by the subcommands, prints
 * the help, and holds `list` and `show`; see tasks_cli.h for the others.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "horizon/error.h"
#include "horizon/task.h"
#include "strutil.h"
#include "tasks_cli.h"

#define CMD "tasks"

static const char usage_head[] =
	"usage: horizon tasks list     [SELECTOR...] [--family F] [--tag T] [--min-minutes M] [--max-minutes M]\n"
	"                              [--catalog DIR] [--json]\n"
	"       horizon tasks show     ID [--catalog DIR] [--json]\n"
	"       horizon tasks validate [PATH] [--strict] [--no-requires] [--quiet] [--json]\n"
	"       horizon tasks stats    [SELECTOR...] [selector options] [--catalog DIR] [--json]\n"
	"       horizon tasks check    [SELECTOR...] [selector options] [--jobs N] [--sandbox MODE]\n"
	"                              [--out DIR] [--keep] [--catalog DIR] [--quiet] [--json]\n"
	"       horizon tasks calibrate BASELINES... [--write] [--min-baselines N] [--catalog DIR] [--json]\n";

static const char usage_body[] =
	"\n"
	"Work with the task catalogue: a directory of tasks laid out as <family>/<name>/,\n"
	"each with task.json, instructions.md, workspace/, tests/ and solution/\n"
	"(docs/tasks.md describes the format).\n"
	"\n"
	"Subcommands:\n"
	"  list      one line per selected task: id, family, human time, source, tags\n"
	"  show      everything about one task, its instructions included\n"
	"  validate  check every task under PATH (default: the catalogue) against the format\n"
	"            and report ALL problems, one per line: \"error: FILE: 'FIELD' MESSAGE\";\n"
	"            PATH may also be a family directory or a single task directory\n"
	"  stats     the human-time distribution (7 buckets on a log scale, split by domain), the\n"
	"            long end (tasks of 8 h, 24 h and 40 h or more) and tasks per family\n"
	"  check     run the oracle and the null agent on each selected task through the run\n"
	"            engine: the oracle must pass, the null agent must fail\n"
	"  calibrate task lengths from timed human baselines (horizon baseline): per task, the\n"
	"            geometric mean of the successful baselines' working times, their count\n"
	"            and range, and the ratio to the current length; BASELINES are runs.jsonl\n"
	"            files or directories holding one; --write puts the mean into task.json\n"
	"            (human_minutes, human_source \"baseline\", provenance in human_notes) and\n"
	"            changes nothing else; tasks with fewer than --min-baselines keep theirs\n"
	"\n"
	"Selectors (list, stats, check): a task is selected when it matches any term, and lies in\n"
	"the human-time range.  A SELECTOR is a comma-separated list of terms:\n"
	"  GLOB               an id glob, e.g. 'log-parse/*' or '*count*'\n"
	"  family:NAME        every task of a family (NAME may be a glob)\n"
	"  tag:NAME           every task with that tag\n"
	"  domain:NAME        every task of a domain (software, security, ml, data, ops)\n"
	"  -f, --family NAME  same as the term family:NAME (repeatable)\n"
	"  -t, --tag NAME     same as the term tag:NAME (repeatable)\n"
	"  --min-minutes M    only tasks with human_minutes >= M\n"
	"  --max-minutes M    only tasks with human_minutes <= M\n"
	"\n"
	"Options:\n"
	"  -C, --catalog DIR  the catalogue (default: $HORIZON_TASKS, ./tasks, or the source tree's tasks/)\n"
	"  --json             machine-readable output on stdout\n"
	"  --strict           validate: warnings count as errors\n"
	"  --no-requires      validate: do not look for the `requires` tools on this machine\n"
	"  -q, --quiet        validate: no warning lines; check: only failing tasks (and the summaries)\n"
	"  -j, --jobs N       check: runs at a time (default 2)\n"
	"  -o, --out DIR      check: where run directories go (default: a temporary directory)\n"
	"  --keep             check: keep the run directory (a temporary one is removed by default)\n"
	"  --sandbox MODE     check: bwrap (default) or none, as for 'horizon run'\n"
	"  --write            calibrate: update task.json files\n"
	"  --min-baselines N  calibrate: successful baselines a task needs (default 2)\n"
	"  -h, --help         this help\n"
	"\n"
	"Exit status: 0 success; 1 a problem was found (validate: any error; check: an oracle\n"
	"failed or a null agent passed) or the catalogue did not load; 2 usage error.\n"
	"\n"
	"Examples:\n"
	"  horizon tasks list family:which-file\n"
	"  horizon tasks stats --json\n"
	"  horizon tasks check fixture/fix-add --catalog tests/data/tasks\n"
	"  horizon tasks calibrate baselines/ --min-baselines 3 --write\n";

enum { OPT_MIN = 256, OPT_MAX, OPT_JSON, OPT_STRICT, OPT_NOREQ, OPT_KEEP, OPT_SANDBOX, OPT_WRITE, OPT_MINB };

static const struct option long_opts[] = {
	{ "catalog", required_argument, NULL, 'C' }, { "family", required_argument, NULL, 'f' },
	{ "tag", required_argument, NULL, 't' },     { "min-minutes", required_argument, NULL, OPT_MIN },
	{ "max-minutes", required_argument, NULL, OPT_MAX }, { "json", no_argument, NULL, OPT_JSON },
	{ "strict", no_argument, NULL, OPT_STRICT }, { "no-requires", no_argument, NULL, OPT_NOREQ },
	{ "quiet", no_argument, NULL, 'q' },         { "jobs", required_argument, NULL, 'j' },
	{ "out", required_argument, NULL, 'o' },     { "keep", no_argument, NULL, OPT_KEEP },
	{ "sandbox", required_argument, NULL, OPT_SANDBOX }, { "help", no_argument, NULL, 'h' },
	{ "write", no_argument, NULL, OPT_WRITE },   { "min-baselines", required_argument, NULL, OPT_MINB },
	{ NULL, 0, NULL, 0 },
};

/* Which options each subcommand takes (by getopt value). */
typedef struct sub_info {
	const char *name;
	int (*run)(tasks_opts *o);
	const int *opts; /* 0-terminated */
	size_t min_args, max_args;
} sub_info;

static const int sel_opts[] = { 'C', 'f', 't', OPT_MIN, OPT_MAX, OPT_JSON, 0 };
static const int show_opts[] = { 'C', OPT_JSON, 0 };
static const int validate_opts[] = { OPT_STRICT, OPT_NOREQ, 'q', OPT_JSON, 'C', 0 };
static const int check_opts[] = { 'C', 'f', 't', OPT_MIN, OPT_MAX, OPT_JSON, 'q', 'j', 'o', OPT_KEEP, OPT_SANDBOX, 0 };

static const int calibrate_opts[] = { 'C', OPT_JSON, OPT_WRITE, OPT_MINB, 0 };

static const sub_info subs[] = {
	{ "list", tasks_list, sel_opts, 0, (size_t)-1 },
	{ "show", tasks_show, show_opts, 1, 1 },
	{ "validate", tasks_validate, validate_opts, 0, 1 },
	{ "stats", tasks_stats, sel_opts, 0, (size_t)-1 },
	{ "check", tasks_check, check_opts, 0, (size_t)-1 },
	{ "calibrate", tasks_calibrate, calibrate_opts, 1, 10000 },
};

static void help(FILE *out)
{
	fputs(usage_head, out);
	fputs(usage_body, out);
}

static int allowed(const sub_info *s, int opt)
{
	for (const int *p = s->opts; *p; p++)
		if (*p == opt)
			return 1;
	return 0;
}

/* --family/--tag VALUE: each comma-separated name becomes one prefixed term. */
static int add_term(tasks_opts *o, const char *prefix, const char *value)
{
	char term[512];
	int rc = 0;

	while (*value && !rc) {
		size_t len = strcspn(value, ",");
		if (len > 0) {
			snprintf(term, sizeof(term), "%s%.*s", prefix, (int)len, value);
			rc = hz_selector_parse(&o->sel, term);
		}
		value += len + (value[len] == ',');
	}
	return rc;
}

static int parse_minutes(const char *arg, const char *name, double *out)
{
	if (hz_parse_double(arg, out) != 0 || *out < 0)
		return hz_cli_usage(CMD, "'--%s' needs a number of minutes >= 0, not '%s'", name, arg);
	return 0;
}

/* Parse a subcommand's options into *o; returns -1 to go on, else an exit code. */
static int parse(const sub_info *s, int argc, char **argv, tasks_opts *o)
{
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":C:f:t:qj:o:h", long_opts, NULL)) != -1) {
		long jobs;
		if (c == 'h') {
			help(stdout);
			return HZ_EXIT_OK;
		}
		if (c == '?')
			return hz_cli_usage(CMD, "unknown option '%s'", argv[optind - 1]);
		if (c == ':')
			return hz_cli_usage(CMD, "option '%s' needs a value", argv[optind - 1]);
		if (!allowed(s, c))
			return hz_cli_usage(CMD, "'%s' is not an option of 'tasks %s'", argv[optind - 1], s->name);
		switch (c) {
		case 'C':
			o->catalog = optarg;
			break;
		case 'f':
		case 't':
			if (add_term(o, c == 'f' ? "family:" : "tag:", optarg) != 0)
				return hz_cli_lib_error(CMD);
			break;
		case OPT_MIN:
		case OPT_MAX:
			if (parse_minutes(optarg, c == OPT_MIN ? "min-minutes" : "max-minutes",
					  c == OPT_MIN ? &o->sel.min_minutes : &o->sel.max_minutes))
				return HZ_EXIT_USAGE;
			break;
		case OPT_JSON: o->json = 1; break;
		case OPT_STRICT: o->strict = 1; break;
		case OPT_NOREQ: o->no_requires = 1; break;
		case 'q': o->quiet = 1; break;
		case OPT_KEEP: o->keep = 1; break;
		case OPT_WRITE: o->write = 1; break;
		case OPT_MINB:
			if (hz_parse_long(optarg, &jobs) != 0 || jobs < 1 || jobs > 1000)
				return hz_cli_usage(CMD, "'--min-baselines' needs a number from 1 to 1000, not '%s'", optarg);
			o->min_baselines = (int)jobs;
			break;
		case 'o': o->out_dir = optarg; break;
		case OPT_SANDBOX:
			if (hz_sandbox_mode_parse(optarg, &o->sandbox) != 0)
				return hz_cli_usage(CMD, "'--sandbox' must be bwrap or none, not '%s'", optarg);
			break;
		case 'j':
			if (hz_parse_long(optarg, &jobs) != 0 || jobs < 1 || jobs > 64)
				return hz_cli_usage(CMD, "'--jobs' needs a number from 1 to 64, not '%s'", optarg);
			o->jobs = (int)jobs;
			break;
		}
	}
	o->args = argv + optind;
	o->nargs = (size_t)(argc - optind);
	if (o->nargs < s->min_args)
		return hz_cli_usage(CMD, "'tasks %s' needs %s", s->name, !strcmp(s->name, "show") ? "a task id" : "an argument");
	if (o->nargs > s->max_args)
		return hz_cli_usage(CMD, "'tasks %s' takes at most %zu argument%s ('%s' is one too many)", s->name,
				    s->max_args, s->max_args == 1 ? "" : "s", o->args[s->max_args]);
	if (s->max_args == (size_t)-1)
		for (size_t i = 0; i < o->nargs; i++)
			if (hz_selector_parse(&o->sel, o->args[i]) != 0)
				return hz_cli_lib_error(CMD);
	if (o->sel.max_minutes > 0 && o->sel.min_minutes > o->sel.max_minutes)
		return hz_cli_usage(CMD, "'--min-minutes' is above '--max-minutes'");
	if (!o->catalog)
		o->catalog = hz_catalog_default_root();
	return -1;
}

int cmd_tasks(int argc, char **argv)
{
	tasks_opts o;
	const sub_info *s = NULL;
	int rc;

	if (argc < 2) {
		help(stderr);
		return HZ_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		help(stdout);
		return HZ_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (!strcmp(subs[i].name, argv[1]))
			s = &subs[i];
	if (!s)
		return hz_cli_usage(CMD, "'%s' is not a subcommand (list, show, validate, stats, check, calibrate)", argv[1]);
	memset(&o, 0, sizeof(o));
	o.sub = s->name;
	o.jobs = 2;
	o.min_baselines = 2;
	if ((rc = parse(s, argc - 1, argv + 1, &o)) < 0)
		rc = s->run(&o);
	hz_selector_release(&o.sel);
	return rc;
}

int tasks_select(tasks_opts *o, hz_catalog **cat, hz_task ***tasks, size_t *count)
{
	*cat = NULL;
	*tasks = NULL;
	*count = 0;
	if (hz_catalog_load(cat, o->catalog) != 0) {
		hz_cli_lib_error(CMD);
		fprintf(stderr, "(run 'horizon tasks validate %s' to see every problem)\n", o->catalog);
		return HZ_EXIT_FAIL;
	}
	if (hz_catalog_select(*cat, &o->sel, tasks, count) != 0) {
		hz_catalog_free(*cat);
		*cat = NULL;
		return hz_cli_lib_error(CMD);
	}
	return HZ_EXIT_OK;
}

int tasks_print_json(json_t *value)
{
	int rc = HZ_EXIT_OK;

	if (!value || json_dumpf(value, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0)
		rc = hz_cli_error(CMD, "cannot write JSON output");
	else
		fputc('\n', stdout);
	json_decref(value);
	return rc;
}

static json_t *strings_json(size_t n, const char *(*get)(const hz_task *, size_t), const hz_task *t)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(get(t, i)));
	return a;
}

static const char *scorer_kind_name(hz_scorer_kind k)
{
	return k == HZ_SCORER_EXIT ? "exit" : k == HZ_SCORER_JSON ? "json" : "answer";
}

static const char *match_name(hz_match_kind m)
{
	return m == HZ_MATCH_REGEX ? "regex" : m == HZ_MATCH_NUMBER ? "number" : "exact";
}

/* The summary object of a task (list --json), or with details (show --json). */
static json_t *task_json(hz_task *t, int details)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:f, s:s, s:o, s:s}", "id", hz_task_id(t), "family",
			      hz_task_family(t), "domain", hz_task_domain(t), "version", hz_task_version(t),
			      "human_minutes", hz_task_human_minutes(t),
			      "human_source", hz_task_human_source(t), "tags",
			      strings_json(hz_task_tags_count(t), hz_task_tag, t), "summary", hz_task_summary(t));
	const hz_scorer *s = hz_task_scorer(t);
	const hz_resources *r = hz_task_resources(t);
	json_t *scorer, *cmd;
	char *ins = NULL;

	if (!o || !details)
		return o;
	scorer = json_pack("{s:s, s:f}", "kind", scorer_kind_name(s->kind), "timeout_s", s->timeout_s);
	if (s->kind == HZ_SCORER_ANSWER) {
		json_object_set_new(scorer, "answer_file", json_string(s->answer_file));
		json_object_set_new(scorer, "match", json_string(match_name(s->match)));
	} else {
		cmd = json_array();
		for (size_t i = 0; s->command && s->command[i]; i++)
			json_array_append_new(cmd, json_string(s->command[i]));
		json_object_set_new(scorer, "command", cmd);
		if (s->kind == HZ_SCORER_JSON)
			json_object_set_new(scorer, "threshold", json_real(s->threshold));
	}
	json_object_set_new(o, "human_notes", json_string(hz_task_human_notes(t)));
	json_object_set_new(o, "time_limit_s", json_real(hz_task_time_limit_s(t)));
	json_object_set_new(o, "scorer", scorer);
	json_object_set_new(o, "resources",
			    json_pack("{s:I, s:I, s:I, s:I, s:I}", "memory_mb", (json_int_t)r->memory_mb, "cpu_s",
				      (json_int_t)r->cpu_s, "processes", (json_int_t)r->processes, "disk_mb",
				      (json_int_t)r->disk_mb, "open_files", (json_int_t)r->open_files));
	json_object_set_new(o, "network", json_string(hz_task_network(t)));
	json_object_set_new(o, "requires", strings_json(hz_task_requires_count(t), hz_task_requires, t));
	json_object_set_new(o, "dir", json_string(hz_task_dir(t)));
	json_object_set_new(o, "sha256", json_string(hz_task_sha256(t)));
	if (hz_task_instructions(t, &ins) == 0)
		json_object_set_new(o, "instructions", json_string(ins));
	free(ins);
	return o;
}

static void join_strings(char *out, size_t size, size_t n, const char *(*get)(const hz_task *, size_t),
			 const hz_task *t)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? "," : "", get(t, i));
}

int tasks_list(tasks_opts *o)
{
	hz_catalog *cat;
	hz_task **tasks;
	size_t n, wid = 2, wfam = 6;
	char human[32], tags[256];
	int rc;

	if ((rc = tasks_select(o, &cat, &tasks, &n)) != 0)
		return rc;
	if (o->json) {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, task_json(tasks[i], 0));
		rc = tasks_print_json(a);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		size_t li = strlen(hz_task_id(tasks[i])), lf = strlen(hz_task_family(tasks[i]));
		wid = li > wid ? li : wid;
		wfam = lf > wfam ? lf : wfam;
	}
	printf("%-*s  %-*s  %12s  %-8s  %s\n", (int)wid, "ID", (int)wfam, "FAMILY", "HUMAN TIME", "SOURCE", "TAGS");
	for (size_t i = 0; i < n; i++) {
		hz_fmt_minutes(hz_task_human_minutes(tasks[i]), human, sizeof(human));
		join_strings(tags, sizeof(tags), hz_task_tags_count(tasks[i]), hz_task_tag, tasks[i]);
		printf("%-*s  %-*s  %12s  %-8s  %s\n", (int)wid, hz_task_id(tasks[i]), (int)wfam,
		       hz_task_family(tasks[i]), human, hz_task_human_source(tasks[i]), tags);
	}
	fprintf(stderr, "%zu of %zu tasks\n", n, hz_catalog_count(cat));
done:
	free(tasks);
	hz_catalog_free(cat);
	return rc;
}

static void print_indented(const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);
		printf("    %.*s\n", len, p);
		p += len + (nl != NULL);
	}
}

static void show_text(hz_task *t)
{
	const hz_scorer *s = hz_task_scorer(t);
	const hz_resources *r = hz_task_resources(t);
	char human[32], limit[32], buf[512];
	char *ins = NULL;

	hz_fmt_minutes(hz_task_human_minutes(t), human, sizeof(human));
	hz_fmt_minutes(hz_task_time_limit_s(t) / 60.0, limit, sizeof(limit));
	printf("id:           %s\n", hz_task_id(t));
	printf("family:       %s\n", hz_task_family(t));
	printf("version:      %s\n", hz_task_version(t));
	printf("summary:      %s\n", hz_task_summary(t));
	printf("human time:   %s (%g min, %s)\n", human, hz_task_human_minutes(t), hz_task_human_source(t));
	printf("human notes:  %s\n", hz_task_human_notes(t));
	printf("time limit:   %s (%g s)\n", limit, hz_task_time_limit_s(t));
	if (s->kind == HZ_SCORER_ANSWER) {
		printf("scorer:       answer, %s match with %s (timeout %g s)\n", match_name(s->match), s->answer_file,
		       s->timeout_s);
	} else {
		size_t len = 0;
		buf[0] = '\0';
		for (size_t i = 0; s->command && s->command[i] && len < sizeof(buf); i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", i ? " " : "", s->command[i]);
		printf("scorer:       %s: %s (timeout %g s", scorer_kind_name(s->kind), buf, s->timeout_s);
		if (s->kind == HZ_SCORER_JSON)
			printf(", threshold %g", s->threshold);
		printf(")\n");
	}
	printf("resources:    memory %ld MB, cpu %ld s, processes %ld, file size %ld MB, open files %ld\n",
	       r->memory_mb, r->cpu_s, r->processes, r->disk_mb, r->open_files);
	printf("network:      %s\n", hz_task_network(t));
	join_strings(buf, sizeof(buf), hz_task_requires_count(t), hz_task_requires, t);
	printf("requires:     %s\n", buf[0] ? buf : "(nothing)");
	join_strings(buf, sizeof(buf), hz_task_tags_count(t), hz_task_tag, t);
	printf("tags:         %s\n", buf[0] ? buf : "(none)");
	printf("domain:       %s\n", hz_task_domain(t));
	printf("directory:    %s\n", hz_task_dir(t));
	printf("sha256:       %s\n", hz_task_sha256(t));
	if (hz_task_instructions(t, &ins) == 0) {
		printf("instructions:\n");
		print_indented(ins);
	}
	free(ins);
}

int tasks_show(tasks_opts *o)
{
	hz_catalog *cat = NULL;
	hz_task *t;
	int rc = HZ_EXIT_OK;

	if (hz_catalog_load(&cat, o->catalog) != 0)
		return hz_cli_lib_error(CMD);
	if (!(t = hz_catalog_find(cat, o->args[0]))) {
		rc = hz_cli_error(CMD, "no task '%s' in %s (see 'horizon tasks list')", o->args[0], o->catalog);
		goto done;
	}
	if (o->json)
		rc = tasks_print_json(task_json(t, 1));
	else
		show_text(t);
done:
	hz_catalog_free(cat);
	return rc;
}
