/*
 * Typed fields with errors that name where they are: "FILE: 'FIELD' WHAT",
 * "FILE:LINE: 'FIELD' WHAT", or "LABEL: 'FIELD' WHAT" (an agent's settings).
 * One helper for every reader of JSON objects (task.json, runs.jsonl) and of
 * key=value settings, so that a field is checked, and its error worded, one
 * way.  Nested objects name their fields with a prefix ("scorer.kind").
 *
 *   hz_jfield at = { .file = path, .prefix = "scorer." };
 *   if ((rc = hz_jf_string(&at, obj, "kind", HZ_JF_REQUIRED, &kind)) != 0) ...
 *
 * Every getter returns 0 when the field is valid (*out set) or absent and
 * optional (*out untouched), or HZ_EINVALID with the per-thread error set.
 * The hz_jf_check_* functions say what is wrong (a static phrase) without
 * setting any error, for validators that collect every problem.
 */
#ifndef HZ_UTIL_JFIELD_H
#define HZ_UTIL_JFIELD_H

#include <jansson.h>
#include <stddef.h>

typedef struct hz_jfield {
	const char *file;   /* a path, or a label such as "agent 'a'" */
	long line;          /* > 0: FILE:LINE (a JSON-lines file) */
	const char *prefix; /* prepended to field names, or NULL */
	const char *where;  /* the object holding them ("agents[3] 'gpt-4'"): "FILE: WHERE: 'FIELD'", or NULL */
} hz_jfield;

#define HZ_JF_REQUIRED 1u /* absent is "is missing" */
#define HZ_JF_NULLABLE 2u /* null is the same as absent ("must be a number or null") */

/* The kinds of value a field may hold, for hz_jf_check. */
typedef enum hz_jf_kind {
	HZ_JF_STRING,    /* a non-empty string */
	HZ_JF_POSITIVE,  /* a finite number > 0 */
	HZ_JF_POSINT,    /* an integer > 0 */
	HZ_JF_FRACTION,  /* a number from 0 to 1 */
	HZ_JF_OBJECT,
	HZ_JF_STRINGS,   /* an array of non-empty strings */
	HZ_JF_ARGV,      /* a non-empty array of non-empty strings */
	HZ_JF_VERSION,   /* a non-empty string or an integer */
	HZ_JF_NUMBER,    /* any number */
	HZ_JF_COUNT,     /* a non-negative whole number (below 1e15) */
	HZ_JF_BOOL,      /* true or false */
	HZ_JF_TEXT,      /* any string, "" included */
	HZ_JF_DATE,      /* a string YYYY-MM-DD */
} hz_jf_kind;

/* The phrases, for readers with their own value views (the fitter's record scanner). */
#define HZ_JF_MISSING "is missing"
#define HZ_JF_NOT_STRING "must be a non-empty string"
#define HZ_JF_NOT_POSITIVE "must be a positive number"
#define HZ_JF_NOT_NONNEGATIVE "must be a non-negative number"

/* NULL when v (not NULL) is of the kind, else what is wrong: "must be a positive number". */
const char *hz_jf_check(json_t *v, hz_jf_kind kind);

/* HZ_EINVALID with "FILE[:LINE]: [WHERE: ]'PREFIXFIELD' WHAT" (FIELD NULL: no 'FIELD'). */
int hz_jf_error(const hz_jfield *at, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* PREFIXFIELD into out (always NUL-terminated); returns out. */
const char *hz_jf_name(const hz_jfield *at, const char *field, char *out, size_t size);

/* The value of field if present and of the kind: *out = the value (borrowed), NULL when absent. */
int hz_jf_get(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags, json_t **out);

/* Typed getters over hz_jf_get.  Strings are borrowed from the JSON unless dup'ed. */
int hz_jf_string(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, const char **out);
int hz_jf_strdup(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, char **out);
int hz_jf_number(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags,
		 double *out);
int hz_jf_long(const hz_jfield *at, json_t *obj, const char *field, unsigned flags, long *out);

/* An array of strings as a NULL-terminated heap vector (an empty one when absent); n may be NULL. */
int hz_jf_strv(const hz_jfield *at, json_t *obj, const char *field, hz_jf_kind kind, unsigned flags, char ***out,
	       size_t *n);
void hz_jf_strv_free(char **v);

/* The strings of a JSON array (NULL: none) as such a vector (non-strings become ""). */
int hz_jf_strv_copy(json_t *v, char ***out, size_t *n);

/* A string that must be one of values (NULL-terminated): *out = its index. */
int hz_jf_enum(const hz_jfield *at, json_t *obj, const char *field, const char *const *values, unsigned flags,
	       int *out);

/*
 * The same checks on text values (key=value settings, command-line options):
 * NULL text is absent.  Errors read "LABEL: 'FIELD' must be a number from LO to HI".
 */
int hz_jf_text_double(const hz_jfield *at, const char *field, const char *text, double lo, double hi,
		      double *out);
int hz_jf_text_long(const hz_jfield *at, const char *field, const char *text, long lo, long hi, long *out);
int hz_jf_text_bool(const hz_jfield *at, const char *field, const char *text, int *out);

#endif
