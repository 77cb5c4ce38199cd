/* Lookups and checks over the task.json schema table (task_schema.h; the table is in task.c). */
#include <stdio.h>
#include <string.h>

#include "task_schema.h"

const task_field *task_field_find(const char *object, const char *key)
{
	for (const task_field *f = task_fields; f->key; f++)
		if (!strcmp(f->key, key) && (object ? f->object && !strcmp(f->object, object) : !f->object))
			return f;
	return NULL;
}

const char *task_field_name(const task_field *f, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", f->object ? f->object : "", f->object ? "." : "", f->key);
	return out;
}

static const char *values_phrase(const task_field *f, char *why, size_t size)
{
	size_t n = 0, len;

	while (f->values[n])
		n++;
	len = (size_t)snprintf(why, size, "must be %s", n > 2 ? "one of " : "");
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(why + len, size - len, "%s\"%s\"", i == 0 ? "" : n == 2 ? " or " : ", ",
					f->values[i]);
	if (f->note && len < size)
		snprintf(why + len, size - len, " %s", f->note);
	return why;
}

const char *task_field_check(json_t *root, const task_field *f, int scorer_kind, json_t **val, int *ix, char *why,
			     size_t size)
{
	json_t *obj = f->object ? json_object_get(root, f->object) : root, *v;
	const char *bad;
	int used = 1, required = (f->flags & TASK_F_REQUIRED) != 0;

	*val = NULL;
	*ix = -1;
	if (f->flags & (TASK_F_COMMAND | TASK_F_ANSWER)) {
		int answer = scorer_kind == TASK_SCORER_ANSWER;
		used = scorer_kind >= 0 && ((f->flags & TASK_F_ANSWER) ? answer : !answer);
		required = used && (required || (f->flags & TASK_F_COMMAND));
	}
	if (!json_is_object(obj) || !used)
		return NULL; /* a parent that is absent or wrong is its own row's error */
	if (!(v = json_object_get(obj, f->key))) {
		if (!required)
			return NULL;
		snprintf(why, size, "is missing");
		return why;
	}
	if ((bad = hz_jf_check(v, f->kind)) != NULL) {
		snprintf(why, size, "%s", bad);
		return why;
	}
	if (f->values) {
		for (int i = 0; f->values[i]; i++)
			if (!strcmp(f->values[i], json_string_value(v)))
				*ix = i;
		if (*ix < 0)
			return values_phrase(f, why, size);
	}
	*val = v;
	return NULL;
}
