/*
 * Cost per doubling (docs/method.md section 12), through the public API on a
 * small synthetic log with dollar_equivalent: the factor equals the weighted
 * least-squares slope computed here, row by row, from independently computed
 * invsqrt weights; an agent whose cost is an exact power of the length has a
 * bootstrap CI that collapses onto that power; agents without costs, with
 * zero costs or with successes at one length only say why; fit.json keeps it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "horizon/error.h"
#include "horizon/fit.h"
#include "fit_test.h"
#include "hz_test.h"

static char dir[] = "/tmp/hz_fit_cost_XXXXXX";
static char path[256];

enum { NAG = 5, NFAM = 3, NTASK = 3, NRUN = 4 };
static const char *const agents[NAG] = { "exact", "noisy", "nocost", "zero", "onelen" };

typedef struct row {
	int agent, fam, task;
	double minutes, y, usd; /* usd < 0: not recorded */
} row;

static row rows[NAG * NFAM * NTASK * NRUN];
static size_t nrows;

static double unit(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (double)((*s >> 8) & 0xffffff) / 16777216.0;
}

static void make_rows(void)
{
	unsigned s = 4242;

	nrows = 0;
	for (int a = 0; a < NAG; a++)
		for (int f = 0; f < NFAM; f++)
			for (int k = 0; k < NTASK; k++)
				for (int r = 0; r < NRUN; r++) {
					row *w = &rows[nrows++];
					double x;
					w->agent = a;
					w->fam = f;
					w->task = k;
					w->minutes = 1.5 * pow(2.0, f * 3 + k);
					x = log2(w->minutes);
					/* success falls with length; every agent has some of each */
					w->y = unit(&s) < 1.0 / (1.0 + exp(0.9 * (x - 4.5))) ? 1 : 0;
					if (a == 4)
						w->y = f == 0 && k == 0 ? (r < 3) : 0;
					if (f == 0 && k == 0 && r == 0)
						w->y = 1;
					if (f == 2 && k == 2 && r == 3)
						w->y = 0;
					if (a == 0)
						w->usd = 0.02 * pow(w->minutes, 0.8);
					else if (a == 1)
						w->usd = 0.05 * pow(w->minutes, 0.6) * exp(0.8 * (unit(&s) - 0.5));
					else if (a == 2)
						w->usd = -1;
					else if (a == 3)
						w->usd = 0;
					else
						w->usd = 0.1 * w->minutes;
				}
}

static void write_rows(void)
{
	FILE *f = fopen(path, "w");
	size_t i;

	HZ_CHECK(f != NULL);
	for (i = 0; f && i < nrows; i++) {
		const row *w = &rows[i];
		char usd[64];
		if (w->usd < 0)
			snprintf(usd, sizeof(usd), "%s", "");
		else
			snprintf(usd, sizeof(usd), ",\"dollar_equivalent\":%.17g", w->usd);
		fprintf(f, "{\"run_id\":\"r%zu\",\"alias\":\"%s\",\"task_id\":\"f%d/t%d\",\"task_family\":\"f%d\","
			   "\"human_minutes\":%.17g,\"score_binarized\":%g%s}\n",
			i, agents[w->agent], w->fam, w->task, w->fam, w->minutes, w->y, usd);
	}
	if (f)
		fclose(f);
}

/*
 * The weighted least-squares slope and centre of ln(usd) on log2(minutes) over
 * agent a's successes, weight w·y with w = 1/(n(A,t) sqrt(F(A,f))) (METR's
 * invsqrt; the normaliser cancels), computed in two passes.
 */
static double expected_slope(int a, double *xbar, double *zbar)
{
	int ntask[NFAM][NTASK] = { { 0 } }, nfam[NFAM] = { 0 };
	double sv = 0, sx = 0, sz = 0, sxx = 0, sxz = 0;

	for (size_t i = 0; i < nrows; i++)
		if (rows[i].agent == a && ntask[rows[i].fam][rows[i].task]++ == 0)
			nfam[rows[i].fam]++;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nrows; i++) {
			const row *r = &rows[i];
			double v, x, z;
			if (r->agent != a || !(r->y > 0) || !(r->usd > 0))
				continue;
			v = r->y / (ntask[r->fam][r->task] * sqrt((double)nfam[r->fam]));
			x = log2(r->minutes);
			z = log(r->usd);
			if (pass == 0) {
				sv += v;
				sx += v * x;
				sz += v * z;
			} else {
				sxx += v * (x - *xbar) * (x - *xbar);
				sxz += v * (x - *xbar) * (z - *zbar);
			}
		}
		*xbar = sx / sv;
		*zbar = sz / sv;
	}
	return sxz / sxx;
}

static void test_point_estimates(void)
{
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *fit;

	o.bootstrap = 0;
	o.trend = 0;
	HZ_CHECK((fit = fit_test_file(path, &o)) != NULL);
	if (!fit)
		return;
	for (int a = 0; a < 2; a++) {
		const hz_fit_agent *ag = fit_test_agent(fit, agents[a]);
		const hz_fit_cost_doubling *c = ag ? &ag->cost_doubling : NULL;
		double xbar = 0, zbar = 0, b = expected_slope(a, &xbar, &zbar), p50;
		HZ_CHECK(c != NULL);
		if (!c)
			continue;
		p50 = ag->horizons[0].estimate;
		HZ_CHECK(c->note == NULL);
		HZ_CHECK_NEAR(c->factor, exp(b), 1e-9 * exp(b));
		HZ_CHECK_NEAR(c->usd_at_p50, exp(zbar + b * (log2(p50) - xbar)), 1e-9 * c->usd_at_p50);
		HZ_CHECK_NEAR(c->usd_per_doubling, c->usd_at_p50 * (c->factor - 1), 1e-12);
		HZ_CHECK(isnan(c->ci_low) && isnan(c->ci_high) && c->bootstrap_n == 0);
		HZ_CHECK(c->runs > 0 && c->runs < NFAM * NTASK * NRUN);
	}
	/* the exact power law: 2^0.8 per doubling */
	HZ_CHECK_NEAR(fit_test_agent(fit, "exact")->cost_doubling.factor, pow(2.0, 0.8), 1e-9);
	HZ_CHECK(isnan(fit_test_agent(fit, "nocost")->cost_doubling.factor));
	HZ_CHECK_EQ_STR(fit_test_agent(fit, "nocost")->cost_doubling.note, "no run with a recorded cost (dollar_equivalent)");
	HZ_CHECK(isnan(fit_test_agent(fit, "zero")->cost_doubling.factor));
	HZ_CHECK_EQ_STR(fit_test_agent(fit, "zero")->cost_doubling.note, "no successful run with a cost above 0");
	HZ_CHECK(isnan(fit_test_agent(fit, "onelen")->cost_doubling.factor));
	HZ_CHECK_EQ_INT(fit_test_agent(fit, "onelen")->cost_doubling.runs, 3);
	HZ_CHECK_EQ_STR(fit_test_agent(fit, "onelen")->cost_doubling.note,
			"the successful runs with a cost are all of one task length");
	hz_fit_free(fit);

	/* without a 50% horizon there are no p50 dollars, but the factor stands */
	o.success_percents[0] = 80;
	o.nsuccess = 1;
	HZ_CHECK((fit = fit_test_file(path, &o)) != NULL);
	if (fit) {
		const hz_fit_agent *ag = fit_test_agent(fit, "noisy");
		HZ_CHECK(isfinite(ag->cost_doubling.factor) && isnan(ag->cost_doubling.usd_at_p50));
	}
	hz_fit_free(fit);
}

static void test_bootstrap_and_json(void)
{
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *fit, *back = NULL;
	char *json = NULL, *again = NULL;
	const hz_fit_cost_doubling *ex, *no;

	o.bootstrap = 200;
	o.trend = 0;
	HZ_CHECK((fit = fit_test_file(path, &o)) != NULL);
	if (!fit)
		return;
	ex = &fit_test_agent(fit, "exact")->cost_doubling;
	no = &fit_test_agent(fit, "noisy")->cost_doubling;
	/* every resample of an exact power law has the same slope */
	HZ_CHECK(ex->bootstrap_n > 150 && ex->bootstrap_n <= 200);
	HZ_CHECK_NEAR(ex->ci_low, pow(2.0, 0.8), 1e-9);
	HZ_CHECK_NEAR(ex->ci_high, pow(2.0, 0.8), 1e-9);
	/* noise gives a real interval around the point */
	HZ_CHECK(no->bootstrap_n > 150 && no->ci_low < no->factor && no->factor < no->ci_high);
	HZ_CHECK(no->ci_high / no->ci_low > 1.01 && no->ci_high / no->ci_low < 3);
	HZ_CHECK(isnan(fit_test_agent(fit, "zero")->cost_doubling.ci_low));

	HZ_CHECK_EQ_INT(hz_fit_to_json(fit, &json), 0);
	HZ_CHECK(json && strstr(json, "\"cost_doubling\": {"));
	HZ_CHECK_EQ_INT(json ? hz_fit_from_json(&back, json, strlen(json), "mem.json") : -1, 0);
	if (back) {
		const hz_fit_cost_doubling *b = &fit_test_agent(back, "noisy")->cost_doubling;
		/* fit.json's numbers have HZ_FIT_JSON_DIGITS (12) significant digits */
		HZ_CHECK_NEAR(b->factor, no->factor, 1e-11 * no->factor);
		HZ_CHECK_NEAR(b->ci_low, no->ci_low, 1e-11 * no->ci_low);
		HZ_CHECK_NEAR(b->ci_high, no->ci_high, 1e-11 * no->ci_high);
		HZ_CHECK_NEAR(b->usd_at_p50, no->usd_at_p50, 1e-11 * no->usd_at_p50);
		HZ_CHECK(b->runs == no->runs && b->bootstrap_n == no->bootstrap_n);
		HZ_CHECK_EQ_STR(fit_test_agent(back, "zero")->cost_doubling.note, "no successful run with a cost above 0");
		HZ_CHECK(hz_fit_to_json(back, &again) == 0 && again && !strcmp(json, again));
	}
	if (json) {
		/* a wrong type is an error naming the file, the agent and the field */
		char *bad = malloc(strlen(json) + 16), *at = strstr(json, "\"cost_doubling\": {");
		hz_fit *x = NULL;
		HZ_CHECK(bad && at);
		if (bad && at) {
			size_t head = (size_t)(at - json);
			memcpy(bad, json, head);
			snprintf(bad + head, strlen(json) + 16 - head, "\"cost_doubling\": 7, \"x\": {%s",
				 at + strlen("\"cost_doubling\": {"));
			HZ_CHECK_EQ_INT(hz_fit_from_json(&x, bad, strlen(bad), "bad.json"), HZ_EINVALID);
			HZ_CHECK(strstr(hz_error_message(), "bad.json: agents[0]: 'cost_doubling'") != NULL);
		}
		hz_fit_free(x);
		free(bad);
	}
	free(json);
	free(again);
	hz_fit_free(back);
	hz_fit_free(fit);
}

static void test_setup(void)
{
	HZ_CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
	make_rows();
	write_rows();
}

static void test_cleanup(void)
{
	unlink(path);
	HZ_CHECK_EQ_INT(rmdir(dir), 0);
}

HZ_TEST_MAIN(HZ_TEST(test_setup), HZ_TEST(test_point_estimates), HZ_TEST(test_bootstrap_and_json),
	     HZ_TEST(test_cleanup))
