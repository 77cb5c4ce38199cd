#include <ctype.h>
#include <string.h>

/* Trim trailing white space in place (used before parse_header). */
void rtrim(char *s)
{
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}
