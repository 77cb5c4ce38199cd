/*
 * Child processes: argv (never a shell string), environment, working
 * directory, optional stdin data, a timeout, and capped capture of stdout and
 * stderr.  The child runs in its own process group; on timeout the whole group
 * gets SIGTERM, then SIGKILL after a grace period.
 */
#ifndef HZ_UTIL_PROC_H
#define HZ_UTIL_PROC_H

#include <stddef.h>
#include <signal.h>
#include <sys/types.h>

typedef struct hz_proc_opts {
	char *const *argv;        /* argv[0] is looked up in PATH; NULL-terminated */
	char *const *envp;        /* the child's whole environment; NULL: inherit ours */
	const char *cwd;          /* NULL: ours */
	const char *stdin_data;   /* written to the child's stdin, then closed; NULL: /dev/null */
	size_t stdin_len;
	double timeout_s;         /* <= 0: none */
	double kill_grace_s;      /* between SIGTERM and SIGKILL; default 1 s when 0 */
	size_t max_stdout;        /* capture cap; 0: 1 MiB */
	size_t max_stderr;        /* capture cap; 0: 1 MiB */
	int merge_stderr;         /* 1: stderr goes into the stdout capture, interleaved */
	int discard_output;       /* 1: no capture; stdout and stderr go to /dev/null */
	int inherit_output;       /* 1: no capture; stdout and stderr are ours */
	int tty_fd;               /* > 2: the child's stdin, stdout and stderr (a terminal's
				     slave side); no capture, no stdin_data */
	/*
	 * Called in the child after fork, just before exec (after the process
	 * group and fds are set up).  Only async-signal-safe calls (no malloc):
	 * rlimits, cgroup writes, dropping privileges.  Returns 0, or an errno
	 * value that makes hz_proc_run fail as if exec had failed.
	 */
	int (*pre_exec)(void *arg);
	void *pre_exec_arg;
} hz_proc_opts;

#define HZ_PROC_OPTS_INIT { 0 }

typedef struct hz_proc_result {
	int exit_code;        /* exit status, or -1 when a signal ended it */
	int term_signal;      /* 0 unless a signal ended it */
	int timed_out;
	int stdout_truncated; /* output beyond the cap was read and dropped */
	int stderr_truncated;
	char *out;            /* captured stdout (NUL-terminated, owned), or NULL */
	size_t out_len;
	char *err;            /* captured stderr, or NULL */
	size_t err_len;
	double wall_s;
} hz_proc_result;

/*
 * Run a child to completion.  Returns 0 when the child was started and has
 * ended (whatever its exit status: look in *res), or HZ_ENOTFOUND when
 * argv[0] cannot be executed, HZ_EIO for other failures.  Release *res with
 * hz_proc_result_release() either way.
 */
int hz_proc_run(const hz_proc_opts *opts, hz_proc_result *res);

/*
 * The same in two steps, for a child started ahead of time: hz_proc_spawn
 * starts it (0, or the errors of hz_proc_run) and hz_proc_wait waits for it
 * (the timeout and wall_s count from this call) and frees the handle.
 * hz_proc_kill ends a spawned child's group instead and frees the handle.
 * opts is copied; of what it points to, only stdin_data must stay valid
 * until the handle is waited for or killed.
 */
typedef struct hz_proc hz_proc;
int hz_proc_spawn(const hz_proc_opts *opts, hz_proc **out);
int hz_proc_wait(hz_proc *p, hz_proc_result *res);
void hz_proc_kill(hz_proc *p);


void hz_proc_result_release(hz_proc_result *res);

/*
 * Block SIGPIPE in the calling thread (a write to a pipe or socket whose
 * reader is gone then fails with EPIPE instead of killing the process), and
 * put the mask back, consuming a SIGPIPE raised meanwhile.  The process's
 * signal handling is left alone.
 */
void hz_sigpipe_block(sigset_t *old);
void hz_sigpipe_restore(const sigset_t *old);

/* Find an executable in PATH; returns a heap path or NULL. */
char *hz_proc_which(const char *name);

#endif
