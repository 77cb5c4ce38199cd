#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static char empty[1];

void sb_init(strbuf *sb)
{
	sb->data = empty;
	sb->len = 0;
	sb->cap = 0;
}

void sb_free(strbuf *sb)
{
	if (sb->cap)
		free(sb->data);
	sb_init(sb);
}

int sb_grow(strbuf *sb, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > (size_t)-1 - sb->len - 1)
		return -1;
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return 0;
	cap = sb->cap ? sb->cap : 16;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	p = sb->cap ? realloc(sb->data, cap) : malloc(cap);
	if (!p)
		return -1;
	if (!sb->cap)
		p[0] = '\0';
	sb->data = p;
	sb->cap = cap;
	return 0;
}

int sb_append(strbuf *sb, const void *p, size_t n)
{
	size_t off = (const char *)p - sb->data;
	int inside = sb->cap && (const char *)p >= sb->data && off <= sb->len;

	if (sb_grow(sb, n) != 0)
		return -1;
	if (inside)
		p = sb->data + off;
	memmove(sb->data + sb->len, p, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
	return 0;
}

int sb_appends(strbuf *sb, const char *s)
{
	return sb_append(sb, s, strlen(s));
}

int sb_vappendf(strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	size_t room;
	int n;

	if (sb_grow(sb, 64) != 0)
		return -1;
	room = sb->cap - sb->len;
	va_copy(cp, ap);
	n = vsnprintf(sb->data + sb->len, room, fmt, cp);
	va_end(cp);
	if (n < 0) {
		sb->data[sb->len] = '\0';
		return -1;
	}
	if ((size_t)n >= room) {
		if (sb_grow(sb, (size_t)n) != 0) {
			sb->data[sb->len] = '\0';
			return -1;
		}
		va_copy(cp, ap);
		vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, cp);
		va_end(cp);
	}
	sb->len += (size_t)n;
	return 0;
}

int sb_appendf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sb_vappendf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

int sb_insert(strbuf *sb, size_t pos, const void *p, size_t n)
{
	char *tmp = NULL;

	if (pos > sb->len)
		return -1;
	if (sb->cap && (const char *)p >= sb->data && (const char *)p <= sb->data + sb->len) {
		if (!(tmp = malloc(n ? n : 1)))
			return -1;
		memcpy(tmp, p, n);
		p = tmp;
	}
	if (sb_grow(sb, n) != 0) {
		free(tmp);
		return -1;
	}
	memmove(sb->data + pos + n, sb->data + pos, sb->len - pos + 1);
	memcpy(sb->data + pos, p, n);
	sb->len += n;
	free(tmp);
	return 0;
}

void sb_remove(strbuf *sb, size_t pos, size_t n)
{
	if (pos > sb->len)
		return;
	if (n > sb->len - pos)
		n = sb->len - pos;
	if (n == 0)
		return;
	memmove(sb->data + pos, sb->data + pos + n, sb->len - pos - n + 1);
	sb->len -= n;
}

long sb_replace_all(strbuf *sb, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), i = 0;
	long count = 0;
	strbuf out;

	if (fl == 0)
		return -1;
	sb_init(&out);
	while (i < sb->len) {
		if (i + fl <= sb->len && memcmp(sb->data + i, from, fl) == 0) {
			if (sb_append(&out, to, tl) != 0)
				goto oom;
			i += fl;
			count++;
		} else {
			if (sb_append(&out, sb->data + i, 1) != 0)
				goto oom;
			i++;
		}
	}
	if (count > 0) {
		sb_free(sb);
		*sb = out;
	} else {
		sb_free(&out);
	}
	return count;
oom:
	sb_free(&out);
	return -1;
}

void sb_trim(strbuf *sb)
{
	size_t a = 0, b = sb->len;

	while (a < b && isspace((unsigned char)sb->data[a]))
		a++;
	while (b > a && isspace((unsigned char)sb->data[b - 1]))
		b--;
	if (a == 0 && b == sb->len)
		return;
	memmove(sb->data, sb->data + a, b - a);
	sb->len = b - a;
	sb->data[sb->len] = '\0';
}

char **sb_split(const strbuf *sb, char sep, size_t *count)
{
	size_t k = 1, start = 0, idx = 0;
	char **v;

	for (size_t i = 0; i < sb->len; i++)
		if (sb->data[i] == sep)
			k++;
	if (!(v = calloc(k + 1, sizeof(*v))))
		return NULL;
	for (size_t i = 0; i <= sb->len; i++) {
		if (i == sb->len || sb->data[i] == sep) {
			if (!(v[idx] = malloc(i - start + 1))) {
				sb_free_split(v);
				return NULL;
			}
			memcpy(v[idx], sb->data + start, i - start);
			v[idx][i - start] = '\0';
			idx++;
			start = i + 1;
		}
	}
	if (count)
		*count = k;
	return v;
}

void sb_free_split(char **pieces)
{
	if (!pieces)
		return;
	for (char **p = pieces; *p; p++)
		free(*p);
	free(pieces);
}
