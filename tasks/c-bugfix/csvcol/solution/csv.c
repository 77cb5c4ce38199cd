#include <stdlib.h>
#include <string.h>

#include "csv.h"

int csv_split(const char *line, char ***out_fields, size_t *out_n)
{
	size_t cap = 4, n = 0;
	char **fields = malloc(cap * sizeof(*fields));
	char *buf = malloc(strlen(line) + 1);
	const char *p = line;

	if (!fields || !buf) {
		free(fields);
		free(buf);
		return -1;
	}
	for (;;) {
		size_t len = 0;

		if (*p == '"') {
			p++;
			while (*p) {
				if (*p == '"') {
					if (p[1] == '"') {
						buf[len++] = '"';
						p += 2;
					} else {
						p++;
						break;
					}
				} else {
					buf[len++] = *p++;
				}
			}
		}
		/* unquoted field, or text after a closing quote: copied as is */
		while (*p && *p != ',')
			buf[len++] = *p++;
		buf[len] = '\0';
		if (n == cap) {
			char **nf;
			cap *= 2;
			if (!(nf = realloc(fields, cap * sizeof(*fields)))) {
				csv_free(fields, n);
				free(buf);
				return -1;
			}
			fields = nf;
		}
		if (!(fields[n] = strdup(buf))) {
			csv_free(fields, n);
			free(buf);
			return -1;
		}
		n++;
		if (*p == ',')
			p++;
		else
			break;
	}
	free(buf);
	*out_fields = fields;
	*out_n = n;
	return 0;
}

void csv_free(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
}
