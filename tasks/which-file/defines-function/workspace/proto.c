#include <ctype.h>
#include <string.h>
#include "parse.h"
#include "request.h"

static const char *const known[] = { "Host", "Content-Length", "Connection", "Accept", NULL };

static int known_header(const char *name, size_t n)
{
	for (size_t i = 0; known[i]; i++)
		if (strlen(known[i]) == n && !strncasecmp(known[i], name, n))
			return 1;
	return 0;
}

int parse_header(struct request *req, const char *line, size_t len)
{
	const char *colon = memchr(line, ':', len);
	if (!colon)
		return -1;
	if (!known_header(line, (size_t)(colon - line)))
		return 0;
	req->nheaders++;
	return 0;
}
