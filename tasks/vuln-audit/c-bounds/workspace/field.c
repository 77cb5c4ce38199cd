#include <string.h>
#include "buf.h"

/* Copy field number `idx` (0-based) of a comma-separated line into out (size outsz). */
int field_get(const char *line, int idx, char *out, size_t outsz)
{
	const char *p = line;
	for (int i = 0; i < idx; i++) {
		p = strchr(p, ',');
		if (!p)
			return -1;
		p++;
	}
	size_t n = strcspn(p, ",\r\n");
	if (n > outsz)
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return (int)n;
}

int field_count(const char *line)
{
	int n = 1;
	for (const char *p = line; *p && *p != '\n' && *p != '\r'; p++)
		if (*p == ',')
			n++;
	return n;
}
