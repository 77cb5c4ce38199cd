/*
 * Validation of one task.json, field by field: unlike the loader, every
 * problem is recorded (not just the first), and sanity rules that the loader
 * does not enforce (time limits, tag spelling, unknown fields) are added.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "horizon/error.h"
#include "task_schema.h"
#include "validate_internal.h"

#define E HZ_ISSUE_ERROR
#define W HZ_ISSUE_WARNING

/* The fields of one object (NULL: the top level) that the schema does not know. */
static int unknown_fields(vd_task *t, json_t *obj, const char *object)
{
	const char *key;
	json_t *val;
	char field[128];
	int rc = 0;

	json_object_foreach(obj, key, val) {
		if (task_field_find(object, key))
			continue;
		snprintf(field, sizeof(field), "%s%s%s", object ? object : "", object ? "." : "", key);
		if ((rc = vd_issue(t, W, t->json_path, field, "is not a known field (the loader ignores it)")) != 0)
			break;
	}
	return rc;
}

/*
 * Every row of the schema (task_schema.h) as the loader checks it: presence,
 * type, allowed values.  String arrays are checked item by item below.
 */
static int check_fields(vd_task *t, json_t *root)
{
	char why[160], name[64];
	int kind = -1, rc;

	for (const task_field *f = task_fields; f->key; f++) {
		json_t *v;
		int ix;
		if (f->kind == HZ_JF_STRINGS || f->kind == HZ_JF_ARGV)
			continue;
		if (task_field_check(root, f, kind, &v, &ix, why, sizeof(why)) &&
		    (rc = vd_issue(t, E, t->json_path, task_field_name(f, name, sizeof(name)), "%s", why)))
			return rc;
		if (f->object && !strcmp(f->object, "scorer") && !strcmp(f->key, "kind"))
			kind = ix;
	}
	return 0;
}

/* The value of object.key when the schema accepts it (check_fields reported it otherwise), else NULL. */
static json_t *valid(json_t *root, const char *object, const char *key)
{
	const task_field *f = task_field_find(object, key);
	char why[160];
	json_t *v = NULL;
	int ix;

	if (!f || task_field_check(root, f, -1, &v, &ix, why, sizeof(why)))
		return NULL;
	return v;
}

static const char *valid_string(json_t *root, const char *object, const char *key)
{
	return json_string_value(valid(root, object, key));
}

static double valid_number(json_t *root, const char *object, const char *key)
{
	json_t *v = valid(root, object, key);

	return v ? json_number_value(v) : 0;
}

/* Letters, digits and "._-" only (task names, families, tool names). */
static int is_name(const char *s, const char *extra)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr(extra, *s))
			return 0;
	return 1;
}

static int check_identity(vd_task *t, json_t *root)
{
	const char *id = valid_string(root, NULL, "id"), *family = valid_string(root, NULL, "family");
	const char *s = valid_string(root, NULL, "summary");
	int rc = 0;

	if (id && !is_name(id, "._-/"))
		rc = vd_issue(t, E, t->json_path, "id", "\"%s\" must hold only letters, digits, '.', '_', '-' and one '/'",
			      id);
	if (!rc && family && !is_name(family, "._-"))
		rc = vd_issue(t, E, t->json_path, "family", "\"%s\" must hold only letters, digits, '.', '_' and '-'",
			      family);
	if (!rc && id && family &&
	    (strncmp(id, family, strlen(family)) || id[strlen(family)] != '/' || strchr(id + strlen(family) + 1, '/') ||
	     !id[strlen(family) + 1]))
		rc = vd_issue(t, E, t->json_path, "id", "\"%s\" must be \"<family>/<name>\" with the family \"%s\"", id,
			      family);
	if (!rc && s && strchr(s, '\n'))
		rc = vd_issue(t, W, t->json_path, "summary", "should be one line");
	return rc;
}

/* human_*, time_limit_s and how they relate. */
static int check_times(vd_task *t, json_t *root)
{
	const char *notes = valid_string(root, NULL, "human_notes");
	double minutes = valid_number(root, NULL, "human_minutes"), limit = valid_number(root, NULL, "time_limit_s");
	int rc;

	if (notes && strlen(notes) < 10 &&
	    (rc = vd_issue(t, W, t->json_path, "human_notes", "should say how the time was obtained, in a sentence")))
		return rc;
	if (limit > HZ_TASK_TIME_LIMIT_MAX)
		return vd_issue(t, E, t->json_path, "time_limit_s", "%g s is more than a year (at most %.0f s)", limit,
				HZ_TASK_TIME_LIMIT_MAX);
	if (limit > 0 && limit < 30)
		return vd_issue(t, W, t->json_path, "time_limit_s", "%g s is under 30 s: too short for most agents to act",
				limit);
	if (limit > 0 && minutes > 0 && limit < minutes * 60)
		return vd_issue(t, W, t->json_path, "time_limit_s",
				"%g s gives an agent less time than the human estimate (%g s)", limit, minutes * 60);
	if (limit > 0 && minutes > 0 && limit > 3600 && limit > minutes * 60 * 100)
		return vd_issue(t, W, t->json_path, "time_limit_s",
				"%g s is over 100 times the human estimate (%g s): a stuck agent wastes it all", limit,
				minutes * 60);
	return 0;
}

static int check_command(vd_task *t, json_t *cmd)
{
	size_t i;
	json_t *arg;

	if (!cmd)
		return vd_issue(t, E, t->json_path, "scorer.command", "is missing (exit and json scorers run a command)");
	if (!json_is_array(cmd) || json_array_size(cmd) == 0)
		return vd_issue(t, E, t->json_path, "scorer.command",
				"must be a non-empty array of strings (an argv, not a shell string)");
	json_array_foreach(cmd, i, arg) {
		if (!json_is_string(arg) || json_string_length(arg) == 0)
			return vd_issue(t, E, t->json_path, "scorer.command", "item %zu must be a non-empty string", i);
	}
	if (json_array_size(cmd) == 1 && strchr(json_string_value(json_array_get(cmd, 0)), ' '))
		return vd_issue(t, E, t->json_path, "scorer.command",
				"is one string with spaces: write the argv as separate items");
	return 0;
}

static int check_answer_fields(vd_task *t, json_t *s)
{
	const char *file = json_string_value(json_object_get(s, "answer_file"));
	int rc;

	if (file && *file && (strncmp(file, "tests/", 6) || strstr(file, "..") || !file[6]) &&
	    (rc = vd_issue(t, E, t->json_path, "scorer.answer_file", "\"%s\" must be a file under tests/", file)))
		return rc;
	if (json_object_get(s, "command"))
		return vd_issue(t, W, t->json_path, "scorer.command", "is ignored by answer scorers");
	return 0;
}

static int check_scorer(vd_task *t, json_t *root)
{
	json_t *s = valid(root, NULL, "scorer");
	const char *kind = valid_string(root, "scorer", "kind");
	double timeout = valid_number(root, "scorer", "timeout_s");
	int rc;

	if (!s)
		return 0;
	if ((rc = unknown_fields(t, s, "scorer")))
		return rc;
	if (timeout > 300 &&
	    (rc = vd_issue(t, W, t->json_path, "scorer.timeout_s", "%g s is long: scorers should finish in seconds",
			   timeout)))
		return rc;
	if (valid(root, "scorer", "threshold") && kind && strcmp(kind, "json") &&
	    (rc = vd_issue(t, W, t->json_path, "scorer.threshold", "is used only by json scorers")))
		return rc;
	if (!kind)
		return 0;
	if (!strcmp(kind, "answer"))
		return check_answer_fields(t, s);
	if ((rc = check_command(t, json_object_get(s, "command"))))
		return rc;
	if (json_object_get(s, "answer_file") || json_object_get(s, "match"))
		return vd_issue(t, W, t->json_path, "scorer.answer_file", "and 'match' are used only by answer scorers");
	return 0;
}

static int check_resources(vd_task *t, json_t *root)
{
	json_t *r = valid(root, NULL, "resources");

	return r ? unknown_fields(t, r, "resources") : 0;
}

/* requires and tags: arrays of distinct well-formed names. */
static int check_names(vd_task *t, json_t *root, const char *field, const char *extra, const char *what)
{
	json_t *arr = json_object_get(root, field), *item;
	size_t i;
	int rc = 0;

	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return vd_issue(t, E, t->json_path, field, "must be an array of strings");
	json_array_foreach(arr, i, item) {
		const char *s = json_string_value(item);
		if (!json_is_string(item) || !*s) {
			rc = vd_issue(t, E, t->json_path, field, "item %zu must be a non-empty string", i);
		} else if (!is_name(s, extra)) {
			rc = vd_issue(t, E, t->json_path, field, "\"%s\" is not %s", s, what);
		} else {
			for (size_t j = 0; j < i && !rc; j++)
				if (json_is_string(json_array_get(arr, j)) &&
				    !strcmp(json_string_value(json_array_get(arr, j)), s))
					rc = vd_issue(t, E, t->json_path, field, "lists \"%s\" twice", s);
		}
		if (rc)
			return rc;
	}
	return 0;
}

static int check_tag_case(vd_task *t, json_t *root)
{
	json_t *arr = json_object_get(root, "tags"), *item;
	size_t i;

	if (!json_is_array(arr))
		return 0;
	json_array_foreach(arr, i, item) {
		const char *s = json_string_value(item);
		for (; s && *s; s++)
			if (isupper((unsigned char)*s))
				return vd_issue(t, W, t->json_path, "tags", "\"%s\" should be lower case",
						json_string_value(item));
	}
	return 0;
}

int vd_check_schema(vd_task *t, json_t *root)
{
	int rc;

	if (!json_is_object(root))
		return vd_issue(t, E, t->json_path, NULL, "the top level must be an object");
	if ((rc = unknown_fields(t, root, NULL)) || (rc = check_fields(t, root)) || (rc = check_identity(t, root)) ||
	    (rc = check_times(t, root)) || (rc = check_scorer(t, root)) || (rc = check_resources(t, root)) ||
	    (rc = check_names(t, root, "requires", "._+-", "a command name (no '/' or spaces)")) ||
	    (rc = check_names(t, root, "tags", "._-", "a tag (letters, digits, '.', '_', '-')")) ||
	    (rc = check_tag_case(t, root)))
		return rc;
	return 0;
}
