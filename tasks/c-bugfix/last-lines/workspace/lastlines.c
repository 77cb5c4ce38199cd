/*
 * lastlines [-n N]: print the last N lines of standard input (default 10), like tail -n N.
 *
 * A line is a run of bytes ending with '\n', or the bytes after the last '\n' if the input does not end
 * with one.  Lines may be arbitrarily long and contain any byte (including NUL).  The selected lines are
 * written exactly as they appear in the input (so a missing final newline stays missing).  N is a
 * decimal integer >= 0 (N = 0 prints nothing); anything else is a usage error (exit status 2).
 * Memory use is proportional to the size of the last N lines, not of the whole input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 128

struct line {
	char *data;
	size_t len;
};

static void usage(void)
{
	fprintf(stderr, "usage: lastlines [-n N]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	size_t n = 10, count = 0, head = 0;
	struct line *ring;
	char buf[CHUNK];

	if (argc == 3 && !strcmp(argv[1], "-n"))
		n = (size_t)atoi(argv[2]);
	else if (argc != 1)
		usage();
	ring = calloc(n, sizeof(*ring));
	if (!ring) {
		perror("lastlines");
		return 1;
	}
	while (fgets(buf, sizeof(buf), stdin)) {
		size_t len = strlen(buf);
		char *copy = malloc(len);
		if (!copy) {
			perror("lastlines");
			return 1;
		}
		memcpy(copy, buf, len + 1);
		ring[head].data = copy;
		ring[head].len = len;
		head = (head + 1) % n;
		count++;
	}
	size_t shown = count < n ? count : n;
	size_t start = count < n ? 0 : head + 1;
	for (size_t i = 0; i < shown; i++) {
		struct line *l = &ring[(start + i) % n];
		fwrite(l->data, 1, l->len, stdout);
	}
	for (size_t i = 0; i < n; i++)
		free(ring[i].data);
	free(ring);
	return 0;
}
