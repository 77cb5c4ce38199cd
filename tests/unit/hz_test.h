/*
 * A minimal unit-test harness: each test file defines test functions, lists
 * them in HZ_TEST_MAIN, and exits non-zero when any check failed.
 *
 *   static void test_thing(void) { HZ_CHECK(1 + 1 == 2); HZ_CHECK_EQ_INT(f(), 3); }
 *   HZ_TEST_MAIN(HZ_TEST(test_thing))
 */
#ifndef HZ_TEST_H
#define HZ_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hz_test_failures;
static int hz_test_checks;

#define HZ_CHECK(cond)                                                                      \
	do {                                                                                \
		hz_test_checks++;                                                           \
		if (!(cond)) {                                                              \
			hz_test_failures++;                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                           \
	} while (0)

#define HZ_CHECK_EQ_INT(a, b)                                                               \
	do {                                                                                \
		long long _a = (long long)(a), _b = (long long)(b);                         \
		hz_test_checks++;                                                           \
		if (_a != _b) {                                                             \
			hz_test_failures++;                                                 \
			fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); \
		}                                                                           \
	} while (0)

#define HZ_CHECK_EQ_STR(a, b)                                                               \
	do {                                                                                \
		const char *_a = (a), *_b = (b);                                            \
		hz_test_checks++;                                                           \
		if (!_a || !_b || strcmp(_a, _b)) {                                         \
			hz_test_failures++;                                                 \
			fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
				_a ? _a : "(null)", _b ? _b : "(null)");                    \
		}                                                                           \
	} while (0)

/* |a - b| <= tol * max(1, |b|) */
#define HZ_CHECK_NEAR(a, b, tol)                                                            \
	do {                                                                                \
		double _a = (a), _b = (b);                                                  \
		hz_test_checks++;                                                           \
		if (!(fabs(_a - _b) <= (tol) * (fabs(_b) > 1 ? fabs(_b) : 1))) {            \
			hz_test_failures++;                                                 \
			fprintf(stderr, "%s:%d: %s == %.12g, expected %.12g (tol %g)\n", __FILE__, __LINE__, \
				#a, _a, _b, (double)(tol));                                 \
		}                                                                           \
	} while (0)

typedef struct {
	const char *name;
	void (*fn)(void);
} hz_test_case;

#define HZ_TEST(fn) { #fn, fn }

#define HZ_TEST_MAIN(...)                                                                   \
	int main(void)                                                                      \
	{                                                                                   \
		static const hz_test_case cases[] = { __VA_ARGS__ };                        \
		size_t n = sizeof(cases) / sizeof(cases[0]);                                \
		for (size_t i = 0; i < n; i++) {                                            \
			int before = hz_test_failures;                                      \
			cases[i].fn();                                                      \
			printf("%s %s\n", hz_test_failures == before ? "ok" : "FAIL", cases[i].name); \
		}                                                                           \
		printf("%d checks, %d failed\n", hz_test_checks, hz_test_failures);         \
		return hz_test_failures ? 1 : 0;                                            \
	}

/* METR's public data shipped in the repository (tests/data/metr). */
static inline const char *hz_test_metr_data(void)
{
	const char *s = getenv("HZ_METR_DATA");
	return s && *s ? s : HZ_SOURCE_DIR "/tests/data/metr";
}

static inline const char *hz_test_source_dir(void)
{
	const char *s = getenv("HZ_SOURCE_DIR");
	return s && *s ? s : ".";
}

#endif
