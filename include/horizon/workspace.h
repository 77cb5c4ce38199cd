/*
 * Run workspaces: a fresh git repository (libgit2) made from a task's
 * workspace/ and committed as the baseline with a fixed author and date, so
 * that the baseline commit id depends only on the task's files.  The git
 * directory lives beside the work tree, out of the agent's reach.  After the
 * agent, the final state is committed and the diff against the baseline
 * saved as a patch.
 */
#ifndef HORIZON_WORKSPACE_H
#define HORIZON_WORKSPACE_H

#include <stddef.h>

typedef struct hz_workspace hz_workspace;

/* Author, committer and date of every baseline commit. */
#define HZ_WORKSPACE_AUTHOR "horizon"
#define HZ_WORKSPACE_EMAIL "horizon@localhost"
#define HZ_WORKSPACE_TIME 946684800 /* 2000-01-01T00:00:00Z */

/*
 * Make `dir` (which must not exist) with a copy of `src` as its work tree
 * (`dir`/work) and a git directory (`dir`/git), commit it as the baseline,
 * and hand ownership of the work tree to `owner_uid` (-1: leave it).
 * *out is owned by the caller (hz_workspace_free).
 */
int hz_workspace_create(hz_workspace **out, const char *dir, const char *src, long owner_uid);

/*
 * A task's baseline, made once and shared by many runs: a git object
 * database holding the baseline commit of `src`.  Workspaces made from it
 * (hz_workspace_create_from) borrow its objects, so a run needs no git work
 * before the agent starts.  Read-only once made; safe to share between
 * threads.
 */
typedef struct hz_workspace_base hz_workspace_base;

/* Commit `src` as the baseline in a new repository at `dir` (which must not exist). */
int hz_workspace_base_new(hz_workspace_base **out, const char *dir, const char *src);
const char *hz_workspace_base_commit(const hz_workspace_base *base);
void hz_workspace_base_free(hz_workspace_base *base);

/*
 * Like hz_workspace_create, from a shared baseline (same baseline commit
 * id), but with no git directory on disk: the repository lives in memory
 * (its new objects in memory, the baseline's borrowed from `base`), so the
 * run's only files are its work tree.  The final commit and the patch work
 * as usual.
 */
int hz_workspace_create_from(hz_workspace **out, const char *dir, const hz_workspace_base *base, long owner_uid);

/* Host path of the work tree (what the sandbox binds at /workspace). */
const char *hz_workspace_path(const hz_workspace *ws);

/* The baseline commit id (40 hex digits). */
const char *hz_workspace_baseline(const hz_workspace *ws);

/*
 * Stage everything in the work tree (new, changed and deleted files), commit
 * it as the final state, and write the diff against the baseline to
 * `patch_path` (NULL: do not write), cut at `max_patch` bytes with a marker
 * line.  *patch_bytes gets the full diff size; final_oid (41 bytes) the
 * final commit id.  Call once the agent's processes are gone.
 */
int hz_workspace_finish(hz_workspace *ws, const char *patch_path, size_t max_patch, size_t *patch_bytes,
			char final_oid[41]);

/* Delete the workspace directory (work tree and git directory). */
int hz_workspace_remove(hz_workspace *ws);

void hz_workspace_free(hz_workspace *ws);

#endif
