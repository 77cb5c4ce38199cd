/*
 * lastlines [-n N]: print the last N lines of standard input (default 10), like tail -n N.
 *
 * A line is a run of bytes ending with '\n', or the bytes after the last '\n' if the input does not end
 * with one.  Lines may be arbitrarily long and contain any byte (including NUL).  The selected lines are
 * written exactly as they appear in the input (so a missing final newline stays missing).  N is a
 * decimal integer >= 0 (N = 0 prints nothing); anything else is a usage error (exit status 2).
 * Memory use is proportional to the size of the last N lines, not of the whole input.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
	char *data;
	size_t len, cap;
};

static void usage(void)
{
	fprintf(stderr, "usage: lastlines [-n N]\n");
	exit(2);
}

static void oom(void)
{
	perror("lastlines");
	exit(1);
}

static size_t parse_n(const char *s)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		usage();
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || v > (unsigned long long)(SIZE_MAX / sizeof(struct line)))
		usage();
	return (size_t)v;
}

/* Read one line (with its '\n' if any) into l, reusing its buffer; 0 at end of input. */
static int read_line(struct line *l, FILE *in)
{
	int c;

	l->len = 0;
	while ((c = getc(in)) != EOF) {
		if (l->len == l->cap) {
			size_t nc = l->cap ? l->cap * 2 : 64;
			char *nd = realloc(l->data, nc);
			if (!nd)
				oom();
			l->data = nd;
			l->cap = nc;
		}
		l->data[l->len++] = (char)c;
		if (c == '\n')
			break;
	}
	return l->len > 0;
}

int main(int argc, char **argv)
{
	size_t n = 10, count = 0, head = 0;
	struct line *ring, spare = { 0 };

	if (argc == 3 && !strcmp(argv[1], "-n"))
		n = parse_n(argv[2]);
	else if (argc != 1)
		usage();
	if (n == 0) {
		while (getchar() != EOF)
			;
		return 0;
	}
	ring = calloc(n, sizeof(*ring));
	if (!ring)
		oom();
	/* read into the slot being replaced: the oldest line's buffer is reused */
	while (read_line(&spare, stdin)) {
		struct line t = ring[head];
		ring[head] = spare;
		spare = t;
		head = (head + 1) % n;
		count++;
	}
	size_t shown = count < n ? count : n;
	size_t start = count < n ? 0 : head;
	for (size_t i = 0; i < shown; i++) {
		struct line *l = &ring[(start + i) % n];
		fwrite(l->data, 1, l->len, stdout);
	}
	for (size_t i = 0; i < n; i++)
		free(ring[i].data);
	free(ring);
	free(spare.data);
	return 0;
}
