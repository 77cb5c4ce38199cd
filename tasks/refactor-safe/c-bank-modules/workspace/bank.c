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
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 256
#define MAX_AMOUNT 100000000000000LL /* 10^12 in cents */

struct account {
	char name[33];
	long long cents;
	struct account *next;
};

static struct account *table[NBUCKETS];
static size_t naccounts;

static unsigned hash(const char *s)
{
	unsigned h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static struct account *find(const char *name)
{
	for (struct account *a = table[hash(name)]; a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

static int valid_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

/* "12", "12.5", "12.50" -> cents; -1 if malformed, zero or too large */
static long long parse_amount(const char *s)
{
	long long whole = 0, frac = 0;
	int digits = 0, fdigits = 0;

	for (; isdigit((unsigned char)*s); s++, digits++) {
		whole = whole * 10 + (*s - '0');
		if (whole > MAX_AMOUNT / 100)
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
	if (whole <= 0 || whole > MAX_AMOUNT)
		return -1;
	return whole;
}

static void format_amount(long long cents, char *buf, size_t n)
{
	snprintf(buf, n, "%lld.%02lld", cents / 100, cents % 100);
}

static int cmp_accounts(const void *pa, const void *pb)
{
	const struct account *a = *(const struct account *const *)pa, *b = *(const struct account *const *)pb;
	return strcmp(a->name, b->name);
}

static void report(void)
{
	struct account **all = malloc((naccounts + 1) * sizeof(*all));
	size_t n = 0;
	long long total = 0;
	char buf[64];

	if (!all) {
		fprintf(stderr, "bank: out of memory\n");
		exit(1);
	}
	for (int b = 0; b < NBUCKETS; b++)
		for (struct account *a = table[b]; a; a = a->next)
			all[n++] = a;
	qsort(all, n, sizeof(*all), cmp_accounts);
	for (size_t i = 0; i < n; i++) {
		format_amount(all[i]->cents, buf, sizeof(buf));
		printf("%s %s\n", all[i]->name, buf);
		total += all[i]->cents;
	}
	format_amount(total, buf, sizeof(buf));
	printf("total %s (%zu accounts)\n", buf, n);
	free(all);
}

static struct account *need(const char *name)
{
	struct account *a = find(name);
	if (!a)
		printf("error: no account %s\n", name);
	return a;
}

static void command(char **w, int n)
{
	char buf[64];
	long long amt = 0;

	if (!strcmp(w[0], "open")) {
		if (n != 2) {
			printf("error: usage: open NAME\n");
			return;
		}
		if (!valid_name(w[1])) {
			printf("error: bad name '%s'\n", w[1]);
			return;
		}
		if (find(w[1])) {
			printf("error: account %s exists\n", w[1]);
			return;
		}
		struct account *a = calloc(1, sizeof(*a));
		if (!a) {
			fprintf(stderr, "bank: out of memory\n");
			exit(1);
		}
		strcpy(a->name, w[1]);
		unsigned h = hash(w[1]);
		a->next = table[h];
		table[h] = a;
		naccounts++;
		printf("ok\n");
	} else if (!strcmp(w[0], "deposit") || !strcmp(w[0], "withdraw")) {
		int dep = w[0][0] == 'd';
		if (n != 3) {
			printf("error: usage: %s NAME AMOUNT\n", w[0]);
			return;
		}
		struct account *a = need(w[1]);
		if (!a)
			return;
		if ((amt = parse_amount(w[2])) < 0) {
			printf("error: bad amount '%s'\n", w[2]);
			return;
		}
		if (dep && a->cents + amt > MAX_AMOUNT * 1000) {
			printf("error: balance limit in %s\n", a->name);
			return;
		}
		if (!dep && a->cents < amt) {
			printf("error: insufficient funds in %s\n", a->name);
			return;
		}
		a->cents += dep ? amt : -amt;
		format_amount(a->cents, buf, sizeof(buf));
		printf("ok %s %s\n", a->name, buf);
	} else if (!strcmp(w[0], "transfer")) {
		if (n != 4) {
			printf("error: usage: transfer FROM TO AMOUNT\n");
			return;
		}
		struct account *from = need(w[1]), *to;
		if (!from || !(to = need(w[2])))
			return;
		if ((amt = parse_amount(w[3])) < 0) {
			printf("error: bad amount '%s'\n", w[3]);
			return;
		}
		if (from == to) {
			printf("error: transfer to the same account\n");
			return;
		}
		if (from->cents < amt) {
			printf("error: insufficient funds in %s\n", from->name);
			return;
		}
		if (to->cents + amt > MAX_AMOUNT * 1000) {
			printf("error: balance limit in %s\n", to->name);
			return;
		}
		from->cents -= amt;
		to->cents += amt;
		printf("ok\n");
	} else if (!strcmp(w[0], "balance")) {
		if (n != 2) {
			printf("error: usage: balance NAME\n");
			return;
		}
		struct account *a = need(w[1]);
		if (!a)
			return;
		format_amount(a->cents, buf, sizeof(buf));
		printf("%s %s\n", a->name, buf);
	} else if (!strcmp(w[0], "report")) {
		if (n != 1) {
			printf("error: usage: report\n");
			return;
		}
		report();
	} else {
		printf("error: unknown command '%s'\n", w[0]);
	}
}

int main(void)
{
	char *line = NULL;
	size_t cap = 0;

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
		command(w, n);
		fflush(stdout);
	}
	free(line);
	for (int b = 0; b < NBUCKETS; b++) {
		struct account *a = table[b];
		while (a) {
			struct account *next = a->next;
			free(a);
			a = next;
		}
	}
	return 0;
}
