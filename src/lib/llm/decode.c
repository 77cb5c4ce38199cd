/*
 * Tolerant decoding of provider replies.  Servers pass a model's bytes
 * through: a 0x00 becomes the valid escape \u0000, a token cut inside a
 * character becomes invalid UTF-8 or a lone surrogate escape (\ud83d
 * without its pair).  None of that makes the reply unreadable: text that
 * cannot be decoded becomes U+FFFD, and only a body that is not JSON at all
 * is malformed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_wire.h"

int llm_put_clean(hz_buf *out, const char *text, size_t len)
{
	return hz_buf_put_utf8(out, text, len);
}

char *llm_json_text(const json_t *v)
{
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);
	hz_buf b = HZ_BUF_INIT;

	if (!s)
		return strdup("");
	if (!memchr(s, '\0', n))
		return strdup(s);
	if (llm_put_clean(&b, s, n) != 0) {
		hz_buf_release(&b);
		return NULL;
	}
	return hz_buf_detach(&b);
}

static int hex4(const char *p, size_t n, unsigned *out)
{
	unsigned v = 0;

	if (n < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/*
 * A copy of a JSON text with invalid UTF-8 bytes replaced by U+FFFD and
 * lone surrogate escapes by \ufffd.  Backslashes occur only inside strings
 * in JSON, so an escape is recognised without tracking string state.
 */
static int repair(const char *body, size_t len, hz_buf *out)
{
	const unsigned char *s = (const unsigned char *)body;
	size_t i = 0;
	int rc = 0;

	while (i < len && !rc) {
		size_t n;
		unsigned hi, lo;

		if (s[i] == '\\' && i + 1 < len && s[i + 1] == 'u' && hex4(body + i + 2, len - i - 2, &hi) == 0) {
			if (hi >= 0xd800 && hi <= 0xdbff && i + 12 <= len && s[i + 6] == '\\' && s[i + 7] == 'u' &&
			    hex4(body + i + 8, len - i - 8, &lo) == 0 && lo >= 0xdc00 && lo <= 0xdfff) {
				rc = hz_buf_put(out, body + i, 12);
				i += 12;
			} else if (hi >= 0xd800 && hi <= 0xdfff) {
				rc = hz_buf_puts(out, "\\ufffd");
				i += 6;
			} else {
				rc = hz_buf_put(out, body + i, 6);
				i += 6;
			}
			continue;
		}
		if (s[i] == '\\' && i + 1 < len) {
			rc = hz_buf_put(out, body + i, 2);
			i += 2;
			continue;
		}
		if (!s[i]) { /* a raw NUL byte is never valid JSON: drop it */
			i++;
			continue;
		}
		n = hz_utf8_len(s + i, len - i);
		if (n) {
			rc = hz_buf_put(out, body + i, n);
			i += n;
		} else {
			rc = hz_buf_puts(out, HZ_UTF8_FFFD);
			i++;
		}
	}
	return rc;
}

json_t *llm_json_load(const char *body, size_t len)
{
	hz_buf fixed = HZ_BUF_INIT;
	json_t *root = json_loadb(body, len, JSON_ALLOW_NUL, NULL);

	if (root || !len)
		return root;
	hz_buf_init(&fixed, 3 * len + 16);
	if (repair(body, len, &fixed) == 0)
		root = json_loadb(hz_buf_cstr(&fixed), fixed.len, JSON_ALLOW_NUL, NULL);
	hz_buf_release(&fixed);
	return root;
}

int llm_usage_get(const json_t *obj, const char *key, long *out)
{
	json_t *v = json_object_get(obj, key);
	double d;

	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		if (i < 0 || i > LLM_TOKENS_MAX)
			return 1;
		*out = (long)i;
		return 0;
	}
	/* Some servers count in floats ("prompt_tokens": 12.0). */
	d = json_is_real(v) ? json_real_value(v) : -1;
	if (!(d >= 0 && d <= (double)LLM_TOKENS_MAX) || d != floor(d))
		return 1;
	*out = (long)d;
	return 0;
}

void llm_usage_finish(llm_reply *r, int bad)
{
	if (!bad && r->cache_read_tokens + r->cache_write_tokens <= r->input_tokens)
		return;
	r->input_tokens = r->output_tokens = r->cache_read_tokens = r->cache_write_tokens = 0;
	r->usage_unknown = 1;
}

void llm_copy_short(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size) {
		n = size - 1;
		/* back off over continuation bytes to the start of the cut character */
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}
