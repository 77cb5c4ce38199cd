/*
 * Growable arrays: one overflow-checked way to make room in a heap array,
 * instead of hand-rolled realloc arithmetic at every site.
 *
 *   item *v = NULL; size_t n = 0, cap = 0;
 *   if ((rc = HZ_ARRAY_RESERVE(v, cap, n + 1)) != 0) return rc;  // doubles; cap updated
 *   v[n++] = x;
 *
 *   if ((rc = HZ_ARRAY_RESIZE(list, count + 1)) != 0) ...        // exactly count + 1 items
 *
 * On failure (out of memory, or need * sizeof(item) overflows size_t) the
 * array and its capacity are left as they were and HZ_ENOMEM is returned
 * with the per-thread error set.  The array pointer is written through its
 * address, so `arr` must be an lvalue of a pointer type.
 */
#ifndef HZ_UTIL_ARRAY_H
#define HZ_UTIL_ARRAY_H

#include <stddef.h>

/* Room for at least `need` items; capacity doubles from HZ_ARRAY_MIN. */
#define HZ_ARRAY_RESERVE(arr, cap, need) hz_array_reserve_(&(arr), &(cap), (need), sizeof(*(arr)), 0)
/* The same, zero-filling the items between the old and the new capacity. */
#define HZ_ARRAY_RESERVE_ZERO(arr, cap, need) hz_array_reserve_(&(arr), &(cap), (need), sizeof(*(arr)), 1)
/* Exactly n items (n > 0). */
#define HZ_ARRAY_RESIZE(arr, n) hz_array_resize_(&(arr), (n), sizeof(*(arr)))

#define HZ_ARRAY_MIN 16

/* The capacity after cap for need items (doubling), or 0 when it would overflow n * size. */
size_t hz_array_next_cap(size_t cap, size_t need, size_t size);

int hz_array_reserve_(void *arrp, size_t *cap, size_t need, size_t size, int zero);
int hz_array_resize_(void *arrp, size_t n, size_t size);

#endif
