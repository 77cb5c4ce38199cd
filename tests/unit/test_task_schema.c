/*
 * The task.json schema table (src/lib/task_schema.h) is the loader's and the
 * validator's: for every row, a task.json with that field wrong is refused by
 * hz_task_load and reported by hz_validate_path, both naming the same field.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "horizon/error.h"
#include "horizon/task.h"
#include "horizon/validate.h"
#include "hz_test.h"
#include "task_schema.h"

static char root[] = "/tmp/hz_test_task_schema_XXXXXX";

static const char base[] =
	"{\"id\":\"f/x\",\"family\":\"f\",\"version\":1,\"summary\":\"s\",\"human_minutes\":1,"
	"\"human_source\":\"estimate\",\"human_notes\":\"timed by the author\",\"time_limit_s\":120,"
	"\"scorer\":{\"kind\":\"exit\",\"command\":[\"true\"]},\"resources\":{},\"requires\":[],\"tags\":[]}";

/* f/x with task.json = the base with row f set to a wrong value. */
static char *task_with_bad(const task_field *f)
{
	char *dir = hz_path_join(root, "f/x"), *p = NULL, *text;
	json_t *o = json_loads(base, 0, NULL), *parent;
	static const char *const parts[] = { "workspace", "tests", "solution" };

	HZ_CHECK(o != NULL);
	if (f->flags & TASK_F_ANSWER)
		json_object_set_new(json_object_get(o, "scorer"), "kind", json_string("answer")),
		json_object_set_new(json_object_get(o, "scorer"), "answer_file", json_string("tests/a.txt"));
	parent = f->object ? json_object_get(o, f->object) : o;
	/* a wrong type for every kind; a value not allowed for an enumerated string */
	json_object_set_new(parent, f->key, f->values ? json_string("bogus")
				    : f->kind == HZ_JF_OBJECT ? json_integer(3) : json_object());
	text = json_dumps(o, 0);
	hz_fs_remove_tree(dir);
	HZ_CHECK_EQ_INT(hz_fs_mkdir_p(dir, 0755), 0);
	for (size_t i = 0; i < 3; i++) {
		p = hz_path_join(dir, parts[i]);
		HZ_CHECK_EQ_INT(hz_fs_mkdir_p(p, 0755), 0);
		free(p);
	}
	p = hz_path_join(dir, "instructions.md");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, "Do it.\n", 7), 0);
	free(p);
	p = hz_path_join(dir, "task.json");
	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, text, strlen(text)), 0);
	free(p);
	free(text);
	json_decref(o);
	return dir;
}

static int validator_names(const hz_validation *v, const char *field)
{
	for (size_t i = 0; i < hz_validation_count(v); i++) {
		const hz_issue *is = hz_validation_issue(v, i);
		if (is->level == HZ_ISSUE_ERROR && is->field && !strcmp(is->field, field))
			return 1;
	}
	return 0;
}

static void test_every_row(void)
{
	size_t rows = 0;

	for (const task_field *f = task_fields; f->key; f++, rows++) {
		char name[64], want[80], *dir = task_with_bad(f);
		hz_task *t = NULL;
		hz_validation *v = NULL;
		hz_validate_opts o = { 0 };

		task_field_name(f, name, sizeof(name));
		snprintf(want, sizeof(want), "task.json: '%s' ", name);
		HZ_CHECK_EQ_INT(hz_task_load(&t, dir), HZ_EINVALID);
		if (!strstr(hz_error_message(), want))
			fprintf(stderr, "loader, row %s: %s\n", name, hz_error_message());
		HZ_CHECK(strstr(hz_error_message(), want) != NULL);
		hz_task_free(t);
		HZ_CHECK_EQ_INT(hz_validate_path(&v, dir, &o), 0);
		if (v && !validator_names(v, name))
			fprintf(stderr, "validator, row %s: not named\n", name);
		HZ_CHECK(v && validator_names(v, name));
		hz_validation_free(v);
		free(dir);
	}
	HZ_CHECK(rows >= 20);
	HZ_CHECK(task_field_find("scorer", "kind") && !task_field_find("scorer", "id") && !task_field_find(NULL, "kind"));
}

/* The base task loads, with the schema's defaults. */
static void test_base_loads(void)
{
	task_field none = { .object = NULL, .key = "humam_notes", .kind = HZ_JF_STRING };
	char *dir = task_with_bad(&none); /* an unknown field: ignored by the loader */
	hz_task *t = NULL;

	HZ_CHECK_EQ_INT(hz_task_load(&t, dir), 0);
	if (t) {
		HZ_CHECK_EQ_STR(hz_task_version(t), "1");
		HZ_CHECK_EQ_STR(hz_task_network(t), "none");
		HZ_CHECK_NEAR(hz_task_scorer(t)->timeout_s, 60, 0);
		HZ_CHECK_EQ_INT(hz_task_resources(t)->cpu_s, 300);
		HZ_CHECK_EQ_INT(hz_task_requires_count(t), 0);
	}
	hz_task_free(t);
	free(dir);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(root) != NULL);
}

static void teardown(void)
{
	HZ_CHECK_EQ_INT(hz_fs_remove_tree(root), 0);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_base_loads), HZ_TEST(test_every_row), HZ_TEST(teardown))
