/*
 * Helpers for tests of the LLM backends: start tests/mock/llm_mock.py on
 * 127.0.0.1, run an agent in-process on a copy of a fixture task's workspace
 * (commands through hz_proc_run with a clean environment, the way the run
 * engine's sandbox does), score the result with the task's own test script,
 * and read the mock's request log.
 */
#ifndef HZ_TEST_LLM_MOCK_H
#define HZ_TEST_LLM_MOCK_H

#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "proc.h"
#include "strutil.h"

/* The checkout (HZ_SOURCE_DIR, set by ctest), for the mock, its scripts and the fixtures. */
static inline const char *mock_source_dir(void)
{
	const char *s = getenv("HZ_SOURCE_DIR");
	return s && *s ? s : ".";
}

typedef struct mock_server {
	pid_t pid;
	int port;
	char dir[64];   /* temp directory for the log and run directories */
	char log[128];
	char key[64];
} mock_server;

static inline int mock_start(mock_server *m)
{
	char script[1024], scripts[1024], line[64];
	int p[2];
	FILE *f;

	memset(m, 0, sizeof(*m));
	snprintf(m->dir, sizeof(m->dir), "/tmp/hz_llm_XXXXXX");
	if (!mkdtemp(m->dir))
		return -1;
	snprintf(m->log, sizeof(m->log), "%s/mock.jsonl", m->dir);
	snprintf(m->key, sizeof(m->key), "sk-hztest-%08x%08x", (unsigned)getpid(), (unsigned)hz_time_ms());
	setenv("HZ_TEST_LLM_KEY", m->key, 1);
	snprintf(script, sizeof(script), "%s/tests/mock/llm_mock.py", mock_source_dir());
	snprintf(scripts, sizeof(scripts), "%s/tests/data/llm", mock_source_dir());
	if (pipe(p) < 0)
		return -1;
	if ((m->pid = fork()) == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execlp("python3", "python3", script, "--scripts", scripts, "--log", m->log, "--key", m->key,
		       (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	f = fdopen(p[0], "r");
	if (!f || !fgets(line, sizeof(line), f) || sscanf(line, "PORT %d", &m->port) != 1) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

static inline void mock_stop(mock_server *m)
{
	if (m->pid > 0) {
		kill(m->pid, SIGTERM);
		waitpid(m->pid, NULL, 0);
	}
	/* HZ_KEEP=1 keeps the run directories and the mock's log for a look after a failure. */
	if (getenv("HZ_KEEP"))
		fprintf(stderr, "kept %s\n", m->dir);
	else
		hz_fs_remove_tree(m->dir);
}

/* The mock's log entries for one model string, as a JSON array (caller decrefs). */
static inline json_t *mock_requests(const mock_server *m, const char *model)
{
	json_t *all = json_array();
	char *text = NULL, *line, *save = NULL;

	if (hz_fs_read(m->log, (size_t)64 << 20, &text, NULL) != 0)
		return all;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		json_t *e = json_loads(line, 0, NULL);
		if (e && !strcmp(json_string_value(json_object_get(e, "model")) ? json_string_value(json_object_get(e, "model")) : "", model))
			json_array_append(all, e);
		json_decref(e);
	}
	free(text);
	return all;
}

/* Number of logged problems (malformed requests, failed expectations) for a model. */
static inline size_t mock_problems(const mock_server *m, const char *model)
{
	json_t *reqs = mock_requests(m, model), *e;
	size_t i, n = 0;

	json_array_foreach(reqs, i, e) {
		json_t *p = json_object_get(e, "problems");
		if (json_array_size(p)) {
			char *s = json_dumps(p, 0);
			fprintf(stderr, "mock problem for %s: %s\n", model, s);
			free(s);
		}
		n += json_array_size(p);
		if (json_is_true(json_object_get(e, "key_elsewhere")))
			n++;
	}
	json_decref(reqs);
	return n;
}

typedef struct exec_ctx {
	const char *workspace;
	int calls;
} exec_ctx;

/* The test's sandbox stand-in: bash -c in the workspace with a clean environment. */
static inline int test_exec(void *ctx, const char *command, double timeout_s, hz_exec_result *out)
{
	exec_ctx *x = ctx;
	char *argv[] = { "bash", "-c", (char *)command, NULL };
	char *envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C", NULL };
	hz_proc_opts o = HZ_PROC_OPTS_INIT;
	hz_proc_result r;
	int rc;

	x->calls++;
	o.argv = argv;
	o.envp = envp;
	o.cwd = x->workspace;
	o.timeout_s = timeout_s;
	o.merge_stderr = 1;
	o.max_stdout = 65536;
	memset(out, 0, sizeof(*out));
	if ((rc = hz_proc_run(&o, &r)) != 0)
		return rc;
	out->exit_code = r.exit_code;
	out->term_signal = r.term_signal;
	out->timed_out = r.timed_out;
	out->output_truncated = r.stdout_truncated;
	out->output = r.out;
	out->output_len = r.out_len;
	out->wall_s = r.wall_s;
	r.out = NULL;
	hz_proc_result_release(&r);
	return 0;
}

/* Seconds each run gets (the task's time limit, as the run engine would set it). */
static double llm_time_limit_s = 60;

typedef struct mock_llm_run {
	hz_agent_outcome out;
	int rc;
	int scored_success; /* the task's tests/test.sh passed in the final workspace */
	double wall_s;
	char run_dir[256];
	char transcript[300];
} mock_llm_run;

/*
 * Run `spec` (with "{port}" replaced) on a fresh copy of the fixture task
 * fix-add, then score the workspace with the task's tests.
 */
static inline void llm_run_task(const mock_server *m, const char *name, const char *spec_fmt, mock_llm_run *run)
{
	char spec[1024], ws[300], src[1024], test[1024];
	hz_agent *agent = NULL;
	hz_agent_env env;
	exec_ctx x = { 0 };
	double t0;

	memset(run, 0, sizeof(*run));
	memset(&env, 0, sizeof(env));
	snprintf(spec, sizeof(spec), spec_fmt, m->port);
	snprintf(run->run_dir, sizeof(run->run_dir), "%s/%s", m->dir, name);
	snprintf(ws, sizeof(ws), "%s/workspace", run->run_dir);
	snprintf(run->transcript, sizeof(run->transcript), "%s/transcript.jsonl", run->run_dir);
	snprintf(src, sizeof(src), "%s/tests/data/tasks/fixture/fix-add/workspace", mock_source_dir());
	snprintf(test, sizeof(test), "%s/tests/data/tasks/fixture/fix-add/tests/test.sh", mock_source_dir());
	hz_fs_mkdir_p(run->run_dir, 0755);
	if (hz_fs_copy_tree(src, ws) != 0 || (run->rc = hz_agent_new_from_spec(&agent, spec)) != 0) {
		fprintf(stderr, "%s: %s\n", name, hz_error_message());
		if (!run->rc)
			run->rc = -1;
		return;
	}
	x.workspace = ws;
	env.instructions = "`add.sh A B` should print the sum of two integers, but it prints the wrong number.\n"
			   "Fix `add.sh` in the current directory.\n";
	env.workspace = ws;
	env.run_dir = run->run_dir;
	env.transcript_path = run->transcript;
	env.run_id = name;
	env.seed = 42;
	env.deadline = hz_clock_now() + llm_time_limit_s;
	env.max_output = 65536;
	env.exec = test_exec;
	env.exec_ctx = &x;
	t0 = hz_clock_now();
	run->rc = hz_agent_run(agent, &env, &run->out);
	run->wall_s = hz_clock_now() - t0;
	hz_agent_free(agent);
	{
		char *argv[] = { "bash", test, NULL };
		hz_proc_opts o = HZ_PROC_OPTS_INIT;
		hz_proc_result r;
		o.argv = argv;
		o.cwd = ws;
		o.timeout_s = 20;
		o.discard_output = 1;
		run->scored_success = hz_proc_run(&o, &r) == 0 && r.exit_code == 0;
		hz_proc_result_release(&r);
	}
}

/*
 * llm_run_task() for MODEL on the protocol spec PROTO_FMT (a printf format
 * taking the model, with "%%d" for the port), EXTRA (may be NULL) appended
 * to the spec; the run is named after the model, '#' made '_'.
 */
static inline void llm_run_model(const mock_server *m, const char *proto_fmt, const char *model, const char *extra,
				 mock_llm_run *run)
{
	char fmt[1024], name[128];
	size_t n;

	n = (size_t)snprintf(fmt, sizeof(fmt), proto_fmt, model);
	snprintf(fmt + n, sizeof(fmt) - n, "%s", extra ? extra : "");
	snprintf(name, sizeof(name), "%s", model);
	for (char *p = name; *p; p++)
		if (*p == '#')
			*p = '_';
	llm_run_task(m, name, fmt, run);
}

/* Count transcript lines whose "type" is `type`. */
static inline int transcript_count(const char *path, const char *type)
{
	char *text = NULL, *line, *save = NULL, want[64];
	int n = 0;

	if (hz_fs_read(path, (size_t)64 << 20, &text, NULL) != 0)
		return -1;
	snprintf(want, sizeof(want), "\"type\":\"%s\"", type);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		n += strstr(line, want) != NULL;
	free(text);
	return n;
}

#endif
