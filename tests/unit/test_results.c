/* The results log: appends, lookups, duplicates refused, partial-line repair, corrupt lines, claims, run ids. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "run/results.h"
#include "horizon/run.h"
#include "hz_test.h"

static char dir[64];

static void fresh_dir(void)
{
	if (dir[0])
		hz_fs_remove_tree(dir);
	snprintf(dir, sizeof(dir), "/tmp/hz_test_results_XXXXXX");
	HZ_CHECK(mkdtemp(dir) != NULL);
}

static char *log_path(void)
{
	return hz_path_join(dir, "runs.jsonl");
}

static void append(results_log *r, const char *id, const char *status, int expect_appended)
{
	char line[256];
	int appended = -1;

	snprintf(line, sizeof(line), "{\"run_id\":\"%s\",\"status\":\"%s\"}", id, status);
	HZ_CHECK_EQ_INT(results_append(r, id, line, strlen(line), &appended), 0);
	HZ_CHECK_EQ_INT(appended, expect_appended);
}

static void test_append_and_lookup(void)
{
	results_log *r = NULL;
	int done, errors;

	fresh_dir();
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	append(r, "a", "success", 1);
	append(r, "b", "error", 1);
	append(r, "b", "error", 1);
	append(r, "c", "failure", 1);
	append(r, "a", "failure", 0); /* already recorded: refused */
	HZ_CHECK_EQ_INT(results_lookup(r, "a", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done, 2);
	HZ_CHECK_EQ_INT(results_lookup(r, "b", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done, 0);
	HZ_CHECK_EQ_INT(errors, 2);
	HZ_CHECK_EQ_INT(results_lookup(r, "c", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done, 1);
	HZ_CHECK_EQ_INT(results_lookup(r, "zzz", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done + errors, 0);
	HZ_CHECK_EQ_INT(results_count(r), 4);
	HZ_CHECK(results_append(r, "d", "x\ny", 3, &done) == HZ_EINVALID);
	results_free(r);
}

/* A second handle (another sweep) sees the first one's records before appending. */
static void test_two_writers(void)
{
	results_log *r1 = NULL, *r2 = NULL;
	int done, errors;

	fresh_dir();
	HZ_CHECK_EQ_INT(results_open(&r1, dir), 0);
	HZ_CHECK_EQ_INT(results_open(&r2, dir), 0);
	append(r1, "x", "success", 1);
	append(r2, "x", "success", 0);
	HZ_CHECK_EQ_INT(results_lookup(r2, "x", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done, 2);
	results_free(r1);
	results_free(r2);
}

static void test_partial_line_repaired(void)
{
	results_log *r = NULL;
	char *path, *text = NULL;
	int fd, done, errors;

	fresh_dir();
	path = log_path();
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	HZ_CHECK(fd >= 0);
	HZ_CHECK(write(fd, "{\"run_id\":\"a\",\"status\":\"success\"}\n{\"run_id\":\"b\",\"sta", 52) == 52);
	close(fd);
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	HZ_CHECK_EQ_INT(results_repaired_bytes(r), 18);
	HZ_CHECK_EQ_INT(results_count(r), 1);
	HZ_CHECK_EQ_INT(results_lookup(r, "b", &done, &errors), 0);
	HZ_CHECK_EQ_INT(done, 0);
	append(r, "b", "failure", 1);
	HZ_CHECK_EQ_INT(hz_fs_read(path, 4096, &text, NULL), 0);
	HZ_CHECK_EQ_STR(text, "{\"run_id\":\"a\",\"status\":\"success\"}\n{\"run_id\":\"b\",\"status\":\"failure\"}\n");
	free(text);
	free(path);
	results_free(r);
}

static void test_corrupt_middle_line(void)
{
	results_log *r = NULL;
	char *path = NULL;

	fresh_dir();
	path = log_path();
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(path, "{\"run_id\":\"a\"}\nnot json\n{\"run_id\":\"b\"}\n", 40), 0);
	HZ_CHECK_EQ_INT(results_open(&r, dir), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "runs.jsonl:2: not a JSON object") != NULL);
	free(path);
}

static void test_claims(void)
{
	results_log *r = NULL;
	run_claim *c1 = NULL, *c2 = NULL;

	fresh_dir();
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	HZ_CHECK_EQ_INT(results_claim(r, "run1", &c1), 0);
	HZ_CHECK_EQ_INT(results_claim(r, "run1", &c2), HZ_EEXISTS);
	HZ_CHECK(c2 == NULL);
	run_claim_release(c1);
	HZ_CHECK_EQ_INT(results_claim(r, "run1", &c2), 0);
	run_claim_release(c2);
	results_free(r);
}

static void test_run_id(void)
{
	char id[17], id2[17];

	/* sha256("oracle\0fixture/fix-add\01\01")[:16] */
	hz_run_id("oracle", "fixture/fix-add", "1", 1, id);
	HZ_CHECK_EQ_STR(id, "c7cd67307a40e679");
	hz_run_id("oracle", "fixture/fix-add", "1", 2, id2);
	HZ_CHECK(strcmp(id, id2) != 0);
	hz_run_id("oracle", "fixture/fix-add", "2", 1, id2);
	HZ_CHECK(strcmp(id, id2) != 0);
}

static void test_cleanup(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(dir), 0);
}

HZ_TEST_MAIN(HZ_TEST(test_append_and_lookup), HZ_TEST(test_two_writers), HZ_TEST(test_partial_line_repaired),
	     HZ_TEST(test_corrupt_middle_line), HZ_TEST(test_claims), HZ_TEST(test_run_id), HZ_TEST(test_cleanup))
