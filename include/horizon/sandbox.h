/*
 * The sandbox: runs one command of an agent or a scorer in bubblewrap with
 * no network, its own user, PID, IPC and UTS namespaces, read-only system
 * directories, a synthesised /etc, the run's workspace as the only writable
 * place (plus a private /tmp), a clean environment, rlimits, cgroup v1 pids
 * and memory limits where writable, a wall-clock timeout that kills the whole
 * process tree, and capped output.  `horizon doctor` reports what this
 * machine offers (hz_sandbox_probe).  See docs/run.md.
 */
#ifndef HORIZON_SANDBOX_H
#define HORIZON_SANDBOX_H

#include <stddef.h>

#include "horizon/agent.h"
#include "horizon/task.h"

typedef enum {
	HZ_SANDBOX_BWRAP = 0, /* bubblewrap; refuses to run when it does not work */
	HZ_SANDBOX_NONE       /* no isolation at all: only for trusted agents, said in every record */
} hz_sandbox_mode;

/* "bwrap" or "none" into *out; HZ_EUSAGE otherwise. */
int hz_sandbox_mode_parse(const char *s, hz_sandbox_mode *out);
const char *hz_sandbox_mode_name(hz_sandbox_mode mode);

/* The uid the sandbox runs as on the host when horizon runs as root. */
#define HZ_SANDBOX_DEFAULT_UID 65534

typedef struct hz_sandbox_opts {
	hz_sandbox_mode mode;
	long uid;              /* host uid of sandboxed processes when we are root; <0: HZ_SANDBOX_DEFAULT_UID */
	const char *state_dir; /* private directory for the synthesised /etc (created; world-readable) */
	int no_cgroups;        /* 1: never use cgroups even where writable */
} hz_sandbox_opts;

#define HZ_SANDBOX_OPTS_INIT { .mode = HZ_SANDBOX_BWRAP, .uid = -1 }

typedef struct hz_sandbox hz_sandbox;

/*
 * Prepare a sandbox for many commands: find bwrap, write the synthesised
 * /etc under opts->state_dir, and check once that a sandbox really starts
 * (HZ_ESANDBOX with the reason and a pointer to `horizon doctor` when not).
 * Thread-safe to use from many workers once made.
 */
int hz_sandbox_new(hz_sandbox **out, const hz_sandbox_opts *opts);
void hz_sandbox_free(hz_sandbox *sb);

hz_sandbox_mode hz_sandbox_get_mode(const hz_sandbox *sb);

/*
 * The host uid that must own a workspace so that the sandbox can write it
 * (-1: leave ownership alone, e.g. when not root or with --sandbox none).
 */
long hz_sandbox_owner_uid(const hz_sandbox *sb);

/* One extra mount: host `src` at `dst` inside (read-only unless `writable`). */
typedef struct hz_sandbox_mount {
	const char *src;
	const char *dst;
	int writable;
} hz_sandbox_mount;

/* One command to run in a fresh sandbox. */
typedef struct hz_sandbox_cmd {
	char *const *argv;          /* run inside; NULL-terminated */
	const char *workspace;      /* host directory bound read-write at /workspace (the cwd) */
	const hz_sandbox_mount *mounts;
	size_t nmounts;
	char *const *env;           /* extra NAME=VALUE entries (NULL-terminated or NULL) */
	const hz_resources *limits; /* NULL: the defaults of docs/tasks.md */
	double timeout_s;           /* wall clock; <= 0: none */
	size_t max_output;          /* cap of the captured stdout+stderr; 0: 1 MiB */
	int share_net;              /* 1: keep the host network (opt-in for CLI agents calling an API) */
	const char *stdin_data;
	size_t stdin_len;
	int tty_fd;                 /* > 2: a terminal (a pty's slave side) as the command's stdin,
				       stdout and stderr; nothing captured (an interactive session) */
} hz_sandbox_cmd;

#define HZ_SANDBOX_CMD_INIT { 0 }

/*
 * Run cmd in a fresh sandbox and wait for it and every process it started.
 * Returns 0 when the command ran (whatever its status: see *out, which the
 * caller releases), HZ_ESANDBOX when the sandbox could not be set up.
 */
int hz_sandbox_exec(hz_sandbox *sb, const hz_sandbox_cmd *cmd, hz_exec_result *out);

/*
 * A command whose sandbox is made ahead of time, so that setting it up (the
 * namespaces, the mounts, the cgroup: most of a short command's cost)
 * overlaps other work: hz_sandbox_prepare starts bwrap, which builds the
 * sandbox and holds the command at the door; hz_sandbox_start lets it run
 * (its timeout counts from then), waits for it like hz_sandbox_exec and
 * frees the handle; hz_sandbox_discard kills a held sandbox that is not
 * needed.  A held sandbox is as fresh as one from hz_sandbox_exec: nothing
 * runs in it before hz_sandbox_start.  cmd and everything it points to must
 * stay valid until then.  With --sandbox none nothing is made ahead.
 */
typedef struct hz_sandbox_held hz_sandbox_held;
int hz_sandbox_prepare(hz_sandbox *sb, const hz_sandbox_cmd *cmd, hz_sandbox_held **out);
int hz_sandbox_start(hz_sandbox_held *held, hz_exec_result *out);
void hz_sandbox_discard(hz_sandbox_held *held);

/*
 * Where a mount shows up for the command: its `dst` inside a sandbox, its
 * `src` with --sandbox none (so that scorers get paths that exist).
 */
const char *hz_sandbox_path(const hz_sandbox *sb, const hz_sandbox_mount *m);

/*
 * What a command with these limits really gets, as a JSON object text
 * ({"sandbox":"bwrap","net":"none","pid_ns":true,"uid":65534,...}) or
 * "\"none\"".  Heap string owned by the caller; NULL on ENOMEM.
 */
char *hz_sandbox_isolation(const hz_sandbox *sb, const hz_resources *limits, int share_net);

/* What `horizon doctor` found. */
typedef struct hz_sandbox_report {
	char bwrap_path[256];     /* "" when not found */
	char bwrap_version[64];
	int is_root;
	long uid;                 /* host uid the sandbox would run as */
	int userns;               /* a bwrap sandbox with user, PID and network namespaces started */
	char userns_error[512];
	int net_isolated;         /* inside, only a loopback interface exists */
	int uid_dropped;          /* sandboxed processes are not root on the host */
	int rlimits;              /* rlimits are applied and seen inside */
	int cgroup_pids;          /* writable cgroup v1 pids controller */
	int cgroup_memory;        /* writable cgroup v1 memory controller */
	char cgroup_note[256];
	int etc_private;          /* /etc/shadow is not reachable inside */
	double start_ms;          /* time to start and end `true` in a sandbox */
} hz_sandbox_report;

/*
 * Probe this machine: is bwrap there, do user namespaces work, which cgroup
 * controllers are writable, what does a sandboxed process see.  Fills *rep
 * and returns 0 even when things are missing (that is what it reports);
 * negative only when the probe itself could not run.
 */
int hz_sandbox_probe(hz_sandbox_report *rep, long uid, const char *state_dir);

#endif
