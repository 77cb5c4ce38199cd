/*
 * hz_buf: a growable byte buffer with a maximum size.  Every buffer that holds
 * outside data (HTTP bodies, command output, file contents) sets `max`, so a
 * runaway producer hits HZ_ELIMIT instead of exhausting memory.
 */
#ifndef HZ_UTIL_BUF_H
#define HZ_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hz_buf {
	char *ptr;   /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	size_t max;  /* largest len allowed; 0 means SIZE_MAX */
} hz_buf;

#define HZ_BUF_INIT { .ptr = NULL, .len = 0, .cap = 0, .max = 0 }

void hz_buf_init(hz_buf *buf, size_t max);

/* Append bytes; HZ_ELIMIT (buffer unchanged) past `max`, HZ_ENOMEM on allocation failure. */
int hz_buf_put(hz_buf *buf, const void *data, size_t len);
int hz_buf_puts(hz_buf *buf, const char *s);
int hz_buf_putc(hz_buf *buf, char c);
int hz_buf_printf(hz_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int hz_buf_vprintf(hz_buf *buf, const char *fmt, va_list ap);

/*
 * Append as much of `data` as fits under `max`; returns 1 when something was
 * cut off, 0 when all of it fit.  For capped command output.
 */
int hz_buf_put_trunc(hz_buf *buf, const void *data, size_t len);

/* Make room for at least `extra` more bytes without changing len. */
int hz_buf_grow(hz_buf *buf, size_t extra);

/* A read-only view that is "" for an empty buffer, never NULL. */
const char *hz_buf_cstr(const hz_buf *buf);

void hz_buf_clear(hz_buf *buf);

/* Hand the string to the caller (who frees it) and reset the buffer; never NULL. */
char *hz_buf_detach(hz_buf *buf);

void hz_buf_release(hz_buf *buf);

#endif
