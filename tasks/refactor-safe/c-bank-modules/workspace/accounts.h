/* A set of named accounts with balances in cents.  Each `accounts` object is independent. */
#ifndef BANK_ACCOUNTS_H
#define BANK_ACCOUNTS_H
#include <stddef.h>

typedef struct accounts accounts; /* opaque */

enum {
	ACC_OK = 0,
	ACC_NOACCOUNT = -1, /* no account with that name */
	ACC_EXISTS = -2,    /* open: the name is taken */
	ACC_BADNAME = -3,   /* open: not 1 to 32 characters of [A-Za-z0-9_] */
	ACC_FUNDS = -4,     /* the balance would go negative */
	ACC_LIMIT = -5,     /* the balance would exceed 1000 * MONEY_MAX cents */
	ACC_SAME = -6,      /* transfer to the same account */
	ACC_NOMEM = -7
};

accounts *accounts_new(void); /* NULL when out of memory */
void accounts_free(accounts *a);

int accounts_valid_name(const char *name); /* 1 or 0 */
int accounts_open(accounts *a, const char *name);
size_t accounts_count(const accounts *a);

/* These return ACC_OK or an error code; on error nothing changes. */
int accounts_balance(const accounts *a, const char *name, long long *cents);
int accounts_deposit(accounts *a, const char *name, long long cents);
int accounts_withdraw(accounts *a, const char *name, long long cents);
/* Checks in this order: ACC_NOACCOUNT (from, then to), ACC_SAME, ACC_FUNDS, ACC_LIMIT. */
int accounts_transfer(accounts *a, const char *from, const char *to, long long cents);

/* Call fn for every account in name order (strcmp). */
void accounts_each(const accounts *a, void (*fn)(const char *name, long long cents, void *ctx), void *ctx);

#endif
