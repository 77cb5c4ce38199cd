#ifndef PARSE_H
#define PARSE_H
#include <stddef.h>

struct request;

int parse_request_line(struct request *req, const char *line, size_t len);
int parse_header(struct request *req, const char *line, size_t len);
int parse_query(struct request *req, const char *qs);

#endif
