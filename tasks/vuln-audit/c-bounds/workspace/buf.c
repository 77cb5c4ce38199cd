#include <stdlib.h>
#include <string.h>
#include "buf.h"

int buf_init(struct buf *b, size_t cap)
{
	b->data = malloc(cap);
	if (!b->data)
		return -1;
	b->len = 0;
	b->cap = cap;
	return 0;
}

int buf_append(struct buf *b, const char *src, size_t n)
{
	if (b->len + n > b->cap)
		return -1;
	memcpy(b->data + b->len, src, n);
	b->len += n;
	return 0;
}

int buf_putc(struct buf *b, char c)
{
	if (b->len == b->cap)
		return -1;
	b->data[b->len] = c;
	b->len++;
	return 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
