/* Unit tests for task loading, the catalogue and selectors. */
#include "buf.h"
#include "fsutil.h"
#include "horizon/catalog.h"
#include "horizon/error.h"
#include "horizon/task.h"
#include "hz_test.h"

static char *fixture_root(void)
{
	return hz_path_join(hz_test_source_dir(), "tests/data/tasks");
}

static void test_load_catalog(void)
{
	char *root = fixture_root();
	hz_catalog *cat = NULL;
	hz_task *t;

	HZ_CHECK_EQ_INT(hz_catalog_load(&cat, root), 0);
	HZ_CHECK(hz_catalog_count(cat) >= 2);
	t = hz_catalog_find(cat, "fixture/fix-add");
	HZ_CHECK(t != NULL);
	if (t) {
		HZ_CHECK_EQ_STR(hz_task_family(t), "fixture");
		HZ_CHECK_NEAR(hz_task_human_minutes(t), 1.5, 1e-12);
		HZ_CHECK_EQ_INT(hz_task_scorer(t)->kind, HZ_SCORER_EXIT);
		HZ_CHECK_EQ_STR(hz_task_scorer(t)->command[0], "bash");
		HZ_CHECK_EQ_INT(hz_task_resources(t)->memory_mb, 512);
		HZ_CHECK_EQ_INT(hz_task_resources(t)->open_files, 256);
		HZ_CHECK(hz_task_has_tag(t, "bugfix"));
		HZ_CHECK_EQ_INT(strlen(hz_task_sha256(t)), 64);
	}
	t = hz_catalog_find(cat, "fixture/echo-answer");
	HZ_CHECK(t && hz_task_scorer(t)->kind == HZ_SCORER_ANSWER);
	HZ_CHECK(t && !strcmp(hz_task_version(t), "2"));
	HZ_CHECK(hz_catalog_find(cat, "fixture/nope") == NULL);
	hz_catalog_free(cat);
	free(root);
}

static void test_selectors(void)
{
	char *root = fixture_root();
	hz_catalog *cat = NULL;
	hz_selector sel = HZ_SELECTOR_INIT;
	hz_task **v = NULL;
	size_t n = 0;

	HZ_CHECK_EQ_INT(hz_catalog_load(&cat, root), 0);
	HZ_CHECK_EQ_INT(hz_selector_parse(&sel, "tag:answer,fixture/fix-*"), 0);
	HZ_CHECK_EQ_INT(sel.nterms, 2);
	HZ_CHECK_EQ_INT(hz_catalog_select(cat, &sel, &v, &n), 0);
	HZ_CHECK_EQ_INT(n, 2);
	free(v);
	sel.min_minutes = 1.0;
	HZ_CHECK_EQ_INT(hz_catalog_select(cat, &sel, &v, &n), 0);
	HZ_CHECK_EQ_INT(n, 1);
	HZ_CHECK(n == 1 && !strcmp(hz_task_id(v[0]), "fixture/fix-add"));
	free(v);
	hz_selector_release(&sel);
	hz_catalog_free(cat);
	free(root);
}

/* A task.json with one bad field must fail with the file and field named. */
static void test_bad_field(void)
{
	char dir[] = "/tmp/hz_test_task_XXXXXX";
	char *p;
	hz_task *t = NULL;
	static const char *bad =
		"{\"id\":\"f/x\",\"family\":\"f\",\"version\":1,\"summary\":\"s\",\"human_minutes\":-3,"
		"\"human_source\":\"estimate\",\"human_notes\":\"n\",\"time_limit_s\":10,"
		"\"scorer\":{\"kind\":\"exit\",\"command\":[\"true\"]}}";

	HZ_CHECK(mkdtemp(dir) != NULL);
	p = hz_path_join(dir, "task.json");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, bad, strlen(bad)), 0);
	HZ_CHECK_EQ_INT(hz_task_load(&t, dir), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "task.json") != NULL);
	HZ_CHECK(strstr(hz_error_message(), "'human_minutes' must be a positive number") != NULL);
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, "{\"id\": 1,\n  oops}", 17), 0);
	HZ_CHECK_EQ_INT(hz_task_load(&t, dir), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "task.json:2:") != NULL);
	hz_fs_remove_tree(dir);
	free(p);
}

HZ_TEST_MAIN(HZ_TEST(test_load_catalog), HZ_TEST(test_selectors), HZ_TEST(test_bad_field))
