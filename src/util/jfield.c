/* Typed fields with errors naming the file, line and field (jfield.h). */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "horizon/error.h"
#include "jfield.h"
#include "strutil.h"

const char *hz_jf_check(json_t *v, hz_jf_kind kind)
{
	size_t i;
	json_t *item;

	switch (kind) {
	case HZ_JF_STRING:
		return json_is_string(v) && json_string_length(v) > 0 ? NULL : HZ_JF_NOT_STRING;
	case HZ_JF_POSITIVE:
		return json_is_number(v) && isfinite(json_number_value(v)) && json_number_value(v) > 0
			       ? NULL : HZ_JF_NOT_POSITIVE;
	case HZ_JF_POSINT:
		return json_is_integer(v) && json_integer_value(v) > 0 ? NULL : "must be a positive integer";
	case HZ_JF_FRACTION:
		return json_is_number(v) && json_number_value(v) >= 0 && json_number_value(v) <= 1
			       ? NULL : "must be a number from 0 to 1";
	case HZ_JF_OBJECT:
		return json_is_object(v) ? NULL : "must be an object";
	case HZ_JF_STRINGS:
	case HZ_JF_ARGV:
		if (!json_is_array(v) || (kind == HZ_JF_ARGV && json_array_size(v) == 0))
			return kind == HZ_JF_ARGV ? "must be a non-empty array of strings (an argv, not a shell string)"
						  : "must be an array of strings";
		json_array_foreach(v, i, item)
			if (!json_is_string(item) || json_string_length(item) == 0)
				return "must be an array of non-empty strings";
		return NULL;
	case HZ_JF_VERSION:
		return json_is_integer(v) || (json_is_string(v) && json_string_length(v) > 0)
			       ? NULL : "must be a non-empty string or an integer";
	case HZ_JF_NUMBER:
		return json_is_number(v) ? NULL : "must be a number";
	case HZ_JF_COUNT: {
		double x = json_number_value(v);
		return json_is_number(v) && x >= 0 && x <= 1e15 && x == floor(x) ? NULL
										 : "must be a non-negative whole number";
	}
	case HZ_JF_BOOL:
		return json_is_boolean(v) ? NULL : "must be true or false";
	case HZ_JF_TEXT:
		return json_is_string(v) ? NULL : "must be a string";
	case HZ_JF_DATE: {
		long days;
		return json_is_string(v) && json_string_length(v) == 10 && hz_parse_date(json_string_value(v), &days) == 0
			       ? NULL : "must be a date YYYY-MM-DD";
	}
	}
	return "has an unknown kind";
}

const char *hz_jf_name(const hz_jfield *at, const char *field, char *out, size_t size)
{
	snprintf(out, size, "%s%s", at->prefix ? at->prefix : "", field);
	return out;
}

int hz_jf_error(const hz_jfield *at, const char *field, const char *fmt, ...)
{
	hz_buf b = HZ_BUF_INIT;
	va_list ap;
	int rc;

	hz_buf_puts(&b, at->file ? at->file : "(input)");
	if (at->line > 0)
		hz_buf_printf(&b, ":%ld", at->line);
	hz_buf_puts(&b, ": ");
	if (at->where && *at->where)
		hz_buf_printf(&b, "%s: ", at->where);
	if (field)
		hz_buf_printf(&b, "'%s%s' ", at->prefix ? at->prefix : "", field);
	va_start(ap, fmt);
	hz_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	rc = hz_error_set(HZ_EINVALID, "%s", hz_buf_cstr(&b));
	hz_buf_release(&b);
	return rc;
}

int hz_jf_get(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags, json_t **out)
{
	json_t *v = json_object_get(obj, field);
	const char *why;

	*out = NULL;
	if (!v || ((flags & HZ_JF_NULLABLE) && json_is_null(v)))
		return flags & HZ_JF_REQUIRED ? hz_jf_error(at, field, HZ_JF_MISSING) : 0;
	if ((why = hz_jf_check(v, kind)) != NULL)
		return hz_jf_error(at, field, "%s%s", why, flags & HZ_JF_NULLABLE ? " or null" : "");
	*out = v;
	return 0;
}

int hz_jf_string(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, const char **out)
{
	json_t *v;
	int rc = hz_jf_get(at, obj, field, HZ_JF_STRING, flags, &v);

	if (!rc && v)
		*out = json_string_value(v);
	return rc;
}

int hz_jf_strdup(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, char **out)
{
	const char *s = NULL;
	int rc = hz_jf_string(at, obj, field, flags, &s);

	if (!rc && s && !(*out = strdup(s)))
		rc = hz_error_set(HZ_ENOMEM, "out of memory");
	return rc;
}

int hz_jf_number(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags,
		 double *out)
{
	json_t *v;
	int rc = hz_jf_get(at, obj, field, kind, flags, &v);

	if (!rc && v)
		*out = json_number_value(v);
	return rc;
}

int hz_jf_long(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, long *out)
{
	json_t *v;
	int rc = hz_jf_get(at, obj, field, HZ_JF_POSINT, flags, &v);

	if (!rc && v) {
		if (json_integer_value(v) > (json_int_t)LONG_MAX)
			return hz_jf_error(at, field, "is too large");
		*out = (long)json_integer_value(v);
	}
	return rc;
}

void hz_jf_strv_free(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

int hz_jf_strv_copy(json_t *v, char ***out, size_t *n)
{
	size_t i, count = json_is_array(v) ? json_array_size(v) : 0;
	json_t *item;
	char **vec;

	*out = NULL;
	if (n)
		*n = 0;
	if (!(vec = calloc(count + 1, sizeof(char *))))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (i = 0; i < count; i++) {
		item = json_array_get(v, i);
		if (!(vec[i] = strdup(json_is_string(item) ? json_string_value(item) : ""))) {
			hz_jf_strv_free(vec);
			return hz_error_set(HZ_ENOMEM, "out of memory");
		}
	}
	*out = vec;
	if (n)
		*n = count;
	return 0;
}

int hz_jf_strv(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags, char ***out,
	       size_t *n)
{
	json_t *v;
	int rc;

	*out = NULL;
	if (n)
		*n = 0;
	if ((rc = hz_jf_get(at, obj, field, kind, flags, &v)) != 0)
		return rc;
	return hz_jf_strv_copy(v, out, n);
}

int hz_jf_enum(const hz_jfield *at, json_t *obj, const char *field, const char *const *values, unsigned flags,
	       int *out)
{
	const char *s = NULL;
	hz_buf b = HZ_BUF_INIT;
	int rc, n;

	if ((rc = hz_jf_string(at, obj, field, flags, &s)) != 0 || !s)
		return rc;
	for (n = 0; values[n]; n++)
		if (!strcmp(s, values[n])) {
			*out = n;
			return 0;
		}
	for (int i = 0; i < n; i++)
		hz_buf_printf(&b, "%s\"%s\"", i == 0 ? "" : n == 2 ? " or " : ", ", values[i]);
	rc = hz_jf_error(at, field, n > 2 ? "must be one of %s" : "must be %s", hz_buf_cstr(&b));
	hz_buf_release(&b);
	return rc;
}

int hz_jf_text_double(const hz_jfield *at, const char *field, const char *text, double lo, double hi,
		      double *out)
{
	double d;

	if (!text)
		return 0;
	if (hz_parse_double(text, &d) || d < lo || d > hi)
		return hz_jf_error(at, field, "must be a number from %g to %g", lo, hi);
	*out = d;
	return 0;
}

int hz_jf_text_long(const hz_jfield *at, const char *field, const char *text, long lo, long hi, long *out)
{
	long l;

	if (!text)
		return 0;
	if (hz_parse_long(text, &l) || l < lo || l > hi)
		return hz_jf_error(at, field, "must be an integer from %ld to %ld", lo, hi);
	*out = l;
	return 0;
}

int hz_jf_text_bool(const hz_jfield *at, const char *field, const char *text, int *out)
{
	if (!text)
		return 0;
	if (!strcmp(text, "1") || !strcmp(text, "true"))
		*out = 1;
	else if (!strcmp(text, "0") || !strcmp(text, "false"))
		*out = 0;
	else
		return hz_jf_error(at, field, "must be 0, 1, true or false");
	return 0;
}
