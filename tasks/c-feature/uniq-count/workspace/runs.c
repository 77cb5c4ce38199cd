/*
 * runs: print standard input with runs of adjacent identical lines collapsed to one line.
 *
 *   runs [-i] < input
 *
 *   -i   compare lines ignoring ASCII case (the first line of a run is printed)
 *
 * A last line without a newline is treated as if it had one.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int ignore_case;

static int same(const char *a, const char *b)
{
	return ignore_case ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

static void emit(const char *line)
{
	fputs(line, stdout);
	putchar('\n');
}

int main(int argc, char **argv)
{
	char *prev = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int opt;

	while ((opt = getopt(argc, argv, "i")) != -1) {
		switch (opt) {
		case 'i':
			ignore_case = 1;
			break;
		default:
			fprintf(stderr, "usage: runs [-i] < input\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: runs [-i] < input\n");
		return 2;
	}
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (prev && same(prev, line))
			continue;
		if (prev)
			emit(prev);
		free(prev);
		if (!(prev = strdup(line))) {
			perror("runs");
			return 1;
		}
	}
	if (prev)
		emit(prev);
	free(prev);
	free(line);
	return 0;
}
