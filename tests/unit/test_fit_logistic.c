/*
 * The Newton solver against optima found by a different method: a dense grid
 * over the slope bracketing the minimum of the profile loss min_b L(a, b),
 * refined by nested golden-section searches (L is convex, so the profile is
 * too).  Also closed-form cases, row-by-row versus aggregated fits, and
 * METHOD.md's reference intercept for GPT-4 0314.
 */
#include <math.h>
#include <stdint.h>

#include "fit/fit_design.h"
#include "fit/fit_math.h"
#include "fit/fit_strtab.h"
#include "fit/fit_table.h"
#include "hz_test.h"

#define LAMBDA 0.1

typedef struct data {
	const double *x, *w1, *w0;
	size_t n;
} data;

/* The objective written out directly, row by row, without the solver's code. */
static double loss(const data *d, double a, double b)
{
	double s = 0.5 * LAMBDA * a * a;

	for (size_t i = 0; i < d->n; i++) {
		double z = a * d->x[i] + b;
		double l1 = z > 30 ? z : log(1 + exp(z)); /* log(1+e^z) */
		s += (d->w1[i] + d->w0[i]) * l1 - d->w1[i] * z;
	}
	return s;
}

static const double GR = 0.6180339887498949;

static double best_b(const data *d, double a, double *lmin)
{
	double lo = -60, hi = 60, c = hi - GR * (hi - lo), e = lo + GR * (hi - lo);
	double fc = loss(d, a, c), fe = loss(d, a, e);

	for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
		if (fc < fe) {
			hi = e;
			e = c;
			fe = fc;
			c = hi - GR * (hi - lo);
			fc = loss(d, a, c);
		} else {
			lo = c;
			c = e;
			fc = fe;
			e = lo + GR * (hi - lo);
			fe = loss(d, a, e);
		}
	}
	*lmin = loss(d, a, 0.5 * (lo + hi));
	return 0.5 * (lo + hi);
}

static double profile(const data *d, double a)
{
	double l;

	best_b(d, a, &l);
	return l;
}

static void reference_optimum(const data *d, double *a_out, double *b_out)
{
	double best = INFINITY, abest = 0, lo, hi, c, e, fc, fe, l;

	/* dense grid over a in [-10, 10] */
	for (int i = 0; i <= 2000; i++) {
		double a = -10 + 0.01 * i, p = profile(d, a);
		if (p < best) {
			best = p;
			abest = a;
		}
	}
	lo = abest - 0.01;
	hi = abest + 0.01;
	c = hi - GR * (hi - lo);
	e = lo + GR * (hi - lo);
	fc = profile(d, c);
	fe = profile(d, e);
	for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
		if (fc < fe) {
			hi = e;
			e = c;
			fe = fc;
			c = hi - GR * (hi - lo);
			fc = profile(d, c);
		} else {
			lo = c;
			c = e;
			fc = fe;
			e = lo + GR * (hi - lo);
			fe = profile(d, e);
		}
	}
	*a_out = 0.5 * (lo + hi);
	*b_out = best_b(d, *a_out, &l);
}

static uint64_t lcg = 12345;

static double uniform(void)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(lcg >> 11) * (1.0 / 9007199254740992.0);
}

static void check_against_reference(const double *x, const double *w1, const double *w0, size_t n)
{
	data d = { x, w1, w0, n };
	fit_logit lg;
	double a, b;

	fit_logistic(x, w1, w0, n, LAMBDA, &lg);
	reference_optimum(&d, &a, &b);
	HZ_CHECK(lg.converged);
	HZ_CHECK(lg.iters <= 12);
	HZ_CHECK_NEAR(lg.a, a, 1e-6);
	HZ_CHECK_NEAR(lg.b, b, 1e-6);
	/* the Newton point is no worse than the reference one */
	HZ_CHECK(loss(&d, lg.a, lg.b) <= loss(&d, a, b) + 1e-14);
}

static void test_small_fixture(void)
{
	/* six task lengths (log2 minutes), success weight and failure weight at each */
	static const double x[] = { 0, 1, 2, 3, 4, 5, 6.5 };
	static const double w1[] = { 0.20, 0.15, 0.10, 0.06, 0.03, 0.01, 0.00 };
	static const double w0[] = { 0.01, 0.04, 0.06, 0.09, 0.10, 0.10, 0.05 };

	check_against_reference(x, w1, w0, 7);
}

static void test_random_fixtures(void)
{
	for (int rep = 0; rep < 6; rep++) {
		double x[24], w1[24], w0[24], a = -0.2 - 0.6 * uniform(), b = 4 * uniform() - 1, total = 0;
		for (int i = 0; i < 24; i++) {
			double w = 0.2 + uniform(), p;
			x[i] = -2 + 12 * uniform();
			p = 1 / (1 + exp(-(a * x[i] + b)));
			if (uniform() < p) {
				w1[i] = w;
				w0[i] = 0;
			} else {
				w1[i] = 0;
				w0[i] = w;
			}
			total += w;
		}
		for (int i = 0; i < 24; i++) {
			w1[i] /= total;
			w0[i] /= total;
		}
		check_against_reference(x, w1, w0, 24);
	}
}

/* One x value: the optimum is a = 0, b = logit(weighted success rate), in closed form. */
static void test_closed_form(void)
{
	static const double x[] = { 3.0, 3.0 };
	static const double w1[] = { 0.3, 0.1 };
	static const double w0[] = { 0.2, 0.4 };
	fit_logit lg;

	fit_logistic(x, w1, w0, 2, LAMBDA, &lg);
	HZ_CHECK(lg.converged);
	HZ_CHECK_NEAR(lg.a, 0.0, 1e-12);
	HZ_CHECK_NEAR(lg.b, log(0.4 / 0.6), 1e-12);
}

/* Aggregating rows into (x, w1, w0) points gives the same optimum as fitting rows one by one. */
static void test_aggregation(void)
{
	static const double rx[] = { 1, 1, 1, 2, 2, 4, 4, 4, 4, 7 };
	static const double ry[] = { 1, 1, 0, 1, 0, 1, 0, 0, 0, 0 };
	double rw1[10], rw0[10], ax[4] = { 1, 2, 4, 7 }, aw1[4] = { 0 }, aw0[4] = { 0 };
	fit_logit rows, agg;

	for (int i = 0; i < 10; i++) {
		int p = rx[i] == 1 ? 0 : rx[i] == 2 ? 1 : rx[i] == 4 ? 2 : 3;
		rw1[i] = 0.1 * ry[i];
		rw0[i] = 0.1 * (1 - ry[i]);
		aw1[p] += rw1[i];
		aw0[p] += rw0[i];
	}
	fit_logistic(rx, rw1, rw0, 10, LAMBDA, &rows);
	fit_logistic(ax, aw1, aw0, 4, LAMBDA, &agg);
	HZ_CHECK_NEAR(rows.a, agg.a, 1e-12);
	HZ_CHECK_NEAR(rows.b, agg.b, 1e-12);
}

static void test_horizon_formula(void)
{
	/* p50 = 2^(-b/a); p80 = 2^((ln 4 - b)/a) */
	HZ_CHECK_NEAR(fit_horizon(-0.5, 1.0, 50), 4.0, 1e-12);
	HZ_CHECK_NEAR(fit_horizon(-0.5, 1.0, 80), exp2((log(4.0) - 1.0) / -0.5), 1e-12);
}

/*
 * GPT-4 0314 on METR's Jan-2025 file.  METHOD.md section 3 quotes the exact
 * optimum as b = 0.7139 (sklearn's lbfgs stops at 0.7166).  A separate
 * row-by-row Newton iteration written in plain Python (no shared code, 50
 * iterations from (0,0)) gives a = -0.38159686661636455, b = 0.7138461313501335,
 * p50 = 3.6570524625913627 min: the reference values below.
 */
static void test_gpt4_reference(void)
{
	char path[4096];
	fit_table t = { 0 };
	fit_design d = { 0 };
	double *w1 = NULL, *w0 = NULL;
	uint32_t a;
	fit_logit lg;

	snprintf(path, sizeof(path), "%s/metr-2025-01/all_runs.jsonl", hz_test_metr_data());
	t.score_col = "score_binarized";
	HZ_CHECK_EQ_INT(fit_table_load_input(&t, path), 0);
	HZ_CHECK_EQ_INT(fit_table_finish(&t), 0);
	HZ_CHECK_EQ_INT(fit_design_build(&d, &t, t.w_invsqrt), 0);
	w1 = calloc(d.npoints, sizeof(*w1));
	w0 = calloc(d.npoints, sizeof(*w0));
	for (size_t i = 0; i < t.n; i++) {
		w1[d.point[i]] += t.w_invsqrt[i] * t.y[i];
		w0[d.point[i]] += t.w_invsqrt[i] * (1 - t.y[i]);
	}
	a = fit_strtab_find(&t.aliases, "GPT-4 0314");
	HZ_CHECK(a != FIT_NONE);
	if (a != FIT_NONE) {
		size_t p0 = d.agent_p0[a], p1 = d.agent_p0[a + 1];
		fit_logistic(d.px + p0, w1 + p0, w0 + p0, p1 - p0, LAMBDA, &lg);
		HZ_CHECK(lg.converged);
		HZ_CHECK(lg.iters >= 3 && lg.iters <= 10);
		HZ_CHECK_NEAR(lg.a, -0.38159686661636455, 1e-9);
		HZ_CHECK_NEAR(lg.b, 0.7138461313501335, 1e-9);
		HZ_CHECK_NEAR(fit_horizon(lg.a, lg.b, 50), 3.6570524625913627, 1e-8);
		HZ_CHECK(fabs(lg.b - 0.7139) < 1e-4);  /* METHOD's 4-digit figure */
		HZ_CHECK(fabs(lg.b - 0.7166) > 2e-3);  /* and clearly not lbfgs's early stop */
	}
	free(w1);
	free(w0);
	fit_design_release(&d);
	fit_table_release(&t);
}

HZ_TEST_MAIN(HZ_TEST(test_small_fixture), HZ_TEST(test_random_fixtures), HZ_TEST(test_closed_form),
	     HZ_TEST(test_aggregation), HZ_TEST(test_horizon_formula), HZ_TEST(test_gpt4_reference))
