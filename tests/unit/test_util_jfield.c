/* src/util/jfield.h: typed fields whose errors name the file, the line and the field. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "hz_test.h"
#include "jfield.h"

static json_t *obj(const char *text)
{
	json_t *o = json_loads(text, 0, NULL);

	HZ_CHECK(o != NULL);
	return o;
}

static void test_getters(void)
{
	json_t *o = obj("{\"s\":\"x\",\"n\":2.5,\"i\":7,\"v\":[\"a\",\"b\"],\"e\":\"json\",\"z\":0}");
	hz_jfield at = { .file = "t/task.json" };
	static const char *const kinds[] = { "exit", "json", "answer", NULL };
	const char *s = NULL;
	char *d = NULL, **v = NULL;
	double n = -1;
	long i = -1;
	size_t nv = 0;
	int e = -1;

	HZ_CHECK_EQ_INT(hz_jf_string(&at, o, "s", HZ_JF_REQUIRED, &s), 0);
	HZ_CHECK_EQ_STR(s, "x");
	HZ_CHECK_EQ_INT(hz_jf_strdup(&at, o, "s", 0, &d), 0);
	HZ_CHECK_EQ_STR(d, "x");
	HZ_CHECK_EQ_INT(hz_jf_number(&at, o, "n", HZ_JF_POSITIVE, 0, &n), 0);
	HZ_CHECK_NEAR(n, 2.5, 0);
	HZ_CHECK_EQ_INT(hz_jf_long(&at, o, "i", 0, &i), 0);
	HZ_CHECK_EQ_INT(i, 7);
	HZ_CHECK_EQ_INT(hz_jf_strv(&at, o, "v", HZ_JF_STRINGS, 0, &v, &nv), 0);
	HZ_CHECK(nv == 2 && v && !strcmp(v[0], "a") && !strcmp(v[1], "b") && v[2] == NULL);
	hz_jf_strv_free(v);
	HZ_CHECK_EQ_INT(hz_jf_strv(&at, o, "absent", HZ_JF_STRINGS, 0, &v, &nv), 0);
	HZ_CHECK(nv == 0 && v && v[0] == NULL); /* an empty vector */
	hz_jf_strv_free(v);
	HZ_CHECK_EQ_INT(hz_jf_enum(&at, o, "e", kinds, 0, &e), 0);
	HZ_CHECK_EQ_INT(e, 1);
	/* absent and optional: untouched */
	n = 9;
	HZ_CHECK_EQ_INT(hz_jf_number(&at, o, "nope", HZ_JF_POSITIVE, 0, &n), 0);
	HZ_CHECK_NEAR(n, 9, 0);
	free(d);
	json_decref(o);
}

static void test_errors_name_file_and_field(void)
{
	json_t *o = obj("{\"s\":\"\",\"n\":-1,\"i\":1.5,\"v\":[\"a\",3],\"e\":\"shell\",\"scorer\":{}}");
	hz_jfield at = { .file = "t/task.json" }, nested = { .file = "t/task.json", .prefix = "scorer." };
	hz_jfield line = { .file = "r/runs.jsonl", .line = 12 };
	static const char *const kinds[] = { "exit", "json", "answer", NULL };
	static const char *const two[] = { "baseline", "estimate", NULL };
	const char *s;
	double n;
	long i;
	char **v;
	int e;

	HZ_CHECK_EQ_INT(hz_jf_string(&at, o, "s", 0, &s), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 's' must be a non-empty string");
	HZ_CHECK_EQ_INT(hz_jf_string(&nested, o, "kind", HZ_JF_REQUIRED, &s), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'scorer.kind' is missing");
	HZ_CHECK_EQ_INT(hz_jf_number(&line, o, "n", HZ_JF_POSITIVE, 0, &n), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "r/runs.jsonl:12: 'n' must be a positive number");
	HZ_CHECK_EQ_INT(hz_jf_long(&at, o, "i", 0, &i), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'i' must be a positive integer");
	HZ_CHECK_EQ_INT(hz_jf_strv(&at, o, "v", HZ_JF_STRINGS, 0, &v, NULL), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'v' must be an array of non-empty strings");
	HZ_CHECK(v == NULL);
	HZ_CHECK_EQ_INT(hz_jf_enum(&at, o, "e", kinds, 0, &e), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'e' must be one of \"exit\", \"json\", \"answer\"");
	HZ_CHECK_EQ_INT(hz_jf_enum(&at, o, "e", two, 0, &e), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'e' must be \"baseline\" or \"estimate\"");
	HZ_CHECK_EQ_INT(hz_jf_number(&at, o, "n", HZ_JF_FRACTION, 0, &n), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t/task.json: 'n' must be a number from 0 to 1");
	HZ_CHECK_EQ_INT(hz_jf_error(&line, NULL, "not a JSON object"), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "r/runs.jsonl:12: not a JSON object");
	json_decref(o);
}

static void test_check(void)
{
	json_t *o = obj("{\"a\":[],\"b\":[\"x\"],\"ver\":3,\"verstr\":\"\"}");

	HZ_CHECK(hz_jf_check(json_object_get(o, "a"), HZ_JF_STRINGS) == NULL);
	HZ_CHECK(strstr(hz_jf_check(json_object_get(o, "a"), HZ_JF_ARGV), "an argv, not a shell string"));
	HZ_CHECK(hz_jf_check(json_object_get(o, "b"), HZ_JF_ARGV) == NULL);
	HZ_CHECK(hz_jf_check(json_object_get(o, "ver"), HZ_JF_VERSION) == NULL);
	HZ_CHECK_EQ_STR(hz_jf_check(json_object_get(o, "verstr"), HZ_JF_VERSION),
			"must be a non-empty string or an integer");
	HZ_CHECK_EQ_STR(hz_jf_check(json_object_get(o, "b"), HZ_JF_OBJECT), "must be an object");
	json_decref(o);
}

static void test_text(void)
{
	hz_jfield at = { .file = "agent 'a'" };
	double d = 1;
	long l = 1;
	int b = 0;

	HZ_CHECK_EQ_INT(hz_jf_text_double(&at, "temperature", NULL, 0, 2, &d), 0);
	HZ_CHECK_NEAR(d, 1, 0); /* absent: default kept */
	HZ_CHECK_EQ_INT(hz_jf_text_double(&at, "temperature", "0.5", 0, 2, &d), 0);
	HZ_CHECK_NEAR(d, 0.5, 0);
	HZ_CHECK_EQ_INT(hz_jf_text_double(&at, "temperature", "3", 0, 2, &d), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "agent 'a': 'temperature' must be a number from 0 to 2");
	HZ_CHECK_EQ_INT(hz_jf_text_long(&at, "retries", "x", 0, 10, &l), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "agent 'a': 'retries' must be an integer from 0 to 10");
	HZ_CHECK_EQ_INT(hz_jf_text_long(&at, "retries", "4", 0, 10, &l), 0);
	HZ_CHECK_EQ_INT(l, 4);
	HZ_CHECK_EQ_INT(hz_jf_text_bool(&at, "stream", "true", &b), 0);
	HZ_CHECK_EQ_INT(b, 1);
	HZ_CHECK_EQ_INT(hz_jf_text_bool(&at, "stream", "yes", &b), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "agent 'a': 'stream' must be 0, 1, true or false");
}

/* fit.json's reader: null as absent, and the object named before the field. */
static void test_nullable_and_where(void)
{
	json_t *o = obj("{\"runs\":null,\"n\":2.5,\"t\":\"\",\"b\":1,\"d\":\"2024-13-01\",\"ok\":\"2024-02-29\"}");
	hz_jfield at = { .file = "t.json", .where = "agents[0] 'x'" };
	json_t *v = (json_t *)1;

	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "runs", HZ_JF_COUNT, HZ_JF_NULLABLE, &v), 0);
	HZ_CHECK(v == NULL);
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "runs", HZ_JF_COUNT, HZ_JF_NULLABLE | HZ_JF_REQUIRED, &v), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t.json: agents[0] 'x': 'runs' is missing");
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "runs", HZ_JF_COUNT, 0, &v), HZ_EINVALID); /* null is a value here */
	HZ_CHECK_EQ_STR(hz_error_message(), "t.json: agents[0] 'x': 'runs' must be a non-negative whole number");
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "n", HZ_JF_COUNT, HZ_JF_NULLABLE, &v), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t.json: agents[0] 'x': 'n' must be a non-negative whole number or null");
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "t", HZ_JF_TEXT, 0, &v), 0); /* "" is text */
	HZ_CHECK(v != NULL);
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "b", HZ_JF_BOOL, 0, &v), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t.json: agents[0] 'x': 'b' must be true or false");
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "d", HZ_JF_DATE, 0, &v), HZ_EINVALID);
	HZ_CHECK_EQ_STR(hz_error_message(), "t.json: agents[0] 'x': 'd' must be a date YYYY-MM-DD");
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "ok", HZ_JF_DATE, 0, &v), 0);
	HZ_CHECK_EQ_INT(hz_jf_get(&at, o, "n", HZ_JF_NUMBER, 0, &v), 0);
	json_decref(o);
}

HZ_TEST_MAIN(HZ_TEST(test_getters), HZ_TEST(test_nullable_and_where), HZ_TEST(test_errors_name_file_and_field), HZ_TEST(test_check), HZ_TEST(test_text))
