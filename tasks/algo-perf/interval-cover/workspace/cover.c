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
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	long long lo, hi;
} interval;

int main(void)
{
	long long n;
	interval *v;
	int changed;

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
	/* merge any two overlapping or touching intervals until none are left */
	do {
		changed = 0;
		for (long long i = 0; i < n && !changed; i++) {
			for (long long j = i + 1; j < n; j++) {
				if (v[i].lo <= v[j].hi && v[j].lo <= v[i].hi) {
					if (v[j].lo < v[i].lo)
						v[i].lo = v[j].lo;
					if (v[j].hi > v[i].hi)
						v[i].hi = v[j].hi;
					v[j] = v[--n];
					changed = 1;
					break;
				}
			}
		}
	} while (changed);
	/* selection sort by start */
	for (long long i = 0; i < n; i++) {
		long long m = i;
		for (long long j = i + 1; j < n; j++)
			if (v[j].lo < v[m].lo)
				m = j;
		interval t = v[i];
		v[i] = v[m];
		v[m] = t;
	}
	long long total = 0;
	for (long long i = 0; i < n; i++) {
		printf("%lld %lld\n", v[i].lo, v[i].hi);
		total += v[i].hi - v[i].lo;
	}
	printf("total %lld\n", total);
	free(v);
	return 0;
}
