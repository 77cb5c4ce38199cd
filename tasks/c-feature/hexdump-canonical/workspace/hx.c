/*
 * hx: a small hex dumper.
 *
 *   hx [-w WIDTH] [FILE]
 *
 * Reads FILE (or standard input when FILE is absent or "-") and prints it as lines of
 *
 *   OOOOOOOO: xx xx xx ...
 *
 * where OOOOOOOO is the offset of the line's first byte (8 lower-case hex digits) and each byte is
 * printed as " %02x".  WIDTH bytes per line (default 16, 1 to 64); the last line may be shorter.
 * Empty input prints nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXW 64

static void usage(void)
{
	fprintf(stderr, "usage: hx [-w WIDTH] [FILE]\n");
	exit(2);
}

static long parse_num(const char *s, long min, long max)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < min || v > max)
		usage();
	return v;
}

static void dump_plain(FILE *in, int width)
{
	unsigned char buf[MAXW];
	unsigned long off = 0;
	size_t n;

	while ((n = fread(buf, 1, width, in)) > 0) {
		printf("%08lx:", off);
		for (size_t i = 0; i < n; i++)
			printf(" %02x", buf[i]);
		putchar('\n');
		off += n;
	}
}

int main(int argc, char **argv)
{
	int width = 16, opt;
	FILE *in = stdin;

	while ((opt = getopt(argc, argv, "w:")) != -1) {
		switch (opt) {
		case 'w':
			width = (int)parse_num(optarg, 1, MAXW);
			break;
		default:
			usage();
		}
	}
	if (argc - optind > 1)
		usage();
	if (optind < argc && strcmp(argv[optind], "-") != 0) {
		if (!(in = fopen(argv[optind], "rb"))) {
			perror(argv[optind]);
			return 1;
		}
	}
	dump_plain(in, width);
	if (in != stdin)
		fclose(in);
	return 0;
}
