/*
 * horizon tasks check: run the oracle and the null agent on each selected task
 * through the run engine (hz_sweep_run, in-process), then read the records
 * back from runs.jsonl: the oracle must pass and the null agent must fail.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fsutil.h"
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "horizon/run.h"
#include "strutil.h"
#include "tasks_cli.h"

#define CMD "tasks"
#define LOG_MAX ((size_t)256 << 20)
#define SLOW_SCORER_S 5.0 /* scorers should take seconds: check runs every one twice in CI */

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* The latest record of one agent on one task. */
typedef struct check_run {
	json_t *rec; /* borrowed from the log's array, or NULL when there is none */
} check_run;

typedef struct check_task {
	const hz_task *task;
	check_run oracle, null;
	int ok;
	char problem[256];
} check_task;

static void on_progress(const hz_sweep_progress *p, void *arg)
{
	int *tty = arg;

	if (!*tty || !p->run_id)
		return;
	fprintf(stderr, "\r\033[K[%zu/%zu] %s %s: %s", p->done, p->total, p->alias, p->task_id, p->status);
	fflush(stderr);
}

/* Every record of DIR/runs.jsonl, in order, as one array. */
static int read_log(const char *dir, json_t **out)
{
	char *path = hz_path_join(dir, "runs.jsonl"), *text = NULL, *line, *nl;
	int rc;

	*out = NULL;
	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = hz_fs_read(path, LOG_MAX, &text, NULL)) != 0)
		goto done;
	*out = json_array();
	for (line = text; *line; line = nl ? nl + 1 : line + strlen(line)) {
		json_t *rec;
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		if (*line && (rec = json_loads(line, 0, NULL)) != NULL)
			json_array_append_new(*out, rec);
		if (!nl)
			break;
	}
done:
	free(text);
	free(path);
	return rc;
}

static const char *rec_str(json_t *rec, const char *key)
{
	const char *s = json_string_value(json_object_get(rec, key));
	return s ? s : "-";
}

static void find_runs(json_t *log, check_task *ct)
{
	size_t i;
	json_t *rec;

	json_array_foreach(log, i, rec) {
		if (strcmp(rec_str(rec, "task_id"), hz_task_id(ct->task)))
			continue;
		if (!strcmp(rec_str(rec, "alias"), "oracle"))
			ct->oracle.rec = rec;
		else if (!strcmp(rec_str(rec, "alias"), "null"))
			ct->null.rec = rec;
	}
}

/* Decide one task; returns 1 when it is fine. */
static int judge(check_task *ct)
{
	json_t *o = ct->oracle.rec, *n = ct->null.rec;
	const char *os = o ? rec_str(o, "status") : NULL, *ns = n ? rec_str(n, "status") : NULL;

	if (!o || !n)
		snprintf(ct->problem, sizeof(ct->problem), "no record of the %s run", !o ? "oracle" : "null");
	else if (!strcmp(os, "error"))
		snprintf(ct->problem, sizeof(ct->problem), "oracle run lost to an error (%s: %s)", rec_str(o, "exit_reason"),
			 rec_str(o, "error"));
	else if (!strcmp(ns, "error"))
		snprintf(ct->problem, sizeof(ct->problem), "null run lost to an error (%s: %s)", rec_str(n, "exit_reason"),
			 rec_str(n, "error"));
	else if (strcmp(os, "success"))
		snprintf(ct->problem, sizeof(ct->problem), "the oracle fails (%s): the reference solution or the scorer is wrong",
			 rec_str(o, "verdict"));
	else if (strcmp(ns, "failure"))
		snprintf(ct->problem, sizeof(ct->problem),
			 "the null agent passes (%s): the scorer accepts the starting files", rec_str(n, "verdict"));
	ct->ok = ct->problem[0] == '\0';
	return ct->ok;
}

static json_t *run_json(json_t *rec)
{
	if (!rec)
		return json_null();
	return json_pack("{s:s, s:s, s:s, s:O, s:O, s:O}", "status", rec_str(rec, "status"), "exit_reason",
			 rec_str(rec, "exit_reason"), "verdict", rec_str(rec, "verdict"), "wall_s",
			 json_object_get(rec, "wall_s") ? json_object_get(rec, "wall_s") : json_null(), "score_wall_s",
			 json_object_get(rec, "score_wall_s") ? json_object_get(rec, "score_wall_s") : json_null(), "error",
			 json_object_get(rec, "error") ? json_object_get(rec, "error") : json_null());
}

static double rec_num(json_t *rec, const char *key)
{
	return json_number_value(json_object_get(rec, key));
}

/* The slower of the two scorer runs, in seconds. */
static double scorer_s(const check_task *ct)
{
	double a = rec_num(ct->oracle.rec, "score_wall_s"), b = rec_num(ct->null.rec, "score_wall_s");
	return a > b ? a : b;
}

static void print_line(const check_task *ct, int width)
{
	if (ct->ok)
		printf("ok    %-*s  oracle %s (%.1f s, scorer %.1f s), null %s (%s)%s\n", width, hz_task_id(ct->task),
		       rec_str(ct->oracle.rec, "verdict"), rec_num(ct->oracle.rec, "wall_s"),
		       rec_num(ct->oracle.rec, "score_wall_s"), rec_str(ct->null.rec, "verdict"),
		       rec_str(ct->null.rec, "exit_reason"),
		       scorer_s(ct) > SLOW_SCORER_S ? "  [slow scorer: keep it under 5 s]" : "");
	else
		printf("FAIL  %-*s  %s\n", width, hz_task_id(ct->task), ct->problem);
}

static int report(tasks_opts *o, check_task *cts, size_t n, const char *dir, int kept, double wall)
{
	size_t nok = 0, bad_oracle = 0, bad_null = 0, lost = 0;
	int width = 4;

	for (size_t i = 0; i < n; i++) {
		int w = (int)strlen(hz_task_id(cts[i].task));
		width = w > width ? w : width;
		nok += cts[i].ok;
		lost += !cts[i].ok && (strstr(cts[i].problem, "lost to an error") || strstr(cts[i].problem, "no record"));
		bad_oracle += !cts[i].ok && strstr(cts[i].problem, "the oracle fails") != NULL;
		bad_null += !cts[i].ok && strstr(cts[i].problem, "the null agent passes") != NULL;
	}
	if (o->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:b, s:s?, s:b, s:o, s:o}", "id", hz_task_id(cts[i].task),
							     "ok", cts[i].ok, "problem",
							     cts[i].ok ? NULL : cts[i].problem, "slow_scorer",
							     scorer_s(&cts[i]) > SLOW_SCORER_S, "oracle",
							     run_json(cts[i].oracle.rec), "null", run_json(cts[i].null.rec)));
		return tasks_print_json(json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:f, s:s?, s:o}", "checked",
						  (json_int_t)n, "ok", (json_int_t)nok, "failed", (json_int_t)(n - nok),
						  "oracle_failures", (json_int_t)bad_oracle, "null_passes",
						  (json_int_t)bad_null, "errors", (json_int_t)lost, "wall_s", wall,
						  "out_dir", kept ? dir : NULL, "tasks", arr));
	}
	for (size_t i = 0; i < n; i++)
		if (!o->quiet || !cts[i].ok || scorer_s(&cts[i]) > SLOW_SCORER_S)
			print_line(&cts[i], width);
	printf("checked %zu task%s in %.1f s: %zu ok, %zu failed (%zu oracle failure%s, %zu null pass%s, %zu error%s)\n", n,
	       n == 1 ? "" : "s", wall, nok, n - nok, bad_oracle, bad_oracle == 1 ? "" : "s", bad_null,
	       bad_null == 1 ? "" : "es", lost, lost == 1 ? "" : "s");
	if (kept)
		printf("runs: %s/runs.jsonl\n", dir);
	return HZ_EXIT_OK;
}

int tasks_check(tasks_opts *o)
{
	hz_agent_config cfgs[2] = { HZ_AGENT_CONFIG_INIT, HZ_AGENT_CONFIG_INIT };
	hz_sweep_opts so = HZ_SWEEP_OPTS_INIT;
	hz_sweep_result res = { 0 };
	char tmpl[] = "/tmp/horizon-check-XXXXXX";
	const char *dir = o->out_dir;
	hz_catalog *cat = NULL;
	hz_task **tasks = NULL;
	check_task *cts = NULL;
	json_t *log = NULL;
	size_t n = 0, nok = 0;
	int rc, exit_code = HZ_EXIT_FAIL, tty = !o->quiet && !o->json && isatty(STDERR_FILENO), made_tmp = 0;
	double t0 = hz_clock_now();

	if ((rc = tasks_select(o, &cat, &tasks, &n)) != 0)
		return rc;
	if (n == 0) {
		hz_cli_error(CMD, "no task in %s matches the selection: nothing to check", o->catalog);
		goto done;
	}
	if (hz_agent_config_parse(&cfgs[0], "oracle") || hz_agent_config_parse(&cfgs[1], "null")) {
		hz_cli_lib_error(CMD);
		goto done;
	}
	if (!dir) {
		if (!mkdtemp(tmpl)) {
			hz_cli_error(CMD, "cannot create a temporary directory in /tmp");
			goto done;
		}
		dir = tmpl;
		made_tmp = 1;
	}
	so.agents = cfgs;
	so.nagents = 2;
	so.agent_new = hz_agent_new;
	so.catalog = cat;
	so.selector = &o->sel;
	so.jobs = o->jobs;
	so.out_dir = dir;
	so.sandbox = o->sandbox;
	so.progress = on_progress;
	so.progress_arg = &tty;
	so.stop = &stop_flag;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = hz_sweep_run(&so, &res);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc != 0) {
		hz_cli_lib_error(CMD);
		goto done;
	}
	if (res.stopped) {
		hz_cli_error(CMD, "stopped early");
		goto done;
	}
	if (read_log(dir, &log) != 0) {
		hz_cli_lib_error(CMD);
		goto done;
	}
	if (!(cts = calloc(n, sizeof(*cts)))) {
		hz_cli_error(CMD, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		cts[i].task = tasks[i];
		find_runs(log, &cts[i]);
		nok += judge(&cts[i]);
	}
	if (report(o, cts, n, dir, !made_tmp || o->keep, hz_clock_now() - t0) == HZ_EXIT_OK && nok == n)
		exit_code = HZ_EXIT_OK;
done:
	if (made_tmp && !o->keep)
		hz_fs_remove_tree(tmpl);
	json_decref(log);
	free(cts);
	hz_sweep_result_release(&res);
	hz_agent_config_release(&cfgs[0]);
	hz_agent_config_release(&cfgs[1]);
	free(tasks);
	hz_catalog_free(cat);
	return exit_code;
}
