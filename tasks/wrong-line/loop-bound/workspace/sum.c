/*
 * sum.c: totals for the meter readings.
 */
#include <stddef.h>

/* Sum of the n readings in a[0..n-1]. */
long sum_readings(const int *a, size_t n)
{
	long s = 0;

	for (size_t i = 0; i <= n; i++)
		s += a[i];
	return s;
}

/* Largest reading; n must be at least 1. */
int max_reading(const int *a, size_t n)
{
	int m = a[0];

	for (size_t i = 1; i < n; i++)
		if (a[i] > m)
			m = a[i];
	return m;
}
