/*
 * A task: one directory of the catalogue (task.json, instructions.md,
 * workspace/, tests/, solution/), loaded and checked.  See docs/tasks.md.
 */
#ifndef HORIZON_TASK_H
#define HORIZON_TASK_H

#include <stddef.h>

typedef struct hz_task hz_task;

typedef enum {
	HZ_SCORER_EXIT = 0, /* exit status 0 means success */
	HZ_SCORER_JSON,     /* stdout ends with a JSON object {"score": x}; success when x >= threshold */
	HZ_SCORER_ANSWER    /* the agent's answer compared with tests/<answer_file> */
} hz_scorer_kind;

typedef enum { HZ_MATCH_EXACT = 0, HZ_MATCH_REGEX, HZ_MATCH_NUMBER } hz_match_kind;

typedef struct hz_scorer {
	hz_scorer_kind kind;
	char **command;       /* argv run in /workspace with the tests at /tests; NULL-terminated; NULL for answer */
	double timeout_s;
	double threshold;     /* for HZ_SCORER_JSON; default 1.0 */
	char *answer_file;    /* for HZ_SCORER_ANSWER, relative to the task directory (under tests/) */
	hz_match_kind match;
} hz_scorer;

typedef struct hz_resources {
	long memory_mb;   /* address-space limit */
	long cpu_s;       /* RLIMIT_CPU */
	long processes;   /* RLIMIT_NPROC / pids.max */
	long disk_mb;     /* RLIMIT_FSIZE (largest single file) */
	long open_files;  /* RLIMIT_NOFILE */
} hz_resources;

/*
 * Load the task in directory `dir` (which holds task.json).  Every error names
 * the file and the field: "tasks/x/y/task.json: 'human_minutes' must be a
 * positive number".  Returns 0 or HZ_EINVALID / HZ_ENOTFOUND; *out is owned by
 * the caller (hz_task_free).
 */
int hz_task_load(hz_task **out, const char *dir);
void hz_task_free(hz_task *task);

const char *hz_task_id(const hz_task *task);       /* "family/name" */
const char *hz_task_family(const hz_task *task);
const char *hz_task_version(const hz_task *task);
const char *hz_task_summary(const hz_task *task);
const char *hz_task_dir(const hz_task *task);      /* absolute path */
double hz_task_human_minutes(const hz_task *task);
const char *hz_task_human_source(const hz_task *task); /* "baseline" or "estimate" */
const char *hz_task_human_notes(const hz_task *task);
double hz_task_time_limit_s(const hz_task *task);
const hz_scorer *hz_task_scorer(const hz_task *task);
const hz_resources *hz_task_resources(const hz_task *task);
const char *hz_task_network(const hz_task *task);  /* "none" */
const char *hz_task_domain(const hz_task *task);   /* "software" (the default), "security", "ml", "data", "ops" */

/* The known domains, NULL-terminated, and whether `domain` is one of them. */
extern const char *const hz_task_domains[];
int hz_task_domain_known(const char *domain);
size_t hz_task_requires_count(const hz_task *task);
const char *hz_task_requires(const hz_task *task, size_t i);
size_t hz_task_tags_count(const hz_task *task);
const char *hz_task_tag(const hz_task *task, size_t i);
int hz_task_has_tag(const hz_task *task, const char *tag);

/*
 * Is `tool`, a command named in `requires`, installed where sandboxed tasks
 * look for commands (/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin,
 * /sbin, /bin)?  A name with a '/' is not a command name and counts as found.
 */
int hz_task_tool_installed(const char *tool);

/* The first tool the task requires that is not installed, or NULL. */
const char *hz_task_missing_tool(const hz_task *task);

/*
 * Read instructions.md into a heap string owned by the caller.
 */
int hz_task_instructions(const hz_task *task, char **out);

/*
 * The SHA-256 of everything that defines the task (task.json, instructions.md,
 * workspace/, tests/, solution/: paths and contents, in sorted order), as 64
 * hex characters.  Computed once and cached.
 */
const char *hz_task_sha256(hz_task *task);

#endif
