#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "money.h"

#define NBUCKETS 256
#define LIMIT (MONEY_MAX * 1000)

struct account {
	char name[33];
	long long cents;
	struct account *next;
};

struct accounts {
	struct account *table[NBUCKETS];
	size_t count;
};

static unsigned hash(const char *s)
{
	unsigned h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static struct account *find(const accounts *a, const char *name)
{
	for (struct account *p = a->table[hash(name)]; p; p = p->next)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

accounts *accounts_new(void)
{
	return calloc(1, sizeof(accounts));
}

void accounts_free(accounts *a)
{
	if (!a)
		return;
	for (int b = 0; b < NBUCKETS; b++) {
		struct account *p = a->table[b];
		while (p) {
			struct account *next = p->next;
			free(p);
			p = next;
		}
	}
	free(a);
}

int accounts_valid_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

int accounts_open(accounts *a, const char *name)
{
	struct account *p;
	unsigned h;

	if (!accounts_valid_name(name))
		return ACC_BADNAME;
	if (find(a, name))
		return ACC_EXISTS;
	if (!(p = calloc(1, sizeof(*p))))
		return ACC_NOMEM;
	strcpy(p->name, name);
	h = hash(name);
	p->next = a->table[h];
	a->table[h] = p;
	a->count++;
	return ACC_OK;
}

size_t accounts_count(const accounts *a)
{
	return a->count;
}

int accounts_balance(const accounts *a, const char *name, long long *cents)
{
	struct account *p = find(a, name);
	if (!p)
		return ACC_NOACCOUNT;
	*cents = p->cents;
	return ACC_OK;
}

int accounts_deposit(accounts *a, const char *name, long long cents)
{
	struct account *p = find(a, name);
	if (!p)
		return ACC_NOACCOUNT;
	if (p->cents + cents > LIMIT)
		return ACC_LIMIT;
	p->cents += cents;
	return ACC_OK;
}

int accounts_withdraw(accounts *a, const char *name, long long cents)
{
	struct account *p = find(a, name);
	if (!p)
		return ACC_NOACCOUNT;
	if (p->cents < cents)
		return ACC_FUNDS;
	p->cents -= cents;
	return ACC_OK;
}

int accounts_transfer(accounts *a, const char *from, const char *to, long long cents)
{
	struct account *f = find(a, from), *t;
	if (!f || !(t = find(a, to)))
		return ACC_NOACCOUNT;
	if (f == t)
		return ACC_SAME;
	if (f->cents < cents)
		return ACC_FUNDS;
	if (t->cents + cents > LIMIT)
		return ACC_LIMIT;
	f->cents -= cents;
	t->cents += cents;
	return ACC_OK;
}

static int cmp(const void *pa, const void *pb)
{
	const struct account *x = *(const struct account *const *)pa, *y = *(const struct account *const *)pb;
	return strcmp(x->name, y->name);
}

void accounts_each(const accounts *a, void (*fn)(const char *name, long long cents, void *ctx), void *ctx)
{
	struct account **all = malloc((a->count + 1) * sizeof(*all));
	size_t n = 0;

	if (!all)
		return;
	for (int b = 0; b < NBUCKETS; b++)
		for (struct account *p = a->table[b]; p; p = p->next)
			all[n++] = p;
	qsort(all, n, sizeof(*all), cmp);
	for (size_t i = 0; i < n; i++)
		fn(all[i]->name, all[i]->cents, ctx);
	free(all);
}
