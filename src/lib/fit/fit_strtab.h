/*
 * Interned strings with dense ids (strtab.c).
 * Internal to src/lib/fit; unit tests include it to reach the pieces.
 */
#ifndef HZ_FIT_STRTAB_H
#define HZ_FIT_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#define FIT_NONE UINT32_MAX /* no id */

typedef struct fit_strtab {
	char **str;       /* id -> string (inside the arena) */
	size_t n, cap;
	uint32_t *slot;   /* open addressing: id + 1, 0 = empty */
	size_t nslot;
	char **blocks;    /* arena */
	size_t nblocks, used, blocksize;
} fit_strtab;

/* Intern s[0..len); *id gets its id, *added 1 when it is new. */
int fit_strtab_intern(fit_strtab *t, const char *s, size_t len, uint32_t *id, int *added);
uint32_t fit_strtab_find(const fit_strtab *t, const char *s); /* FIT_NONE when absent */
void fit_strtab_release(fit_strtab *t);

#endif
