/*
 * Likelihood horizons (horizon/fit_lik.h): the fit is the maximum of the
 * penalised log-likelihood, each end of the 95% profile-likelihood interval
 * lies where the profile deviance is chi2_1(0.95), checked against a brute
 * force written here; all-success and all-failure data give open intervals;
 * and a runs.jsonl reads back as per-agent run lists.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "horizon/fit_lik.h"
#include "hz_test.h"

#define N 6
static const double xs[N] = { -2, 0, 2, 4, 6, 8 };
static const double s1[N] = { 4, 4, 3, 2, 1, 0 };
static const double s0[N] = { 0, 1, 1, 2, 3, 4 };
#define LAMBDA 0.1

/* The penalised log-likelihood with slope a and log2 horizon t at success probability p. */
static double loglik(double a, double t, double p)
{
	double L = log(p / (1 - p)), s = -0.5 * LAMBDA * a * a;

	for (int i = 0; i < N; i++) {
		double z = a * (xs[i] - t) + L;
		/* log sigma(z) = -log1p(exp(-z)), log(1 - sigma(z)) = log sigma(z) - z, without overflow */
		double l1 = z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z));
		s += s1[i] * l1 + s0[i] * (l1 - z);
	}
	return s;
}

/* max over a <= 0 by golden-section search (concave in a). */
static double profile(double t, double p)
{
	double lo = -20, hi = 0;

	for (int it = 0; it < 200; it++) {
		double m1 = lo + (hi - lo) * 0.382, m2 = lo + (hi - lo) * 0.618;
		if (loglik(m1, t, p) < loglik(m2, t, p))
			lo = m1;
		else
			hi = m2;
	}
	return loglik(0.5 * (lo + hi), t, p);
}

static void check_percent(double percent)
{
	hz_fit_lik h;
	double p = percent / 100, t, lmax, best = -INFINITY, bt = 0;

	HZ_CHECK(hz_fit_lik_horizon(xs, s1, s0, N, LAMBDA, percent, &h) == 0);
	t = log2(h.estimate);
	for (double g = -4; g <= 10; g += 0.001) { /* the brute-force maximum over t */
		double v = profile(g, p);
		if (v > best) {
			best = v;
			bt = g;
		}
	}
	HZ_CHECK_NEAR(t, bt, 0.01);
	lmax = profile(t, p);
	HZ_CHECK_NEAR(lmax, best, 1e-6);
	HZ_CHECK(h.low < h.estimate && h.estimate < h.high);
	HZ_CHECK_NEAR(2 * (lmax - profile(log2(h.low), p)), 3.841458820694124, 1e-3);
	HZ_CHECK_NEAR(2 * (lmax - profile(log2(h.high), p)), 3.841458820694124, 1e-3);
	HZ_CHECK(h.a < 0);
}

static void test_profile_interval(void)
{
	check_percent(50);
	check_percent(80);
}

static void test_open_intervals(void)
{
	const double one[3] = { 1, 1, 1 }, zero[3] = { 0, 0, 0 }, x[3] = { 0, 1, 2 };
	hz_fit_lik h;

	HZ_CHECK(hz_fit_lik_horizon(x, one, zero, 3, LAMBDA, 50, &h) == 0);
	HZ_CHECK(isinf(h.estimate) && isinf(h.high) && h.low > 1); /* every run succeeded: at least ~the longest */
	HZ_CHECK(hz_fit_lik_horizon(x, zero, one, 3, LAMBDA, 50, &h) == 0);
	HZ_CHECK(h.estimate == 0 && h.low == 0 && isfinite(h.high) && h.high < 4);
	HZ_CHECK(hz_fit_lik_horizon(x, zero, zero, 3, LAMBDA, 50, &h) == -1); /* no data */
	HZ_CHECK(hz_fit_lik_horizon(x, one, zero, 3, LAMBDA, 100, &h) == -1);
}

static void test_runset(void)
{
	char dir[] = "/tmp/hz_fit_lik_XXXXXX", path[64];
	const char *in[1] = { path };
	const hz_fit_run *r;
	hz_fit_runset *rs = NULL;
	FILE *f;

	HZ_CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
	HZ_CHECK((f = fopen(path, "w")) != NULL);
	fputs("{\"run_id\":\"1\",\"alias\":\"a\",\"task_id\":\"f/x\",\"task_family\":\"f\",\"human_minutes\":2,"
	      "\"status\":\"failure\",\"score_binarized\":0}\n"
	      "{\"run_id\":\"2\",\"alias\":\"b\",\"task_id\":\"g/y\",\"task_family\":\"g\",\"human_minutes\":8,"
	      "\"status\":\"success\",\"score_binarized\":1}\n"
	      "{\"run_id\":\"3\",\"alias\":\"a\",\"task_id\":\"g/y\",\"task_family\":\"g\",\"human_minutes\":8,"
	      "\"status\":\"error\",\"score_binarized\":0}\n"
	      "{\"run_id\":\"1\",\"alias\":\"a\",\"task_id\":\"f/x\",\"task_family\":\"f\",\"human_minutes\":2,"
	      "\"status\":\"success\",\"score_binarized\":1}\n",
	      f);
	fclose(f);
	HZ_CHECK(hz_fit_runset_load(&rs, in, 1, NULL) == 0);
	HZ_CHECK_EQ_INT((int)hz_fit_runset_nagents(rs), 2);
	HZ_CHECK_EQ_STR(hz_fit_runset_alias(rs, 0), "a");
	/* the later record of run 1 supersedes the first; the error-only run 3 is dropped */
	HZ_CHECK_EQ_INT((int)hz_fit_runset_runs(rs, 0, &r), 1);
	HZ_CHECK_EQ_STR(r[0].task_id, "f/x");
	HZ_CHECK_EQ_STR(r[0].family, "f");
	HZ_CHECK_NEAR(r[0].minutes, 2, 1e-12);
	HZ_CHECK_NEAR(r[0].score, 1, 1e-12);
	HZ_CHECK_EQ_INT((int)hz_fit_runset_runs(rs, 1, &r), 1);
	HZ_CHECK_NEAR(r[0].minutes, 8, 1e-12);
	HZ_CHECK(hz_fit_runset_alias(rs, 2) == NULL);
	hz_fit_runset_free(rs);
	HZ_CHECK(hz_fit_runset_load(&rs, in, 1, "bogus") != 0);
	unlink(path);
	rmdir(dir);
}

HZ_TEST_MAIN(HZ_TEST(test_profile_interval), HZ_TEST(test_open_intervals), HZ_TEST(test_runset))
