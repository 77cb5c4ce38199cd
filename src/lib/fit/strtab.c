/* Interned strings with dense ids (aliases, tasks, families, run ids), kept in an arena. */
#include <stdlib.h>
#include <string.h>

#include "fit_strtab.h"
#include "horizon/error.h"
#include "strutil.h"

#define ARENA_BLOCK (64 * 1024)

static char *arena_copy(fit_strtab *t, const char *s, size_t len)
{
	char *p;

	if (len + 1 > ARENA_BLOCK) {
		/* a long string gets a block of its own */
		char **nb = realloc(t->blocks, (t->nblocks + 1) * sizeof(*nb));
		if (!nb)
			return NULL;
		t->blocks = nb;
		if (!(p = malloc(len + 1)))
			return NULL;
		/* keep the current block last so that it stays the one being filled */
		if (t->nblocks) {
			t->blocks[t->nblocks] = t->blocks[t->nblocks - 1];
			t->blocks[t->nblocks - 1] = p;
		} else {
			t->blocks[0] = p;
			t->used = ARENA_BLOCK;
		}
		t->nblocks++;
		memcpy(p, s, len);
		p[len] = '\0';
		return p;
	}
	if (!t->nblocks || t->used + len + 1 > ARENA_BLOCK) {
		char **nb = realloc(t->blocks, (t->nblocks + 1) * sizeof(*nb));
		if (!nb)
			return NULL;
		t->blocks = nb;
		if (!(t->blocks[t->nblocks] = malloc(ARENA_BLOCK)))
			return NULL;
		t->nblocks++;
		t->used = 0;
	}
	p = t->blocks[t->nblocks - 1] + t->used;
	memcpy(p, s, len);
	p[len] = '\0';
	t->used += len + 1;
	return p;
}

static int rehash(fit_strtab *t)
{
	size_t nslot = t->nslot ? t->nslot * 2 : 64;
	uint32_t *slot = calloc(nslot, sizeof(*slot));

	if (!slot)
		return hz_error_set(HZ_ENOMEM, "out of memory");
	for (size_t id = 0; id < t->n; id++) {
		size_t h = hz_hash64(t->str[id], strlen(t->str[id])) & (nslot - 1);
		while (slot[h])
			h = (h + 1) & (nslot - 1);
		slot[h] = (uint32_t)id + 1;
	}
	free(t->slot);
	t->slot = slot;
	t->nslot = nslot;
	return 0;
}

int fit_strtab_intern(fit_strtab *t, const char *s, size_t len, uint32_t *id, int *added)
{
	size_t h;
	char *copy;

	if (added)
		*added = 0;
	if ((t->n + 1) * 2 > t->nslot && rehash(t) < 0)
		return HZ_ENOMEM;
	h = hz_hash64(s, len) & (t->nslot - 1);
	while (t->slot[h]) {
		const char *c = t->str[t->slot[h] - 1];
		if (!strncmp(c, s, len) && c[len] == '\0') {
			*id = t->slot[h] - 1;
			return 0;
		}
		h = (h + 1) & (t->nslot - 1);
	}
	if (t->n >= UINT32_MAX - 1)
		return hz_error_set(HZ_ELIMIT, "more than 2^32 distinct strings");
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **ns = realloc(t->str, cap * sizeof(*ns));
		if (!ns)
			return hz_error_set(HZ_ENOMEM, "out of memory");
		t->str = ns;
		t->cap = cap;
	}
	if (!(copy = arena_copy(t, s, len)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	t->str[t->n] = copy;
	t->slot[h] = (uint32_t)t->n + 1;
	*id = (uint32_t)t->n++;
	if (added)
		*added = 1;
	return 0;
}

uint32_t fit_strtab_find(const fit_strtab *t, const char *s)
{
	size_t len = strlen(s), h;

	if (!t->nslot)
		return FIT_NONE;
	h = hz_hash64(s, len) & (t->nslot - 1);
	while (t->slot[h]) {
		if (!strcmp(t->str[t->slot[h] - 1], s))
			return t->slot[h] - 1;
		h = (h + 1) & (t->nslot - 1);
	}
	return FIT_NONE;
}

void fit_strtab_release(fit_strtab *t)
{
	for (size_t i = 0; i < t->nblocks; i++)
		free(t->blocks[i]);
	free(t->blocks);
	free(t->str);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}
