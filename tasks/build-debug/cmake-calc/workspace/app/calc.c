/*
 * calc: evaluate one expression per line of standard input; print the value with %.10g,
 * or "error: MESSAGE".  `calc --version` prints "calc VERSION".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

int main(int argc, char **argv)
{
	char *line = NULL, err[128];
	size_t cap = 0;
	ssize_t len;
	double v;

	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("calc %s\n", expr_version());
		return 0;
	}
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (expr_eval(line, &v, err, sizeof(err)) == 0)
			printf("%.10g\n", v);
		else
			printf("error: %s\n", err);
	}
	free(line);
	return 0;
}
