/*
 * runs: print standard input with runs of adjacent identical lines collapsed to one line.
 *
 *   runs [-i] [-c] [-d] < input
 *
 *   -i   compare lines ignoring ASCII case (the first line of a run is printed)
 *   -c   prefix each output line with the length of its run ("%7ld ")
 *   -d   print only runs of two or more lines
 *
 * A last line without a newline is treated as if it had one.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static int ignore_case, show_count, only_dups;

static int same(const char *a, const char *b)
{
	return ignore_case ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

static void emit(const char *line, long count)
{
	if (only_dups && count < 2)
		return;
	if (show_count)
		printf("%7ld ", count);
	fputs(line, stdout);
	putchar('\n');
}

int main(int argc, char **argv)
{
	char *prev = NULL, *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long count = 0;
	int opt;

	while ((opt = getopt(argc, argv, "icd")) != -1) {
		switch (opt) {
		case 'i':
			ignore_case = 1;
			break;
		case 'c':
			show_count = 1;
			break;
		case 'd':
			only_dups = 1;
			break;
		default:
			fprintf(stderr, "usage: runs [-i] [-c] [-d] < input\n");
			return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "usage: runs [-i] [-c] [-d] < input\n");
		return 2;
	}
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (prev && same(prev, line)) {
			count++;
			continue;
		}
		if (prev)
			emit(prev, count);
		count = 1;
		free(prev);
		if (!(prev = strdup(line))) {
			perror("runs");
			return 1;
		}
	}
	if (prev)
		emit(prev, count);
	free(prev);
	free(line);
	return 0;
}
