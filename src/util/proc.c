/* Child processes with timeouts and capped output; see proc.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "horizon/error.h"
#include "proc.h"
#include "strutil.h"

#define DEFAULT_CAP ((size_t)1 << 20)

void hz_proc_result_release(hz_proc_result *res)
{
	free(res->out);
	free(res->err);
	memset(res, 0, sizeof(*res));
}

void hz_sigpipe_block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

void hz_sigpipe_restore(const sigset_t *old)
{
	sigset_t set, pending;
	struct timespec zero = { 0, 0 };

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigpending(&pending);
	if (sigismember(&pending, SIGPIPE) && !sigismember(old, SIGPIPE))
		sigtimedwait(&set, NULL, &zero);
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

char *hz_proc_which(const char *name)
{
	const char *path = getenv("PATH");
	hz_buf b = HZ_BUF_INIT;

	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? strdup(name) : NULL;
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		const char *end = strchr(path, ':');
		size_t n = end ? (size_t)(end - path) : strlen(path);
		hz_buf_clear(&b);
		hz_buf_put(&b, path, n);
		hz_buf_printf(&b, "/%s", name);
		if (b.ptr && access(b.ptr, X_OK) == 0)
			return hz_buf_detach(&b);
		path += n + (end ? 1 : 0);
	}
	hz_buf_release(&b);
	return NULL;
}

/* In the child: wire up fds and exec; never returns. */
static void child_exec(const hz_proc_opts *o, int in_fd, int out_fd, int err_fd, int status_fd)
{
	int devnull = open("/dev/null", O_RDWR);
	int e;

	setpgid(0, 0);
	signal(SIGPIPE, SIG_DFL);
	dup2(in_fd >= 0 ? in_fd : devnull, 0);
	dup2(out_fd >= 0 ? out_fd : devnull, 1);
	dup2(err_fd >= 0 ? err_fd : devnull, 2);
	if (o->cwd && chdir(o->cwd) < 0) {
		e = errno;
		if (write(status_fd, &e, sizeof(e)) < 0) { /* nothing more to do */ }
		_exit(127);
	}
	if (o->pre_exec && (e = o->pre_exec(o->pre_exec_arg)) != 0) {
		if (write(status_fd, &e, sizeof(e)) < 0) { /* nothing more to do */ }
		_exit(127);
	}
	if (o->envp)
		execvpe(o->argv[0], o->argv, o->envp);
	else
		execvp(o->argv[0], o->argv);
	e = errno;
	if (write(status_fd, &e, sizeof(e)) < 0) { /* nothing more to do */ }
	_exit(127);
}

static void drain(int *fd, hz_buf *buf, int *truncated)
{
	char chunk[16384];
	ssize_t n = read(*fd, chunk, sizeof(chunk));

	if (n > 0) {
		if (buf && hz_buf_put_trunc(buf, chunk, (size_t)n))
			*truncated = 1;
		return;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	close(*fd);
	*fd = -1;
}

struct hz_proc {
	hz_proc_opts o;
	pid_t pid;
	int in_fd, out_fd, err_fd; /* our ends; -1 when closed */
};

static void close_pair(int p[2])
{
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0) {
			close(p[i]);
			p[i] = -1;
		}
}

/* Close our ends of the child's pipes and free the handle (the child is reaped or killed by then). */
static void proc_free(hz_proc *p)
{
	if (p->in_fd >= 0)
		close(p->in_fd);
	if (p->out_fd >= 0)
		close(p->out_fd);
	if (p->err_fd >= 0)
		close(p->err_fd);
	free(p);
}

int hz_proc_spawn(const hz_proc_opts *o, hz_proc **out)
{
	int in_p[2] = { -1, -1 }, out_p[2] = { -1, -1 }, err_p[2] = { -1, -1 }, st_p[2] = { -1, -1 };
	int capture = !o->discard_output && !o->inherit_output && o->tty_fd <= 2;
	int status = 0, child_errno = 0, rc = 0;
	hz_proc *p;
	pid_t pid;

	*out = NULL;
	if (!(p = calloc(1, sizeof(*p))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	p->o = *o;
	p->in_fd = p->out_fd = p->err_fd = -1;
	if (pipe2(st_p, O_CLOEXEC) < 0 || (o->stdin_data && o->tty_fd <= 2 && pipe2(in_p, O_CLOEXEC) < 0) ||
	    (capture && pipe2(out_p, O_CLOEXEC) < 0) || (capture && !o->merge_stderr && pipe2(err_p, O_CLOEXEC) < 0)) {
		rc = hz_error_set_errno("cannot create pipes for '%s'", o->argv[0]);
		goto done;
	}
	if ((pid = fork()) < 0) {
		rc = hz_error_set_errno("cannot fork for '%s'", o->argv[0]);
		goto done;
	}
	if (pid == 0) {
		int ofd = o->inherit_output ? 1 : out_p[1];
		int efd = o->inherit_output ? 2 : (o->merge_stderr ? out_p[1] : err_p[1]);
		if (o->tty_fd > 2)
			child_exec(o, o->tty_fd, o->tty_fd, o->tty_fd, st_p[1]);
		child_exec(o, in_p[0], ofd, efd, st_p[1]);
	}
	setpgid(pid, pid); /* also in the parent, so the group exists before any kill */
	close(st_p[1]);
	st_p[1] = -1;
	if (read(st_p[0], &child_errno, sizeof(child_errno)) == (ssize_t)sizeof(child_errno)) {
		waitpid(pid, &status, 0);
		rc = hz_error_set(child_errno == ENOENT ? HZ_ENOTFOUND : HZ_EIO, "cannot run '%s': %s",
				  o->argv[0], strerror(child_errno));
		goto done;
	}
	p->pid = pid;
	/* What only the child used: the caller may free it once we return. */
	p->o.argv = p->o.envp = NULL;
	p->o.cwd = NULL;
	p->o.pre_exec = NULL;
	p->o.pre_exec_arg = NULL;
	if (in_p[1] >= 0) {
		fcntl(in_p[1], F_SETFL, O_NONBLOCK);
		p->in_fd = in_p[1];
		in_p[1] = -1;
	}
	p->out_fd = out_p[0];
	p->err_fd = err_p[0];
	out_p[0] = err_p[0] = -1;
	*out = p;
	p = NULL;
done:
	close_pair(in_p);
	close_pair(out_p);
	close_pair(err_p);
	close_pair(st_p);
	free(p);
	return rc;
}

void hz_proc_kill(hz_proc *p)
{
	int status;

	if (!p)
		return;
	kill(-p->pid, SIGKILL);
	waitpid(p->pid, &status, 0);
	proc_free(p);
}

int hz_proc_run(const hz_proc_opts *o, hz_proc_result *res)
{
	hz_proc *p;
	int rc;

	memset(res, 0, sizeof(*res));
	if ((rc = hz_proc_spawn(o, &p)) != 0)
		return rc;
	return hz_proc_wait(p, res);
}

int hz_proc_wait(hz_proc *p, hz_proc_result *res)
{
	const hz_proc_opts *o = &p->o;
	int capture = !o->discard_output && !o->inherit_output && o->tty_fd <= 2;
	hz_buf out = HZ_BUF_INIT, err = HZ_BUF_INIT;
	size_t in_off = 0;
	double start = hz_clock_now(), term_at = 0;
	int status = 0, rc = 0, killed = 0;
	int *in_fd = &p->in_fd, *out_fd = &p->out_fd, *err_fd = &p->err_fd;
	pid_t pid = p->pid;

	memset(res, 0, sizeof(*res));
	hz_buf_init(&out, o->max_stdout ? o->max_stdout : DEFAULT_CAP);
	hz_buf_init(&err, o->max_stderr ? o->max_stderr : DEFAULT_CAP);
	for (;;) {
		struct pollfd fds[3];
		int nfds = 0, timeout_ms = 200;
		double now = hz_clock_now();
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid && *out_fd < 0 && *err_fd < 0)
			break;
		if (w == pid) {
			/* The child is gone; read what its group left in the pipes, briefly. */
			pid = -pid;
		}
		if (o->timeout_s > 0 && !killed && now - start > o->timeout_s) {
			kill(-(pid > 0 ? pid : -pid), SIGTERM);
			killed = 1;
			res->timed_out = 1;
			term_at = now;
		}
		if (killed == 1 && now - term_at > (o->kill_grace_s > 0 ? o->kill_grace_s : 1.0)) {
			kill(-(pid > 0 ? pid : -pid), SIGKILL);
			killed = 2;
		}
		if (*in_fd >= 0)
			fds[nfds++] = (struct pollfd){ .fd = *in_fd, .events = POLLOUT };
		if (*out_fd >= 0)
			fds[nfds++] = (struct pollfd){ .fd = *out_fd, .events = POLLIN };
		if (*err_fd >= 0)
			fds[nfds++] = (struct pollfd){ .fd = *err_fd, .events = POLLIN };
		if (pid < 0) {
			/* Child exited: a grandchild may hold the pipe open; kill the group. */
			kill(pid, SIGKILL);
			timeout_ms = 50;
		}
		if (nfds == 0) {
			if (pid < 0)
				break;
			waitpid(pid, &status, 0);
			break;
		}
		if (poll(fds, (nfds_t)nfds, timeout_ms) < 0 && errno != EINTR) {
			rc = hz_error_set_errno("poll");
			break;
		}
		for (int i = 0; i < nfds; i++) {
			if (!fds[i].revents)
				continue;
			if (fds[i].fd == *in_fd) {
				sigset_t old;
				ssize_t n;
				hz_sigpipe_block(&old);
				n = write(*in_fd, o->stdin_data + in_off, o->stdin_len - in_off);
				hz_sigpipe_restore(&old);
				if (n > 0)
					in_off += (size_t)n;
				if ((n < 0 && errno != EAGAIN && errno != EINTR) || in_off >= o->stdin_len) {
					close(*in_fd);
					*in_fd = -1;
				}
			} else if (fds[i].fd == *out_fd) {
				drain(out_fd, &out, &res->stdout_truncated);
			} else if (fds[i].fd == *err_fd) {
				drain(err_fd, &err, &res->stderr_truncated);
			}
		}
		if (pid < 0 && *out_fd < 0 && *err_fd < 0)
			break;
	}
	if (pid > 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	if (WIFEXITED(status)) {
		res->exit_code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		res->exit_code = -1;
		res->term_signal = WTERMSIG(status);
	}
	res->wall_s = hz_clock_now() - start;
	if (capture) {
		res->out_len = out.len;
		res->out = hz_buf_detach(&out);
		if (!o->merge_stderr) {
			res->err_len = err.len;
			res->err = hz_buf_detach(&err);
		}
	}
	proc_free(p);
	hz_buf_release(&out);
	hz_buf_release(&err);
	return rc;
}
