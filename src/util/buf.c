/* A growable byte buffer with a maximum size; see buf.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "horizon/error.h"

static size_t limit_of(const hz_buf *buf)
{
	return buf->max ? buf->max : SIZE_MAX - 1;
}

void hz_buf_init(hz_buf *buf, size_t max)
{
	buf->ptr = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->max = max;
}

int hz_buf_grow(hz_buf *buf, size_t extra)
{
	size_t want, cap;
	char *p;

	if (extra > limit_of(buf) - buf->len)
		return hz_error_set(HZ_ELIMIT, "buffer limit of %zu bytes reached", limit_of(buf));
	want = buf->len + extra + 1;
	if (want <= buf->cap)
		return 0;
	cap = buf->cap ? buf->cap : 64;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	p = realloc(buf->ptr, cap);
	if (!p)
		return hz_error_set(HZ_ENOMEM, "out of memory growing a buffer to %zu bytes", cap);
	if (!buf->ptr)
		p[0] = '\0';
	buf->ptr = p;
	buf->cap = cap;
	return 0;
}

int hz_buf_put(hz_buf *buf, const void *data, size_t len)
{
	int rc = hz_buf_grow(buf, len);

	if (rc)
		return rc;
	if (len)
		memcpy(buf->ptr + buf->len, data, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
	return 0;
}

int hz_buf_puts(hz_buf *buf, const char *s)
{
	return hz_buf_put(buf, s, strlen(s));
}

int hz_buf_putc(hz_buf *buf, char c)
{
	return hz_buf_put(buf, &c, 1);
}

int hz_buf_put_trunc(hz_buf *buf, const void *data, size_t len)
{
	size_t room = limit_of(buf) - buf->len;

	if (len <= room)
		return hz_buf_put(buf, data, len) ? 1 : 0;
	if (room)
		hz_buf_put(buf, data, room);
	return 1;
}

int hz_buf_vprintf(hz_buf *buf, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	int rc;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return hz_error_set(HZ_ERROR, "bad format string");
	if ((rc = hz_buf_grow(buf, (size_t)n)) != 0)
		return rc;
	vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return 0;
}

int hz_buf_printf(hz_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = hz_buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return rc;
}

const char *hz_buf_cstr(const hz_buf *buf)
{
	return buf->ptr ? buf->ptr : "";
}

void hz_buf_clear(hz_buf *buf)
{
	buf->len = 0;
	if (buf->ptr)
		buf->ptr[0] = '\0';
}

char *hz_buf_detach(hz_buf *buf)
{
	char *s = buf->ptr;

	if (!s)
		s = calloc(1, 1);
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
	return s;
}

void hz_buf_release(hz_buf *buf)
{
	free(buf->ptr);
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
}

size_t hz_utf8_len(const unsigned char *s, size_t n)
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

int hz_buf_put_utf8(hz_buf *buf, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, run = 0;
	int rc = 0;

	while (i < len && !rc) {
		size_t n = hz_utf8_len(s + i, len - i);
		if (n) {
			i += n;
			run += n;
			continue;
		}
		rc = hz_buf_put(buf, s + i - run, run);
		if (!rc)
			rc = hz_buf_puts(buf, HZ_UTF8_FFFD);
		run = 0;
		i++;
	}
	if (!rc && run)
		rc = hz_buf_put(buf, s + len - run, run);
	return rc;
}
