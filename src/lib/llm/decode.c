/*
 * Tolerant decoding of provider replies.  Servers pass a model's bytes
 * through: a 0x00 becomes the valid escape \u0000, a token cut inside a
 * character becomes invalid UTF-8 or a lone surrogate escape (\ud83d
 * without its pair).  None of that makes the reply unreadable: text that
 * cannot be decoded becomes U+FFFD, and only a body that is not JSON at all
 * is malformed.
 */
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "llm_wire.h"

static const char fffd[] = "\xef\xbf\xbd";

/* Length of a valid UTF-8 sequence at s (at most n bytes), or 0 when invalid (or NUL). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t need;
	unsigned cp;

	if (s[0] < 0x80)
		return s[0] ? 1 : 0;
	if ((s[0] & 0xe0) == 0xc0)
		need = 2, cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		need = 3, cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		need = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (need > n)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((need == 2 && cp < 0x80) || (need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return need;
}

int llm_put_clean(hz_buf *out, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0;
	int rc = 0;

	while (i < len && !rc) {
		size_t n = utf8_len(s + i, len - i);
		if (n) {
			i += n;
			run += n;
			continue;
		}
		rc = hz_buf_put(out, s + i - run, run);
		if (!rc)
			rc = hz_buf_puts(out, fffd);
		run = 0;
		i++;
	}
	if (!rc && run)
		rc = hz_buf_put(out, s + len - run, run);
	return rc;
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
		n = utf8_len(s + i, len - i);
		if (n) {
			rc = hz_buf_put(out, body + i, n);
			i += n;
		} else {
			rc = hz_buf_puts(out, fffd);
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
