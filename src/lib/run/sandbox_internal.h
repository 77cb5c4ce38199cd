/*
 * Pieces of the sandbox shared by its files: the set-up and bwrap's command
 * line (sandbox.c), running a command (sandbox_exec.c), cgroup v1 handling
 * (sandbox_cgroup.c) and the synthesised /etc (sandbox_etc.c).
 */
#ifndef HZ_SANDBOX_INTERNAL_H
#define HZ_SANDBOX_INTERNAL_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

#include "horizon/sandbox.h"

struct hz_sandbox {
	hz_sandbox_mode mode;
	char *bwrap;        /* absolute path of bwrap */
	char *state_dir;
	char *etc_dir;      /* synthesised /etc */
	long uid;           /* host uid sandboxed processes run as; -1: ours */
	int is_root;
	int cg_pids, cg_memory;
	pthread_mutex_t lock;
	unsigned long counter;
	/*
	 * Emptied cgroups kept for the next command: making and removing a
	 * cgroup costs the kernel 15-25 ms, more than the rest of a command.
	 */
	struct sandbox_cgroup *cg_pool;
	size_t cg_npool, cg_cap;
};

/* The fds bwrap gets for --json-status-fd and --block-fd. */
#define SANDBOX_STATUS_FD 3
#define SANDBOX_GATE_FD 4

/* What a command without limits of its own gets (docs/tasks.md). */
extern const hz_resources sandbox_default_limits;

/* The sandbox's fixed environment: NAME, VALUE pairs, NULL-terminated. */
extern const char *const sandbox_env_vars[];

/* A growable argv whose strings are borrowed or owned by `pool`. */
typedef struct sandbox_argv {
	char **v;
	size_t n, cap;
	char **pool;
	size_t npool, poolcap;
	int oom;
} sandbox_argv;

void sandbox_argv_release(sandbox_argv *a);

/* The RLIMIT_NPROC a sandboxed command gets. */
long sandbox_nproc(const hz_sandbox *sb, const hz_resources *lim);

/*
 * bwrap's command line for cmd with these limits; with `gated`, bwrap builds
 * the sandbox and then waits on SANDBOX_GATE_FD before the command.
 * 0, or HZ_ENOMEM (a released).
 */
int sandbox_bwrap_argv(const hz_sandbox *sb, const hz_sandbox_cmd *cmd, const hz_resources *lim, int gated,
			  sandbox_argv *a);

/* A per-command cgroup (pids and/or memory), or nothing. */
typedef struct sandbox_cgroup {
	char pids_dir[256];
	char mem_dir[256];
	char pids_procs[300]; /* "" when unused */
	char mem_procs[300];
} sandbox_cgroup;

/* Are the v1 pids / memory controllers writable here? */
int sandbox_cgroup_available(int *pids, int *memory);

/* Make the cgroup for one command with these limits (0: none). */
int sandbox_cgroup_create(sandbox_cgroup *cg, int use_pids, int use_memory, const char *name, long max_pids,
		     long max_bytes);

/* Write the limits again, for a cgroup taken back from the pool; 0 or -1 (errno set). */
int sandbox_cgroup_set_limits(const sandbox_cgroup *cg, long max_pids, long max_bytes);

/* Kill whatever is left in it, until it is empty: 0, or -1 when it would not empty. */
int sandbox_cgroup_empty(const sandbox_cgroup *cg);

/* In the child, before exec: join the cgroup.  Async-signal-safe; 0 or an errno value. */
int sandbox_cgroup_join(const sandbox_cgroup *cg);

/* Kill whatever is left in it and remove it. */
void sandbox_cgroup_destroy(sandbox_cgroup *cg);

/* Remove empty cgroups left by dead horizon processes. */
void sandbox_cgroup_sweep_stale(void);

/*
 * Write the synthesised /etc under dir: passwd and group naming the sandbox
 * user, hosts, hostname, nsswitch.conf, and copies of the few host files
 * and directories programs need (the loader's cache, CA certificates, ...).
 */
int sandbox_write_etc(const char *dir);

#endif
