#include <stdio.h>
#include <string.h>
#include "parse.h"
#include "request.h"

int handle_connection(FILE *in)
{
	struct request req = { 0 };
	char line[1024];
	int first = 1;

	while (fgets(line, sizeof(line), in)) {
		size_t len = strcspn(line, "\r\n");
		if (len == 0)
			break;
		if (first ? parse_request_line(&req, line, len) : parse_header(&req, line, len))
			return -1;
		first = 0;
	}
	return req.nheaders;
}
