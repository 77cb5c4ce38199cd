/*
 * strbuf: growable byte strings for C.
 *
 * A strbuf holds `len` bytes in `data`, always followed by a terminating NUL byte (data[len] == '\0')
 * that is not counted in len; the bytes themselves may contain NUL.  `cap` is the allocated size of data
 * (at least len + 1).  A strbuf initialised with sb_init and never grown may have data pointing to a
 * static empty string and cap 0.  Functions that can fail because of memory return 0 on success and -1
 * on failure, leaving the strbuf unchanged.
 */
#ifndef STRBUF_H
#define STRBUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
	char *data;
	size_t len;
	size_t cap;
} strbuf;

/* Make sb an empty string (no allocation). */
void sb_init(strbuf *sb);
/* Release the memory of sb and make it empty again (sb_init state). */
void sb_free(strbuf *sb);
/* Make room for at least `extra` more bytes (plus the NUL). */
int sb_grow(strbuf *sb, size_t extra);

/* Append n bytes from p (which may point into sb itself). */
int sb_append(strbuf *sb, const void *p, size_t n);
/* Append a NUL-terminated string. */
int sb_appends(strbuf *sb, const char *s);

/* ---- to be implemented ------------------------------------------------------------------------ */

/* Append printf-style formatted text (any length). */
int sb_appendf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sb_vappendf(strbuf *sb, const char *fmt, va_list ap);

/* Insert n bytes from p at position pos (0 <= pos <= len; otherwise return -1 and change nothing).
 * p may point into sb itself. */
int sb_insert(strbuf *sb, size_t pos, const void *p, size_t n);

/* Remove n bytes starting at pos; pos + n beyond len is clamped to len; pos > len does nothing. */
void sb_remove(strbuf *sb, size_t pos, size_t n);

/* Replace every non-overlapping occurrence of the NUL-terminated string `from` (searched left to right,
 * continuing after each replacement) with `to`.  Returns the number of replacements, or -1 on memory
 * failure (then sb is unchanged) or if `from` is empty. */
long sb_replace_all(strbuf *sb, const char *from, const char *to);

/* Remove leading and trailing white space (as isspace() in the C locale). */
void sb_trim(strbuf *sb);

/* Split sb at every occurrence of the byte sep into a NULL-terminated, malloc'd array of malloc'd
 * NUL-terminated strings (k separators give k + 1 pieces, empty ones included; an empty sb gives one
 * empty piece).  Stores the number of pieces in *count if count is not NULL.  Returns NULL on memory
 * failure.  Free the result with sb_free_split. */
char **sb_split(const strbuf *sb, char sep, size_t *count);
void sb_free_split(char **pieces);

#endif
