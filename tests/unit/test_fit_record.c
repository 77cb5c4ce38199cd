/*
 * The fast record scanner against jansson: on lines it accepts, every field
 * it reports must equal jansson's view; lines that need the general parser
 * (\u escapes, non-ASCII, malformed JSON) must be declined, never misread.
 */
#include <jansson.h>
#include <string.h>

#include "fit/fit_table.h"
#include "hz_test.h"

static int same_value(const fit_value *a, const fit_value *b)
{
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case FIT_V_STRING:
		return a->len == b->len && !memcmp(a->s, b->s, a->len);
	case FIT_V_NUMBER:
		return a->is_int == b->is_int && a->num == b->num && (!a->is_int || a->ival == b->ival);
	case FIT_V_BOOL:
		return a->b == b->b;
	default:
		return 1;
	}
}

/* The scanner must accept `line` and agree with jansson on every field. */
static void agrees(const char *line)
{
	char scratch[1024];
	fit_record fast, slow;
	json_error_t err;
	json_t *o = json_loads(line, JSON_DECODE_ANY, &err);
	int ok = fit_record_scan(line, strlen(line), "score_binarized", scratch, &fast);

	HZ_CHECK(o != NULL);
	HZ_CHECK(ok);
	if (!o || !ok) {
		fprintf(stderr, "  line: %s\n", line);
		json_decref(o);
		return;
	}
	fit_record_from_json(o, "score_binarized", &slow);
	for (int f = 0; f < FIT_F_COUNT; f++) {
		HZ_CHECK(same_value(&fast.v[f], &slow.v[f]));
		if (!same_value(&fast.v[f], &slow.v[f]))
			fprintf(stderr, "  field %d differs in: %s\n", f, line);
	}
	json_decref(o);
}

static void declined(const char *line)
{
	char scratch[1024];
	fit_record r;

	HZ_CHECK(!fit_record_scan(line, strlen(line), "score_binarized", scratch, &r));
}

static void test_agrees_with_jansson(void)
{
	agrees("{\"run_id\":\"mp4-server_205615\",\"task_id\":\"ai_rd_fix_embedding\\/main\",\"score\":0.0000122771,"
	       "\"task_family\":\"ai_rd_fix_embedding\",\"alias\":\"Claude 3 Opus\",\"fatal_error_from\":\"usageLimits\","
	       "\"human_minutes\":556.6,\"dollar_equivalent\":null,\"total_tokens\":null,\"score_binarized\":0,"
	       "\"equal_task_weight\":0.0003442341,\"invsqrt_task_weight\":0.0005578143}");
	agrees("  { \"run_id\" : 17 , \"alias\" : \"a \\\"quoted\\\" \\\\ name\\t\" , \"human_minutes\" : 1e2 ,"
	       " \"score_binarized\" : true , \"status\" : \"success\" }  ");
	agrees("{\"alias\":\"x\",\"nested\":{\"a\":[1,2,{\"b\":null}],\"c\":\"}\"},\"human_minutes\":-0.5E-3,"
	       "\"isolation\":[],\"x\":{}}");
	agrees("{\"alias\":\"first\",\"alias\":\"last\"}"); /* duplicate key: the last wins in both */
	agrees("{}");
	agrees("{\"release_date\":\"2024-10-22\",\"input_tokens\":12345678901,\"output_tokens\":0,"
	       "\"total_tokens\":1.5,\"dollar_equivalent\":0.0}");
}

static void test_declines(void)
{
	declined("{\"alias\":\"caf\\u00e9\"}");           /* \\u escapes */
	declined("{\"alias\":\"caf\xc3\xa9\"}");           /* non-ASCII bytes: jansson checks UTF-8 */
	declined("{\"alias\":\"x\",}");                   /* trailing comma */
	declined("{\"alias\":'x'}");
	declined("{\"human_minutes\":01}");               /* leading zero */
	declined("{\"human_minutes\":1.}");
	declined("{\"human_minutes\":.5}");
	declined("{\"human_minutes\":NaN}");
	declined("{\"a\":tru}");
	declined("{\"a\":1} x");                          /* trailing garbage */
	declined("[1,2]");
	declined("{\"a\":\"unterminated}");
	declined("{\"a\":\"tab\there\"}");                /* a raw control character */
	declined("{\"a\":99999999999999999999}");         /* too big for an integer */
}

HZ_TEST_MAIN(HZ_TEST(test_agrees_with_jansson), HZ_TEST(test_declines))
