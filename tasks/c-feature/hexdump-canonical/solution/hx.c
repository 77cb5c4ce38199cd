/*
 * hx: a small hex dumper.
 *
 *   hx [-w WIDTH] [-C] [-s SKIP] [-n LENGTH] [FILE]
 *
 * Reads FILE (or standard input when FILE is absent or "-") and prints it as lines of
 *
 *   OOOOOOOO: xx xx xx ...
 *
 * where OOOOOOOO is the offset of the line's first byte (8 lower-case hex digits) and each byte is
 * printed as " %02x".  WIDTH bytes per line (default 16, 1 to 64); the last line may be shorter.
 * Empty input prints nothing.
 *
 * -s SKIP skips SKIP bytes, -n LENGTH dumps at most LENGTH bytes; -C prints the canonical
 * format of hexdump -C (16 bytes a line, characters, squeezed repeats, final offset).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXW 64

static void usage(void)
{
	fprintf(stderr, "usage: hx [-w WIDTH] [-C] [-s SKIP] [-n LENGTH] [FILE]\n");
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

static long limit = -1; /* bytes left to dump; -1 = no limit */

/* Read up to want bytes, honouring the -n limit. */
static size_t get(unsigned char *buf, size_t want, FILE *in)
{
	size_t n;

	if (limit >= 0 && (long)want > limit)
		want = (size_t)limit;
	if (want == 0)
		return 0;
	n = fread(buf, 1, want, in);
	if (limit >= 0)
		limit -= (long)n;
	return n;
}

static void dump_plain(FILE *in, int width, unsigned long off)
{
	unsigned char buf[MAXW];
	size_t n;

	while ((n = get(buf, width, in)) > 0) {
		printf("%08lx:", off);
		for (size_t i = 0; i < n; i++)
			printf(" %02x", buf[i]);
		putchar('\n');
		off += n;
	}
}

static void dump_canonical(FILE *in, unsigned long off)
{
	unsigned char buf[16], prev[16];
	int have_prev = 0, squeezing = 0;
	size_t n, total = 0;

	while ((n = get(buf, 16, in)) > 0) {
		/* a short read from a pipe: fill the line unless at the end */
		while (n < 16) {
			size_t m = get(buf + n, 16 - n, in);
			if (m == 0)
				break;
			n += m;
		}
		if (n == 16 && have_prev && memcmp(buf, prev, 16) == 0) {
			if (!squeezing)
				puts("*");
			squeezing = 1;
		} else {
			squeezing = 0;
			printf("%08lx  ", off + total);
			for (size_t i = 0; i < 16; i++) {
				if (i < n)
					printf("%02x ", buf[i]);
				else
					fputs("   ", stdout);
				if (i == 7)
					putchar(' ');
			}
			fputs(" |", stdout);
			for (size_t i = 0; i < n; i++)
				putchar(buf[i] >= 0x20 && buf[i] <= 0x7e ? buf[i] : '.');
			puts("|");
			have_prev = n == 16;
			if (have_prev)
				memcpy(prev, buf, 16);
		}
		total += n;
	}
	if (total > 0)
		printf("%08lx\n", off + total);
}

int main(int argc, char **argv)
{
	int width = 16, opt, canonical = 0;
	long skip = 0;
	FILE *in = stdin;

	while ((opt = getopt(argc, argv, "w:Cs:n:")) != -1) {
		switch (opt) {
		case 'w':
			width = (int)parse_num(optarg, 1, MAXW);
			break;
		case 'C':
			canonical = 1;
			break;
		case 's':
			skip = parse_num(optarg, 0, 2147483647L);
			break;
		case 'n':
			limit = parse_num(optarg, 0, 2147483647L);
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
	for (long i = 0; i < skip; i++)
		if (getc(in) == EOF)
			break;
	if (canonical)
		dump_canonical(in, (unsigned long)skip);
	else
		dump_plain(in, width, (unsigned long)skip);
	if (in != stdin)
		fclose(in);
	return 0;
}
