/*
 * One runs.jsonl line as a record view: the dozen fields the fitter reads,
 * typed.  A strict scanner handles the common case (ASCII, simple escapes)
 * several times faster than building a jansson object; on anything else
 * (\u escapes, non-ASCII bytes, deep nesting, malformed JSON) it declines and
 * the caller parses the line with jansson, which also words the errors.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fit_table.h"

#define MAX_DEPTH 32

static const char *const names[FIT_F_COUNT] = {
	"run_id", "alias", "task_id", "task_family", "human_minutes", "status", NULL /* score column */,
	"equal_task_weight", "invsqrt_task_weight", "release_date", "input_tokens", "output_tokens",
	"total_tokens", "dollar_equivalent", "human_source", "working_s",
	"started_at", "completed_at", "design"
};

typedef struct scan {
	const char *p, *end;
	char *out;           /* scratch for unescaped strings */
} scan;

static void ws(scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* A string at s->p ('"' included); its unescaped text goes to scratch. 0 = declined. */
static int str(scan *s, const char **text, size_t *len)
{
	char *o = s->out;

	if (s->p >= s->end || *s->p != '"')
		return 0;
	s->p++;
	*text = o;
	while (s->p < s->end) {
		unsigned char c = (unsigned char)*s->p++;
		if (c == '"') {
			*len = (size_t)(o - *text);
			*o++ = '\0';
			s->out = o;
			return 1;
		}
		if (c < 0x20 || c >= 0x80)
			return 0;
		if (c == '\\') {
			if (s->p >= s->end)
				return 0;
			switch (*s->p++) {
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			case '/': c = '/'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			default: return 0; /* \u and anything else: jansson */
			}
		}
		*o++ = (char)c;
	}
	return 0;
}

static int digits(scan *s)
{
	const char *start = s->p;

	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return s->p > start;
}

/* A JSON number, strictly; is_int when it has no fraction or exponent. */
static int number(scan *s, fit_value *v)
{
	const char *start = s->p;
	char buf[64], *end;
	int is_int = 1;

	if (s->p < s->end && *s->p == '-')
		s->p++;
	if (s->p < s->end && *s->p == '0')
		s->p++;
	else if (!digits(s))
		return 0;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		is_int = 0;
		if (!digits(s))
			return 0;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		is_int = 0;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (!digits(s))
			return 0;
	}
	if ((size_t)(s->p - start) >= sizeof(buf))
		return 0;
	memcpy(buf, start, (size_t)(s->p - start));
	buf[s->p - start] = '\0';
	errno = 0;
	if (is_int) {
		v->ival = strtoll(buf, &end, 10);
		if (errno)
			return 0; /* too big for an integer: jansson says so */
		v->num = (double)v->ival;
	} else {
		v->num = strtod(buf, &end);
		if (errno == ERANGE && (v->num > 1 || v->num < -1))
			return 0;
	}
	v->kind = FIT_V_NUMBER;
	v->is_int = is_int;
	return 1;
}

static int word(scan *s, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n))
		return 0;
	s->p += n;
	return 1;
}

static int value(scan *s, fit_value *v, int depth);

static int container(scan *s, int depth, char close)
{
	fit_value dummy;
	const char *k;
	size_t kl;

	if (depth > MAX_DEPTH)
		return 0;
	s->p++;
	ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return 1;
	}
	for (;;) {
		if (close == '}') {
			char *mark = s->out;
			if (!str(s, &k, &kl))
				return 0;
			s->out = mark;
			ws(s);
			if (s->p >= s->end || *s->p++ != ':')
				return 0;
			ws(s);
		}
		if (!value(s, &dummy, depth + 1))
			return 0;
		ws(s);
		if (s->p >= s->end)
			return 0;
		if (*s->p == close) {
			s->p++;
			return 1;
		}
		if (*s->p++ != ',')
			return 0;
		ws(s);
	}
}

static int value(scan *s, fit_value *v, int depth)
{
	memset(v, 0, sizeof(*v));
	if (s->p >= s->end)
		return 0;
	switch (*s->p) {
	case '"':
		v->kind = FIT_V_STRING;
		return str(s, &v->s, &v->len);
	case '{':
		v->kind = FIT_V_OTHER;
		return container(s, depth, '}');
	case '[':
		v->kind = FIT_V_OTHER;
		return container(s, depth, ']');
	case 't':
		v->kind = FIT_V_BOOL;
		v->b = 1;
		return word(s, "true");
	case 'f':
		v->kind = FIT_V_BOOL;
		return word(s, "false");
	case 'n':
		v->kind = FIT_V_NULL;
		return word(s, "null");
	default:
		return number(s, v);
	}
}

static int field_index(const char *key, size_t kl, const char *score_col)
{
	for (int f = 0; f < FIT_F_COUNT; f++) {
		const char *n = names[f] ? names[f] : score_col;
		/* most keys differ in their first byte: test it before the whole name */
		if (n[0] == key[0] && !strncmp(n, key, kl) && n[kl] == '\0')
			return f;
	}
	return -1;
}

int fit_record_scan(const char *line, size_t len, const char *score_col, char *scratch, fit_record *rec)
{
	scan s = { line, line + len, scratch };
	const char *key;
	size_t kl;

	memset(rec, 0, sizeof(*rec));
	ws(&s);
	if (s.p >= s.end || *s.p != '{')
		return 0;
	s.p++;
	ws(&s);
	if (s.p < s.end && *s.p == '}') {
		s.p++;
	} else {
		for (;;) {
			fit_value v;
			int f;
			if (!str(&s, &key, &kl)) /* a NUL can only come from \u0000: declined there */
				return 0;
			f = field_index(key, kl, score_col);
			ws(&s);
			if (s.p >= s.end || *s.p++ != ':')
				return 0;
			ws(&s);
			if (!value(&s, &v, 1))
				return 0;
			if (f >= 0)
				rec->v[f] = v; /* a repeated key: the last one wins, as in jansson */
			ws(&s);
			if (s.p >= s.end)
				return 0;
			if (*s.p == '}') {
				s.p++;
				break;
			}
			if (*s.p++ != ',')
				return 0;
			ws(&s);
		}
	}
	ws(&s);
	return s.p == s.end;
}

void fit_record_from_json(json_t *obj, const char *score_col, fit_record *rec)
{
	memset(rec, 0, sizeof(*rec));
	for (int f = 0; f < FIT_F_COUNT; f++) {
		json_t *j = json_object_get(obj, names[f] ? names[f] : score_col);
		fit_value *v = &rec->v[f];
		if (!j)
			continue;
		if (json_is_null(j)) {
			v->kind = FIT_V_NULL;
		} else if (json_is_string(j)) {
			v->kind = FIT_V_STRING;
			v->s = json_string_value(j);
			v->len = json_string_length(j);
		} else if (json_is_integer(j)) {
			v->kind = FIT_V_NUMBER;
			v->is_int = 1;
			v->ival = (long long)json_integer_value(j);
			v->num = (double)v->ival;
		} else if (json_is_real(j)) {
			v->kind = FIT_V_NUMBER;
			v->num = json_real_value(j);
		} else if (json_is_boolean(j)) {
			v->kind = FIT_V_BOOL;
			v->b = json_is_true(j);
		} else {
			v->kind = FIT_V_OTHER;
		}
	}
}
