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
