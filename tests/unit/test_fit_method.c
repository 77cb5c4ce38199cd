/*
 * Method versions and the sensitivity panel, through the public API on a
 * small synthetic log: metr-2026's fit is the optimum of its objective
 * (the gradient, computed row by row here from independently computed
 * weights, vanishes), metr-2025's too; family and baseline filters equal
 * physically filtered files; every column of the panel equals the separate
 * fit with that one option.
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

static char dir[] = "/tmp/hz_fit_method_XXXXXX";

enum { NAG = 2, NFAM = 3, NTASK = 2, NRUN = 4 };
static const char *const agents[NAG] = { "weak", "strong" };
static const char *const fams[NFAM] = { "fa", "fb", "fc" };

typedef struct row {
	int agent, fam, task;
	double minutes, y, cont;
	int baseline;
} row;

static row rows[NAG * NFAM * NTASK * NRUN];
static size_t nrows;

/* A deterministic log: success falls with length, more slowly for "strong". */
static void make_rows(void)
{
	unsigned s = 12345;

	nrows = 0;
	for (int a = 0; a < NAG; a++)
		for (int f = 0; f < NFAM; f++)
			for (int t = 0; t < NTASK; t++) {
				/* family fc has one task only for agent 0: F(A,f) differs between agents */
				if (a == 0 && f == 2 && t == 1)
					continue;
				for (int r = 0; r < NRUN; r++) {
					row *w = &rows[nrows++];
					double x = 1.0 + 2.5 * f + 1.3 * t, p = 1.0 / (1.0 + exp(0.9 * (x - 3.0 - 3.0 * a)));
					s = s * 1103515245u + 12345u;
					w->agent = a;
					w->fam = f;
					w->task = t;
					w->minutes = exp2(x);
					w->y = ((s >> 8) & 0xffff) / 65536.0 < p ? 1 : 0;
					w->cont = w->y ? 1.0 : 0.25 * (r % 3);
					w->baseline = (f + t) % 2 == 0;
				}
			}
}

/* Usage of row i: dollars, working minutes, tokens (NaN: not recorded). */
static double usd(size_t i) { return 0.1 * (double)(i % 7); }
static double minutes(size_t i) { return (double)(i % 11); }
static double tokens(size_t i) { return i % 5 == 0 ? NAN : 1000.0 * (double)(i % 9 + 1); }

/* Budgets applied by hand when writing (budget_mode 1: $0.35 and 6 minutes; 2: 5000 tokens). */
static int budget_mode;

/* Write the rows; skip_fam >= 0 leaves that family out, baselined_only the estimated lengths. */
static void write_rows(const char *path, int skip_fam, int baselined_only)
{
	FILE *f = fopen(path, "w");

	HZ_CHECK(f != NULL);
	if (!f)
		return;
	for (size_t i = 0; i < nrows; i++) {
		const row *w = &rows[i];
		double y = w->y, cont = w->cont;
		char tok[32];
		if (w->fam == skip_fam || (baselined_only && !w->baseline))
			continue;
		if (budget_mode == 1 && (usd(i) > 0.35 || minutes(i) > 6))
			y = cont = 0;
		if (budget_mode == 2 && isnan(tokens(i)))
			continue;
		if (budget_mode == 2 && tokens(i) > 5000)
			y = cont = 0;
		if (isnan(tokens(i)))
			snprintf(tok, sizeof(tok), "null");
		else
			snprintf(tok, sizeof(tok), "%g", tokens(i));
		fprintf(f, "{\"run_id\":\"r%zu\",\"alias\":\"%s\",\"task_id\":\"%s/t%d\",\"task_family\":\"%s\","
			   "\"human_minutes\":%.17g,\"score_binarized\":%g,\"score_cont\":%.17g,"
			   "\"human_source\":\"%s\",\"release_date\":\"%s\",\"dollar_equivalent\":%g,"
			   "\"working_s\":%g,\"total_tokens\":%s}\n",
			i, agents[w->agent], fams[w->fam], w->task, fams[w->fam], w->minutes, y, cont,
			w->baseline ? "baseline" : "estimate", w->agent ? "2025-06-01" : "2024-01-01", usd(i),
			60 * minutes(i), tok);
	}
	fclose(f);
}

/*
 * The gradient of Σ_i scale·w_i [log(1+e^z) - y z] + λ/2 a² at the fit's (a, b), row by row, with the
 * invsqrt weights computed here: w = 1/(n(A,t) sqrt(F(A,f))), normalised over the agent's runs.
 */
static double invsqrt_weights(int a, double *w)
{
	int ntask[NFAM][NTASK] = { { 0 } }, nfam[NFAM] = { 0 };
	double sum = 0;

	for (size_t i = 0; i < nrows; i++)
		if (rows[i].agent == a && ntask[rows[i].fam][rows[i].task]++ == 0)
			nfam[rows[i].fam]++;
	for (size_t i = 0; i < nrows; i++) {
		w[i] = 0;
		if (rows[i].agent != a)
			continue;
		w[i] = 1.0 / (ntask[rows[i].fam][rows[i].task] * sqrt((double)nfam[rows[i].fam]));
		sum += w[i];
	}
	return sum;
}

static void check_optimum(const hz_fit_agent *ag, int a, double lambda, double scale)
{
	double w[sizeof(rows) / sizeof(rows[0])], sum = invsqrt_weights(a, w), ga = lambda * ag->slope, gb = 0;

	for (size_t i = 0; i < nrows; i++) {
		double x, p;
		if (rows[i].agent != a)
			continue;
		x = log2(rows[i].minutes);
		p = 1.0 / (1.0 + exp(-(ag->slope * x + ag->intercept)));
		ga += scale * w[i] / sum * (p - rows[i].y) * x;
		gb += scale * w[i] / sum * (p - rows[i].y);
	}
	HZ_CHECK(fabs(ga) < 1e-9 * scale && fabs(gb) < 1e-9 * scale);
	HZ_CHECK(ag->slope < 0);
}

static void test_method_versions(void)
{
	char path[256];
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *f25, *f26;
	hz_fit_method m;

	HZ_CHECK_EQ_STR(hz_fit_method_name(HZ_FIT_METHOD_METR2025), "metr-2025");
	HZ_CHECK_EQ_INT(hz_fit_method_parse("metr-2026", &m), 0);
	HZ_CHECK_EQ_INT(m, HZ_FIT_METHOD_METR2026);
	HZ_CHECK_EQ_INT(hz_fit_method_parse("metr", &m), HZ_EUSAGE);
	snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
	write_rows(path, -1, 0);
	o.bootstrap = 0;
	o.trend = 0;
	f25 = fit_test_file(path, &o);
	o.method = HZ_FIT_METHOD_METR2026;
	f26 = fit_test_file(path, &o);
	HZ_CHECK(f25 && f26);
	if (!f25 || !f26)
		goto done;
	HZ_CHECK_EQ_INT(hz_fit_method_of(f26), HZ_FIT_METHOD_METR2026);
	for (int a = 0; a < NAG; a++) {
		const hz_fit_agent *g25 = fit_test_agent(f25, agents[a]), *g26 = fit_test_agent(f26, agents[a]);
		double n = 0;
		for (size_t i = 0; i < nrows; i++)
			n += rows[i].agent == a;
		HZ_CHECK(g25 && g26);
		if (!g25 || !g26)
			continue;
		check_optimum(g25, a, 0.1, 1.0);  /* weights sum to 1 against λ */
		check_optimum(g26, a, 0.1, n);    /* weights sum to N_A against λ */
		/* the penalty is 20-24 times weaker: the slope is steeper and the horizons move */
		HZ_CHECK(g26->slope < g25->slope);
		HZ_CHECK(fabs(g26->horizons[0].estimate / g25->horizons[0].estimate - 1) > 1e-3);
	}
done:
	hz_fit_free(f25);
	hz_fit_free(f26);
}

static void check_same(const hz_fit *x, const hz_fit *y)
{
	HZ_CHECK_EQ_INT(hz_fit_nagents(x), hz_fit_nagents(y));
	HZ_CHECK_EQ_INT(hz_fit_nruns(x), hz_fit_nruns(y));
	for (size_t i = 0; i < hz_fit_nagents(x) && i < hz_fit_nagents(y); i++)
		for (size_t k = 0; k < hz_fit_npercents(x); k++)
			HZ_CHECK_NEAR(log(hz_fit_agent_at(x, i)->horizons[k].estimate),
				      log(hz_fit_agent_at(y, i)->horizons[k].estimate), 1e-12);
}

static void test_filters_equal_filtered_files(void)
{
	char all[256], nofb[256], base[256];
	const char *ex[1] = { "fb" };
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *a, *b;

	snprintf(all, sizeof(all), "%s/runs.jsonl", dir);
	snprintf(nofb, sizeof(nofb), "%s/nofb.jsonl", dir);
	snprintf(base, sizeof(base), "%s/base.jsonl", dir);
	write_rows(all, -1, 0);
	write_rows(nofb, 1, 0);
	write_rows(base, -1, 1);
	o.bootstrap = 50;
	o.trend = 0;
	o.exclude_families = ex;
	o.nexclude_families = 1;
	a = fit_test_file(all, &o);
	o.nexclude_families = 0;
	b = fit_test_file(nofb, &o);
	HZ_CHECK(a && b);
	if (a && b)
		check_same(a, b);
	hz_fit_free(a);
	hz_fit_free(b);
	o.baseline_lengths_only = 1;
	a = fit_test_file(all, &o);
	o.baseline_lengths_only = 0;
	b = fit_test_file(base, &o);
	HZ_CHECK(a && b);
	if (a && b)
		check_same(a, b);
	hz_fit_free(a);
	hz_fit_free(b);
}

/* Equal to 1e-10 relative, or the same non-finite value (an infinite horizon, no trend). */
static void same(double x, double y)
{
	if (isfinite(x) && isfinite(y))
		HZ_CHECK_NEAR(x / y, 1.0, 1e-10);
	else
		HZ_CHECK((isnan(x) && isnan(y)) || x == y);
}

/* METR's buckets: the weighted rate per bucket computed here, and the fitted curve at the middle. */
static void test_metr_buckets(void)
{
	static const double edge[7] = { 1, 4, 16, 64, 256, 960, 2880 };
	char path[256];
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *f;

	snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
	write_rows(path, -1, 0);
	o.bootstrap = 0;
	o.trend = 0;
	if (!(f = fit_test_file(path, &o))) {
		HZ_CHECK(0);
		return;
	}
	for (int a = 0; a < NAG; a++) {
		double w[sizeof(rows) / sizeof(rows[0])];
		size_t ai = 0;
		const hz_fit_agent *ag;
		invsqrt_weights(a, w);
		while (ai < hz_fit_nagents(f) && strcmp(hz_fit_agent_at(f, ai)->alias, agents[a]))
			ai++;
		ag = hz_fit_agent_at(f, ai);
		HZ_CHECK(ag != NULL);
		for (size_t b = 0; ag && b < HZ_FIT_METR_BUCKETS; b++) {
			double sw = 0, swy = 0, mid = sqrt(edge[b] * edge[b + 1]);
			size_t n = 0;
			hz_fit_bucket bk;
			for (size_t i = 0; i < nrows; i++)
				if (rows[i].agent == a && rows[i].minutes >= edge[b] && rows[i].minutes < edge[b + 1]) {
					n++;
					sw += w[i];
					swy += w[i] * rows[i].y;
				}
			HZ_CHECK_EQ_INT(hz_fit_metr_bucket(f, ai, b, &bk), 0);
			HZ_CHECK_EQ_INT(bk.runs, n);
			HZ_CHECK(bk.lo_minutes == edge[b] && bk.hi_minutes == edge[b + 1]);
			if (n)
				HZ_CHECK_NEAR(bk.empirical, swy / sw, 1e-12);
			else
				HZ_CHECK(isnan(bk.empirical));
			HZ_CHECK_NEAR(bk.fitted, 1 / (1 + exp(-(ag->slope * log2(mid) + ag->intercept))), 1e-12);
		}
	}
	HZ_CHECK(hz_fit_metr_bucket(f, 0, HZ_FIT_METR_BUCKETS, &(hz_fit_bucket){ 0 }) < 0);
	hz_fit_free(f);
}

/* A budget fit equals the fit of a file whose over-budget successes were made failures by hand. */
static void test_budgets(void)
{
	char all[256], hand[256];
	hz_fit_opts o = HZ_FIT_OPTS_INIT, p;
	hz_fit *a, *b;

	snprintf(all, sizeof(all), "%s/runs.jsonl", dir);
	snprintf(hand, sizeof(hand), "%s/hand.jsonl", dir);
	budget_mode = 0;
	write_rows(all, -1, 0);
	o.bootstrap = 30;
	o.trend = 0;
	for (int mode = 1; mode <= 2; mode++) {
		budget_mode = mode;
		write_rows(hand, -1, 0);
		budget_mode = 0;
		p = o;
		if (mode == 1) {
			p.budget_usd = 0.35;
			p.budget_minutes = 6;
		} else {
			p.budget_tokens = 5000;
		}
		p.method = HZ_FIT_METHOD_METR2026;
		o.method = HZ_FIT_METHOD_METR2026;
		a = fit_test_file(all, &p);
		b = fit_test_file(hand, &o);
		HZ_CHECK(a && b);
		if (a && b)
			check_same(a, b);
		if (a) { /* the budgets and the method survive fit.json */
			char *json = NULL, *again = NULL;
			hz_fit *back = NULL;
			HZ_CHECK(hz_fit_to_json(a, &json) == 0 && hz_fit_from_json(&back, json, strlen(json), "m.json") == 0);
			HZ_CHECK(back && hz_fit_method_of(back) == HZ_FIT_METHOD_METR2026);
			HZ_CHECK(back && hz_fit_params(back)->budget_tokens == p.budget_tokens &&
				 hz_fit_params(back)->budget_usd == p.budget_usd);
			HZ_CHECK(back && hz_fit_to_json(back, &again) == 0 && again && !strcmp(json, again));
			free(json);
			free(again);
			hz_fit_free(back);
		}
		hz_fit_free(a);
		hz_fit_free(b);
	}
	unlink(hand);
}

/* The variant `i` of the panel equals the separate fit `sep`, agent by agent. */
static void check_variant(const hz_fit *panel, size_t i, const char *group, const char *name, const hz_fit *sep)
{
	const hz_fit_variant *v = hz_fit_variant_at(panel, i);
	size_t np = hz_fit_npercents(panel);

	HZ_CHECK(v != NULL && sep != NULL);
	if (!v || !sep)
		return;
	HZ_CHECK_EQ_STR(v->group, group);
	HZ_CHECK_EQ_STR(v->name, name);
	HZ_CHECK(v->error == NULL);
	HZ_CHECK_EQ_INT(v->runs, hz_fit_nruns(sep));
	for (size_t a = 0; a < hz_fit_nagents(panel); a++) {
		const hz_fit_agent *s = fit_test_agent(sep, hz_fit_agent_at(panel, a)->alias);
		HZ_CHECK(s != NULL);
		for (size_t k = 0; s && k < np; k++)
			same(v->horizons[a * np + k], s->horizons[k].estimate);
	}
	for (size_t k = 0; k < np; k++)
		same(v->doubling_days[k], hz_fit_trend_at(sep, k) ? hz_fit_trend_at(sep, k)->doubling_days : NAN);
}

/* det of the 3x3 matrix with columns a, b, c */
static double det3(const double *a, const double *b, const double *c)
{
	return a[0] * (b[1] * c[2] - b[2] * c[1]) - b[0] * (a[1] * c[2] - a[2] * c[1]) +
	       c[0] * (a[1] * b[2] - a[2] * b[1]);
}

/*
 * SIMEX redone here: 8 refits at each of zeta = 0.5, 1, 1.5, 2 with the noise seeds the panel
 * documents (1000 * level + replicate), mean log horizon per level, the headline at zeta = 0, and
 * the least-squares quadratic by Cramer's rule, evaluated at zeta = -1.
 */
static void check_simex(const hz_fit *panel, const char *path, const hz_fit_opts *s)
{
	static const double z[5] = { 0, 0.5, 1, 1.5, 2 };
	const hz_fit_variant *v = hz_fit_variant_at(panel, 6);
	size_t np = hz_fit_npercents(panel), na = hz_fit_nagents(panel);
	double m[5][2 * 2] = { { 0 } };

	HZ_CHECK(v && !strcmp(v->group, "lengths") && !strcmp(v->name, "simex sd 1"));
	if (!v || na != 2 || np != 2)
		return;
	for (size_t i = 0; i < na * np; i++)
		m[0][i] = log(hz_fit_agent_at(panel, i / np)->horizons[i % np].estimate);
	for (int l = 1; l <= 4; l++)
		for (int b = 0; b < 8; b++) {
			hz_fit_opts o = *s;
			hz_fit *f;
			o.length_noise_sd = sqrt(z[l]);
			o.length_noise_seed = (uint32_t)(1000 * l + b);
			f = fit_test_file(path, &o);
			HZ_CHECK(f != NULL);
			for (size_t i = 0; f && i < na * np; i++)
				m[l][i] += log(fit_test_agent(f, hz_fit_agent_at(panel, i / np)->alias)->horizons[i % np].estimate) / 8;
			hz_fit_free(f);
		}
	for (size_t i = 0; i < na * np; i++) {
		double S[5] = { 0 }, T[3] = { 0 }, c0[3], c1[3], c2[3], t[3], d, e;
		for (int l = 0; l < 5; l++)
			for (int k = 0; k < 5; k++) {
				S[k] += pow(z[l], k);
				if (k < 3)
					T[k] += pow(z[l], k) * m[l][i];
			}
		for (int r = 0; r < 3; r++) {
			c0[r] = S[r];
			c1[r] = S[r + 1];
			c2[r] = S[r + 2];
			t[r] = T[r];
		}
		d = det3(c0, c1, c2);
		e = (det3(t, c1, c2) - det3(c0, t, c2) + det3(c0, c1, t)) / d;
		same(v->horizons[i], exp(e));
	}
}

static void test_panel_matches_separate_fits(void)
{
	char path[256];
	const char *ex[1];
	hz_fit_opts o = HZ_FIT_OPTS_INIT, s;
	hz_fit *panel, *sep;

	snprintf(path, sizeof(path), "%s/runs.jsonl", dir);
	write_rows(path, -1, 0);
	o.bootstrap = 20;
	o.sensitivity = 1;
	panel = fit_test_file(path, &o);
	HZ_CHECK(panel != NULL);
	if (!panel)
		return;
	/* method, reg none, w equal, w none, score_cont, baselined, simex, three families */
	HZ_CHECK_EQ_INT(hz_fit_nvariants(panel), 10);
	HZ_CHECK(hz_fit_variant_at(panel, 10) == NULL);
	s = o;
	s.sensitivity = 0;
	s.bootstrap = 0;
	{
		hz_fit_opts v = s;
		v.method = HZ_FIT_METHOD_METR2026;
		sep = fit_test_file(path, &v);
		check_variant(panel, 0, "method", "metr-2026", sep);
		hz_fit_free(sep);
		v = s;
		v.regularization = 0;
		sep = fit_test_file(path, &v);
		check_variant(panel, 1, "regularization", "none", sep);
		hz_fit_free(sep);
		v = s;
		v.weighting = HZ_FIT_WEIGHT_EQUAL;
		sep = fit_test_file(path, &v);
		check_variant(panel, 2, "weighting", "equal", sep);
		hz_fit_free(sep);
		v = s;
		v.weighting = HZ_FIT_WEIGHT_NONE;
		sep = fit_test_file(path, &v);
		check_variant(panel, 3, "weighting", "none", sep);
		hz_fit_free(sep);
		v = s;
		v.score_col = "score_cont";
		sep = fit_test_file(path, &v);
		check_variant(panel, 4, "score", "score_cont", sep);
		hz_fit_free(sep);
		v = s;
		v.baseline_lengths_only = 1;
		sep = fit_test_file(path, &v);
		check_variant(panel, 5, "lengths", "baselined", sep);
		hz_fit_free(sep);
		check_simex(panel, path, &s);
		for (int f = 0; f < NFAM; f++) {
			v = s;
			ex[0] = fams[f];
			v.exclude_families = ex;
			v.nexclude_families = 1;
			sep = fit_test_file(path, &v);
			check_variant(panel, 7 + (size_t)f, "family", fams[f], sep);
			hz_fit_free(sep);
		}
	}
	{
		/* fit.json keeps the panel: read back, written again, the same text */
		char *json = NULL, *again = NULL;
		hz_fit *back = NULL;
		HZ_CHECK_EQ_INT(hz_fit_to_json(panel, &json), 0);
		HZ_CHECK(json && strstr(json, "\"method\": \"metr-2025\"") && strstr(json, "\"sensitivity\": ["));
		HZ_CHECK_EQ_INT(json ? hz_fit_from_json(&back, json, strlen(json), "mem.json") : -1, 0);
		HZ_CHECK_EQ_INT(back ? hz_fit_nvariants(back) : 0, 10);
		HZ_CHECK(back && hz_fit_to_json(back, &again) == 0 && again && !strcmp(json, again));
		free(json);
		free(again);
		hz_fit_free(back);
	}
	hz_fit_free(panel);
}

static void test_cleanup(void)
{
	char path[256];
	static const char *const names[] = { "runs.jsonl", "nofb.jsonl", "base.jsonl" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	HZ_CHECK_EQ_INT(rmdir(dir), 0);
}

static void test_setup(void)
{
	HZ_CHECK(mkdtemp(dir) != NULL);
	make_rows();
}

HZ_TEST_MAIN(HZ_TEST(test_setup), HZ_TEST(test_method_versions), HZ_TEST(test_filters_equal_filtered_files),
	     HZ_TEST(test_panel_matches_separate_fits), HZ_TEST(test_budgets), HZ_TEST(test_metr_buckets),
	     HZ_TEST(test_cleanup))
