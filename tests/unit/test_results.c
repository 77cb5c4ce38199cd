/* The results log: appends, lookups, duplicates refused, partial-line repair, corrupt lines, claims, run ids. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "run/record.h"
#include "record_schema.h"
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
	HZ_CHECK_EQ_INT(results_append(r, id, NULL, line, strlen(line), &appended), 0);
	HZ_CHECK_EQ_INT(appended, expect_appended);
}

static void test_append_and_lookup(void)
{
	results_log *r = NULL;
	results_run rr;
	int done;

	fresh_dir();
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	append(r, "a", "success", 1);
	append(r, "b", "error", 1);
	append(r, "b", "error", 1);
	append(r, "c", "failure", 1);
	append(r, "a", "failure", 0); /* already recorded: refused */
	HZ_CHECK_EQ_INT(results_lookup(r, "a", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 2);
	HZ_CHECK_EQ_INT(results_lookup(r, "b", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 0);
	HZ_CHECK_EQ_INT(rr.errors, 2);
	HZ_CHECK_EQ_INT(results_lookup(r, "c", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 1);
	HZ_CHECK_EQ_INT(results_lookup(r, "zzz", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done + rr.errors, 0);
	HZ_CHECK_EQ_INT(rr.limit, -1);
	/* The limit the latest verdict ended on. */
	{
		const char *l = "{\"run_id\":\"e\",\"status\":\"failure\",\"exit_reason\":\"context_limit\"}";
		int appended = 0;
		HZ_CHECK_EQ_INT(results_append(r, "e", NULL, l, strlen(l), &appended), 0);
		HZ_CHECK_EQ_INT(results_lookup(r, "e", &rr), 0);
		HZ_CHECK_EQ_INT(rr.limit, RECORD_LIMIT_CONTEXT);
		HZ_CHECK_EQ_STR(record_limit_name(rr.limit), "context_limit");
		HZ_CHECK_EQ_INT(record_limit_of("turn_limit"), RECORD_LIMIT_TURN);
		HZ_CHECK_EQ_INT(record_limit_of("agent_exit"), -1);
		HZ_CHECK_EQ_INT(results_lookup(r, "c", &rr), 0);
		HZ_CHECK_EQ_INT(rr.limit, -1);
	}
	HZ_CHECK_EQ_INT(results_count(r), 5);
	HZ_CHECK(results_append(r, "d", NULL, "x\ny", 3, &done) == HZ_EINVALID);
	results_free(r);
}

/* A second handle (another sweep) sees the first one's records before appending. */
static void test_two_writers(void)
{
	results_log *r1 = NULL, *r2 = NULL;
	results_run rr;

	fresh_dir();
	HZ_CHECK_EQ_INT(results_open(&r1, dir), 0);
	HZ_CHECK_EQ_INT(results_open(&r2, dir), 0);
	append(r1, "x", "success", 1);
	append(r2, "x", "success", 0);
	HZ_CHECK_EQ_INT(results_lookup(r2, "x", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 2);
	results_free(r1);
	results_free(r2);
}

static void test_partial_line_repaired(void)
{
	results_log *r = NULL;
	char *path, *text = NULL;
	results_run rr;
	int fd;

	fresh_dir();
	path = log_path();
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	HZ_CHECK(fd >= 0);
	HZ_CHECK(write(fd, "{\"run_id\":\"a\",\"status\":\"success\"}\n{\"run_id\":\"b\",\"sta", 52) == 52);
	close(fd);
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	HZ_CHECK_EQ_INT(results_repaired_bytes(r), 18);
	HZ_CHECK_EQ_INT(results_count(r), 1);
	HZ_CHECK_EQ_INT(results_lookup(r, "b", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 0);
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
	const char *text = "{\"run_id\":\"a\",\"status\":\"success\"}\nnot json\n{\"run_id\":\"b\"}\n";

	fresh_dir();
	path = log_path();
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(path, text, strlen(text)), 0);
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

/* Records carry their agent's fingerprint: a run recorded by one configuration is not "done" for another. */
static void test_fingerprints(void)
{
	static const char *const lines[] = {
		"{\"run_id\":\"f\",\"status\":\"success\",\"agent_fingerprint\":\"x\",\"agent_config\":{\"backend\":\"sim\","
		"\"model\":null,\"base_url\":null,\"settings\":{\"h50\":\"2\"},\"seed\":0}}",
		"{\"run_id\":\"f\",\"status\":\"failure\",\"agent_config\":{\"backend\":\"sim\",\"model\":null,"
		"\"base_url\":null,\"settings\":{\"h50\":\"8\"},\"seed\":0}}",
		"{\"run_id\":\"g\",\"status\":\"success\",\"agent_spec\":\"sim,h50=2,release=2024-01-01\",\"seed\":0}",
		"{\"run_id\":\"h\",\"status\":\"error\",\"exit_reason\":\"auth_error\"}",
	};
	hz_agent_config cfg2, cfg8;
	results_log *r = NULL;
	char fp2[17], fp8[17];
	json_t *conf;
	results_run rr;
	int appended;

	fresh_dir();
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg2, "sim,h50=2,alias=a,release=2020-01-01,price_in=3"), 0);
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg8, "sim,h50=8"), 0);
	HZ_CHECK_EQ_INT(record_config_fingerprint(&cfg2, 0, fp2), 0);
	HZ_CHECK_EQ_INT(record_config_fingerprint(&cfg8, 0, fp8), 0);
	HZ_CHECK(strcmp(fp2, fp8) != 0);
	HZ_CHECK_EQ_INT(results_open(&r, dir), 0);
	HZ_CHECK_EQ_INT(results_append(r, "f", fp2, lines[0], strlen(lines[0]), &appended), 0);
	HZ_CHECK_EQ_INT(appended, 1);
	/* Recorded by h50=2: a record of h50=8 is appended (--rerun-changed), one of h50=2 is not. */
	HZ_CHECK_EQ_INT(results_lookup(r, "f", &rr), 0);
	HZ_CHECK_EQ_STR(rr.fp, fp2); /* the fingerprint is computed from agent_config, not taken on trust */
	HZ_CHECK_EQ_INT(results_append(r, "f", fp2, lines[0], strlen(lines[0]), &appended), 0);
	HZ_CHECK_EQ_INT(appended, 0);
	HZ_CHECK_EQ_INT(results_append(r, "f", fp8, lines[1], strlen(lines[1]), &appended), 0);
	HZ_CHECK_EQ_INT(appended, 1);
	HZ_CHECK_EQ_INT(results_lookup(r, "f", &rr), 0);
	HZ_CHECK_EQ_INT(rr.done, 1);
	HZ_CHECK_EQ_STR(rr.fp, fp8);
	/* A record without agent_config: its agent_spec says the same (metadata left out). */
	HZ_CHECK_EQ_INT(results_append(r, "g", NULL, lines[2], strlen(lines[2]), &appended), 0);
	HZ_CHECK_EQ_INT(results_lookup(r, "g", &rr), 0);
	HZ_CHECK_EQ_STR(rr.fp, fp2);
	/* An auth_error uses up no retry. */
	HZ_CHECK_EQ_INT(results_append(r, "h", NULL, lines[3], strlen(lines[3]), &appended), 0);
	HZ_CHECK_EQ_INT(results_lookup(r, "h", &rr), 0);
	HZ_CHECK_EQ_INT(rr.errors, 0);
	/* The latest success/failure record's config, read back. */
	conf = results_find_config(r, "f");
	HZ_CHECK(conf != NULL);
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(conf, "settings"), "h50")), "8");
	json_decref(conf);
	results_free(r);
	hz_agent_config_release(&cfg2);
	hz_agent_config_release(&cfg8);
}

HZ_TEST_MAIN(HZ_TEST(test_append_and_lookup), HZ_TEST(test_two_writers), HZ_TEST(test_partial_line_repaired),
	     HZ_TEST(test_corrupt_middle_line), HZ_TEST(test_claims), HZ_TEST(test_run_id), HZ_TEST(test_fingerprints),
	     HZ_TEST(test_cleanup))
