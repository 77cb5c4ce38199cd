/*
 * The record schema's verdict rule (src/lib/record_schema.h), and that every
 * runs.jsonl reader follows it: the resume index (run/results.c), merge
 * (scale/merge.c) and the fitter agree on an unknown status: the record is
 * invalid and the error names the file, the line and the field.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "horizon/merge.h"
#include "hz_test.h"
#include "record_schema.h"
#include "run/results.h"

static char tmp[] = "/tmp/hz_test_record_schema_XXXXXX";

static record_verdict verdict(const char *text, const char **why)
{
	json_t *o = json_loads(text, 0, NULL);
	record_verdict v;

	HZ_CHECK(o != NULL);
	v = record_verdict_of(o, why);
	json_decref(o);
	return v;
}

static void test_rule(void)
{
	const char *why = NULL;

	HZ_CHECK_EQ_INT(verdict("{\"status\":\"success\",\"score_binarized\":0}", NULL), RECORD_SUCCESS);
	HZ_CHECK_EQ_INT(verdict("{\"status\":\"failure\"}", NULL), RECORD_FAILURE);
	HZ_CHECK_EQ_INT(verdict("{\"status\":\"error\"}", NULL), RECORD_ERROR);
	/* METR's records: no status, the binarized score decides */
	HZ_CHECK_EQ_INT(verdict("{\"score_binarized\":1}", NULL), RECORD_SUCCESS);
	HZ_CHECK_EQ_INT(verdict("{\"status\":null,\"score_binarized\":0}", NULL), RECORD_FAILURE);
	HZ_CHECK_EQ_INT(verdict("{\"score_binarized\":true}", NULL), RECORD_SUCCESS);
	HZ_CHECK_EQ_INT(verdict("{\"score_binarized\":false}", NULL), RECORD_FAILURE);
	/* everything else is invalid, with the field named */
	HZ_CHECK_EQ_INT(verdict("{\"status\":\"timeout\"}", &why), RECORD_INVALID);
	HZ_CHECK(why && strstr(why, "'status'"));
	why = NULL;
	HZ_CHECK_EQ_INT(verdict("{\"status\":1}", &why), RECORD_INVALID);
	HZ_CHECK(why && strstr(why, "'status'"));
	why = NULL;
	HZ_CHECK_EQ_INT(verdict("{\"score_binarized\":0.7}", &why), RECORD_INVALID);
	HZ_CHECK(why && strstr(why, "'score_binarized'"));
	why = NULL;
	HZ_CHECK_EQ_INT(verdict("{\"run_id\":\"x\"}", &why), RECORD_INVALID);
	HZ_CHECK(why && strstr(why, "'status'"));
	HZ_CHECK_EQ_INT(record_status_parse("error"), RECORD_ERROR);
	HZ_CHECK_EQ_INT(record_status_parse(NULL), RECORD_INVALID);
	HZ_CHECK_EQ_STR(record_status_name(RECORD_FAILURE), "failure");
	HZ_CHECK(record_status_name(RECORD_INVALID) == NULL);
}

static const char good[] = "{\"run_id\":\"r1\",\"alias\":\"A\",\"task_id\":\"f/a\",\"task_family\":\"f\","
			   "\"human_minutes\":2,\"status\":\"success\",\"score_binarized\":1}\n";
static const char odd[] = "{\"run_id\":\"r2\",\"alias\":\"A\",\"task_id\":\"f/b\",\"task_family\":\"f\","
			  "\"human_minutes\":4,\"status\":\"timeout\",\"score_binarized\":0}\n";

/* A results directory whose log's line 2 has an unknown status. */
static char *odd_dir(const char *name)
{
	char *d = hz_path_join(tmp, name), *log = hz_path_join(d, "runs.jsonl");
	char text[1024];

	snprintf(text, sizeof(text), "%s%s", good, odd);
	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(d, 0755), 0);
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(log, text, strlen(text)), 0);
	free(log);
	return d;
}

static void test_readers_agree(void)
{
	char *d = odd_dir("in"), *out = hz_path_join(tmp, "merged");
	const char *inputs[] = { d };
	results_log *r = NULL;
	hz_merge_opts mo = HZ_MERGE_OPTS_INIT;
	hz_merge_result mr;
	hz_fit_opts fo = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;

	/* the resume index */
	HZ_CHECK_EQ_INT(results_open(&r, d), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "runs.jsonl:2: 'status' must be"));
	results_free(r);
	/* merge */
	mo.inputs = inputs;
	mo.ninputs = 1;
	mo.out_dir = out;
	HZ_CHECK_EQ_INT(hz_merge_run(&mo, &mr), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "runs.jsonl:2: 'status' must be"));
	hz_merge_result_release(&mr);
	/* the fitter */
	fo.bootstrap = 0;
	fo.trend = 0;
	HZ_CHECK_EQ_INT(hz_fit_runs(&fit, inputs, 1, &fo), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "runs.jsonl:2") && strstr(hz_error_message(), "status"));
	hz_fit_free(fit);
	free(d);
	free(out);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(tmp) != NULL);
}

static void teardown(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(tmp), 0);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_rule), HZ_TEST(test_readers_agree), HZ_TEST(teardown))
