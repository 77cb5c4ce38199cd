#include <ctype.h>
#include <stdio.h>

#include "money.h"

int money_parse(const char *s, long long *cents)
{
	long long whole = 0, frac = 0;
	int digits = 0, fdigits = 0;

	for (; isdigit((unsigned char)*s); s++, digits++) {
		whole = whole * 10 + (*s - '0');
		if (whole > MONEY_MAX / 100)
			return -1;
	}
	if (digits == 0)
		return -1;
	if (*s == '.') {
		s++;
		for (; isdigit((unsigned char)*s); s++, fdigits++) {
			if (fdigits == 2)
				return -1;
			frac = frac * 10 + (*s - '0');
		}
		if (fdigits == 0)
			return -1;
		if (fdigits == 1)
			frac *= 10;
	}
	if (*s != '\0')
		return -1;
	whole = whole * 100 + frac;
	if (whole <= 0 || whole > MONEY_MAX)
		return -1;
	*cents = whole;
	return 0;
}

void money_format(long long cents, char *buf, size_t n)
{
	snprintf(buf, n, "%lld.%02lld", cents / 100, cents % 100);
}
