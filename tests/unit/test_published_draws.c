/*
 * reproduce's trend CI and band from METR's published results (docs/plot.md):
 * draws of each model's horizon inside its published CI, the line refitted per
 * draw.  On the hand-made file every CI is a factor of 2 either side, so the
 * draws are log-normal with sigma = ln 2 / 1.96 and ordinary least squares
 * gives the band's width and the slope's spread in closed form.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "horizon/error.h"
#include "horizon/fit.h"
#include "hz_test.h"

static hz_fit *load(size_t draws, uint32_t seed)
{
	char path[1024];
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;

	snprintf(path, sizeof(path), "%s/tests/data/fit/published_mini.yaml", hz_test_source_dir());
	o.published_draws = draws;
	o.seed = seed;
	if (hz_fit_published(&fit, path, &o) < 0)
		fprintf(stderr, "  %s\n", hz_error_message());
	return fit;
}

static void test_closed_form(void)
{
	hz_fit *fit = load(20000, 42);
	const hz_fit_trend *t = fit ? hz_fit_trend_for(fit, 50) : NULL;
	const double sigma = log(2.0) / 1.959963984540054, slope = log(2.0) / 200, sd_slope = sigma / sqrt(80000.0);

	HZ_CHECK(t != NULL);
	if (!t)
		goto done;
	HZ_CHECK_EQ_INT(t->nagents, 3);
	HZ_CHECK_NEAR(t->doubling_days, 200.0, 1e-6);
	/*
	 * Draws with a slope <= 0 (P = Phi(-slope / sd_slope) = 0.28%) are dropped, so
	 * the CI's top is ln 2 / q with P(b < q | b > 0) = 2.5%: q = slope - 1.9157 sd_slope.
	 */
	HZ_CHECK(t->bootstrap_n > 19850 && t->bootstrap_n < 19990);
	HZ_CHECK_NEAR(t->ci_low / (log(2.0) / (slope + 1.959964 * sd_slope)), 1.0, 0.03);
	HZ_CHECK_NEAR(t->ci_high / (log(2.0) / (slope - 1.9157 * sd_slope)), 1.0, 0.08);
	HZ_CHECK_EQ_INT(t->nband, 60);
	for (size_t g = 0; g < t->nband; g++)
		HZ_CHECK(t->band[g].low < t->band[g].estimate && t->band[g].estimate < t->band[g].high);
	/* At the middle date the fitted ln line has sd sigma / sqrt(3): the band spans 2 * 1.96 of it. */
	HZ_CHECK_NEAR(log(t->band[30].high / t->band[30].low), 2 * log(2.0) / sqrt(3.0), 0.05);
	/* Wider at the ends than in the middle. */
	HZ_CHECK(log(t->band[0].high / t->band[0].low) > log(t->band[30].high / t->band[30].low) * 1.4);
done:
	hz_fit_free(fit);
}

static void test_deterministic(void)
{
	hz_fit *a = load(500, 7), *b = load(500, 7), *c = load(500, 8);
	const hz_fit_trend *ta, *tb, *tc;

	HZ_CHECK(a && b && c);
	if (!a || !b || !c)
		goto done;
	ta = hz_fit_trend_for(a, 80);
	tb = hz_fit_trend_for(b, 80);
	tc = hz_fit_trend_for(c, 80);
	HZ_CHECK(ta->ci_low == tb->ci_low && ta->ci_high == tb->ci_high);
	for (size_t g = 0; g < ta->nband; g++)
		HZ_CHECK(ta->band[g].low == tb->band[g].low && ta->band[g].high == tb->band[g].high);
	HZ_CHECK(ta->ci_low != tc->ci_low);
	HZ_CHECK_EQ_INT(hz_fit_params(a)->bootstrap, 500);
done:
	hz_fit_free(a);
	hz_fit_free(b);
	hz_fit_free(c);
}

/* Without draws (horizon fit --published): no CI, as before. */
static void test_no_draws(void)
{
	hz_fit *fit = load(0, 42);
	const hz_fit_trend *t = fit ? hz_fit_trend_for(fit, 50) : NULL;

	HZ_CHECK(t != NULL);
	if (t) {
		HZ_CHECK_EQ_INT(t->bootstrap_n, 0);
		HZ_CHECK(isnan(t->ci_low) && isnan(t->ci_high));
	}
	hz_fit_free(fit);
}

HZ_TEST_MAIN(HZ_TEST(test_closed_form), HZ_TEST(test_deterministic), HZ_TEST(test_no_draws))
