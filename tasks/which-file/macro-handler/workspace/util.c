#include <string.h>

/* Split "CMD ARG" in place; returns ARG or "". */
char *split_command(char *line)
{
	char *sp = strchr(line, ' ');
	if (!sp)
		return line + strlen(line);
	*sp = '\0';
	return sp + 1;
}
