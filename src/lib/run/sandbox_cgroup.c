/*
 * cgroup v1 pids and memory limits for sandboxed commands: one cgroup per
 * command under /sys/fs/cgroup/<controller>/horizon/, joined by the child
 * before it execs bwrap, emptied (SIGKILL) and removed afterwards.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "horizon/error.h"
#include "sandbox_internal.h"

#define CG_PIDS "/sys/fs/cgroup/pids"
#define CG_MEMORY "/sys/fs/cgroup/memory"

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* A controller is usable when we can make (and remove) a child cgroup in it. */
static int probe(const char *root)
{
	char dir[256], test[300];

	snprintf(dir, sizeof(dir), "%s/horizon", root);
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return 0;
	snprintf(test, sizeof(test), "%s/probe-%ld", dir, (long)getpid());
	if (mkdir(test, 0755) < 0 && errno != EEXIST)
		return 0;
	rmdir(test);
	return 1;
}

int sandbox_cgroup_available(int *pids, int *memory)
{
	*pids = access(CG_PIDS "/cgroup.procs", W_OK) == 0 && probe(CG_PIDS);
	*memory = access(CG_MEMORY "/cgroup.procs", W_OK) == 0 && probe(CG_MEMORY);
	return 0;
}

/* Write limits into an existing cgroup (a new one, or one taken back from the pool). */
int sandbox_cgroup_set_limits(const sandbox_cgroup *cg, long max_pids, long max_bytes)
{
	char path[400], val[32];

	if (cg->pids_dir[0] && max_pids > 0) {
		snprintf(path, sizeof(path), "%s/pids.max", cg->pids_dir);
		snprintf(val, sizeof(val), "%ld", max_pids);
		if (write_str(path, val) < 0)
			return -1;
	}
	if (cg->mem_dir[0] && max_bytes > 0) {
		char memsw[400];
		int first;
		snprintf(val, sizeof(val), "%ld", max_bytes);
		snprintf(path, sizeof(path), "%s/memory.limit_in_bytes", cg->mem_dir);
		snprintf(memsw, sizeof(memsw), "%s/memory.memsw.limit_in_bytes", cg->mem_dir);
		/*
		 * The memory+swap limit (present only with swap accounting, so no
		 * swapping around the limit) may never be below the memory limit:
		 * raising needs memsw first, lowering needs the memory limit first.
		 */
		first = write_str(path, val);
		write_str(memsw, val);
		if (first < 0 && write_str(path, val) < 0) {
			/* Reclaimable page cache of an earlier command can sit above a lower limit. */
			snprintf(memsw, sizeof(memsw), "%s/memory.force_empty", cg->mem_dir);
			write_str(memsw, "0");
			if (write_str(path, val) < 0)
				return -1;
		}
	}
	return 0;
}

int sandbox_cgroup_create(sandbox_cgroup *cg, int use_pids, int use_memory, const char *name, long max_pids,
		     long max_bytes)
{
	memset(cg, 0, sizeof(*cg));
	if (use_pids) {
		snprintf(cg->pids_dir, sizeof(cg->pids_dir), CG_PIDS "/horizon/%s", name);
		if (mkdir(cg->pids_dir, 0755) < 0)
			goto fail;
		snprintf(cg->pids_procs, sizeof(cg->pids_procs), "%s/cgroup.procs", cg->pids_dir);
	}
	if (use_memory) {
		snprintf(cg->mem_dir, sizeof(cg->mem_dir), CG_MEMORY "/horizon/%s", name);
		if (mkdir(cg->mem_dir, 0755) < 0)
			goto fail;
		snprintf(cg->mem_procs, sizeof(cg->mem_procs), "%s/cgroup.procs", cg->mem_dir);
	}
	if (sandbox_cgroup_set_limits(cg, max_pids, max_bytes) < 0)
		goto fail;
	return 0;
fail:
	hz_error_set_errno("cannot set up cgroup '%s'", name);
	sandbox_cgroup_destroy(cg);
	return HZ_ESANDBOX;
}

int sandbox_cgroup_join(const sandbox_cgroup *cg)
{
	const char *files[2] = { cg->pids_procs, cg->mem_procs };

	for (int i = 0; i < 2; i++) {
		int fd;
		if (!files[i][0])
			continue;
		if ((fd = open(files[i], O_WRONLY | O_CLOEXEC)) < 0)
			return errno;
		if (write(fd, "0", 1) != 1) {
			int e = errno;
			close(fd);
			return e;
		}
		close(fd);
	}
	return 0;
}

/* SIGKILL every process listed in dir/cgroup.procs; returns how many were listed. */
static int kill_members(const char *dir)
{
	char path[300], buf[4096];
	int fd, n = 0;
	ssize_t len;

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return 0;
	buf[len] = '\0';
	for (char *p = buf; *p;) {
		char *end;
		long pid = strtol(p, &end, 10);
		if (end == p)
			break;
		if (pid > 0) {
			kill((pid_t)pid, SIGKILL);
			n++;
		}
		p = end;
		while (*p == '\n')
			p++;
	}
	return n;
}

/* Is dir/cgroup.procs empty (or gone)? */
static int is_empty(const char *dir)
{
	char path[300], c;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 1;
	n = read(fd, &c, 1);
	close(fd);
	return n <= 0;
}

/* Processes can still be forking: kill until the cgroup is empty (bounded); 0 when empty. */
static int empty_dir(const char *dir)
{
	for (int i = 0; i < 200; i++) {
		if (!dir[0] || is_empty(dir))
			return 0;
		if (kill_members(dir) == 0)
			usleep(1000);
		else
			usleep(2000);
	}
	return -1;
}

int sandbox_cgroup_empty(const sandbox_cgroup *cg)
{
	int a = empty_dir(cg->pids_dir), b = empty_dir(cg->mem_dir);

	return a || b ? -1 : 0;
}

static void empty_and_remove(const char *dir)
{
	if (!dir[0])
		return;
	for (int i = 0; i < 200; i++) {
		if (rmdir(dir) == 0 || errno == ENOENT)
			return;
		if (kill_members(dir) == 0)
			usleep(1000);
		else
			usleep(2000);
	}
}

void sandbox_cgroup_destroy(sandbox_cgroup *cg)
{
	empty_and_remove(cg->pids_dir);
	empty_and_remove(cg->mem_dir);
	memset(cg, 0, sizeof(*cg));
}

void sandbox_cgroup_sweep_stale(void)
{
	static const char *const roots[] = { CG_PIDS "/horizon", CG_MEMORY "/horizon" };

	for (size_t i = 0; i < 2; i++) {
		DIR *d = opendir(roots[i]);
		struct dirent *de;
		if (!d)
			continue;
		while ((de = readdir(d)) != NULL) {
			char path[512];
			long pid;
			if (strncmp(de->d_name, "hz-", 3) != 0)
				continue;
			pid = strtol(de->d_name + 3, NULL, 10);
			/* Only cgroups of processes that are gone: live sweeps keep theirs. */
			if (pid <= 0 || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
				continue;
			snprintf(path, sizeof(path), "%s/%s", roots[i], de->d_name);
			empty_and_remove(path);
		}
		closedir(d);
	}
}
