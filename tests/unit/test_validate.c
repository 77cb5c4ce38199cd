/* Unit tests for the catalogue validator (include/horizon/validate.h). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/validate.h"
#include "hz_test.h"

/* The number of issues whose formatted line contains `needle` at `level`. */
static int count_issues(const hz_validation *v, hz_issue_level level, const char *needle)
{
	char line[2048];
	int n = 0;

	for (size_t i = 0; i < hz_validation_count(v); i++) {
		const hz_issue *is = hz_validation_issue(v, i);
		if (is->level == level && strstr(hz_issue_format(is, line, sizeof(line)), needle))
			n++;
	}
	return n;
}

static void test_fixture_tasks_are_valid(void)
{
	static const char *const dirs[] = { "tests/data/tasks/fixture/echo-answer", "tests/data/tasks/fixture/fix-add" };
	hz_validate_opts opts = HZ_VALIDATE_OPTS_INIT;

	for (size_t i = 0; i < 2; i++) {
		char *dir = hz_path_join(hz_test_source_dir(), dirs[i]);
		hz_validation *v = NULL;
		HZ_CHECK_EQ_INT(hz_validate_path(&v, dir, &opts), 0);
		HZ_CHECK(v != NULL);
		if (v) {
			HZ_CHECK_EQ_INT(hz_validation_tasks(v), 1);
			HZ_CHECK_EQ_INT(hz_validation_valid_tasks(v), 1);
			HZ_CHECK_EQ_INT(hz_validation_errors(v), 0);
		}
		hz_validation_free(v);
		free(dir);
	}
}

static void test_missing_path(void)
{
	hz_validation *v = (hz_validation *)1;

	HZ_CHECK_EQ_INT(hz_validate_path(&v, "/nonexistent/hz-catalogue", NULL), HZ_ENOTFOUND);
	HZ_CHECK(v == NULL);
	HZ_CHECK(strstr(hz_error_message(), "/nonexistent/hz-catalogue") != NULL);
}

static void test_broken_catalogue_collects_everything(void)
{
	char *root = hz_path_join(hz_test_source_dir(), "tests/data/tasks-invalid");
	hz_validate_opts opts = HZ_VALIDATE_OPTS_INIT;
	hz_validation *v = NULL;

	HZ_CHECK_EQ_INT(hz_validate_path(&v, root, &opts), 0);
	if (v) {
		HZ_CHECK_EQ_INT(hz_validation_tasks(v), 7);
		HZ_CHECK_EQ_INT(hz_validation_valid_tasks(v), 0);
		/* several errors of one task.json, not just the first */
		HZ_CHECK(count_issues(v, HZ_ISSUE_ERROR, "schema-errors/task.json: '") >= 10);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "'id' \"bad-family/dup-a\" is also used by"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "'humam_notes' is not a known field"), 1);
		for (size_t i = 0; i < hz_validation_count(v); i++) {
			const hz_issue *is = hz_validation_issue(v, i);
			HZ_CHECK(is->file != NULL && is->message[0] != '\0');
		}
	}
	hz_validation_free(v);
	opts.strict = 1;
	opts.check_requires = 0;
	HZ_CHECK_EQ_INT(hz_validate_path(&v, root, &opts), 0);
	if (v) {
		HZ_CHECK_EQ_INT(hz_validation_warnings(v), 0);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "'humam_notes' is not a known field"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "no-such-tool-hz"), 0);
	}
	hz_validation_free(v);
	free(root);
}

/* A copy of the fixture task in a scratch catalogue, with what git cannot hold added at run time. */
static void test_workspace_rules(void)
{
	char tmpl[] = "/tmp/hz_validate_XXXXXX";
	char *src = hz_path_join(hz_test_source_dir(), "tests/data/tasks/fixture/echo-answer");
	char *fam = NULL, *task = NULL, *p = NULL;
	hz_validation *v = NULL;

	HZ_CHECK(mkdtemp(tmpl) != NULL);
	fam = hz_path_join(tmpl, "fixture");
	task = hz_path_join(fam, "echo-answer");
	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(fam, 0755), 0);
	HZ_CHECK_EQ_INT(hz_fs_copy_tree(src, task), 0);
	p = hz_path_join(task, "workspace/.git");
	HZ_CHECK_EQ_INT(mkdir(p, 0755), 0);
	free(p);
	p = hz_path_join(task, "workspace/.git/HEAD");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, "x\n", 2), 0);
	free(p);
	p = hz_path_join(task, "workspace/empty");
	HZ_CHECK_EQ_INT(mkdir(p, 0755), 0);
	free(p);
	p = hz_path_join(task, "workspace/sub");
	HZ_CHECK_EQ_INT(mkdir(p, 0755), 0);
	free(p);
	p = hz_path_join(task, "workspace/sub/copy.txt");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, "  util.c\n\n", 10), 0);
	free(p);

	HZ_CHECK_EQ_INT(hz_validate_path(&v, tmpl, NULL), 0);
	if (v) {
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "workspace/.git: is dropped by the run's baseline commit"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "workspace/empty: is an empty directory"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "workspace/sub/copy.txt: holds the hidden answer"), 1);
		HZ_CHECK_EQ_INT(hz_validation_valid_tasks(v), 0);
	}
	hz_validation_free(v);

	/* one task directory on its own: the layout is read from its parent's name */
	HZ_CHECK_EQ_INT(hz_validate_path(&v, task, NULL), 0);
	if (v) {
		HZ_CHECK_EQ_INT(hz_validation_tasks(v), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "family directory"), 0);
	}
	hz_validation_free(v);
	hz_fs_remove_tree(tmpl);
	free(task);
	free(fam);
	free(src);
}

/* Write dir/task.json (and the parts a task needs) in a scratch catalogue. */
static void make_task(const char *root, const char *rel, const char *json)
{
	char *dir = hz_path_join(root, rel), *p;
	static const char *const parts[] = { "workspace/x.txt", "tests/t.sh", "solution/solve.sh", "instructions.md" };

	hz_fs_mkdir_p(dir, 0755);
	for (size_t i = 0; i < 4; i++) {
		char *sub;
		p = hz_path_join(dir, parts[i]);
		sub = strdup(p);
		*strrchr(sub, '/') = '\0';
		hz_fs_mkdir_p(sub, 0755);
		hz_fs_write_atomic(p, "x\n", 2);
		chmod(p, 0755);
		free(sub);
		free(p);
	}
	p = hz_path_join(dir, "task.json");
	hz_fs_write_atomic(p, json, strlen(json));
	free(p);
	free(dir);
}

static void test_scorer_and_limit_rules(void)
{
	char tmpl[] = "/tmp/hz_validate_XXXXXX";
	hz_validation *v = NULL;

	HZ_CHECK(mkdtemp(tmpl) != NULL);
	make_task(tmpl, "fam/json-bad",
		  "{\"id\": \"fam/json-bad\", \"family\": \"fam\", \"version\": 1, \"summary\": \"s\","
		  " \"human_minutes\": 10, \"human_source\": \"estimate\", \"human_notes\": \"a sentence of notes\","
		  " \"time_limit_s\": 300, \"scorer\": {\"kind\": \"json\", \"command\": [\"bash {tests}/t.sh\"],"
		  " \"threshold\": 2}, \"requires\": [\"bash\"]}");
	make_task(tmpl, "fam/limits",
		  "{\"id\": \"fam/limits\", \"family\": \"fam\", \"version\": 1, \"summary\": \"s\","
		  " \"human_minutes\": 0.1, \"human_source\": \"estimate\", \"human_notes\": \"a sentence of notes\","
		  " \"time_limit_s\": 7200, \"scorer\": {\"kind\": \"exit\", \"command\": [\"bash\", \"{tests}/t.sh\"],"
		  " \"timeout_s\": 900, \"match\": \"exact\"}, \"requires\": [\"bash\"], \"tags\": [\"Upper\"]}");
	HZ_CHECK_EQ_INT(hz_validate_path(&v, tmpl, NULL), 0);
	if (v) {
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "'scorer.threshold' must be a number from 0 to 1"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_ERROR, "'scorer.command' is one string with spaces"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "'time_limit_s' 7200 s is over 100 times"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "'scorer.timeout_s' 900 s is long"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "'scorer.answer_file' and 'match' are used only by answer"), 1);
		HZ_CHECK_EQ_INT(count_issues(v, HZ_ISSUE_WARNING, "'tags' \"Upper\" should be lower case"), 1);
		HZ_CHECK_EQ_INT(hz_validation_tasks(v), 2);
		HZ_CHECK_EQ_INT(hz_validation_valid_tasks(v), 1);
	}
	hz_validation_free(v);
	hz_fs_remove_tree(tmpl);
}

static void test_issue_format(void)
{
	hz_issue is = { HZ_ISSUE_ERROR, NULL, "a/task.json", "human_minutes", "must be a positive number" };
	char line[64];

	HZ_CHECK_EQ_STR(hz_issue_format(&is, line, sizeof(line)), "a/task.json: 'human_minutes' must be a positive number");
	is.field = NULL;
	HZ_CHECK_EQ_STR(hz_issue_format(&is, line, sizeof(line)), "a/task.json: must be a positive number");
	HZ_CHECK_EQ_STR(hz_issue_format(&is, line, 8), "a/task.");
}

HZ_TEST_MAIN(HZ_TEST(test_fixture_tasks_are_valid), HZ_TEST(test_missing_path),
	     HZ_TEST(test_broken_catalogue_collects_everything), HZ_TEST(test_workspace_rules), HZ_TEST(test_scorer_and_limit_rules),
	     HZ_TEST(test_issue_format))
