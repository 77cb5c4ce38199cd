/*
 * Task weights recomputed from scratch (METHOD section 2) against the
 * equal_task_weight and invsqrt_task_weight columns of METR's Jan-2025 file,
 * plus quantiles (numpy's linear method) and OLS on hand-checked values.
 */
#include <math.h>

#include "fit/fit_math.h"
#include "fit/fit_table.h"
#include "hz_test.h"

static void test_weights_match_file(void)
{
	char path[4096];
	fit_table t = { 0 };
	double *w = NULL, worst_inv = 0, worst_eq = 0;

	snprintf(path, sizeof(path), "%s/metr-2025-01/all_runs.jsonl", hz_test_metr_data());
	t.score_col = "score_binarized";
	HZ_CHECK_EQ_INT(fit_table_load_input(&t, path), 0);
	HZ_CHECK_EQ_INT(fit_table_finish(&t), 0);
	HZ_CHECK_EQ_INT(t.missing_weights, 0);
	w = malloc(t.n * sizeof(*w));
	HZ_CHECK_EQ_INT(fit_weights_compute(&t, HZ_FIT_WEIGHT_INVSQRT, w), 0);
	for (size_t i = 0; i < t.n; i++)
		worst_inv = fmax(worst_inv, fabs(w[i] - t.w_invsqrt[i]));
	HZ_CHECK_EQ_INT(fit_weights_compute(&t, HZ_FIT_WEIGHT_EQUAL, w), 0);
	for (size_t i = 0; i < t.n; i++)
		worst_eq = fmax(worst_eq, fabs(w[i] - t.w_equal[i]));
	printf("largest difference: invsqrt %.3g, equal %.3g\n", worst_inv, worst_eq);
	HZ_CHECK(worst_inv < 1e-6);
	HZ_CHECK(worst_eq < 1e-6);
	/* every agent's weights sum to 1 */
	HZ_CHECK_EQ_INT(fit_weights_compute(&t, HZ_FIT_WEIGHT_INVSQRT, w), 0);
	{
		double sum[64] = { 0 };
		for (size_t i = 0; i < t.n; i++)
			sum[t.alias[i]] += w[i];
		for (size_t a = 0; a < t.aliases.n; a++)
			HZ_CHECK_NEAR(sum[a], 1.0, 1e-12);
	}
	free(w);
	fit_table_release(&t);
}

static void test_quantile(void)
{
	/* numpy.quantile([1, 2, 3, 4], q): 0.025 -> 1.075, 0.975 -> 3.925, 0.5 -> 2.5 */
	static const double v[] = { 1, 2, 3, 4 };
	static const double nanv[] = { 4, NAN, 1, 3, NAN, 2 };
	static const double infv[] = { 1, 2, INFINITY, INFINITY };
	size_t n;

	HZ_CHECK_NEAR(fit_quantile_sorted(v, 4, 0.025), 1.075, 1e-15);
	HZ_CHECK_NEAR(fit_quantile_sorted(v, 4, 0.975), 3.925, 1e-15);
	HZ_CHECK_NEAR(fit_quantile_sorted(v, 4, 0.5), 2.5, 1e-15);
	HZ_CHECK_NEAR(fit_quantile_sorted(v, 1, 0.975), 1.0, 1e-15);
	HZ_CHECK(isnan(fit_quantile_sorted(v, 0, 0.5)));
	/* nanquantile ignores NaN */
	HZ_CHECK_NEAR(fit_nanquantile(nanv, 6, 1, 0.025, &n), 1.075, 1e-15);
	HZ_CHECK_EQ_INT(n, 4);
	/* inf stays in: the upper quantile is inf, the lower finite */
	HZ_CHECK(isinf(fit_quantile_sorted(infv, 4, 0.975)));
	HZ_CHECK_NEAR(fit_quantile_sorted(infv, 4, 0.025), 1.075, 1e-15);
}

static void test_ols(void)
{
	static const double x[] = { 0, 1, 2, 3 };
	static const double y[] = { 1, 3, 5, 7 };
	static const double same[] = { 2, 2 };
	double b, a;

	HZ_CHECK_EQ_INT(fit_ols(x, y, 4, &b, &a), 0);
	HZ_CHECK_NEAR(b, 2.0, 1e-15);
	HZ_CHECK_NEAR(a, 1.0, 1e-15);
	HZ_CHECK(fit_ols(same, y, 2, &b, &a) < 0); /* no spread in x */
	HZ_CHECK_NEAR(fit_round6(1.23456749), 1.234567, 1e-15);
}

HZ_TEST_MAIN(HZ_TEST(test_weights_match_file), HZ_TEST(test_quantile), HZ_TEST(test_ols))
