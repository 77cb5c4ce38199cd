/*
 * textstats: for every line of standard input print
 *   WORDS<TAB>REVERSED-UPPER-CASED LINE
 * then a last line "mean M stddev S" of the word counts (%.3f).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mathutil.h"
#include "strutil.h"

int main(void)
{
	char *line = NULL;
	size_t cap = 0, n = 0, vcap = 16;
	ssize_t len;
	double *v = malloc(vcap * sizeof(*v));

	if (!v)
		return 1;
	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		size_t w = str_words(line);
		str_upper(line);
		str_reverse(line);
		printf("%zu\t%s\n", w, line);
		if (n == vcap) {
			vcap *= 2;
			if (!(v = realloc(v, vcap * sizeof(*v))))
				return 1;
		}
		v[n++] = (double)w;
	}
	printf("mean %.3f stddev %.3f\n", mean(v, n), stddev(v, n));
	free(line);
	free(v);
	return 0;
}
