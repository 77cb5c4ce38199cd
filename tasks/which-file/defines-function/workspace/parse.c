#include <string.h>
#include "parse.h"
#include "request.h"

/* "GET /path?x=1 HTTP/1.1" */
int parse_request_line(struct request *req, const char *line, size_t len)
{
	const char *sp = memchr(line, ' ', len);
	if (!sp || (size_t)(sp - line) >= sizeof(req->method))
		return -1;
	memcpy(req->method, line, (size_t)(sp - line));
	req->method[sp - line] = '\0';
	return 0;
}

/* Headers are parsed in proto.c, next to the header table. */

int parse_query(struct request *req, const char *qs)
{
	req->nparams = 0;
	while (qs && *qs && req->nparams < 16) {
		req->params[req->nparams++] = qs;
		qs = strchr(qs, '&');
		if (qs)
			qs++;
	}
	return 0;
}
