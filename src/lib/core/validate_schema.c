/*
 * Validation of one task.json, field by field: unlike the loader, every
 * problem is recorded (not just the first), and sanity rules that the loader
 * does not enforce (time limits, tag spelling, unknown fields) are added.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "horizon/error.h"
#include "validate_internal.h"

#define E HZ_ISSUE_ERROR
#define W HZ_ISSUE_WARNING

static const char *const top_fields[] = { "id", "family", "version", "summary", "human_minutes", "human_source",
					  "human_notes", "time_limit_s", "scorer", "resources", "network",
					  "requires", "tags", "domain", NULL };
static const char *const scorer_fields[] = { "kind", "command", "timeout_s", "threshold", "answer_file", "match",
					     NULL };
static const char *const resource_fields[] = { "memory_mb", "cpu_s", "processes", "disk_mb", "open_files", NULL };

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return 1;
	return 0;
}

static int unknown_fields(vd_task *t, json_t *obj, const char *prefix, const char *const *known)
{
	const char *key;
	json_t *val;
	char field[128];
	int rc = 0;

	json_object_foreach(obj, key, val) {
		if (in_list(known, key))
			continue;
		snprintf(field, sizeof(field), "%s%s", prefix, key);
		if ((rc = vd_issue(t, W, t->json_path, field, "is not a known field (the loader ignores it)")) != 0)
			break;
	}
	return rc;
}

/* A required or optional non-empty string; *out is borrowed from the JSON, or NULL. */
static int want_string(vd_task *t, json_t *obj, const char *key, const char *field, int required, const char **out)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v)
		return required ? vd_issue(t, E, t->json_path, field, "is missing") : 0;
	if (!json_is_string(v) || json_string_length(v) == 0)
		return vd_issue(t, E, t->json_path, field, "must be a non-empty string");
	*out = json_string_value(v);
	return 0;
}

/* A required or optional positive finite number; *out is 0 when absent or bad. */
static int want_positive(vd_task *t, json_t *obj, const char *key, const char *field, int required, double *out)
{
	json_t *v = json_object_get(obj, key);

	*out = 0;
	if (!v)
		return required ? vd_issue(t, E, t->json_path, field, "is missing") : 0;
	if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) <= 0)
		return vd_issue(t, E, t->json_path, field, "must be a positive number");
	*out = json_number_value(v);
	return 0;
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
	const char *id, *family, *s;
	json_t *ver = json_object_get(root, "version");
	int rc;

	if ((rc = want_string(t, root, "id", "id", 1, &id)) || (rc = want_string(t, root, "family", "family", 1, &family)))
		return rc;
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
	if (rc)
		return rc;
	if (!ver)
		rc = vd_issue(t, E, t->json_path, "version", "is missing");
	else if (!json_is_integer(ver) && !(json_is_string(ver) && json_string_length(ver) > 0))
		rc = vd_issue(t, E, t->json_path, "version", "must be a non-empty string or an integer");
	if (!rc && (rc = want_string(t, root, "summary", "summary", 1, &s)) == 0 && s && strchr(s, '\n'))
		rc = vd_issue(t, W, t->json_path, "summary", "should be one line");
	if (!rc && (rc = want_string(t, root, "network", "network", 0, &s)) == 0 && s && strcmp(s, "none"))
		rc = vd_issue(t, E, t->json_path, "network", "must be \"none\" (tasks never reach a network)");
	if (!rc && (rc = want_string(t, root, "domain", "domain", 0, &s)) == 0 && s && !hz_task_domain_known(s))
		rc = vd_issue(t, E, t->json_path, "domain",
			      "\"%s\" must be one of \"software\", \"security\", \"ml\", \"data\", \"ops\"", s);
	return rc;
}

/* human_*, time_limit_s and how they relate. */
static int check_times(vd_task *t, json_t *root)
{
	const char *source, *notes;
	double minutes, limit;
	int rc;

	if ((rc = want_positive(t, root, "human_minutes", "human_minutes", 1, &minutes)) ||
	    (rc = want_string(t, root, "human_source", "human_source", 1, &source)) ||
	    (rc = want_string(t, root, "human_notes", "human_notes", 1, &notes)) ||
	    (rc = want_positive(t, root, "time_limit_s", "time_limit_s", 1, &limit)))
		return rc;
	if (source && strcmp(source, "baseline") && strcmp(source, "estimate") &&
	    (rc = vd_issue(t, E, t->json_path, "human_source", "must be \"baseline\" or \"estimate\"")))
		return rc;
	if (notes && strlen(notes) < 10 &&
	    (rc = vd_issue(t, W, t->json_path, "human_notes", "should say how the time was obtained, in a sentence")))
		return rc;
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
	const char *file, *match;
	int rc;

	if ((rc = want_string(t, s, "answer_file", "scorer.answer_file", 1, &file)))
		return rc;
	if (file && (strncmp(file, "tests/", 6) || strstr(file, "..") || !file[6]) &&
	    (rc = vd_issue(t, E, t->json_path, "scorer.answer_file", "\"%s\" must be a file under tests/", file)))
		return rc;
	if ((rc = want_string(t, s, "match", "scorer.match", 0, &match)))
		return rc;
	if (match && strcmp(match, "exact") && strcmp(match, "regex") && strcmp(match, "number"))
		return vd_issue(t, E, t->json_path, "scorer.match", "must be one of \"exact\", \"regex\", \"number\"");
	if (json_object_get(s, "command"))
		return vd_issue(t, W, t->json_path, "scorer.command", "is ignored by answer scorers");
	return 0;
}

static int check_scorer(vd_task *t, json_t *root)
{
	json_t *s = json_object_get(root, "scorer"), *th;
	const char *kind;
	double timeout;
	int rc;

	if (!s)
		return vd_issue(t, E, t->json_path, "scorer", "is missing");
	if (!json_is_object(s))
		return vd_issue(t, E, t->json_path, "scorer", "must be an object");
	if ((rc = unknown_fields(t, s, "scorer.", scorer_fields)) ||
	    (rc = want_string(t, s, "kind", "scorer.kind", 1, &kind)) ||
	    (rc = want_positive(t, s, "timeout_s", "scorer.timeout_s", 0, &timeout)))
		return rc;
	if (timeout > 300 &&
	    (rc = vd_issue(t, W, t->json_path, "scorer.timeout_s", "%g s is long: scorers should finish in seconds",
			   timeout)))
		return rc;
	if ((th = json_object_get(s, "threshold")) != NULL) {
		if (!json_is_number(th) || json_number_value(th) < 0 || json_number_value(th) > 1)
			rc = vd_issue(t, E, t->json_path, "scorer.threshold", "must be a number from 0 to 1");
		else if (kind && strcmp(kind, "json"))
			rc = vd_issue(t, W, t->json_path, "scorer.threshold", "is used only by json scorers");
		if (rc)
			return rc;
	}
	if (!kind)
		return 0;
	if (!strcmp(kind, "answer"))
		return check_answer_fields(t, s);
	if (strcmp(kind, "exit") && strcmp(kind, "json"))
		return vd_issue(t, E, t->json_path, "scorer.kind", "must be one of \"exit\", \"json\", \"answer\"");
	if ((rc = check_command(t, json_object_get(s, "command"))))
		return rc;
	if (json_object_get(s, "answer_file") || json_object_get(s, "match"))
		return vd_issue(t, W, t->json_path, "scorer.answer_file", "and 'match' are used only by answer scorers");
	return 0;
}

static int check_resources(vd_task *t, json_t *root)
{
	json_t *r = json_object_get(root, "resources");
	char field[64];
	int rc;

	if (!r)
		return 0;
	if (!json_is_object(r))
		return vd_issue(t, E, t->json_path, "resources", "must be an object");
	if ((rc = unknown_fields(t, r, "resources.", resource_fields)))
		return rc;
	for (size_t i = 0; resource_fields[i]; i++) {
		json_t *v = json_object_get(r, resource_fields[i]);
		if (!v || (json_is_integer(v) && json_integer_value(v) > 0))
			continue;
		snprintf(field, sizeof(field), "resources.%s", resource_fields[i]);
		if ((rc = vd_issue(t, E, t->json_path, field, "must be a positive integer")))
			return rc;
	}
	return 0;
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
	if ((rc = unknown_fields(t, root, "", top_fields)) || (rc = check_identity(t, root)) ||
	    (rc = check_times(t, root)) || (rc = check_scorer(t, root)) || (rc = check_resources(t, root)) ||
	    (rc = check_names(t, root, "requires", "._+-", "a command name (no '/' or spaces)")) ||
	    (rc = check_names(t, root, "tags", "._-", "a tag (letters, digits, '.', '_', '-')")) ||
	    (rc = check_tag_case(t, root)))
		return rc;
	return 0;
}
