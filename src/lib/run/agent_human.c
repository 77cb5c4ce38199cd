/*
 * The `human` agent: a person works on the task in an interactive shell
 * inside the run's sandbox (the same isolation and tools an agent gets, no
 * hidden tests), and is timed.  `horizon baseline` runs it; it needs the
 * person's terminal (hz_sweep_opts.term_in/term_out).
 *
 * The shell runs on a pseudo-terminal whose other side horizon relays to and
 * from the person's terminal, writing everything shown to session.cast (an
 * asciicast v2 typescript) in the run's directory.  Shell functions (from a
 * fixed rc file, no data in it) write `pause`, `resume` and `submit` to
 * /.horizon/events; horizon stamps each line with its own clock as it reads
 * it, so the working time is the session's time less the paused spans.  A
 * session that ends without `submit` is not recorded.
 *
 * Settings: who=NAME (required; recorded as the baseliner).
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "agent_internal.h"
#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "run_internal.h"
#include "strutil.h"

static const char session_rc[] =
	"# horizon baseline session\n"
	"[ -f /etc/bash.bashrc ] && . /etc/bash.bashrc\n"
	"PS1='[baseline \\W]\\$ '\n"
	"cd /workspace 2>/dev/null\n"
	"_hz_event() { printf '%s\\n' \"$1\" >>/.horizon/events; }\n"
	"pause() { _hz_event pause; echo 'horizon: clock stopped; type resume to go on'; }\n"
	"resume() { _hz_event resume; echo 'horizon: clock running'; }\n"
	"instructions() { cat /.horizon/instructions.md; }\n"
	"submit() {\n"
	"\tif [ $# -gt 0 ]; then printf '%s' \"$*\" >/.horizon/answer; fi\n"
	"\t_hz_event submit; echo 'horizon: submitted; scoring'; exit 0\n"
	"}\n"
	"instructions\n"
	"echo\n"
	"echo 'horizon: the clock is running.  Commands: pause, resume, instructions, submit [ANSWER]'\n";

/* The session as the relay thread sees it. */
typedef struct session {
	int master, in_fd, out_fd, stop_pipe[2];
	FILE *cast;
	double t0;           /* hz_clock_now() when the shell started */
	char *events_path;
	long events_off;
	int paused, submitted;
	double pause_t0, paused_s, submit_t;
	char carry[4];       /* an incomplete UTF-8 sequence from the last chunk */
	size_t ncarry;
} session;

static int human_init(hz_agent *agent)
{
	const char *who = hz_agent_config_param(&agent->config, "who");

	if (!who || !*who)
		return hz_error_set(HZ_EINVALID, "agent '%s': human needs 'who' (the baseliner's name, e.g. human,who=ada)",
				    agent->config.alias);
	for (const char *p = who; *p; p++)
		if ((unsigned char)*p < 0x20)
			return hz_error_set(HZ_EINVALID, "agent '%s': 'who' holds a control character", agent->config.alias);
	return 0;
}

/* 1 when the n bytes at s, the end of a chunk, start a UTF-8 sequence the next chunk may complete. */
static int utf8_cut_short(const unsigned char *s, size_t n)
{
	size_t need = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;

	if (need <= n)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/* One output event of the typescript; bytes that are not UTF-8 become '?'. */
static void cast_output(session *s, const char *data, size_t n)
{
	hz_buf b = HZ_BUF_INIT;
	json_t *ev;
	char *line;
	size_t i = 0;

	hz_buf_put(&b, s->carry, s->ncarry);
	hz_buf_put(&b, data, n);
	s->ncarry = 0;
	n = b.len;
	while (i < n) {
		const unsigned char *p = (const unsigned char *)b.ptr + i;
		size_t l = *p ? hz_utf8_len(p, n - i) : 1; /* a NUL is kept: the JSON string holds it */
		if (l == 0 && utf8_cut_short(p, n - i)) {
			s->ncarry = n - i;
			memcpy(s->carry, p, s->ncarry);
			break;
		}
		if (l == 0)
			b.ptr[i] = '?', l = 1;
		i += l;
	}
	ev = json_pack("[f, s, s#]", hz_clock_now() - s->t0, "o", b.ptr ? b.ptr : "", (int)i);
	if (ev && (line = json_dumps(ev, JSON_COMPACT))) {
		fprintf(s->cast, "%s\n", line);
		free(line);
	}
	json_decref(ev);
	hz_buf_release(&b);
}

/* Stamp the event lines written since the last look. */
static void read_events(session *s)
{
	FILE *f = fopen(s->events_path, "r");
	char line[64];
	double now = hz_clock_now();

	if (!f)
		return;
	if (fseek(f, s->events_off, SEEK_SET) == 0) {
		while (fgets(line, sizeof(line), f)) {
			size_t n = strlen(line);
			if (n == 0 || line[n - 1] != '\n')
				break; /* a line still being written: read it next time */
			s->events_off += (long)n;
			line[n - 1] = '\0';
			if (!strcmp(line, "pause") && !s->paused && !s->submitted) {
				s->paused = 1;
				s->pause_t0 = now;
			} else if (!strcmp(line, "resume") && s->paused && !s->submitted) {
				s->paused = 0;
				s->paused_s += now - s->pause_t0;
			} else if (!strcmp(line, "submit") && !s->submitted) {
				if (s->paused)
					s->paused = 0, s->paused_s += now - s->pause_t0;
				s->submitted = 1;
				s->submit_t = now;
			}
		}
	}
	fclose(f);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Relay the person's terminal and the shell's until the shell's side closes or stop_pipe is written. */
static void *relay(void *arg)
{
	session *s = arg;
	char buf[4096];
	int in_open = 1;

	for (;;) {
		struct pollfd p[3] = { { s->master, POLLIN, 0 }, { s->stop_pipe[0], POLLIN, 0 }, { s->in_fd, POLLIN, 0 } };
		int n = poll(p, in_open ? 3 : 2, 200);
		read_events(s);
		if (n < 0 && errno != EINTR)
			break;
		if (n <= 0)
			continue;
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t r = read(s->master, buf, sizeof(buf));
			if (r <= 0 && !(r < 0 && errno == EINTR))
				break; /* EIO: every holder of the shell's side is gone */
			if (r > 0) {
				write_all(s->out_fd, buf, (size_t)r);
				cast_output(s, buf, (size_t)r);
			}
		}
		if (in_open && (p[2].revents & (POLLIN | POLLHUP | POLLERR))) {
			ssize_t r = read(s->in_fd, buf, sizeof(buf));
			if (r > 0)
				write_all(s->master, buf, (size_t)r);
			else if (r == 0 || errno != EINTR)
				in_open = 0;
		}
		if (p[1].revents)
			break;
	}
	read_events(s);
	return NULL;
}

static int write_text(const char *dir, const char *name, const char *text, mode_t mode)
{
	char *p = hz_path_join(dir, name);
	int rc;

	if (!p)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	rc = run_write_file(p, text, strlen(text));
	if (rc == 0 && chmod(p, mode) < 0)
		rc = hz_error_set_errno("cannot chmod '%s'", p);
	free(p);
	return rc;
}

/*
 * The session directory, mounted writable at /.horizon: rc, instructions.md,
 * events.  It sits beside the work tree (DIR/work/RUN_ID/session), where the
 * sandbox uid can reach it, and goes with the workspace.
 */
static int make_session_dir(const hz_agent_env *env, char **dir)
{
	const char *slash = strrchr(env->workspace, '/');
	hz_buf b = HZ_BUF_INIT;
	int rc;

	if (!slash || slash == env->workspace)
		return hz_error_set(HZ_EINVALID, "workspace path '%s' has no parent", env->workspace);
	hz_buf_put(&b, env->workspace, (size_t)(slash - env->workspace));
	hz_buf_puts(&b, "/session");
	if (!(*dir = hz_buf_detach(&b)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	hz_fs_remove_tree(*dir);
	if ((rc = hz_fs_mkdir_p(*dir, 0777)) != 0)
		return rc;
	if (chmod(*dir, 0777) < 0) /* the sandbox uid writes events and the answer */
		return hz_error_set_errno("cannot chmod '%s'", *dir);
	if ((rc = write_text(*dir, "rc", session_rc, 0644)) != 0 ||
	    (rc = write_text(*dir, "instructions.md", env->instructions ? env->instructions : "", 0644)) != 0)
		return rc;
	return write_text(*dir, "events", "", 0666);
}

static int open_pty(int *master, int *slave, int out_fd)
{
	struct winsize ws;
	char name[128];

	*master = *slave = -1;
	if ((*master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0 || grantpt(*master) < 0 ||
	    unlockpt(*master) < 0 || ptsname_r(*master, name, sizeof(name)) != 0 ||
	    (*slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		int rc = hz_error_set_errno("cannot open a pseudo-terminal for the session");
		if (*master >= 0)
			close(*master);
		*master = -1;
		return rc;
	}
	if (ioctl(out_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		ioctl(*master, TIOCSWINSZ, &ws);
	return 0;
}

static char *read_answer(const char *dir)
{
	char *p = hz_path_join(dir, "answer"), *text = NULL;
	size_t len;

	if (p && hz_fs_read(p, (size_t)1 << 20, &text, &len) != 0)
		text = NULL;
	free(p);
	return text;
}

static int human_run(hz_agent *agent, const hz_agent_env *env, hz_agent_outcome *out)
{
	run_ctx *ctx = run_ctx_of(env);
	session s = { .master = -1, .stop_pipe = { -1, -1 } };
	char *dir = NULL, *cast_path = NULL, *term = NULL;
	char *argv[] = { "setsid", "-c", "bash", "--rcfile", "/.horizon/rc", "-i", NULL };
	char *envv[2] = { NULL, NULL };
	hz_sandbox_mount m = { NULL, "/.horizon", 1 };
	hz_exec_result res = { 0 };
	struct termios saved;
	struct winsize ws = { 0 };
	run_cmd rc = { 0 };
	pthread_t th;
	int slave = -1, raw = 0, started = 0, err;
	hz_buf tb = HZ_BUF_INIT;

	(void)agent;
	if (!ctx)
		return hz_error_set(HZ_EUSAGE, "a human session can only run inside a run");
	if (ctx->term_in < 0 || ctx->term_out < 0)
		return hz_error_set(HZ_EUSAGE, "agent 'human' needs a person at a terminal: run it with horizon baseline");
	if ((err = make_session_dir(env, &dir)) != 0)
		goto done;
	if (!(s.events_path = hz_path_join(dir, "events")) || !(cast_path = hz_path_join(env->run_dir, "session.cast"))) {
		err = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (!(s.cast = fopen(cast_path, "w"))) {
		err = hz_error_set_errno("cannot write '%s'", cast_path);
		goto done;
	}
	if ((err = open_pty(&s.master, &slave, ctx->term_out)) != 0)
		goto done;
	if (pipe2(s.stop_pipe, O_CLOEXEC) < 0) {
		err = hz_error_set_errno("pipe");
		goto done;
	}
	ioctl(s.master, TIOCGWINSZ, &ws);
	fprintf(s.cast, "{\"version\": 2, \"width\": %d, \"height\": %d, \"timestamp\": %lld}\n", ws.ws_col ? ws.ws_col : 80,
		ws.ws_row ? ws.ws_row : 24, (long long)(hz_time_ms() / 1000));
	s.in_fd = ctx->term_in;
	s.out_fd = ctx->term_out;
	if (isatty(s.in_fd) && tcgetattr(s.in_fd, &saved) == 0) {
		struct termios t = saved;
		cfmakeraw(&t);
		raw = tcsetattr(s.in_fd, TCSANOW, &t) == 0;
	}
	s.t0 = hz_clock_now();
	if (pthread_create(&th, NULL, relay, &s) != 0) {
		err = hz_error_set(HZ_ERROR, "cannot start the terminal relay");
		goto done;
	}
	started = 1;
	term = getenv("TERM");
	hz_buf_printf(&tb, "TERM=%s", term && *term && strlen(term) < 64 ? term : "xterm");
	envv[0] = tb.ptr;
	m.src = dir;
	rc.argv = argv;
	rc.mounts = &m;
	rc.nmounts = 1;
	rc.env = envv;
	rc.tty_fd = slave;
	err = run_exec_cmd(ctx, &rc, &res);
	close(slave);
	slave = -1;
	if (write(s.stop_pipe[1], "x", 1) < 0) {
		/* the relay also ends when the shell's side closes */
	}
	pthread_join(th, NULL);
	started = 0;
	if (err != 0) {
		out->infra_error = 1;
		out->error_message = strdup(hz_error_message());
		agent_outcome_reason(out, "sandbox_error");
		err = 0;
	} else if (s.submitted) {
		out->answer = read_answer(dir);
		out->wait_s = s.paused_s + (hz_clock_now() - s.submit_t); /* after submit the clock is stopped */
		agent_outcome_reason(out, "submitted");
	} else if (res.timed_out) {
		out->wait_s = s.paused_s;
		agent_outcome_reason(out, "time_limit");
	} else if (!ctx->unrecorded[0]) {
		snprintf(ctx->unrecorded, sizeof(ctx->unrecorded),
			 "the session ended without `submit`: nothing is recorded (the same command starts the task again)");
	}
done:
	if (started) {
		if (write(s.stop_pipe[1], "x", 1) < 0) {
			/* nothing more to do */
		}
		pthread_join(th, NULL);
	}
	if (raw)
		tcsetattr(s.in_fd, TCSANOW, &saved);
	if (slave >= 0)
		close(slave);
	if (s.master >= 0)
		close(s.master);
	for (int i = 0; i < 2; i++)
		if (s.stop_pipe[i] >= 0)
			close(s.stop_pipe[i]);
	if (s.cast)
		fclose(s.cast);
	hz_exec_result_release(&res);
	hz_buf_release(&tb);
	free(s.events_path);
	free(cast_path);
	free(dir);
	return err;
}

static const char *const human_keys[] = { "who", NULL };

const agent_backend hz_agent_human_backend = {
	.name = "human",
	.summary = "a person in an interactive shell in the sandbox, timed (horizon baseline)",
	.init = human_init,
	.run = human_run,
	.free = NULL,
	.keys = human_keys,
};
