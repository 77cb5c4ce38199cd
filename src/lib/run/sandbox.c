/*
 * The bubblewrap sandbox: its set-up (hz_sandbox_new), bwrap's command line
 * for one command, and what a record says of the isolation.  Running the
 * command is sandbox_exec.c.
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

static void av_add(sandbox_argv *a, const char *s)
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
static const char *av_keep(sandbox_argv *a, char *s)
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

void sandbox_argv_release(sandbox_argv *a)
{
	for (size_t i = 0; i < a->npool; i++)
		free(a->pool[i]);
	free(a->pool);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static void av_add3(sandbox_argv *a, const char *x, const char *y, const char *z)
{
	av_add(a, x);
	av_add(a, y);
	if (z)
		av_add(a, z);
}

/* The top-level system paths: bound read-only, or recreated as the symlinks they are (merged /usr). */
static void add_system_dirs(sandbox_argv *a)
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

const char *const sandbox_env_vars[] = {
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

int sandbox_bwrap_argv(const hz_sandbox *sb, const hz_sandbox_cmd *cmd, const hz_resources *lim, int gated,
			  sandbox_argv *a)
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
	for (size_t i = 0; sandbox_env_vars[i]; i += 2)
		av_add3(a, "--setenv", sandbox_env_vars[i], sandbox_env_vars[i + 1]);
	for (char *const *e = cmd->env; e && *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq)
			continue;
		av_add3(a, "--setenv", av_keep(a, strndup(*e, (size_t)(eq - *e))), eq + 1);
	}
	if (gated) {
		snprintf(num, sizeof(num), "%d", SANDBOX_GATE_FD);
		av_add3(a, "--block-fd", av_keep(a, strdup(num)), NULL);
	}
	snprintf(num, sizeof(num), "%d", SANDBOX_STATUS_FD);
	av_add3(a, "--json-status-fd", av_keep(a, strdup(num)), "--");
	for (char *const *p = cmd->argv; *p; p++)
		av_add(a, *p);
	if (a->oom) {
		sandbox_argv_release(a);
		return hz_error_set(HZ_ENOMEM, "out of memory");
	}
	return 0;
}

long sandbox_nproc(const hz_sandbox *sb, const hz_resources *lim)
{
	/* RLIMIT_NPROC counts every process of the uid: a backstop when the pids cgroup does the real work. */
	return sb->cg_pids ? lim->processes + 4096 : lim->processes + 8;
}

char *hz_sandbox_isolation(const hz_sandbox *sb, const hz_resources *limits, int share_net)
{
	const hz_resources *lim = limits ? limits : &sandbox_default_limits;
	json_t *o, *rl;
	char *s;

	if (sb->mode == HZ_SANDBOX_NONE)
		return strdup("\"none\"");
	rl = json_pack("{s:I,s:I,s:I,s:I}", "as_mb", (json_int_t)lim->memory_mb, "cpu_s", (json_int_t)lim->cpu_s,
		       "fsize_mb", (json_int_t)lim->disk_mb, "nofile", (json_int_t)lim->open_files);
	if (rl && sb->uid >= 0)
		json_object_set_new(rl, "nproc", json_integer(sandbox_nproc(sb, lim)));
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
		sandbox_cgroup_destroy(&sb->cg_pool[i]);
	free(sb->cg_pool);
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
		sandbox_cgroup_available(&sb->cg_pids, &sb->cg_memory);
		sandbox_cgroup_sweep_stale();
	}
	if (!(sb->state_dir = strdup(opts->state_dir)) || !(sb->etc_dir = hz_path_join(opts->state_dir, "etc"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = sandbox_write_etc(sb->etc_dir)) != 0)
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
