/*
 * Run workspaces: a fresh git repository (libgit2) made from a task's
 * workspace/ and committed as the baseline with a fixed author and date, so
 * that the baseline commit id depends only on the task's files.  The git
 * directory lives beside the work tree, out of the agent's reach.  After the
 * agent, the final state is committed and the diff against the baseline
 * saved as a patch.
 */
#ifndef RUN_WORKSPACE_H
#define RUN_WORKSPACE_H

#include <stddef.h>

typedef struct run_workspace run_workspace;

/* Author, committer and date of every baseline commit. */
#define WORKSPACE_AUTHOR "horizon"
#define WORKSPACE_EMAIL "horizon@localhost"
#define WORKSPACE_TIME 946684800 /* 2000-01-01T00:00:00Z */

/*
 * Make `dir` (which must not exist) with a copy of `src` as its work tree
 * (`dir`/work) and a git directory (`dir`/git), commit it as the baseline,
 * and hand ownership of the work tree to `owner_uid` (-1: leave it).
 * *out is owned by the caller (workspace_free).
 */
int workspace_create(run_workspace **out, const char *dir, const char *src, long owner_uid);

/*
 * A task's baseline, made once and shared by many runs: a git object
 * database holding the baseline commit of `src`.  Workspaces made from it
 * (workspace_create_from) borrow its objects, so a run needs no git work
 * before the agent starts.  Read-only once made; safe to share between
 * threads.
 */
typedef struct run_workspace_base run_workspace_base;

/* Commit `src` as the baseline in a new repository at `dir` (which must not exist). */
int workspace_base_new(run_workspace_base **out, const char *dir, const char *src);
const char *workspace_base_commit(const run_workspace_base *base);
void workspace_base_free(run_workspace_base *base);

/*
 * Like workspace_create, from a shared baseline (same baseline commit
 * id), but with no git directory on disk: the repository lives in memory
 * (its new objects in memory, the baseline's borrowed from `base`), so the
 * run's only files are its work tree.  The final commit and the patch work
 * as usual.
 */
int workspace_create_from(run_workspace **out, const char *dir, const run_workspace_base *base, long owner_uid);

/* Host path of the work tree (what the sandbox binds at /workspace). */
const char *workspace_path(const run_workspace *ws);

/* The baseline commit id (40 hex digits). */
const char *workspace_baseline(const run_workspace *ws);

/*
 * Stage everything in the work tree (new, changed and deleted files), commit
 * it as the final state, and write the diff against the baseline to
 * `patch_path` (NULL: do not write), cut at `max_patch` bytes with a marker
 * line.  *patch_bytes gets the full diff size; final_oid (41 bytes) the
 * final commit id.  Call once the agent's processes are gone.
 */
int workspace_finish(run_workspace *ws, const char *patch_path, size_t max_patch, size_t *patch_bytes,
			char final_oid[41]);

/* Delete the workspace directory (work tree and git directory). */
int workspace_remove(run_workspace *ws);

void workspace_free(run_workspace *ws);

#endif
