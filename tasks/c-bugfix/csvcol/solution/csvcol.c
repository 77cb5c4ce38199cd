/*
 * csvcol -f LIST: print selected columns of CSV read from standard input.
 *
 * LIST is a comma-separated list of 1-based column numbers, e.g. "3,1" (at most 64).
 * For every input line, prints the selected fields in LIST order, separated by a tab,
 * then a newline.  A column beyond the end of a record prints as an empty string.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

#define MAXCOLS 64

static void usage(void)
{
	fprintf(stderr, "usage: csvcol -f LIST < input.csv\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long cols[MAXCOLS];
	size_t ncols = 0;
	char *line = NULL, *p, *end;
	size_t cap = 0;
	ssize_t len;

	if (argc != 3 || strcmp(argv[1], "-f") != 0)
		usage();
	for (p = argv[2];;) {
		long v = strtol(p, &end, 10);
		if (end == p || v < 1 || ncols == MAXCOLS)
			usage();
		cols[ncols++] = v;
		if (*end == '\0')
			break;
		if (*end != ',')
			usage();
		p = end + 1;
	}
	while ((len = getline(&line, &cap, stdin)) != -1) {
		char **fields;
		size_t n;

		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (csv_split(line, &fields, &n) != 0) {
			fprintf(stderr, "csvcol: out of memory\n");
			return 1;
		}
		for (size_t i = 0; i < ncols; i++) {
			if (i > 0)
				putchar('\t');
			if ((size_t)cols[i] <= n)
				fputs(fields[cols[i] - 1], stdout);
		}
		putchar('\n');
		csv_free(fields, n);
	}
	free(line);
	return 0;
}
