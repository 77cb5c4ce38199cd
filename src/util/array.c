/* Growable arrays with overflow-checked growth (array.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "horizon/error.h"

size_t hz_array_next_cap(size_t cap, size_t need, size_t size)
{
	size_t c = cap ? cap : HZ_ARRAY_MIN;

	if (size == 0 || need > SIZE_MAX / size)
		return 0;
	while (c < need)
		c = c > SIZE_MAX / 2 / size ? need : c * 2;
	return c > SIZE_MAX / size ? need : c;
}

int hz_array_resize_(void *arrp, size_t n, size_t size)
{
	void *old, *p;

	if (n == 0 || size == 0 || n > SIZE_MAX / size)
		return hz_error_set(HZ_ENOMEM, "out of memory (an array of %zu items of %zu bytes)", n, size);
	memcpy(&old, arrp, sizeof(old));
	if (!(p = realloc(old, n * size)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	memcpy(arrp, &p, sizeof(p));
	return 0;
}

int hz_array_reserve_(void *arrp, size_t *cap, size_t need, size_t size, int zero)
{
	size_t ncap;
	char *p;
	int rc;

	if (need <= *cap)
		return 0;
	if (!(ncap = hz_array_next_cap(*cap, need, size)))
		return hz_error_set(HZ_ENOMEM, "out of memory (an array of %zu items of %zu bytes)", need, size);
	if ((rc = hz_array_resize_(arrp, ncap, size)) != 0)
		return rc;
	if (zero) {
		memcpy(&p, arrp, sizeof(p));
		memset(p + *cap * size, 0, (ncap - *cap) * size);
	}
	*cap = ncap;
	return 0;
}
