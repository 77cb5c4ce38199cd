/*
 * What isolation this machine gives (`horizon doctor`): bwrap's presence and
 * version, whether a sandbox with user, PID and network namespaces starts,
 * what a process inside sees (interfaces, uid mapping, /etc/shadow, limits),
 * and which cgroup controllers are writable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "proc.h"
#include "sandbox_internal.h"
#include "strutil.h"

/* Printed by a shell inside the sandbox, one "key:value" per line. */
static const char probe_script[] =
	"touch /workspace/probe\n"
	"echo \"ifaces:$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')\"\n"
	"if cat /etc/shadow >/dev/null 2>&1; then echo shadow:readable; else echo shadow:hidden; fi\n"
	"echo \"as_kb:$(ulimit -v)\"\n"
	"echo \"nofile:$(ulimit -n)\"\n";

static const char *value_of(const char *out, const char *key, char *buf, size_t size)
{
	size_t kl = strlen(key);

	for (const char *p = out; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, key, kl) && p[kl] == ':') {
			const char *v = p + kl + 1, *end = strchr(v, '\n');
			size_t n = end ? (size_t)(end - v) : strlen(v);
			if (n >= size)
				n = size - 1;
			memcpy(buf, v, n);
			buf[n] = '\0';
			return buf;
		}
	}
	buf[0] = '\0';
	return buf;
}

static void bwrap_version(const char *path, char *out, size_t size)
{
	char *argv[] = { (char *)path, "--version", NULL };
	hz_proc_opts po = HZ_PROC_OPTS_INIT;
	hz_proc_result pr;

	out[0] = '\0';
	po.argv = argv;
	po.timeout_s = 10;
	po.merge_stderr = 1;
	if (hz_proc_run(&po, &pr) == 0 && pr.out) {
		size_t n = strcspn(pr.out, "\n");
		snprintf(out, size, "%.*s", (int)n, pr.out);
	}
	hz_proc_result_release(&pr);
}

int hz_sandbox_probe(hz_sandbox_report *rep, long uid, const char *state_dir)
{
	hz_sandbox_opts so = HZ_SANDBOX_OPTS_INIT;
	hz_sandbox_cmd cmd = HZ_SANDBOX_CMD_INIT;
	hz_exec_result res = { 0 };
	hz_sandbox *sb = NULL;
	char *bw, *tmp = NULL, *ws = NULL, buf[256];
	char *argv[] = { "bash", "-c", (char *)probe_script, NULL }, *tru[] = { "true", NULL };
	hz_resources lim = { 1024, 60, 64, 64, 100 };
	double t0;

	memset(rep, 0, sizeof(*rep));
	rep->is_root = geteuid() == 0;
	rep->uid = rep->is_root ? (uid >= 0 ? uid : HZ_SANDBOX_DEFAULT_UID) : (long)getuid();
	if (rep->is_root)
		sandbox_cgroup_available(&rep->cgroup_pids, &rep->cgroup_memory);
	if (!rep->is_root)
		snprintf(rep->cgroup_note, sizeof(rep->cgroup_note), "not root: cgroups are not used");
	else if (!rep->cgroup_pids || !rep->cgroup_memory)
		snprintf(rep->cgroup_note, sizeof(rep->cgroup_note),
			 "no writable cgroup v1 %s controller under /sys/fs/cgroup",
			 !rep->cgroup_pids && !rep->cgroup_memory ? "pids or memory" : !rep->cgroup_pids ? "pids" : "memory");
	if (!(bw = hz_proc_which("bwrap"))) {
		snprintf(rep->userns_error, sizeof(rep->userns_error), "bwrap is not installed");
		return 0;
	}
	snprintf(rep->bwrap_path, sizeof(rep->bwrap_path), "%s", bw);
	free(bw);
	bwrap_version(rep->bwrap_path, rep->bwrap_version, sizeof(rep->bwrap_version));
	if (!state_dir) {
		char tmpl[] = "/tmp/horizon-doctor-XXXXXX";
		if (!mkdtemp(tmpl))
			return hz_error_set_errno("cannot create a temporary directory");
		chmod(tmpl, 0755);
		if (!(tmp = strdup(tmpl)))
			return hz_error_set(HZ_ENOMEM, "out of memory");
		state_dir = tmp;
	}
	so.uid = uid;
	so.state_dir = state_dir;
	if (hz_sandbox_new(&sb, &so) != 0) {
		snprintf(rep->userns_error, sizeof(rep->userns_error), "%s", hz_error_message());
		goto done;
	}
	rep->userns = 1;
	rep->rlimits = 1;
	cmd.argv = tru;
	cmd.timeout_s = 20;
	t0 = hz_clock_now();
	for (int i = 0; i < 5; i++) {
		hz_exec_result r = { 0 };
		hz_sandbox_exec(sb, &cmd, &r);
		hz_exec_result_release(&r);
	}
	rep->start_ms = (hz_clock_now() - t0) / 5 * 1000;
	cmd.argv = argv;
	cmd.limits = &lim;
	/* A file made inside shows on the host who the sandboxed processes really are. */
	if (!(ws = hz_path_join(state_dir, "ws")) || hz_fs_mkdir_p(ws, 0755) != 0 ||
	    (rep->is_root && chown(ws, (uid_t)rep->uid, (gid_t)rep->uid) < 0)) {
		snprintf(rep->userns_error, sizeof(rep->userns_error), "cannot prepare a probe workspace");
		rep->userns = 0;
		goto done;
	}
	cmd.workspace = ws;
	if (hz_sandbox_exec(sb, &cmd, &res) != 0) {
		snprintf(rep->userns_error, sizeof(rep->userns_error), "%s", hz_error_message());
		rep->userns = 0;
		goto done;
	}
	rep->net_isolated = !strcmp(value_of(res.output, "ifaces", buf, sizeof(buf)), "lo ");
	rep->etc_private = !strcmp(value_of(res.output, "shadow", buf, sizeof(buf)), "hidden");
	{
		char *probe = hz_path_join(ws, "probe");
		struct stat st;
		rep->uid_dropped = probe && stat(probe, &st) == 0 && st.st_uid != 0;
		free(probe);
	}
	rep->rlimits = atol(value_of(res.output, "as_kb", buf, sizeof(buf))) == lim.memory_mb * 1024 &&
		       atol(value_of(res.output, "nofile", buf, sizeof(buf))) == lim.open_files;
done:
	hz_exec_result_release(&res);
	hz_sandbox_free(sb);
	free(ws);
	if (tmp) {
		hz_fs_remove_tree(tmp);
		free(tmp);
	}
	return 0;
}
