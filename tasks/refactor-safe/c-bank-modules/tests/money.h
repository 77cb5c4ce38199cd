/* Amounts of money in cents. */
#ifndef BANK_MONEY_H
#define BANK_MONEY_H
#include <stddef.h>

/* Largest accepted amount: 10^12, in cents. */
#define MONEY_MAX 100000000000000LL

/*
 * Parse a positive amount written as digits with an optional '.' and one or two decimals
 * ("12", "12.5", "12.50"), at most MONEY_MAX cents.  Returns 0 and stores the cents in *cents,
 * or -1 (malformed, zero or too large; *cents untouched).
 */
int money_parse(const char *s, long long *cents);

/* Format non-negative cents as "D.CC" (e.g. 1050 -> "10.50") into buf of size n. */
void money_format(long long cents, char *buf, size_t n);

#endif
