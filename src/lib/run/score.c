/*
 * Scoring a finished run (docs/tasks.md, "Scoring"): an `exit` or `json`
 * scorer command in a fresh sandbox with the task's tests read-only at
 * /tests, or an `answer` match done here.  A scorer that crashes, times out
 * or prints no verdict is an infrastructure error, not the agent's failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "run_internal.h"
#include "strutil.h"

#define ANSWER_MAX ((size_t)64 << 10)

static void set_verdict(run_verdict *v, run_verdict_status st, double score, const char *reason)
{
	v->status = st;
	v->score = score;
	snprintf(v->reason, sizeof(v->reason), "%s", reason);
}

/* Replace {tests}, {workspace} and {solution} in one argument. */
static char *substitute(const char *arg, const char *tests, const char *ws, const char *sol)
{
	static const char *const keys[] = { "{tests}", "{workspace}", "{solution}" };
	const char *vals[] = { tests, ws, sol };
	hz_buf b = HZ_BUF_INIT;

	while (*arg) {
		size_t i;
		for (i = 0; i < 3; i++)
			if (!strncmp(arg, keys[i], strlen(keys[i])))
				break;
		if (i < 3) {
			hz_buf_puts(&b, vals[i]);
			arg += strlen(keys[i]);
		} else {
			hz_buf_putc(&b, *arg++);
		}
	}
	return hz_buf_detach(&b);
}

/* The last non-empty line of out as a JSON object with a number "score". */
static int parse_json_score(const char *out, double *score)
{
	const char *end = out + strlen(out), *start;
	json_t *o;
	int ok = 0;

	while (end > out && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
		end--;
	start = end;
	while (start > out && start[-1] != '\n')
		start--;
	if (start == end || !(o = json_loadb(start, (size_t)(end - start), 0, NULL)))
		return 0;
	if (json_is_object(o) && json_is_number(json_object_get(o, "score"))) {
		*score = json_number_value(json_object_get(o, "score"));
		ok = isfinite(*score) && *score >= 0 && *score <= 1;
	}
	json_decref(o);
	return ok;
}

/* A scorer command with everything it points to, built ahead of the run's end (see score_prepare). */
struct score_held {
	const hz_task *task;
	hz_sandbox_mount mounts[2];
	char **argv;
	size_t argc;
	char *envv[3];
	hz_sandbox_cmd cmd;
	hz_sandbox_held *sandbox; /* NULL until prepared */
};

static void held_release(score_held *h)
{
	for (size_t i = 0; h->argv && i < h->argc; i++)
		free(h->argv[i]);
	free(h->argv);
	free(h->envv[0]);
	free(h->envv[1]);
	free((char *)h->mounts[0].src);
	free((char *)h->mounts[1].src);
	free(h);
}

static int held_new(hz_sandbox *sb, const hz_task *task, const char *stage, const char *workspace,
		    score_held **out)
{
	const hz_scorer *sc = hz_task_scorer(task);
	hz_sandbox_mount wsm = { workspace, "/workspace", 1 };
	hz_buf e1 = HZ_BUF_INIT, e2 = HZ_BUF_INIT;
	score_held *h;
	int rc = 0;

	*out = NULL;
	if (!(h = calloc(1, sizeof(*h))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	h->task = task;
	h->mounts[0] = (hz_sandbox_mount){ NULL, "/tests", 0 };
	h->mounts[1] = (hz_sandbox_mount){ NULL, "/solution", 0 };
	if (!(h->mounts[0].src = hz_path_join(stage, "tests")) || !(h->mounts[1].src = hz_path_join(stage, "solution")))
		goto oom;
	while (sc->command[h->argc])
		h->argc++;
	if (!(h->argv = calloc(h->argc + 1, sizeof(char *))))
		goto oom;
	for (size_t i = 0; i < h->argc; i++)
		if (!(h->argv[i] = substitute(sc->command[i], hz_sandbox_path(sb, &h->mounts[0]), hz_sandbox_path(sb, &wsm),
					      hz_sandbox_path(sb, &h->mounts[1]))))
			goto oom;
	hz_buf_printf(&e1, "HZ_TESTS=%s", hz_sandbox_path(sb, &h->mounts[0]));
	hz_buf_printf(&e2, "HZ_WORKSPACE=%s", hz_sandbox_path(sb, &wsm));
	if (!(h->envv[0] = hz_buf_detach(&e1)) || !(h->envv[1] = hz_buf_detach(&e2)))
		goto oom;
	h->cmd.argv = h->argv;
	h->cmd.workspace = workspace;
	/* The solution is not mounted for scorers: only tests/. */
	h->cmd.mounts = h->mounts;
	h->cmd.nmounts = 1;
	h->cmd.env = h->envv;
	h->cmd.limits = hz_task_resources(task);
	h->cmd.timeout_s = sc->timeout_s;
	h->cmd.max_output = RUN_SCORER_LOG_CAP;
	*out = h;
	return 0;
oom:
	rc = hz_error_set(HZ_ENOMEM, "out of memory");
	hz_buf_release(&e1);
	hz_buf_release(&e2);
	held_release(h);
	return rc;
}

int score_prepare(hz_sandbox *sb, const hz_task *task, const char *task_stage, const char *workspace,
		     score_held **out)
{
	score_held *h;
	int rc;

	*out = NULL;
	if (hz_task_scorer(task)->kind == HZ_SCORER_ANSWER || hz_sandbox_get_mode(sb) == HZ_SANDBOX_NONE)
		return 0;
	if ((rc = held_new(sb, task, task_stage, workspace, &h)) != 0)
		return rc;
	if ((rc = hz_sandbox_prepare(sb, &h->cmd, &h->sandbox)) != 0) {
		held_release(h);
		return rc;
	}
	*out = h;
	return 0;
}

void score_discard(score_held *h)
{
	if (!h)
		return;
	hz_sandbox_discard(h->sandbox);
	held_release(h);
}

/* The verdict of a scorer command that ran. */
static void scorer_verdict(const hz_scorer *sc, const hz_exec_result *res, run_verdict *v)
{
	double score;

	if (res->timed_out) {
		set_verdict(v, RUN_VERDICT_ERROR, 0, "scorer_timeout");
		snprintf(v->message, sizeof(v->message), "the scorer ran past its %.0f s timeout", sc->timeout_s);
	} else if (res->term_signal || res->exit_code >= 125 || res->exit_code < 0) {
		set_verdict(v, RUN_VERDICT_ERROR, 0, "scorer_crash");
		snprintf(v->message, sizeof(v->message), "the scorer ended with status %d%s (see scorer.log)",
			 res->exit_code, res->exit_code > 128 ? " (a signal)" : "");
	} else if (sc->kind == HZ_SCORER_EXIT) {
		if (res->exit_code == 0)
			set_verdict(v, RUN_VERDICT_SUCCESS, 1, "scorer_pass");
		else
			set_verdict(v, RUN_VERDICT_FAILURE, 0, "scorer_fail");
	} else if (!parse_json_score(res->output, &score)) {
		set_verdict(v, RUN_VERDICT_ERROR, 0, "scorer_bad_output");
		snprintf(v->message, sizeof(v->message),
			 "the scorer's last line is not a JSON object with a \"score\" from 0 to 1");
	} else {
		set_verdict(v, score >= sc->threshold ? RUN_VERDICT_SUCCESS : RUN_VERDICT_FAILURE, score,
			    score >= sc->threshold ? "scorer_pass" : "scorer_fail");
	}
}

/* Run the scorer command (in the held sandbox when there is one) and judge it; consumes h. */
static int run_scorer(hz_sandbox *sb, score_held *h, const char *log_path, run_verdict *v)
{
	hz_exec_result res = { 0 };
	int rc;

	rc = h->sandbox ? hz_sandbox_start(h->sandbox, &res) : hz_sandbox_exec(sb, &h->cmd, &res);
	h->sandbox = NULL;
	if (rc != 0) {
		set_verdict(v, RUN_VERDICT_ERROR, 0, "sandbox_error");
		snprintf(v->message, sizeof(v->message), "scorer: %s", hz_error_message());
	} else {
		if (log_path)
			run_write_file(log_path, res.output, res.output_len);
		scorer_verdict(hz_task_scorer(h->task), &res, v);
		v->killed_signal = run_killed_outside(sb, &res);
	}
	hz_exec_result_release(&res);
	held_release(h);
	return 0;
}

static void trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
		i++;
	memmove(s, s + i, n - i + 1);
}

/* answer.txt from the workspace, never following a symlink the agent left there. */
static int read_answer_file(const char *workspace, char **out)
{
	char *path = hz_path_join(workspace, "answer.txt");
	struct stat st;
	int fd = -1, rc = 0;
	ssize_t n;

	*out = NULL;
	if (!path)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)) < 0 || fstat(fd, &st) < 0 ||
	    !S_ISREG(st.st_mode))
		goto done; /* no answer */
	if (!(*out = malloc(ANSWER_MAX + 1))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	n = read(fd, *out, ANSWER_MAX);
	(*out)[n > 0 ? n : 0] = '\0';
done:
	if (fd >= 0)
		close(fd);
	free(path);
	return rc;
}

static int match_answer(const hz_task *task, const char *answer_in, const char *workspace, run_verdict *v)
{
	const hz_scorer *sc = hz_task_scorer(task);
	char *answer = NULL, *expected = NULL, *path = NULL;
	int rc = 0, ok = 0;

	if (answer_in) {
		if (!(answer = strdup(answer_in)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
	} else if ((rc = read_answer_file(workspace, &answer)) != 0) {
		return rc;
	}
	if (!answer) {
		set_verdict(v, RUN_VERDICT_FAILURE, 0, "no_answer");
		return 0;
	}
	if (!(path = hz_path_join(hz_task_dir(task), sc->answer_file))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (hz_fs_read(path, ANSWER_MAX, &expected, NULL) != 0) {
		set_verdict(v, RUN_VERDICT_ERROR, 0, "scorer_error");
		snprintf(v->message, sizeof(v->message), "%s", hz_error_message());
		goto done;
	}
	trim(answer);
	trim(expected);
	if (sc->match == HZ_MATCH_EXACT) {
		ok = !strcmp(answer, expected);
	} else if (sc->match == HZ_MATCH_NUMBER) {
		double a, b;
		ok = !hz_parse_double(answer, &a) && !hz_parse_double(expected, &b) &&
		     fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
	} else {
		hz_buf re = HZ_BUF_INIT;
		regex_t rx;
		int err;
		hz_buf_printf(&re, "^(%s)$", expected);
		if ((err = regcomp(&rx, hz_buf_cstr(&re), REG_EXTENDED | REG_NOSUB)) != 0) {
			set_verdict(v, RUN_VERDICT_ERROR, 0, "scorer_error");
			snprintf(v->message, sizeof(v->message), "%s: not a POSIX extended regular expression", path);
			hz_buf_release(&re);
			goto done;
		}
		ok = regexec(&rx, answer, 0, NULL, 0) == 0;
		regfree(&rx);
		hz_buf_release(&re);
	}
	set_verdict(v, ok ? RUN_VERDICT_SUCCESS : RUN_VERDICT_FAILURE, ok, ok ? "answer_match" : "answer_mismatch");
done:
	free(answer);
	free(expected);
	free(path);
	return rc;
}

int score_run(hz_sandbox *sb, const hz_task *task, const char *task_stage, const char *workspace,
	     const char *answer, const char *log_path, score_held *held, run_verdict *v)
{
	double t0 = hz_clock_now();
	int rc;

	memset(v, 0, sizeof(*v));
	if (hz_task_scorer(task)->kind == HZ_SCORER_ANSWER) {
		score_discard(held);
		rc = match_answer(task, answer, workspace, v);
	} else if (held || (rc = held_new(sb, task, task_stage, workspace, &held)) == 0) {
		rc = run_scorer(sb, held, log_path, v);
	}
	v->wall_s = hz_clock_now() - t0;
	return rc;
}
