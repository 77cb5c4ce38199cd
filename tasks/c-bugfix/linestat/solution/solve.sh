#!/bin/bash
# Reference solution: int for getchar's result, isspace() for white space, count a final unterminated line.
set -e
cat > linestat.c <<'C'
/*
 * linestat: statistics of its standard input, on one line:
 *
 *     LINES WORDS BYTES LONGEST
 *
 * LINES   number of newline characters
 * WORDS   number of maximal runs of non-white-space bytes (white space as isspace() in the C locale)
 * BYTES   number of bytes
 * LONGEST length in bytes of the longest line, not counting its newline; a last line
 *         without a newline counts too
 */
#include <ctype.h>
#include <stdio.h>

int main(void)
{
	int c;
	long lines = 0, words = 0, bytes = 0, cur = 0, longest = 0;
	int inword = 0;

	while ((c = getchar()) != EOF) {
		bytes++;
		if (c == '\n') {
			lines++;
			if (cur > longest)
				longest = cur;
			cur = 0;
		} else {
			cur++;
		}
		if (isspace(c)) {
			inword = 0;
		} else if (!inword) {
			inword = 1;
			words++;
		}
	}
	if (cur > longest)
		longest = cur;
	printf("%ld %ld %ld %ld\n", lines, words, bytes, longest);
	return 0;
}
C
