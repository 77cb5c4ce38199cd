/* Child processes with timeouts and capped output; see proc.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

int hz_proc_run(const hz_proc_opts *o, hz_proc_result *res)
{
	int in_p[2] = { -1, -1 }, out_p[2] = { -1, -1 }, err_p[2] = { -1, -1 }, st_p[2] = { -1, -1 };
	int capture = !o->discard_output && !o->inherit_output;
	hz_buf out = HZ_BUF_INIT, err = HZ_BUF_INIT;
	size_t in_off = 0;
	double start = hz_clock_now(), term_at = 0;
	int status = 0, child_errno = 0, rc = 0, killed = 0;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	hz_buf_init(&out, o->max_stdout ? o->max_stdout : DEFAULT_CAP);
	hz_buf_init(&err, o->max_stderr ? o->max_stderr : DEFAULT_CAP);
	if (pipe2(st_p, O_CLOEXEC) < 0 || (o->stdin_data && pipe2(in_p, O_CLOEXEC) < 0) ||
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
	if (in_p[0] >= 0) {
		close(in_p[0]);
		in_p[0] = -1;
		fcntl(in_p[1], F_SETFL, O_NONBLOCK);
	}
	if (out_p[1] >= 0) {
		close(out_p[1]);
		out_p[1] = -1;
	}
	if (err_p[1] >= 0) {
		close(err_p[1]);
		err_p[1] = -1;
	}
	for (;;) {
		struct pollfd fds[3];
		int nfds = 0, timeout_ms = 200;
		double now = hz_clock_now();
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid && out_p[0] < 0 && err_p[0] < 0)
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
		if (in_p[1] >= 0) {
			fds[nfds++] = (struct pollfd){ .fd = in_p[1], .events = POLLOUT };
		}
		if (out_p[0] >= 0)
			fds[nfds++] = (struct pollfd){ .fd = out_p[0], .events = POLLIN };
		if (err_p[0] >= 0)
			fds[nfds++] = (struct pollfd){ .fd = err_p[0], .events = POLLIN };
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
			if (fds[i].fd == in_p[1]) {
				ssize_t n = write(in_p[1], o->stdin_data + in_off, o->stdin_len - in_off);
				if (n > 0)
					in_off += (size_t)n;
				if ((n < 0 && errno != EAGAIN && errno != EINTR) || in_off >= o->stdin_len) {
					close(in_p[1]);
					in_p[1] = -1;
				}
			} else if (fds[i].fd == out_p[0]) {
				drain(&out_p[0], &out, &res->stdout_truncated);
			} else if (fds[i].fd == err_p[0]) {
				drain(&err_p[0], &err, &res->stderr_truncated);
			}
		}
		if (pid < 0 && out_p[0] < 0 && err_p[0] < 0)
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
done:
	for (int i = 0; i < 2; i++) {
		if (in_p[i] >= 0) close(in_p[i]);
		if (out_p[i] >= 0) close(out_p[i]);
		if (err_p[i] >= 0) close(err_p[i]);
		if (st_p[i] >= 0) close(st_p[i]);
	}
	hz_buf_release(&out);
	hz_buf_release(&err);
	return rc;
}
