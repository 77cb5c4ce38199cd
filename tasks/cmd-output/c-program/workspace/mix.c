/* mix.c: a tiny hash over the Collatz trajectories of 1..N. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t steps(uint64_t n)
{
	uint32_t s = 0;
	while (n != 1) {
		n = (n & 1) ? 3 * n + 1 : n / 2;
		s++;
	}
	return s;
}

int main(int argc, char **argv)
{
	uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 10;
	uint32_t h = 2166136261u, longest = 0, at = 1;

	for (uint64_t i = 1; i <= n; i++) {
		uint32_t s = steps(i);
		h = (h ^ s) * 16777619u;
		if (s > longest) {
			longest = s;
			at = (uint32_t)i;
		}
	}
	printf("n=%llu longest=%u at=%u hash=%08x\n", (unsigned long long)n, longest, at, h);
	return 0;
}
