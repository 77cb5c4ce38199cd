/*
 * Run workspaces with libgit2: the baseline commit (fixed author and date),
 * the final commit and the patch between them.  See workspace.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "workspace.h"

struct run_workspace {
	char *dir;
	char *work;
	char *gitdir;
	git_repository *repo;
	git_index *index;
	git_oid base_oid;
	char baseline[41];
	int in_memory; /* no git directory on disk (workspace_create_from) */
};

static pthread_once_t git_once = PTHREAD_ONCE_INIT;

static void git_setup(void)
{
	git_libgit2_init();
	/* Workspaces belong to the sandbox uid while we are root: skip libgit2's ownership check. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}

/* Turn the last libgit2 error into ours. */
static int git_fail(const char *what, const char *path)
{
	const git_error *e = git_error_last();

	return hz_error_set(HZ_EIO, "%s '%s': %s", what, path, e && e->message ? e->message : "libgit2 error");
}

static uid_t chown_uid;

static int chown_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return lchown(path, chown_uid, chown_uid) < 0 ? -1 : 0;
}

/* chown -R without following symlinks.  nftw has no user argument, hence the lock. */
static int chown_tree(const char *path, long uid)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	int rc;

	pthread_mutex_lock(&lock);
	chown_uid = (uid_t)uid;
	rc = nftw(path, chown_one, 16, FTW_PHYS);
	pthread_mutex_unlock(&lock);
	if (rc)
		return hz_error_set_errno("cannot hand '%s' to uid %ld", path, uid);
	return 0;
}

/* Stage the whole work tree and commit it; parent may be NULL. */
static int commit_all(run_workspace *ws, const char *message, const git_oid *parent_oid, git_oid *out)
{
	git_signature *sig = NULL;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_reference *ref = NULL;
	git_oid tree_oid;
	int rc = 0;

	/*
	 * Start from an empty index so every file is hashed again: a file rewritten
	 * in place within the same second with the same size would look unchanged
	 * to the stat cache.
	 */
	if (git_index_clear(ws->index) < 0 ||
	    git_index_add_all(ws->index, NULL, GIT_INDEX_ADD_FORCE | GIT_INDEX_ADD_DISABLE_PATHSPEC_MATCH, NULL, NULL) < 0 ||
	    git_index_update_all(ws->index, NULL, NULL, NULL) < 0) {
		rc = git_fail("cannot stage the files of", ws->work);
		goto done;
	}
	if (git_index_write_tree(&tree_oid, ws->index) < 0 || git_tree_lookup(&tree, ws->repo, &tree_oid) < 0 ||
	    (!ws->in_memory && git_index_write(ws->index) < 0)) {
		rc = git_fail("cannot write the tree of", ws->work);
		goto done;
	}
	if (git_signature_new(&sig, WORKSPACE_AUTHOR, WORKSPACE_EMAIL, WORKSPACE_TIME, 0) < 0) {
		rc = git_fail("cannot make a signature for", ws->work);
		goto done;
	}
	if (parent_oid && git_commit_lookup(&parent, ws->repo, parent_oid) < 0) {
		rc = git_fail("cannot find the baseline of", ws->work);
		goto done;
	}
	/* No ref update here: the branch is moved below, also when finishing a second time. */
	if (git_commit_create(out, ws->repo, NULL, sig, sig, NULL, message, tree, parent ? 1 : 0,
			      (const git_commit **)&parent) < 0 ||
	    (!ws->in_memory && git_reference_create(&ref, ws->repo, "refs/heads/main", out, 1, message) < 0)) {
		rc = git_fail("cannot commit", ws->work);
		goto done;
	}
done:
	git_reference_free(ref);
	git_commit_free(parent);
	git_tree_free(tree);
	git_signature_free(sig);
	return rc;
}

/*
 * Allocate a workspace for directory `dir` and create the directory (which
 * must not exist yet).  *wsp is set even on failure, for the caller's
 * clean-up; HZ_EEXISTS when dir is already there.
 */
static int workspace_start(run_workspace **wsp, const char *dir)
{
	run_workspace *ws = calloc(1, sizeof(*ws));

	*wsp = ws;
	if (!ws || !(ws->dir = strdup(dir)) || !(ws->work = hz_path_join(dir, "work")) ||
	    !(ws->gitdir = hz_path_join(dir, "git")))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if (mkdir(dir, 0711) < 0)
		return errno == EEXIST ? hz_error_set(HZ_EEXISTS, "workspace '%s' already exists", dir)
				       : hz_error_set_errno("cannot create workspace '%s'", dir);
	chmod(dir, 0711);
	return 0;
}

int workspace_create(run_workspace **out, const char *dir, const char *src, long owner_uid)
{
	git_repository_init_options io;
	run_workspace *ws;
	int rc = 0;

	*out = NULL;
	pthread_once(&git_once, git_setup);
	git_repository_init_options_init(&io, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	if ((rc = workspace_start(&ws, dir)) != 0)
		goto done;
	if ((rc = hz_fs_copy_tree(src, ws->work)) != 0)
		goto done;
	io.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_DOTGIT_DIR;
	io.workdir_path = ws->work;
	io.initial_head = "main";
	if (git_repository_init_ext(&ws->repo, ws->gitdir, &io) < 0) {
		rc = git_fail("cannot create a git repository in", ws->gitdir);
		goto done;
	}
	if (git_repository_index(&ws->index, ws->repo) < 0) {
		rc = git_fail("cannot open the index of", ws->gitdir);
		goto done;
	}
	if ((rc = commit_all(ws, "baseline\n", NULL, &ws->base_oid)) != 0)
		goto done;
	git_oid_tostr(ws->baseline, sizeof(ws->baseline), &ws->base_oid);
	if (owner_uid >= 0 && (rc = chown_tree(ws->work, owner_uid)) != 0)
		goto done;
	*out = ws;
	ws = NULL;
done:
	if (ws && ws->dir && rc != HZ_EEXISTS)
		hz_fs_remove_tree(ws->dir);
	workspace_free(ws);
	return rc;
}

struct run_workspace_base {
	char *work;    /* the baseline's files: what each run's work tree is copied from */
	char *objects; /* its object database, borrowed by runs through alternates */
	git_oid oid;
	char commit[41];
};

int workspace_base_new(run_workspace_base **out, const char *dir, const char *src)
{
	run_workspace_base *b;
	run_workspace *ws = NULL;
	int rc;

	*out = NULL;
	if (!(b = calloc(1, sizeof(*b))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	if ((rc = workspace_create(&ws, dir, src, -1)) != 0)
		goto fail;
	if (!(b->work = strdup(ws->work)) || !(b->objects = hz_path_join(ws->gitdir, "objects"))) {
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
		goto fail;
	}
	b->oid = ws->base_oid;
	memcpy(b->commit, ws->baseline, sizeof(b->commit));
	workspace_free(ws);
	*out = b;
	return 0;
fail:
	workspace_free(ws);
	workspace_base_free(b);
	return rc;
}

const char *workspace_base_commit(const run_workspace_base *b) { return b->commit; }

void workspace_base_free(run_workspace_base *b)
{
	if (!b)
		return;
	free(b->work);
	free(b->objects);
	free(b);
}

/*
 * A repository with no directory: objects written in memory (mempack), the
 * baseline's objects borrowed from the base's object database, an index in
 * memory.  Committing and diffing then touch no file: the run's only files
 * are its work tree.
 */
static int open_in_memory(run_workspace *ws, const run_workspace_base *base)
{
	git_odb *odb = NULL;
	git_odb_backend *mem = NULL;
	int rc = 0;

	if (git_repository_new(&ws->repo) < 0 || git_odb_new(&odb) < 0 || git_mempack_new(&mem) < 0 ||
	    git_odb_add_backend(odb, mem, 1000) < 0) {
		rc = git_fail("cannot make an in-memory repository for", ws->work);
		if (mem && odb)
			mem = NULL; /* owned by odb once added; otherwise freed below */
		goto done;
	}
	mem = NULL;
	if (git_odb_add_disk_alternate(odb, base->objects) < 0 || git_repository_set_odb(ws->repo, odb) < 0 ||
	    git_index_new(&ws->index) < 0 || git_repository_set_index(ws->repo, ws->index) < 0 ||
	    git_repository_set_workdir(ws->repo, ws->work, 0) < 0) {
		rc = git_fail("cannot make an in-memory repository for", ws->work);
		goto done;
	}
	ws->in_memory = 1;
done:
	if (mem)
		mem->free(mem);
	git_odb_free(odb);
	return rc;
}

int workspace_create_from(run_workspace **out, const char *dir, const run_workspace_base *base, long owner_uid)
{
	run_workspace *ws;
	int rc = 0;

	*out = NULL;
	if ((rc = workspace_start(&ws, dir)) != 0)
		goto done;
	if ((rc = hz_fs_copy_tree(base->work, ws->work)) != 0 || (rc = open_in_memory(ws, base)) != 0)
		goto done;
	ws->base_oid = base->oid;
	memcpy(ws->baseline, base->commit, sizeof(ws->baseline));
	if (owner_uid >= 0 && (rc = chown_tree(ws->work, owner_uid)) != 0)
		goto done;
	*out = ws;
	ws = NULL;
done:
	if (ws && ws->dir && rc != HZ_EEXISTS)
		hz_fs_remove_tree(ws->dir);
	workspace_free(ws);
	return rc;
}

const char *workspace_path(const run_workspace *ws) { return ws->work; }
const char *workspace_baseline(const run_workspace *ws) { return ws->baseline; }

int workspace_finish(run_workspace *ws, const char *patch_path, size_t max_patch, size_t *patch_bytes,
			char final_oid[41])
{
	git_diff_options dopts;
	git_commit *base = NULL, *fin = NULL;
	git_tree *base_tree = NULL, *fin_tree = NULL;
	git_diff *diff = NULL;
	git_buf buf = { 0 };
	git_oid oid;
	int rc;

	*patch_bytes = 0;
	final_oid[0] = '\0';
	git_diff_options_init(&dopts, GIT_DIFF_OPTIONS_VERSION);
	if ((rc = commit_all(ws, "final state\n", &ws->base_oid, &oid)) != 0)
		goto done;
	git_oid_tostr(final_oid, 41, &oid);
	dopts.flags = GIT_DIFF_SHOW_BINARY;
	if (git_commit_lookup(&base, ws->repo, &ws->base_oid) < 0 || git_commit_lookup(&fin, ws->repo, &oid) < 0 ||
	    git_commit_tree(&base_tree, base) < 0 || git_commit_tree(&fin_tree, fin) < 0 ||
	    git_diff_tree_to_tree(&diff, ws->repo, base_tree, fin_tree, &dopts) < 0 ||
	    git_diff_to_buf(&buf, diff, GIT_DIFF_FORMAT_PATCH) < 0) {
		rc = git_fail("cannot diff the workspace", ws->work);
		goto done;
	}
	*patch_bytes = buf.size;
	if (patch_path) {
		static const char marker[] = "\n# horizon: patch cut at the size limit\n";
		size_t len = buf.size;
		int fd = open(patch_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0) {
			rc = hz_error_set_errno("cannot write '%s'", patch_path);
			goto done;
		}
		if (max_patch && len > max_patch)
			len = max_patch;
		if ((len && write(fd, buf.ptr, len) != (ssize_t)len) ||
		    (len < buf.size && write(fd, marker, sizeof(marker) - 1) < 0))
			rc = hz_error_set_errno("cannot write '%s'", patch_path);
		close(fd);
	}
done:
	git_buf_dispose(&buf);
	git_diff_free(diff);
	git_tree_free(base_tree);
	git_tree_free(fin_tree);
	git_commit_free(base);
	git_commit_free(fin);
	return rc;
}

int workspace_remove(run_workspace *ws)
{
	return hz_fs_remove_tree(ws->dir);
}

void workspace_free(run_workspace *ws)
{
	if (!ws)
		return;
	git_index_free(ws->index);
	git_repository_free(ws->repo);
	free(ws->dir);
	free(ws->work);
	free(ws->gitdir);
	free(ws);
}
