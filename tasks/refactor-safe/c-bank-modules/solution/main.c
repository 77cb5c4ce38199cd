/*
 * bank: a tiny account ledger driven by commands on standard input, one per line.
 *
 *   open NAME                 -> "ok"
 *   deposit NAME AMOUNT       -> "ok NAME BALANCE"
 *   withdraw NAME AMOUNT      -> "ok NAME BALANCE"
 *   transfer FROM TO AMOUNT   -> "ok"
 *   balance NAME              -> "NAME BALANCE"
 *   report                    -> "NAME BALANCE" per account in name order (strcmp), then "total T (N accounts)"
 *
 * NAME: 1 to 32 characters of [A-Za-z0-9_].  AMOUNT: a positive decimal with at most two decimals, at most
 * 1000000000000 (10^12).  Balances are kept in cents and never go negative.  Every error prints one line
 * "error: ..." and changes nothing.  Empty lines are ignored; words are separated by spaces or tabs.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "money.h"

struct totals {
	long long sum;
	size_t n;
};

static void print_one(const char *name, long long cents, void *ctx)
{
	struct totals *t = ctx;
	char buf[64];

	money_format(cents, buf, sizeof(buf));
	printf("%s %s\n", name, buf);
	t->sum += cents;
	t->n++;
}

static int exists(accounts *acc, const char *name)
{
	long long c;
	if (accounts_balance(acc, name, &c) == ACC_OK)
		return 1;
	printf("error: no account %s\n", name);
	return 0;
}

static void print_balance(accounts *acc, const char *prefix, const char *name)
{
	long long c = 0;
	char buf[64];

	accounts_balance(acc, name, &c);
	money_format(c, buf, sizeof(buf));
	printf("%s%s %s\n", prefix, name, buf);
}

static void oom(void)
{
	fprintf(stderr, "bank: out of memory\n");
	exit(1);
}

static void command(accounts *acc, char **w, int n)
{
	long long amt = 0;
	int rc;

	if (!strcmp(w[0], "open")) {
		if (n != 2) {
			printf("error: usage: open NAME\n");
			return;
		}
		rc = accounts_open(acc, w[1]);
		if (rc == ACC_BADNAME)
			printf("error: bad name '%s'\n", w[1]);
		else if (rc == ACC_EXISTS)
			printf("error: account %s exists\n", w[1]);
		else if (rc == ACC_NOMEM)
			oom();
		else
			printf("ok\n");
	} else if (!strcmp(w[0], "deposit") || !strcmp(w[0], "withdraw")) {
		int dep = w[0][0] == 'd';
		if (n != 3) {
			printf("error: usage: %s NAME AMOUNT\n", w[0]);
			return;
		}
		if (!exists(acc, w[1]))
			return;
		if (money_parse(w[2], &amt) != 0) {
			printf("error: bad amount '%s'\n", w[2]);
			return;
		}
		rc = dep ? accounts_deposit(acc, w[1], amt) : accounts_withdraw(acc, w[1], amt);
		if (rc == ACC_LIMIT)
			printf("error: balance limit in %s\n", w[1]);
		else if (rc == ACC_FUNDS)
			printf("error: insufficient funds in %s\n", w[1]);
		else
			print_balance(acc, "ok ", w[1]);
	} else if (!strcmp(w[0], "transfer")) {
		if (n != 4) {
			printf("error: usage: transfer FROM TO AMOUNT\n");
			return;
		}
		if (!exists(acc, w[1]) || !exists(acc, w[2]))
			return;
		if (money_parse(w[3], &amt) != 0) {
			printf("error: bad amount '%s'\n", w[3]);
			return;
		}
		rc = accounts_transfer(acc, w[1], w[2], amt);
		if (rc == ACC_SAME)
			printf("error: transfer to the same account\n");
		else if (rc == ACC_FUNDS)
			printf("error: insufficient funds in %s\n", w[1]);
		else if (rc == ACC_LIMIT)
			printf("error: balance limit in %s\n", w[2]);
		else
			printf("ok\n");
	} else if (!strcmp(w[0], "balance")) {
		if (n != 2) {
			printf("error: usage: balance NAME\n");
			return;
		}
		if (exists(acc, w[1]))
			print_balance(acc, "", w[1]);
	} else if (!strcmp(w[0], "report")) {
		struct totals t = { 0, 0 };
		char buf[64];
		if (n != 1) {
			printf("error: usage: report\n");
			return;
		}
		accounts_each(acc, print_one, &t);
		money_format(t.sum, buf, sizeof(buf));
		printf("total %s (%zu accounts)\n", buf, t.n);
	} else {
		printf("error: unknown command '%s'\n", w[0]);
	}
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;
	accounts *acc = accounts_new();

	if (!acc)
		oom();
	while (getline(&line, &cap, stdin) != -1) {
		char *w[8], *save = NULL, *tok;
		int n = 0;
		for (tok = strtok_r(line, " \t\r\n", &save); tok; tok = strtok_r(NULL, " \t\r\n", &save))
			if (n < 8)
				w[n++] = tok;
			else
				n = 9;
		if (n == 0)
			continue;
		if (n > 8) {
			printf("error: too many words\n");
			continue;
		}
		command(acc, w, n);
		fflush(stdout);
	}
	free(line);
	accounts_free(acc);
	return 0;
}
