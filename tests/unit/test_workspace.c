/* Workspaces: reproducible baselines, patches of new, changed and deleted files, shared baselines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "run/workspace.h"
#include "hz_test.h"

static char root[64];

static char *fixture(void)
{
	return hz_path_join(hz_test_source_dir(), "tests/data/tasks/fixture/fix-add/workspace");
}

static char *sub(const char *name)
{
	return hz_path_join(root, name);
}

static void test_baseline_reproducible(void)
{
	run_workspace *a = NULL, *b = NULL, *c = NULL;
	char *src = fixture(), *da = sub("a"), *db = sub("b");

	HZ_CHECK_EQ_INT(workspace_create(&a, da, src, -1), 0);
	HZ_CHECK_EQ_INT(workspace_create(&b, db, src, -1), 0);
	HZ_CHECK(a && b);
	if (a && b) {
		HZ_CHECK_EQ_INT(strlen(workspace_baseline(a)), 40);
		HZ_CHECK_EQ_STR(workspace_baseline(a), workspace_baseline(b));
	}
	HZ_CHECK(workspace_create(&c, da, src, -1) != 0); /* exists */
	HZ_CHECK(c == NULL);
	workspace_remove(a);
	workspace_free(a);
	workspace_free(b);
	free(src);
	free(da);
	free(db);
}

static void test_patch(void)
{
	run_workspace *ws = NULL;
	char *src = fixture(), *d = sub("p"), *patch = sub("p.diff"), *text = NULL, final[41];
	size_t bytes = 0;

	HZ_CHECK_EQ_INT(workspace_create(&ws, d, src, -1), 0);
	if (ws) {
		char *f = hz_path_join(workspace_path(ws), "add.sh"), *n = hz_path_join(workspace_path(ws), "new.txt");
		HZ_CHECK_EQ_INT(hz_fs_write_atomic(f, "echo changed\n", 13), 0);
		HZ_CHECK_EQ_INT(hz_fs_write_atomic(n, "hello\n", 6), 0);
		HZ_CHECK_EQ_INT(workspace_finish(ws, patch, 0, &bytes, final), 0);
		HZ_CHECK(bytes > 0);
		HZ_CHECK_EQ_INT(strlen(final), 40);
		HZ_CHECK(strcmp(final, workspace_baseline(ws)) != 0);
		HZ_CHECK_EQ_INT(hz_fs_read(patch, 1 << 20, &text, NULL), 0);
		HZ_CHECK(text && strstr(text, "+echo changed") && strstr(text, "+hello") && strstr(text, "-echo $(( $1 - $2 ))"));
		free(text);
		/* A cut patch says so. */
		HZ_CHECK_EQ_INT(workspace_finish(ws, patch, 10, &bytes, final), 0);
		text = NULL;
		HZ_CHECK_EQ_INT(hz_fs_read(patch, 1 << 20, &text, NULL), 0);
		HZ_CHECK(text && strstr(text, "patch cut at the size limit"));
		free(text);
		free(f);
		free(n);
		workspace_remove(ws);
	}
	workspace_free(ws);
	free(src);
	free(d);
	free(patch);
}

static void test_shared_base(void)
{
	run_workspace_base *base = NULL;
	run_workspace *plain = NULL, *ws = NULL;
	char *src = fixture(), *db = sub("base"), *dw = sub("w"), *dp = sub("plain"), *patch = sub("w.diff"),
	     *text = NULL, final[41];
	size_t bytes = 0;

	HZ_CHECK_EQ_INT(workspace_base_new(&base, db, src), 0);
	HZ_CHECK_EQ_INT(workspace_create(&plain, dp, src, -1), 0);
	HZ_CHECK_EQ_INT(workspace_create_from(&ws, dw, base, -1), 0);
	if (base && plain && ws) {
		char *f = hz_path_join(workspace_path(ws), "add.sh");
		HZ_CHECK_EQ_STR(workspace_base_commit(base), workspace_baseline(plain));
		HZ_CHECK_EQ_STR(workspace_baseline(ws), workspace_baseline(plain));
		HZ_CHECK_EQ_INT(unlink(f), 0);
		HZ_CHECK_EQ_INT(workspace_finish(ws, patch, 0, &bytes, final), 0);
		HZ_CHECK_EQ_INT(hz_fs_read(patch, 1 << 20, &text, NULL), 0);
		HZ_CHECK(text && strstr(text, "deleted file mode"));
		free(text);
		free(f);
	}
	workspace_free(ws);
	workspace_free(plain);
	workspace_base_free(base);
	free(src);
	free(db);
	free(dw);
	free(dp);
	free(patch);
}

static void test_cleanup(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(root), 0);
}

static void test_setup(void)
{
	snprintf(root, sizeof(root), "/tmp/hz_test_ws_XXXXXX");
	HZ_CHECK(mkdtemp(root) != NULL);
}

HZ_TEST_MAIN(HZ_TEST(test_setup), HZ_TEST(test_baseline_reproducible), HZ_TEST(test_patch), HZ_TEST(test_shared_base),
	     HZ_TEST(test_cleanup))
