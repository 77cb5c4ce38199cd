/*
 * The numpy-exact random stream against the test vectors of METHOD.md
 * section 8, and the seed-42 resample of METR's Jan-2025 runs (6985 rows).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "fit/fit_design.h"
#include "fit/fit_math.h"
#include "fit/fit_rng.h"
#include "fit/fit_table.h"
#include "horizon/error.h"
#include "hz_test.h"

static void test_seedseq(void)
{
	uint64_t s[4];

	fit_seedseq_state(42, s);
	HZ_CHECK(s[0] == 0x9f1e2e6dcd540ab7ULL);
	HZ_CHECK(s[1] == 0xd57873dc79fb94b6ULL);
	HZ_CHECK(s[2] == 0x7d282a1b64d420b7ULL);
	HZ_CHECK(s[3] == 0x336579714692d5ffULL);
}

static void test_next64(void)
{
	fit_rng r;

	fit_rng_seed(&r, 42);
	HZ_CHECK(fit_rng_next64(&r) == 0xc621fbcd16d92688ULL);
	HZ_CHECK(fit_rng_next64(&r) == 0x705a5661a791ffc1ULL);
}

static void test_random(void)
{
	fit_rng r;

	fit_rng_seed(&r, 42);
	/* exact equality: numpy prints these with 16 significant digits, which round-trip */
	HZ_CHECK(fit_rng_random(&r) == 0.7739560485559633);
	HZ_CHECK(fit_rng_random(&r) == 0.4388784397520523);
	HZ_CHECK(fit_rng_random(&r) == 0.8585979199113825);
}

static void test_choice(void)
{
	static const uint32_t want[8] = { 3, 27, 23, 15, 15, 30, 3, 25 };
	uint32_t got[36], one[1];
	fit_rng r, r2;

	fit_rng_seed(&r, 42);
	fit_rng_choice(&r, 36, got);
	for (int i = 0; i < 8; i++)
		HZ_CHECK_EQ_INT(got[i], want[i]);
	for (int i = 0; i < 36; i++)
		HZ_CHECK(got[i] < 36);
	/* choice(1, 1) consumes nothing */
	fit_rng_seed(&r, 7);
	fit_rng_seed(&r2, 7);
	fit_rng_choice(&r, 1, one);
	HZ_CHECK_EQ_INT(one[0], 0);
	HZ_CHECK(fit_rng_next64(&r) == fit_rng_next64(&r2));
}

static void test_next32_buffer(void)
{
	fit_rng r, r2;
	uint64_t v;

	fit_rng_seed(&r, 42);
	fit_rng_seed(&r2, 42);
	v = fit_rng_next64(&r2);
	HZ_CHECK(fit_rng_next32(&r) == (uint32_t)v);
	/* random() does not consume the buffered half-word */
	(void)fit_rng_random(&r);
	HZ_CHECK(fit_rng_next32(&r) == (uint32_t)(v >> 32));
}

static void count_row(void *ud, uint32_t row)
{
	(void)row;
	(*(size_t *)ud)++;
}

static void test_resample_seed42(void)
{
	char path[4096];
	fit_table t = { 0 };
	fit_design d = { 0 };
	fit_resample_scratch s = { 0 };
	size_t emitted = 0, rows;

	snprintf(path, sizeof(path), "%s/metr-2025-01/all_runs.jsonl", hz_test_metr_data());
	t.score_col = "score_binarized";
	HZ_CHECK_EQ_INT(fit_table_load_input(&t, path), 0);
	HZ_CHECK_EQ_INT(fit_table_finish(&t), 0);
	HZ_CHECK_EQ_INT(t.n, 7063);
	HZ_CHECK_EQ_INT(t.n_superseded, 0);
	HZ_CHECK_EQ_INT(fit_design_build(&d, &t, t.w_invsqrt), 0);
	HZ_CHECK_EQ_INT(d.nfam, 36);
	HZ_CHECK_EQ_INT(d.ntasks, 83);
	HZ_CHECK_EQ_INT(fit_resample_scratch_init(&s, &d), 0);
	rows = fit_resample(&d, 42, &s, count_row, &emitted);
	HZ_CHECK_EQ_INT(rows, 6985);
	HZ_CHECK_EQ_INT(emitted, 6985);
	fit_resample_scratch_release(&s);
	fit_design_release(&d);
	fit_table_release(&t);
	if (hz_error_code())
		fprintf(stderr, "last error: %s\n", hz_error_message());
}

typedef struct acc {
	const fit_design *d;
	double *w1, *w0;
	double *ymin, *ymax;
} acc;

static void add_row(void *ud, uint32_t row)
{
	acc *a = ud;
	const fit_table *t = a->d->t;
	uint32_t p = a->d->point[row], al = t->alias[row];

	a->w1[p] += a->d->w[row] * t->y[row];
	a->w0[p] += a->d->w[row] * (1 - t->y[row]);
	a->ymin[al] = fmin(a->ymin[al], t->y[row]);
	a->ymax[al] = fmax(a->ymax[al], t->y[row]);
}

/*
 * The bootstrap's inlined sampling loop gives the same horizons as the plain
 * resample above followed by a row-by-row fit, for the first samples.
 */
static void test_bootstrap_matches_resample(void)
{
	char path[4096];
	static const double pc[2] = { 50, 80 };
	fit_table t = { 0 };
	fit_design d = { 0 };
	fit_resample_scratch s = { 0 };
	enum { NS = 5 };
	double *out = NULL, *lam = NULL;

	snprintf(path, sizeof(path), "%s/metr-2025-01/all_runs.jsonl", hz_test_metr_data());
	t.score_col = "score_binarized";
	HZ_CHECK_EQ_INT(fit_table_load_input(&t, path), 0);
	HZ_CHECK_EQ_INT(fit_table_finish(&t), 0);
	HZ_CHECK_EQ_INT(fit_design_build(&d, &t, t.w_invsqrt), 0);
	HZ_CHECK_EQ_INT(fit_resample_scratch_init(&s, &d), 0);
	out = malloc(NS * d.nagents * 2 * sizeof(*out));
	lam = malloc(d.nagents * sizeof(*lam));
	for (size_t al = 0; al < d.nagents; al++)
		lam[al] = 0.1;
	HZ_CHECK_EQ_INT(fit_bootstrap_run(&d, pc, 2, lam, NS, 42, 2, NULL, NULL, out), 0);
	for (int i = 0; i < NS; i++) {
		acc a = { &d, calloc(d.npoints, sizeof(double)), calloc(d.npoints, sizeof(double)),
			  malloc(d.nagents * sizeof(double)), malloc(d.nagents * sizeof(double)) };
		for (size_t al = 0; al < d.nagents; al++) {
			a.ymin[al] = INFINITY;
			a.ymax[al] = -INFINITY;
		}
		fit_resample(&d, 42 + (uint32_t)i, &s, add_row, &a);
		for (size_t al = 0; al < d.nagents; al++) {
			size_t p0 = d.agent_p0[al], p1 = d.agent_p0[al + 1];
			fit_logit lg;
			const double *got = &out[(i * d.nagents + al) * 2];
			if (!(a.ymin[al] < a.ymax[al])) {
				HZ_CHECK(isnan(got[0]) && isnan(got[1]));
				continue;
			}
			fit_logistic(d.px + p0, a.w1 + p0, a.w0 + p0, p1 - p0, 0.1, &lg);
			HZ_CHECK_NEAR(log(got[0]), log(fit_horizon(lg.a, lg.b, 50)), 1e-9);
			HZ_CHECK_NEAR(log(got[1]), log(fit_horizon(lg.a, lg.b, 80)), 1e-9);
		}
		free(a.w1);
		free(a.w0);
		free(a.ymin);
		free(a.ymax);
	}
	free(out);
	free(lam);
	fit_resample_scratch_release(&s);
	fit_design_release(&d);
	fit_table_release(&t);
}

HZ_TEST_MAIN(HZ_TEST(test_seedseq), HZ_TEST(test_next64), HZ_TEST(test_random), HZ_TEST(test_choice),
	     HZ_TEST(test_next32_buffer), HZ_TEST(test_resample_seed42), HZ_TEST(test_bootstrap_matches_resample))
