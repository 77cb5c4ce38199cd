/*
 * horizon baseline: time a person on one task in the sandbox an agent would
 * have (the `human` backend), score the attempt with the hidden tests and
 * append one record (alias human) to DIR/runs.jsonl.
 */
#include <getopt.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "horizon/agents.h"
#include "horizon/error.h"
#include "horizon/run.h"
#include "horizon/sandbox.h"
#include "buf.h"
#include "fsutil.h"
#include "strutil.h"

#define CMD "baseline"

static const char usage_text[] =
	"usage: horizon baseline TASK --who NAME [options]\n"
	"\n"
	"Time a person on one task.  horizon prepares the workspace and sandbox\n"
	"exactly as for an agent, shows the instructions and opens an interactive\n"
	"shell inside the sandbox (same isolation, same tools, no hidden tests).\n"
	"In that shell:\n"
	"  pause              stop the clock (a break; the time does not count)\n"
	"  resume             start it again\n"
	"  instructions       show the task's instructions again\n"
	"  submit [ANSWER]    end the attempt (ANSWER for tasks that want one)\n"
	"Then the hidden scorer runs as for an agent, and one record is appended\n"
	"to DIR/runs.jsonl: alias 'human', human_source 'baseline', the working\n"
	"time without pauses (working_s), the verdict, the patch, and a typescript\n"
	"of the session (asciicast v2, DIR/runs/.../session.cast).  Leaving the shell\n"
	"without submit, or killing horizon, records nothing: the same command\n"
	"starts the task again.  Each person may baseline a task more than once;\n"
	"every attempt is a new repeat.\n"
	"\n"
	"Options:\n"
	"  --who NAME              the baseliner (required; recorded)\n"
	"  -o, --out DIR           where runs.jsonl goes (default: baselines)\n"
	"  --tasks-dir DIR         catalogue root (default: the built-in catalogue)\n"
	"  --time-limit-scale X    multiplies the task's time limit (default: 10)\n"
	"  --sandbox MODE          bwrap (default) | none (no isolation)\n"
	"  --sandbox-uid UID       host uid of sandboxed processes when root\n"
	"  --work-dir DIR          where workspaces go (default: DIR/work)\n"
	"  --json                  the record as JSON on stdout at the end\n"
	"  -h, --help              this help\n"
	"\n"
	"Exit status: 0 recorded, 1 failure or nothing recorded, 2 usage error.\n"
	"\n"
	"Examples:\n"
	"  horizon baseline fixture/fix-add --who ada --tasks-dir tests/data/tasks\n"
	"  horizon baseline which-file/small --who ada --out baselines\n"
	"  horizon tasks calibrate baselines/runs.jsonl\n";

enum { OPT_WHO = 1000, OPT_TASKS_DIR, OPT_SCALE, OPT_SANDBOX, OPT_UID, OPT_WORK, OPT_JSON };

static const struct option long_opts[] = {
	{ "who", required_argument, NULL, OPT_WHO },
	{ "out", required_argument, NULL, 'o' },
	{ "tasks-dir", required_argument, NULL, OPT_TASKS_DIR },
	{ "time-limit-scale", required_argument, NULL, OPT_SCALE },
	{ "sandbox", required_argument, NULL, OPT_SANDBOX },
	{ "sandbox-uid", required_argument, NULL, OPT_UID },
	{ "work-dir", required_argument, NULL, OPT_WORK },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/*
 * The human records of task in DIR/runs.jsonl: *max_repeat gets the highest
 * repeat (0: none); with found, *found gets the last record of repeat `want`
 * (NULL: none; the caller decrefs it).  0, or an exit code.
 */
static int scan_human(const char *out_dir, const char *task, int want, int *max_repeat, json_t **found)
{
	char *path = hz_path_join(out_dir, "runs.jsonl"), *line = NULL;
	FILE *f;
	size_t cap = 0;
	ssize_t n;

	*max_repeat = 0;
	if (found)
		*found = NULL;
	if (!path)
		return hz_cli_error(CMD, "out of memory");
	if (!(f = fopen(path, "r"))) {
		free(path);
		return 0;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		json_t *r = json_loadb(line, (size_t)n, 0, NULL);
		const char *alias = json_string_value(json_object_get(r, "alias"));
		const char *id = json_string_value(json_object_get(r, "task_id"));
		json_int_t rep = json_integer_value(json_object_get(r, "repeat"));
		if (alias && id && !strcmp(alias, "human") && !strcmp(id, task)) {
			if (rep > *max_repeat && rep < 1000000)
				*max_repeat = (int)rep;
			if (found && rep == want) {
				json_decref(*found);
				*found = json_incref(r);
			}
		}
		json_decref(r);
	}
	free(line);
	fclose(f);
	free(path);
	return 0;
}

/* Print the record of the new run (repeat `repeat` of task) as text or JSON. */
static void print_record(const char *out_dir, const char *task, int repeat, int json)
{
	json_t *found = NULL;
	int max_repeat;

	if (scan_human(out_dir, task, repeat, &max_repeat, &found) != 0 || !found)
		return;
	if (json) {
		json_dumpf(found, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fputc('\n', stdout);
	} else {
		printf("%s: %s (%s), working time %.1f min (%.1f min paused), recorded in %s/runs.jsonl\n", task,
		       json_string_value(json_object_get(found, "status")),
		       json_string_value(json_object_get(found, "verdict")) ? json_string_value(json_object_get(found, "verdict"))
									    : json_string_value(json_object_get(found, "exit_reason")),
		       json_number_value(json_object_get(found, "working_s")) / 60,
		       json_number_value(json_object_get(found, "wait_s")) / 60, out_dir);
	}
	json_decref(found);
}

int cmd_baseline(int argc, char **argv)
{
	hz_sweep_opts o = HZ_SWEEP_OPTS_INIT;
	hz_sweep_result res;
	hz_agent_config cfg;
	hz_selector sel = HZ_SELECTOR_INIT;
	const char *who = NULL, *task = NULL;
	hz_buf spec = HZ_BUF_INIT;
	int c, json = 0, repeat, exit_code = HZ_EXIT_FAIL, have_cfg = 0;
	double scale = 10;
	long uid;

	memset(&res, 0, sizeof(res));
	o.out_dir = "baselines";
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_WHO: who = optarg; break;
		case 'o': o.out_dir = optarg; break;
		case OPT_TASKS_DIR: o.tasks_root = optarg; break;
		case OPT_SCALE:
			if (hz_parse_double(optarg, &scale) || !(scale > 0) || scale > 1000)
				return hz_cli_usage(CMD, "--time-limit-scale must be a number above 0, not '%s'", optarg);
			break;
		case OPT_SANDBOX:
			if (hz_sandbox_mode_parse(optarg, &o.sandbox) != 0)
				return hz_cli_usage(CMD, "%s", hz_error_message());
			break;
		case OPT_UID:
			if (hz_parse_long(optarg, &uid) || uid <= 0)
				return hz_cli_usage(CMD, "--sandbox-uid must be a uid other than 0, not '%s'", optarg);
			o.sandbox_uid = uid;
			break;
		case OPT_WORK: o.work_dir = optarg; break;
		case OPT_JSON: json = 1; break;
		case 'h': fputs(usage_text, stdout); return HZ_EXIT_OK;
		default: return hz_cli_usage(CMD, "unknown option");
		}
	}
	if (optind + 1 != argc)
		return hz_cli_usage(CMD, optind >= argc ? "name one TASK" : "name one TASK, not several");
	task = argv[optind];
	if (!who || !*who)
		return hz_cli_usage(CMD, "--who NAME is required (the baseliner, recorded with the attempt)");
	if (!isatty(STDIN_FILENO))
		return hz_cli_error(CMD, "a baseline needs a person at a terminal (standard input is not one)");
	if (strchr(task, ',') || !strncmp(task, "family:", 7))
		return hz_cli_usage(CMD, "TASK must be one task id (FAMILY/NAME), not '%s'", task);
	if (hz_selector_parse(&sel, task) != 0) {
		exit_code = hz_cli_usage(CMD, "%s", hz_error_message());
		goto done;
	}
	hz_buf_printf(&spec, "human,alias=human,who=%s", who);
	if (hz_agent_config_parse(&cfg, hz_buf_cstr(&spec)) != 0) {
		exit_code = hz_cli_usage(CMD, "%s", hz_error_message());
		goto done;
	}
	have_cfg = 1;
	if (scan_human(o.out_dir, task, 0, &repeat, NULL) != 0)
		goto done;
	o.agents = &cfg;
	o.nagents = 1;
	o.agent_new = hz_agent_new;
	o.selector = &sel;
	o.repeats = repeat + 1; /* the earlier attempts are recorded: only the new one runs */
	o.time_limit_scale = scale;
	o.max_retries = 1000000;
	o.term_in = STDIN_FILENO;
	o.term_out = STDOUT_FILENO;
	signal(SIGINT, SIG_IGN); /* Ctrl-C belongs to the session's shell */
	if (hz_sweep_run(&o, &res) != 0) {
		signal(SIGINT, SIG_DFL);
		exit_code = hz_cli_lib_error(CMD);
		goto done;
	}
	signal(SIGINT, SIG_DFL);
	if (res.planned == 0) {
		exit_code = hz_cli_error(CMD, "no task '%s' in the catalogue", task);
		goto done;
	}
	if (res.elsewhere) {
		exit_code = hz_cli_error(CMD, "another session of %s (repeat %d) is running into '%s': wait for it to end, "
				     "or baseline into another --out", task, repeat + 1, o.out_dir);
		goto done;
	}
	fputs("\n", stdout);
	print_record(o.out_dir, task, repeat + 1, json);
	exit_code = res.error ? hz_cli_error(CMD, "the attempt ended in error (see the record)") : HZ_EXIT_OK;
done:
	hz_sweep_result_release(&res);
	if (have_cfg)
		hz_agent_config_release(&cfg);
	hz_selector_release(&sel);
	hz_buf_release(&spec);
	return exit_code;
}
