/*
 * cover: merge half-open integer intervals and measure their union.
 *
 * Input (standard input): a count N, then N intervals "A B" with A < B, all integers that fit in
 * a signed 64-bit value (|A|, |B| <= 4e18), separated by any white space.  The interval A B is [A, B).
 *
 * Output: the union as a list of disjoint intervals sorted by start, one "A B" per line, where
 * intervals that overlap or touch ([1,3) and [3,5)) are merged into one; then a line "total L" with
 * the total length of the union.
 *
 * Exit status 1 with a message on stderr for malformed input (bad count, missing numbers, A >= B).
 *
 * O(N log N): sort by start, then one sweep.
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	long long lo, hi;
} interval;

static int by_lo(const void *pa, const void *pb)
{
	const interval *a = pa, *b = pb;

	/* no subtraction: it overflows for values of opposite sign near the limits */
	return (a->lo > b->lo) - (a->lo < b->lo);
}

int main(void)
{
	long long n, m = 0, total = 0;
	interval *v;

	if (scanf("%lld", &n) != 1 || n < 0) {
		fprintf(stderr, "cover: bad count\n");
		return 1;
	}
	v = malloc(((size_t)n + 1) * sizeof(*v));
	if (!v) {
		fprintf(stderr, "cover: out of memory\n");
		return 1;
	}
	for (long long i = 0; i < n; i++) {
		if (scanf("%lld %lld", &v[i].lo, &v[i].hi) != 2 || v[i].lo >= v[i].hi) {
			fprintf(stderr, "cover: bad interval %lld\n", i + 1);
			return 1;
		}
	}
	qsort(v, (size_t)n, sizeof(*v), by_lo);
	for (long long i = 0; i < n; i++) {
		if (m > 0 && v[i].lo <= v[m - 1].hi) {
			if (v[i].hi > v[m - 1].hi)
				v[m - 1].hi = v[i].hi;
		} else {
			v[m++] = v[i];
		}
	}
	for (long long i = 0; i < m; i++) {
		printf("%lld %lld\n", v[i].lo, v[i].hi);
		total += v[i].hi - v[i].lo;
	}
	printf("total %lld\n", total);
	free(v);
	return 0;
}
