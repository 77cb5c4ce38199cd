/*
 * Running one command in a sandbox: bwrap forked with rlimits, a cgroup and
 * the sandbox uid, optionally held at the door until hz_sandbox_start
 * (--block-fd), then waited for with its timeout and output cap.  Whether
 * bwrap itself failed (an infrastructure error) or the command ran is told
 * apart by bwrap's JSON status.  With --sandbox none the command runs
 * directly.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "buf.h"
#include "horizon/error.h"
#include "proc.h"
#include "sandbox_internal.h"

#define FIRST_FREE_FD 10
#define DEFAULT_OUTPUT_CAP ((size_t)1 << 20)

const hz_resources sandbox_default_limits = { 2048, 600, 256, 512, 256 };
static const char *const bwrap_envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", NULL };

/* Everything the child needs between fork and exec, prepared beforehand (no malloc there). */
typedef struct child_setup {
	const hz_resources *lim;
	long uid;         /* -1: keep ours */
	int set_nproc;
	long nproc;
	sandbox_cgroup *cg;
	int status_fd;    /* -1: none; else >= FIRST_FREE_FD */
	int gate_fd;      /* -1: none; else >= FIRST_FREE_FD */
} child_setup;

static int child_pre_exec(void *arg)
{
	const child_setup *cs = arg;
	struct rlimit rl;
	int e;

	if (cs->cg && (e = sandbox_cgroup_join(cs->cg)) != 0)
		return e;
	/* dup2 clears close-on-exec: these two reach bwrap, no other. */
	if (cs->status_fd >= 0 && dup2(cs->status_fd, SANDBOX_STATUS_FD) < 0)
		return errno;
	if (cs->gate_fd >= 0 && dup2(cs->gate_fd, SANDBOX_GATE_FD) < 0)
		return errno;
#define LIMIT(res, v)                                    \
	do {                                             \
		rl.rlim_cur = rl.rlim_max = (rlim_t)(v); \
		if (setrlimit(res, &rl) < 0)             \
			return errno;                    \
	} while (0)
	LIMIT(RLIMIT_AS, (rlim_t)cs->lim->memory_mb << 20);
	LIMIT(RLIMIT_CPU, cs->lim->cpu_s);
	LIMIT(RLIMIT_FSIZE, (rlim_t)cs->lim->disk_mb << 20);
	LIMIT(RLIMIT_NOFILE, cs->lim->open_files);
	LIMIT(RLIMIT_CORE, 0);
	if (cs->set_nproc)
		LIMIT(RLIMIT_NPROC, cs->nproc);
#undef LIMIT
	if (cs->uid >= 0) {
		if (setgroups(0, NULL) < 0 || setgid((gid_t)cs->uid) < 0 || setuid((uid_t)cs->uid) < 0)
			return errno;
		/* Changing credentials clears the parent-death signal: set it again. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
	}
	return 0;
}

/* Read what bwrap wrote on its status pipe (non-blocking: the pipe may still be open). */
static void read_status(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	while (len + 1 < size && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
}

static void fill_result(hz_exec_result *out, hz_proc_result *pr)
{
	out->exit_code = pr->exit_code;
	out->term_signal = pr->term_signal;
	out->timed_out = pr->timed_out;
	out->output_truncated = pr->stdout_truncated;
	out->output = pr->out ? pr->out : strdup("");
	out->output_len = pr->out ? pr->out_len : 0;
	out->wall_s = pr->wall_s;
	pr->out = NULL;
}

/* --sandbox none: the command runs directly, in the workspace, with a clean environment and rlimits. */
static int exec_none(hz_sandbox *sb, const hz_sandbox_cmd *cmd, const hz_resources *lim, hz_exec_result *out)
{
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_proc_result pr;
	child_setup cs = { lim, -1, 0, 0, NULL, -1, -1 };
	char **envp = NULL;
	size_t n = 0, cap = 16;
	int rc;

	(void)sb;
	for (char *const *e = cmd->env; e && *e; e++)
		cap++;
	if (!(envp = calloc(cap + 2, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; sandbox_env_vars[i]; i += 2) {
		hz_buf b = HZ_BUF_INIT;
		const char *v = sandbox_env_vars[i + 1];
		if (!strcmp(sandbox_env_vars[i], "HOME") || !strcmp(sandbox_env_vars[i], "TMPDIR"))
			v = cmd->workspace ? cmd->workspace : "/tmp";
		hz_buf_printf(&b, "%s=%s", sandbox_env_vars[i], v);
		envp[n++] = hz_buf_detach(&b);
	}
	for (char *const *e = cmd->env; e && *e; e++)
		envp[n++] = strdup(*e);
	po.argv = cmd->argv;
	po.envp = envp;
	po.cwd = cmd->workspace ? cmd->workspace : "/tmp";
	po.tty_fd = cmd->tty_fd;
	po.stdin_data = cmd->stdin_data;
	po.stdin_len = cmd->stdin_len;
	po.timeout_s = cmd->timeout_s;
	po.kill_grace_s = 0.5;
	po.max_stdout = cmd->max_output ? cmd->max_output : DEFAULT_OUTPUT_CAP;
	po.merge_stderr = 1;
	po.pre_exec = child_pre_exec;
	po.pre_exec_arg = &cs;
	rc = hz_proc_run(&po, &pr);
	if (rc == HZ_ENOTFOUND) {
		/* The command does not exist: the command's failure (127), like a shell's. */
		memset(out, 0, sizeof(*out));
		out->exit_code = 127;
		out->output = strdup(hz_error_message());
		out->output_len = out->output ? strlen(out->output) : 0;
		rc = 0;
	} else if (rc == 0) {
		fill_result(out, &pr);
	}
	hz_proc_result_release(&pr);
	for (size_t i = 0; i < n; i++)
		free(envp[i]);
	free(envp);
	return rc;
}

/* A cgroup for one command: an emptied one from the pool, or a new one. */
static int cgroup_take(hz_sandbox *sb, sandbox_cgroup *cg, const hz_resources *lim)
{
	char name[64];
	unsigned long id;
	int got = 0;

	pthread_mutex_lock(&sb->lock);
	if (sb->cg_npool > 0) {
		*cg = sb->cg_pool[--sb->cg_npool];
		got = 1;
	}
	id = ++sb->counter;
	pthread_mutex_unlock(&sb->lock);
	if (got) {
		if (sandbox_cgroup_set_limits(cg, lim->processes, lim->memory_mb << 20) == 0)
			return 0;
		sandbox_cgroup_destroy(cg);
	}
	snprintf(name, sizeof(name), "hz-%ld-%lu", (long)getpid(), id);
	return sandbox_cgroup_create(cg, sb->cg_pids, sb->cg_memory, name, lim->processes, lim->memory_mb << 20);
}

/* After a command: empty the cgroup and keep it for the next one (or remove it). */
static void cgroup_give(hz_sandbox *sb, sandbox_cgroup *cg)
{
	int kept = 0;

	if (sandbox_cgroup_empty(cg) == 0) {
		pthread_mutex_lock(&sb->lock);
		if (sb->cg_npool == sb->cg_cap) {
			size_t cap = sb->cg_cap ? sb->cg_cap * 2 : 4;
			sandbox_cgroup *np = realloc(sb->cg_pool, cap * sizeof(*np));
			if (np) {
				sb->cg_pool = np;
				sb->cg_cap = cap;
			}
		}
		if (sb->cg_npool < sb->cg_cap) {
			sb->cg_pool[sb->cg_npool++] = *cg;
			kept = 1;
		}
		pthread_mutex_unlock(&sb->lock);
	}
	if (!kept)
		sandbox_cgroup_destroy(cg);
}

/* A started (or, with --sandbox none, only recorded) command; see hz_sandbox_prepare. */
struct hz_sandbox_held {
	hz_sandbox *sb;
	const hz_sandbox_cmd *cmd;
	hz_proc *proc;   /* NULL with --sandbox none: the command starts in hz_sandbox_start */
	sandbox_cgroup cg;
	int have_cg;
	int status_fd;   /* our end of bwrap's --json-status-fd */
	int gate_fd;     /* our end of --block-fd; -1: not held */
};

static void held_free(hz_sandbox_held *h)
{
	if (h->have_cg)
		cgroup_give(h->sb, &h->cg);
	if (h->status_fd >= 0)
		close(h->status_fd);
	if (h->gate_fd >= 0)
		close(h->gate_fd);
	free(h);
}

/* A close-on-exec pipe whose end `which` (0: read, 1: write), the child's, is moved to fd 10 or above. */
static int child_pipe(int p[2], int which)
{
	int fd;

	if (pipe2(p, O_CLOEXEC) < 0)
		return hz_error_set_errno("cannot create a pipe");
	if ((fd = fcntl(p[which], F_DUPFD_CLOEXEC, FIRST_FREE_FD)) < 0) {
		close(p[0]);
		close(p[1]);
		return hz_error_set_errno("cannot duplicate a pipe");
	}
	close(p[which]);
	p[which] = fd;
	return 0;
}

/* Start bwrap for cmd; with `gated`, bwrap sets everything up and waits on the gate before the command. */
static int sandbox_spawn(hz_sandbox *sb, const hz_sandbox_cmd *cmd, int gated, hz_sandbox_held **out)
{
	const hz_resources *lim = cmd->limits ? cmd->limits : &sandbox_default_limits;
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_sandbox_held *h;
	child_setup cs = { lim, sb->uid, sb->uid >= 0, 0, NULL, -1, -1 };
	sandbox_argv a = { 0 };
	int status[2] = { -1, -1 }, gate[2] = { -1, -1 };
	int rc = 0;

	*out = NULL;
	if (!(h = calloc(1, sizeof(*h))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	h->sb = sb;
	h->cmd = cmd;
	h->status_fd = h->gate_fd = -1;
	if (sb->mode == HZ_SANDBOX_NONE)
		goto ok;
	if ((rc = sandbox_bwrap_argv(sb, cmd, lim, gated, &a)) != 0)
		goto done;
	po.argv = a.v;
	po.envp = (char *const *)bwrap_envp;
	po.cwd = "/";
	po.tty_fd = cmd->tty_fd;
	po.stdin_data = cmd->stdin_data;
	po.stdin_len = cmd->stdin_len;
	po.timeout_s = cmd->timeout_s;
	po.kill_grace_s = 0.2;
	po.max_stdout = cmd->max_output ? cmd->max_output : DEFAULT_OUTPUT_CAP;
	po.merge_stderr = 1;
	if (sb->cg_pids || sb->cg_memory) {
		if ((rc = cgroup_take(sb, &h->cg, lim)) != 0)
			goto done;
		h->have_cg = 1;
		cs.cg = &h->cg;
	}
	cs.nproc = sandbox_nproc(sb, lim);
	if ((rc = child_pipe(status, 1)) != 0 || (gated && (rc = child_pipe(gate, 0)) != 0))
		goto done;
	cs.status_fd = status[1];
	cs.gate_fd = gate[0];
	po.pre_exec = child_pre_exec;
	po.pre_exec_arg = &cs;
	if ((rc = hz_proc_spawn(&po, &h->proc)) != 0) {
		hz_error_prefix("sandbox: ");
		rc = HZ_ESANDBOX;
		goto done;
	}
	h->status_fd = status[0];
	h->gate_fd = gate[1];
	status[0] = gate[1] = -1;
ok:
	*out = h;
	h = NULL;
done:
	for (int i = 0; i < 2; i++) {
		if (status[i] >= 0)
			close(status[i]);
		if (gate[i] >= 0)
			close(gate[i]);
	}
	if (h)
		held_free(h);
	sandbox_argv_release(&a);
	return rc;
}

/* Open the gate (if any), wait for the command and everything it started, and free h. */
static int sandbox_finish(hz_sandbox_held *h, hz_exec_result *out)
{
	const hz_sandbox_cmd *cmd = h->cmd;
	hz_proc_result pr = { 0 };
	char st[1024];
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (!h->proc) {
		rc = exec_none(h->sb, cmd, cmd->limits ? cmd->limits : &sandbox_default_limits, out);
		goto done;
	}
	if (h->gate_fd >= 0) {
		sigset_t old;
		hz_sigpipe_block(&old);
		/* A write that fails means bwrap is gone: its status below says why. */
		if (write(h->gate_fd, "g", 1) < 0) { /* nothing more to do */ }
		hz_sigpipe_restore(&old);
		close(h->gate_fd);
		h->gate_fd = -1;
	}
	rc = hz_proc_wait(h->proc, &pr);
	h->proc = NULL;
	if (rc) {
		hz_error_prefix("sandbox: ");
		rc = HZ_ESANDBOX;
		goto done;
	}
	read_status(h->status_fd, st, sizeof(st));
	if (!strstr(st, "\"child-pid\"") && !pr.timed_out) {
		/* bwrap did not start the command: its message is in the output. */
		char msg[300];
		size_t len = pr.out_len < sizeof(msg) - 1 ? pr.out_len : sizeof(msg) - 1;
		memcpy(msg, pr.out ? pr.out : "", len);
		msg[len] = '\0';
		while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
			msg[--len] = '\0';
		rc = hz_error_set(HZ_ESANDBOX, "the sandbox did not start (exit %d): %s (see 'horizon doctor')",
				  pr.exit_code, len ? msg : "no message from bwrap");
		goto done;
	}
	fill_result(out, &pr);
	if (!out->output)
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
done:
	hz_proc_result_release(&pr);
	held_free(h);
	return rc;
}

int hz_sandbox_exec(hz_sandbox *sb, const hz_sandbox_cmd *cmd, hz_exec_result *out)
{
	hz_sandbox_held *h;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = sandbox_spawn(sb, cmd, 0, &h)) != 0)
		return rc;
	return sandbox_finish(h, out);
}

int hz_sandbox_prepare(hz_sandbox *sb, const hz_sandbox_cmd *cmd, hz_sandbox_held **out)
{
	return sandbox_spawn(sb, cmd, 1, out);
}

int hz_sandbox_start(hz_sandbox_held *h, hz_exec_result *out)
{
	return sandbox_finish(h, out);
}

void hz_sandbox_discard(hz_sandbox_held *h)
{
	if (!h)
		return;
	if (h->proc)
		hz_proc_kill(h->proc);
	h->proc = NULL;
	held_free(h);
}
