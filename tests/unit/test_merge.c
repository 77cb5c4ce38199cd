/*
 * Unit tests for hz_merge_run: the counts it returns, --keep-first, dry runs,
 * notes, the refusal to overwrite a log it did not write, and error codes.
 * (tests/cli/test_merge.sh covers the same rules through the CLI, on real shards.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/merge.h"
#include "horizon/run.h"
#include "hz_test.h"

static char tmp[] = "/tmp/hz_test_merge_XXXXXX";

static char *path(const char *rel)
{
	return hz_path_join(tmp, rel);
}

/* A record line for (alias, task f/one version 1, repeat) with the real run_id. */
static void rec(FILE *f, const char *alias, int repeat, const char *status, double wall)
{
	char id[17];

	hz_run_id(alias, "f/one", "1", repeat, id);
	fprintf(f, "{\"run_id\":\"%s\",\"alias\":\"%s\",\"task_id\":\"f/one\",\"task_version\":\"1\",\"repeat\":%d,"
		   "\"status\":\"%s\",\"wall_s\":%g}\n",
		id, alias, repeat, status, wall);
}

static void write_shard(const char *dir, int k, void (*fill)(FILE *))
{
	char *d = path(dir), *log = hz_path_join(d, "runs.jsonl"), *sw = hz_path_join(d, "sweep.json");
	char text[512];
	FILE *f;

	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(d, 0755), 0);
	snprintf(text, sizeof(text),
		 "{\"agents\":[{\"alias\":\"A\"}],\"tasks\":[{\"id\":\"f/one\",\"version\":\"1\"}],\"repeats\":3,"
		 "\"seed\":0,\"shard\":{\"k\":%d,\"n\":2}}\n", k);
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(sw, text, strlen(text)), 0);
	f = fopen(log, "w");
	HZ_CHECK(f != NULL);
	if (f) {
		fill(f);
		fclose(f);
	}
	free(d);
	free(log);
	free(sw);
}

static void fill_a(FILE *f)
{
	rec(f, "A", 1, "error", 1);
	rec(f, "A", 1, "success", 2);
	rec(f, "A", 2, "failure", 3);
	fputs("{\"run_id\":\"trunc", f); /* killed mid-write */
}

static void fill_b(FILE *f)
{
	rec(f, "A", 1, "success", 2);  /* identical to shard a's */
	rec(f, "A", 1, "success", 9);  /* same verdict, other record */
	rec(f, "A", 2, "success", 4);  /* conflicts with a's failure */
}

static void test_counts_and_keep_first(void)
{
	char *in = path("s"), *out = path("m"), *log = path("m/runs.jsonl");
	const char *inputs[] = { in };
	hz_merge_opts o = HZ_MERGE_OPTS_INIT;
	hz_merge_result r;
	char *text = NULL;

	write_shard("s/shard-1", 1, fill_a);
	write_shard("s/shard-2", 2, fill_b);
	o.inputs = inputs;
	o.ninputs = 1;
	o.out_dir = out;
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), HZ_ECONFLICT);
	HZ_CHECK(strstr(hz_error_message(), "1 run with conflicting verdicts") != NULL);
	HZ_CHECK(strstr(hz_error_message(), "failure in ") != NULL);
	HZ_CHECK(access(log, F_OK) != 0);
	hz_merge_result_release(&r);

	o.keep_first = 1;
	o.dry_run = 1;
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), 0);
	HZ_CHECK(access(log, F_OK) != 0); /* dry run */
	hz_merge_result_release(&r);

	o.dry_run = 0;
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), 0);
	HZ_CHECK_EQ_INT(r.nlogs, 2);
	HZ_CHECK_EQ_INT(r.records, 6);
	HZ_CHECK_EQ_INT(r.partial_lines, 1);
	HZ_CHECK_EQ_INT(r.runs, 2);
	HZ_CHECK_EQ_INT(r.written, 2);
	HZ_CHECK_EQ_INT(r.success, 1);
	HZ_CHECK_EQ_INT(r.failure, 1); /* the first verdict was kept */
	HZ_CHECK_EQ_INT(r.duplicates, 2);
	HZ_CHECK_EQ_INT(r.identical, 1);
	HZ_CHECK_EQ_INT(r.replaced_errors, 1);
	HZ_CHECK_EQ_INT(r.conflicts, 1);
	HZ_CHECK_EQ_INT(r.plan_known, 1);
	HZ_CHECK_EQ_INT(r.planned, 3);
	HZ_CHECK_EQ_INT(r.missing, 1);
	HZ_CHECK_EQ_INT(r.shards_absent, 0);
	HZ_CHECK(r.nnotes >= 2 && strstr(r.notes[0], "partial last line") != NULL);
	HZ_CHECK_EQ_INT(hz_fs_read(log, 1 << 20, &text, NULL), 0);
	HZ_CHECK(text && strstr(text, "\"wall_s\":2}") && strstr(text, "\"status\":\"failure\"") &&
		 !strstr(text, "\"error\""));
	free(text);
	hz_merge_result_release(&r);

	/* Again into the same OUT: it is a merge output, so it is replaced. */
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), 0);
	hz_merge_result_release(&r);
	free(in);
	free(out);
	free(log);
}

static void test_refusals(void)
{
	char *shard = path("s/shard-1"), *out = path("m2"), *nowhere = path("nowhere");
	const char *inputs[] = { shard };
	hz_merge_opts o = HZ_MERGE_OPTS_INIT;
	hz_merge_result r;

	o.inputs = inputs;
	o.ninputs = 1;
	o.out_dir = shard; /* a shard's own log: not written by merge */
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), HZ_EEXISTS);
	hz_merge_result_release(&r);
	inputs[0] = nowhere;
	o.out_dir = out;
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), HZ_ENOTFOUND);
	hz_merge_result_release(&r);
	o.ninputs = 0;
	HZ_CHECK_EQ_INT(hz_merge_run(&o, &r), HZ_EUSAGE);
	hz_merge_result_release(&r);
	free(shard);
	free(out);
	free(nowhere);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(tmp) != NULL);
}

static void teardown(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(tmp), 0);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_counts_and_keep_first), HZ_TEST(test_refusals), HZ_TEST(teardown))
