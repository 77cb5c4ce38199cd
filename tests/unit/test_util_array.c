/* src/util/array.h: growable arrays, doubling, zero-filling, and refusing sizes that overflow. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "horizon/error.h"
#include "hz_test.h"

typedef struct item {
	int a;
	double b;
} item;

static void test_reserve(void)
{
	item *v = NULL;
	size_t n = 0, cap = 0, grows = 0, last = 0;

	for (int i = 0; i < 10000; i++) {
		HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE(v, cap, n + 1), 0);
		if (cap != last) {
			grows++;
			last = cap;
		}
		v[n++] = (item){ i, i * 0.5 };
	}
	HZ_CHECK(cap >= 10000 && cap < 20000 + HZ_ARRAY_MIN);
	HZ_CHECK(grows <= 12); /* doubling: 16, 32, ... 16384 */
	HZ_CHECK_EQ_INT(v[9999].a, 9999);
	HZ_CHECK_EQ_INT(v[0].a, 0);
	/* already enough room: nothing changes */
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE(v, cap, 5), 0);
	HZ_CHECK_EQ_INT(cap, last);
	free(v);
}

static void test_zero_and_resize(void)
{
	unsigned *z = NULL;
	char **s = NULL;
	size_t cap = 0;

	HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE_ZERO(z, cap, 3), 0);
	HZ_CHECK_EQ_INT(cap, HZ_ARRAY_MIN);
	z[0] = 7;
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE_ZERO(z, cap, 100), 0);
	HZ_CHECK_EQ_INT(cap, 128);
	HZ_CHECK_EQ_INT(z[0], 7);
	for (size_t i = 1; i < cap; i++)
		HZ_CHECK_EQ_INT(z[i], 0);
	free(z);
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESIZE(s, 1), 0);
	s[0] = "a";
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESIZE(s, 2), 0);
	s[1] = "b";
	HZ_CHECK_EQ_STR(s[0], "a");
	free(s);
}

/* A count whose byte size overflows size_t is refused, and the array is left as it was. */
static void test_overflow(void)
{
	item *v = NULL;
	size_t cap = 0;

	HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE(v, cap, 4), 0);
	v[0].a = 42;
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESERVE(v, cap, SIZE_MAX / 2), HZ_ENOMEM);
	HZ_CHECK(strstr(hz_error_message(), "out of memory"));
	HZ_CHECK_EQ_INT(cap, HZ_ARRAY_MIN);
	HZ_CHECK(v != NULL && v[0].a == 42);
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESIZE(v, SIZE_MAX / sizeof(item) + 1), HZ_ENOMEM);
	HZ_CHECK(v != NULL && v[0].a == 42);
	HZ_CHECK_EQ_INT(HZ_ARRAY_RESIZE(v, 0), HZ_ENOMEM);
	HZ_CHECK_EQ_INT(hz_array_next_cap(0, SIZE_MAX / 8 + 1, 8), 0);
	/* doubling near the limit stops at what is needed rather than wrapping */
	HZ_CHECK(hz_array_next_cap(SIZE_MAX / 8 - 1, SIZE_MAX / 8, 8) == SIZE_MAX / 8);
	HZ_CHECK_EQ_INT(hz_array_next_cap(16, 17, 8), 32);
	free(v);
}

HZ_TEST_MAIN(HZ_TEST(test_reserve), HZ_TEST(test_zero_and_resize), HZ_TEST(test_overflow))
