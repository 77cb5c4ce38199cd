/*
 * The bubblewrap sandbox: builds bwrap's command line for one command, runs
 * it as the unprivileged sandbox uid with rlimits and a cgroup, and reports
 * whether bwrap itself failed (an infrastructure error) or the command ran.
 * See include/horizon/sandbox.h and docs/run.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "horizon/error.h"
#include "proc.h"
#include "sandbox_internal.h"

#define INNER_UID "1000"
#define STATUS_FD 3
#define DEFAULT_OUTPUT_CAP ((size_t)1 << 20)

int hz_sandbox_mode_parse(const char *s, hz_sandbox_mode *out)
{
	if (!strcmp(s, "bwrap"))
		*out = HZ_SANDBOX_BWRAP;
	else if (!strcmp(s, "none"))
		*out = HZ_SANDBOX_NONE;
	else
		return hz_error_set(HZ_EUSAGE, "unknown sandbox '%s' (use \"bwrap\" or \"none\")", s);
	return 0;
}

const char *hz_sandbox_mode_name(hz_sandbox_mode mode)
{
	return mode == HZ_SANDBOX_NONE ? "none" : "bwrap";
}

hz_sandbox_mode hz_sandbox_get_mode(const hz_sandbox *sb) { return sb->mode; }

long hz_sandbox_owner_uid(const hz_sandbox *sb)
{
	return sb->mode == HZ_SANDBOX_BWRAP ? sb->uid : -1;
}

const char *hz_sandbox_path(const hz_sandbox *sb, const hz_sandbox_mount *m)
{
	return sb->mode == HZ_SANDBOX_BWRAP ? m->dst : m->src;
}

static const hz_resources default_limits = { 2048, 600, 256, 512, 256 };

/* Everything the child needs between fork and exec, prepared beforehand (no malloc there). */
typedef struct child_setup {
	const hz_resources *lim;
	long uid;         /* -1: keep ours */
	int set_nproc;
	long nproc;
	hz_cgroup *cg;
	int status_fd;    /* -1: none */
} child_setup;

static int child_pre_exec(void *arg)
{
	const child_setup *cs = arg;
	struct rlimit rl;
	int e;

	if (cs->cg && (e = hz_cgroup_join(cs->cg)) != 0)
		return e;
	if (cs->status_fd >= 0) {
		if (cs->status_fd == STATUS_FD) {
			if (fcntl(STATUS_FD, F_SETFD, 0) < 0)
				return errno;
		} else if (dup2(cs->status_fd, STATUS_FD) < 0) {
			return errno;
		}
	}
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

/* A growable argv whose strings are borrowed or owned by `pool`. */
typedef struct argv_b {
	char **v;
	size_t n, cap;
	char **pool;
	size_t npool, poolcap;
	int oom;
} argv_b;

static void av_add(argv_b *a, const char *s)
{
	if (a->oom || !s) {
		a->oom = 1;
		return;
	}
	if (a->n + 2 > a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 64;
		char **nv = realloc(a->v, nc * sizeof(char *));
		if (!nv) {
			a->oom = 1;
			return;
		}
		a->v = nv;
		a->cap = nc;
	}
	a->v[a->n++] = (char *)s;
	a->v[a->n] = NULL;
}

/* Keep a heap string until av_release; returns it (NULL, and the builder marked failed, on ENOMEM). */
static const char *av_keep(argv_b *a, char *s)
{
	if (!s || a->oom) {
		free(s);
		a->oom = 1;
		return NULL;
	}
	if (a->npool == a->poolcap) {
		size_t nc = a->poolcap ? a->poolcap * 2 : 16;
		char **np = realloc(a->pool, nc * sizeof(char *));
		if (!np) {
			free(s);
			a->oom = 1;
			return NULL;
		}
		a->pool = np;
		a->poolcap = nc;
	}
	a->pool[a->npool++] = s;
	return s;
}

static void av_release(argv_b *a)
{
	for (size_t i = 0; i < a->npool; i++)
		free(a->pool[i]);
	free(a->pool);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static void av_add3(argv_b *a, const char *x, const char *y, const char *z)
{
	av_add(a, x);
	av_add(a, y);
	if (z)
		av_add(a, z);
}

/* The top-level system paths: bound read-only, or recreated as the symlinks they are (merged /usr). */
static void add_system_dirs(argv_b *a)
{
	static const char *const dirs[] = { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", NULL };
	struct stat st;

	av_add3(a, "--ro-bind", "/usr", "/usr");
	for (size_t i = 0; dirs[i]; i++) {
		char target[256];
		ssize_t n;
		if (lstat(dirs[i], &st) < 0)
			continue;
		if (S_ISLNK(st.st_mode) && (n = readlink(dirs[i], target, sizeof(target) - 1)) > 0) {
			target[n] = '\0';
			av_add3(a, "--symlink", av_keep(a, strdup(target)), dirs[i]);
		} else if (S_ISDIR(st.st_mode)) {
			av_add3(a, "--ro-bind", dirs[i], dirs[i]);
		}
	}
}

static const char *const sandbox_env[] = {
	"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"HOME", "/tmp",
	"USER", "agent",
	"LOGNAME", "agent",
	"SHELL", "/bin/bash",
	"LANG", "C.UTF-8",
	"TERM", "dumb",
	"TMPDIR", "/tmp",
	NULL,
};

static void build_bwrap(const hz_sandbox *sb, const hz_sandbox_cmd *cmd, const hz_resources *lim, argv_b *a)
{
	char num[32];

	av_add(a, sb->bwrap);
	av_add3(a, "--unshare-user", "--uid", INNER_UID);
	av_add3(a, "--gid", INNER_UID, NULL);
	av_add3(a, "--unshare-pid", "--unshare-ipc", "--unshare-uts");
	av_add(a, "--unshare-cgroup-try");
	if (!cmd->share_net)
		av_add(a, "--unshare-net");
	av_add3(a, "--hostname", "sandbox", NULL);
	av_add3(a, "--die-with-parent", "--new-session", NULL);
	add_system_dirs(a);
	av_add3(a, "--proc", "/proc", NULL);
	av_add3(a, "--dev", "/dev", NULL);
	snprintf(num, sizeof(num), "%ld", lim->disk_mb << 20);
	av_add3(a, "--size", av_keep(a, strdup(num)), NULL);
	av_add3(a, "--tmpfs", "/tmp", NULL);
	av_add3(a, "--ro-bind", sb->etc_dir, "/etc");
	for (char **b = sb->etc_binds; b && *b; b++)
		av_add3(a, "--ro-bind", *b, *b);
	/* resolv.conf is bound (not copied) so that it follows the host's changes. */
	if (cmd->share_net && access("/etc/resolv.conf", R_OK) == 0)
		av_add3(a, "--ro-bind", "/etc/resolv.conf", "/etc/resolv.conf");
	if (cmd->workspace)
		av_add3(a, "--bind", cmd->workspace, "/workspace");
	for (size_t i = 0; i < cmd->nmounts; i++)
		av_add3(a, cmd->mounts[i].writable ? "--bind" : "--ro-bind", cmd->mounts[i].src, cmd->mounts[i].dst);
	/* The root itself (bwrap's tmpfs) stays read-only: only /workspace and /tmp are writable. */
	av_add3(a, "--remount-ro", "/", NULL);
	av_add3(a, "--chdir", cmd->workspace ? "/workspace" : "/tmp", NULL);
	av_add(a, "--clearenv");
	for (size_t i = 0; sandbox_env[i]; i += 2)
		av_add3(a, "--setenv", sandbox_env[i], sandbox_env[i + 1]);
	for (char *const *e = cmd->env; e && *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq)
			continue;
		av_add3(a, "--setenv", av_keep(a, strndup(*e, (size_t)(eq - *e))), eq + 1);
	}
	snprintf(num, sizeof(num), "%d", STATUS_FD);
	av_add3(a, "--json-status-fd", av_keep(a, strdup(num)), "--");
	for (char *const *p = cmd->argv; *p; p++)
		av_add(a, *p);
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

static const char *const bwrap_envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", NULL };

/* --sandbox none: the command runs directly, in the workspace, with a clean environment and rlimits. */
static int exec_none(hz_sandbox *sb, const hz_sandbox_cmd *cmd, const hz_resources *lim, hz_exec_result *out)
{
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_proc_result pr;
	child_setup cs = { lim, -1, 0, 0, NULL, -1 };
	char **envp = NULL;
	size_t n = 0, cap = 16;
	int rc;

	(void)sb;
	for (char *const *e = cmd->env; e && *e; e++)
		cap++;
	if (!(envp = calloc(cap + 2, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t i = 0; sandbox_env[i]; i += 2) {
		hz_buf b = HZ_BUF_INIT;
		const char *v = sandbox_env[i + 1];
		if (!strcmp(sandbox_env[i], "HOME") || !strcmp(sandbox_env[i], "TMPDIR"))
			v = cmd->workspace ? cmd->workspace : "/tmp";
		hz_buf_printf(&b, "%s=%s", sandbox_env[i], v);
		envp[n++] = hz_buf_detach(&b);
	}
	for (char *const *e = cmd->env; e && *e; e++)
		envp[n++] = strdup(*e);
	po.argv = cmd->argv;
	po.envp = envp;
	po.cwd = cmd->workspace ? cmd->workspace : "/tmp";
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
static int cgroup_take(hz_sandbox *sb, hz_cgroup *cg, const hz_resources *lim)
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
		if (hz_cgroup_set_limits(cg, lim->processes, lim->memory_mb << 20) == 0)
			return 0;
		hz_cgroup_destroy(cg);
	}
	snprintf(name, sizeof(name), "hz-%ld-%lu", (long)getpid(), id);
	return hz_cgroup_create(cg, sb->cg_pids, sb->cg_memory, name, lim->processes, lim->memory_mb << 20);
}

/* After a command: empty the cgroup and keep it for the next one (or remove it). */
static void cgroup_give(hz_sandbox *sb, hz_cgroup *cg)
{
	int kept = 0;

	if (hz_cgroup_empty(cg) == 0) {
		pthread_mutex_lock(&sb->lock);
		if (sb->cg_npool == sb->cg_cap) {
			size_t cap = sb->cg_cap ? sb->cg_cap * 2 : 4;
			hz_cgroup *np = realloc(sb->cg_pool, cap * sizeof(*np));
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
		hz_cgroup_destroy(cg);
}

int hz_sandbox_exec(hz_sandbox *sb, const hz_sandbox_cmd *cmd, hz_exec_result *out)
{
	const hz_resources *lim = cmd->limits ? cmd->limits : &default_limits;
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_proc_result pr = { 0 };
	hz_cgroup cg;
	child_setup cs = { lim, sb->uid, sb->uid >= 0, 0, NULL, -1 };
	argv_b a = { 0 };
	int status[2] = { -1, -1 };
	char st[1024];
	int rc = 0, have_cg = 0;

	memset(out, 0, sizeof(*out));
	memset(&cg, 0, sizeof(cg));
	if (sb->mode == HZ_SANDBOX_NONE)
		return exec_none(sb, cmd, lim, out);
	build_bwrap(sb, cmd, lim, &a);
	if (a.oom) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if (sb->cg_pids || sb->cg_memory) {
		if ((rc = cgroup_take(sb, &cg, lim)) != 0)
			goto done;
		have_cg = 1;
		cs.cg = &cg;
	}
	/* RLIMIT_NPROC counts every process of the uid: a backstop when the pids cgroup does the real work. */
	cs.nproc = sb->cg_pids ? lim->processes + 4096 : lim->processes + 8;
	if (pipe2(status, O_CLOEXEC) < 0) {
		rc = hz_error_set_errno("cannot create a pipe");
		goto done;
	}
	cs.status_fd = status[1];
	po.argv = a.v;
	po.envp = (char *const *)bwrap_envp;
	po.cwd = "/";
	po.stdin_data = cmd->stdin_data;
	po.stdin_len = cmd->stdin_len;
	po.timeout_s = cmd->timeout_s;
	po.kill_grace_s = 0.2;
	po.max_stdout = cmd->max_output ? cmd->max_output : DEFAULT_OUTPUT_CAP;
	po.merge_stderr = 1;
	po.pre_exec = child_pre_exec;
	po.pre_exec_arg = &cs;
	rc = hz_proc_run(&po, &pr);
	close(status[1]);
	status[1] = -1;
	if (rc) {
		hz_error_prefix("sandbox: ");
		rc = HZ_ESANDBOX;
		goto done;
	}
	read_status(status[0], st, sizeof(st));
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
	if (have_cg)
		cgroup_give(sb, &cg);
	if (status[0] >= 0)
		close(status[0]);
	if (status[1] >= 0)
		close(status[1]);
	hz_proc_result_release(&pr);
	av_release(&a);
	return rc;
}

char *hz_sandbox_isolation(const hz_sandbox *sb, const hz_resources *limits, int share_net)
{
	const hz_resources *lim = limits ? limits : &default_limits;
	json_t *o, *rl;
	char *s;

	if (sb->mode == HZ_SANDBOX_NONE)
		return strdup("\"none\"");
	rl = json_pack("{s:I,s:I,s:I,s:I}", "as_mb", (json_int_t)lim->memory_mb, "cpu_s", (json_int_t)lim->cpu_s,
		       "fsize_mb", (json_int_t)lim->disk_mb, "nofile", (json_int_t)lim->open_files);
	if (rl && sb->uid >= 0)
		json_object_set_new(rl, "nproc", json_integer(sb->cg_pids ? lim->processes + 4096 : lim->processes + 8));
	o = json_pack("{s:s,s:s,s:b,s:b,s:b,s:I,s:b,s:s,s:o,s:{s:b,s:b}}", "sandbox", "bwrap", "net",
		      share_net ? "host" : "none", "user_ns", 1, "pid_ns", 1, "ipc_ns", 1, "uid",
		      (json_int_t)(sb->uid >= 0 ? sb->uid : (long)getuid()), "uid_dropped", sb->uid > 0, "etc",
		      "synthesised", "rlimits", rl, "cgroup", "pids", sb->cg_pids, "memory", sb->cg_memory);
	if (o && sb->cg_pids)
		json_object_set_new(json_object_get(o, "cgroup"), "pids_max", json_integer(lim->processes));
	if (o && sb->cg_memory)
		json_object_set_new(json_object_get(o, "cgroup"), "memory_mb", json_integer(lim->memory_mb));
	s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	return s;
}

void hz_sandbox_free(hz_sandbox *sb)
{
	if (!sb)
		return;
	for (size_t i = 0; i < sb->cg_npool; i++)
		hz_cgroup_destroy(&sb->cg_pool[i]);
	free(sb->cg_pool);
	for (char **b = sb->etc_binds; b && *b; b++)
		free(*b);
	free(sb->etc_binds);
	free(sb->bwrap);
	free(sb->state_dir);
	free(sb->etc_dir);
	pthread_mutex_destroy(&sb->lock);
	free(sb);
}

int hz_sandbox_new(hz_sandbox **out, const hz_sandbox_opts *opts)
{
	hz_sandbox *sb;
	hz_sandbox_cmd cmd = HZ_SANDBOX_CMD_INIT;
	hz_exec_result res = { 0 };
	char *const argv[] = { "true", NULL };
	int rc = 0;

	*out = NULL;
	if (!(sb = calloc(1, sizeof(*sb))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	pthread_mutex_init(&sb->lock, NULL);
	sb->mode = opts->mode;
	sb->is_root = geteuid() == 0;
	sb->uid = -1;
	if (sb->mode == HZ_SANDBOX_NONE)
		goto ok;
	if (!opts->state_dir) {
		rc = hz_error_set(HZ_EUSAGE, "sandbox: no state directory given");
		goto done;
	}
	if (!(sb->bwrap = hz_proc_which("bwrap"))) {
		rc = hz_error_set(HZ_ESANDBOX, "bwrap (bubblewrap) is not installed: install it (scripts/setup.sh, "
					       "or apt-get install bubblewrap), or pass --sandbox none to run "
					       "without isolation");
		goto done;
	}
	if (sb->bwrap[0] != '/') {
		char *abs = realpath(sb->bwrap, NULL);
		free(sb->bwrap);
		sb->bwrap = abs;
	}
	if (sb->is_root)
		sb->uid = opts->uid >= 0 ? opts->uid : HZ_SANDBOX_DEFAULT_UID;
	if (!opts->no_cgroups && sb->is_root) {
		hz_cgroup_available(&sb->cg_pids, &sb->cg_memory);
		hz_cgroup_sweep_stale();
	}
	if (!(sb->state_dir = strdup(opts->state_dir)) || !(sb->etc_dir = hz_path_join(opts->state_dir, "etc"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = hz_sandbox_write_etc(sb->etc_dir, &sb->etc_binds)) != 0)
		goto done;
	/* Check once that a sandbox really starts, so a sweep fails early and clearly. */
	cmd.argv = argv;
	cmd.timeout_s = 30;
	if ((rc = hz_sandbox_exec(sb, &cmd, &res)) != 0) {
		if (sb->uid > 0)
			hz_error_prefix("as uid %ld (which must be able to reach '%s'): ", sb->uid, sb->state_dir);
		goto done;
	}
	if (res.exit_code != 0) {
		rc = hz_error_set(HZ_ESANDBOX, "the sandbox's self-test exited with %d: %.200s (see 'horizon doctor')",
				  res.exit_code, res.output ? res.output : "");
		goto done;
	}
ok:
	*out = sb;
	sb = NULL;
done:
	hz_exec_result_release(&res);
	hz_sandbox_free(sb);
	return rc;
}
