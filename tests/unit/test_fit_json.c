/*
 * The fit's JSON form both ways (docs/fit-json.md): a fit written with
 * hz_fit_to_json and read back with hz_fit_from_json is the same fit, field
 * by field (numbers to the 12 digits the file holds) and, written again, the
 * same text; with non-default success percents, for fits of runs and of
 * METR's published results, and for the hand-made format fixture.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/error.h"
#include "horizon/fit.h"
#include "hz_test.h"

/* Equal to the 12 significant digits of the file; NaN and inf both read back as null (NaN). */
static int same_num(double a, double b)
{
	if (!isfinite(a) || !isfinite(b))
		return !isfinite(a) && !isfinite(b);
	return fabs(a - b) <= 1e-11 * fmax(fabs(a), fabs(b));
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

#define CHECK_NUM(a, b)                                                                                 \
	do {                                                                                            \
		if (!same_num((a), (b))) {                                                              \
			fprintf(stderr, "  %s = %.17g, %s = %.17g\n", #a, (double)(a), #b, (double)(b)); \
			HZ_CHECK(!"numbers differ");                                                    \
		}                                                                                       \
	} while (0)

static void check_horizons(const hz_fit_agent *a, const hz_fit_agent *b)
{
	HZ_CHECK_EQ_INT(a->nhorizons, b->nhorizons);
	for (size_t k = 0; k < a->nhorizons && k < b->nhorizons; k++) {
		const hz_fit_horizon *x = &a->horizons[k], *y = &b->horizons[k];
		HZ_CHECK(x->percent == y->percent);
		CHECK_NUM(x->estimate, y->estimate);
		CHECK_NUM(x->ci_low, y->ci_low);
		CHECK_NUM(x->ci_high, y->ci_high);
		HZ_CHECK_EQ_INT(x->bootstrap_n, y->bootstrap_n);
	}
}

static void check_agent(const hz_fit_agent *a, const hz_fit_agent *b)
{
	HZ_CHECK_EQ_STR(a->alias, b->alias);
	HZ_CHECK(same_str(a->release_date, b->release_date));
	if (a->release_date && b->release_date)
		HZ_CHECK_EQ_INT(a->release_days, b->release_days);
	HZ_CHECK_EQ_INT(a->runs, b->runs);
	HZ_CHECK_EQ_INT(a->tasks, b->tasks);
	HZ_CHECK_EQ_INT(a->families, b->families);
	CHECK_NUM(a->longest_task_minutes, b->longest_task_minutes);
	CHECK_NUM(a->successes, b->successes);
	CHECK_NUM(a->weighted_success_rate, b->weighted_success_rate);
	HZ_CHECK_EQ_INT(a->status, b->status);
	HZ_CHECK(same_str(a->note, b->note));
	CHECK_NUM(a->slope, b->slope);
	CHECK_NUM(a->intercept, b->intercept);
	HZ_CHECK_EQ_INT(a->is_human, b->is_human);
	HZ_CHECK_EQ_INT(a->sota, b->sota);
	HZ_CHECK_EQ_INT(a->in_trend, b->in_trend);
	CHECK_NUM(a->input_tokens, b->input_tokens);
	CHECK_NUM(a->output_tokens, b->output_tokens);
	CHECK_NUM(a->total_tokens, b->total_tokens);
	CHECK_NUM(a->cost_usd, b->cost_usd);
	check_horizons(a, b);
	HZ_CHECK_EQ_INT(a->nbins, b->nbins);
	for (size_t i = 0; i < a->nbins && i < b->nbins; i++) {
		CHECK_NUM(a->bins[i].lo, b->bins[i].lo);
		CHECK_NUM(a->bins[i].hi, b->bins[i].hi);
		HZ_CHECK_EQ_INT(a->bins[i].runs, b->bins[i].runs);
		CHECK_NUM(a->bins[i].successes, b->bins[i].successes);
		CHECK_NUM(a->bins[i].weighted_rate, b->bins[i].weighted_rate);
	}
}

static void check_trend(const hz_fit_trend *a, const hz_fit_trend *b)
{
	HZ_CHECK((a == NULL) == (b == NULL));
	if (!a || !b)
		return;
	HZ_CHECK(a->percent == b->percent);
	HZ_CHECK_EQ_INT(a->nagents, b->nagents);
	for (size_t i = 0; i < a->nagents && i < b->nagents; i++)
		HZ_CHECK_EQ_STR(a->agents[i], b->agents[i]);
	CHECK_NUM(a->slope_per_day, b->slope_per_day);
	CHECK_NUM(a->intercept, b->intercept);
	CHECK_NUM(a->doubling_days, b->doubling_days);
	CHECK_NUM(a->ci_low, b->ci_low);
	CHECK_NUM(a->ci_high, b->ci_high);
	CHECK_NUM(a->bootstrap_median, b->bootstrap_median);
	HZ_CHECK_EQ_INT(a->bootstrap_n, b->bootstrap_n);
	HZ_CHECK_EQ_INT(a->nband, b->nband);
	for (size_t g = 0; g < a->nband && g < b->nband; g++) {
		HZ_CHECK_EQ_INT(a->band[g].day, b->band[g].day);
		CHECK_NUM(a->band[g].estimate, b->band[g].estimate);
		CHECK_NUM(a->band[g].low, b->band[g].low);
		CHECK_NUM(a->band[g].high, b->band[g].high);
	}
}

/* Everything the public API shows of two fits is the same. */
static void check_same(const hz_fit *a, const hz_fit *b)
{
	const hz_fit_opts *oa = hz_fit_params(a), *ob = hz_fit_params(b);
	double ma[2], fa[2], mb[2], fb[2];

	HZ_CHECK_EQ_INT(hz_fit_is_published(a), hz_fit_is_published(b));
	HZ_CHECK_EQ_INT(oa->weighting, ob->weighting);
	HZ_CHECK_EQ_INT(oa->recompute_weights, ob->recompute_weights);
	CHECK_NUM(oa->regularization, ob->regularization);
	HZ_CHECK_EQ_STR(oa->score_col, ob->score_col);
	HZ_CHECK_EQ_INT(oa->baseline_lengths_only, ob->baseline_lengths_only);
	HZ_CHECK(same_str(oa->release_dates, ob->release_dates));
	HZ_CHECK_EQ_INT(oa->seed, ob->seed);
	HZ_CHECK_EQ_INT(oa->after_days, ob->after_days);
	HZ_CHECK_EQ_INT(oa->before_days, ob->before_days);
	HZ_CHECK_EQ_INT(hz_fit_npercents(a), hz_fit_npercents(b));
	for (size_t k = 0; k < hz_fit_npercents(a) && k < hz_fit_npercents(b); k++) {
		HZ_CHECK(hz_fit_percent(a, k) == hz_fit_percent(b, k));
		check_trend(hz_fit_trend_at(a, k), hz_fit_trend_at(b, k));
	}
	HZ_CHECK_EQ_INT(hz_fit_nruns(a), hz_fit_nruns(b));
	HZ_CHECK_EQ_INT(hz_fit_nagents(a), hz_fit_nagents(b));
	for (size_t i = 0; i < hz_fit_nagents(a) && i < hz_fit_nagents(b); i++)
		check_agent(hz_fit_agent_at(a, i), hz_fit_agent_at(b, i));
	HZ_CHECK_EQ_INT(hz_fit_nexcluded(a), hz_fit_nexcluded(b));
	for (size_t i = 0; i < hz_fit_nexcluded(a) && i < hz_fit_nexcluded(b); i++) {
		HZ_CHECK_EQ_STR(hz_fit_excluded_alias(a, i), hz_fit_excluded_alias(b, i));
		HZ_CHECK_EQ_STR(hz_fit_excluded_reason(a, i), hz_fit_excluded_reason(b, i));
	}
	HZ_CHECK_EQ_INT(hz_fit_nnotes(a), hz_fit_nnotes(b));
	for (size_t i = 0; i < hz_fit_nnotes(a) && i < hz_fit_nnotes(b); i++)
		HZ_CHECK_EQ_STR(hz_fit_note(a, i), hz_fit_note(b, i));
	HZ_CHECK_EQ_INT(hz_fit_ntrend_notes(a), hz_fit_ntrend_notes(b));
	for (size_t i = 0; i < hz_fit_ntrend_notes(a) && i < hz_fit_ntrend_notes(b); i++)
		HZ_CHECK_EQ_STR(hz_fit_trend_note(a, i), hz_fit_trend_note(b, i));
	HZ_CHECK_EQ_INT(hz_fit_published_doubling(a, ma, fa), hz_fit_published_doubling(b, mb, fb));
	if (hz_fit_is_published(a) && hz_fit_is_published(b))
		for (int i = 0; i < 2; i++) {
			CHECK_NUM(ma[i], mb[i]);
			CHECK_NUM(fa[i], fb[i]);
		}
}

/* fit -> JSON -> fit: the same fit, and the same JSON when written again. */
static void round_trip(const hz_fit *fit)
{
	char *json = NULL, *again = NULL;
	hz_fit *back = NULL;

	HZ_CHECK_EQ_INT(hz_fit_to_json(fit, &json), 0);
	if (!json)
		return;
	if (hz_fit_from_json(&back, json, strlen(json), "mem.json") < 0) {
		fprintf(stderr, "  %s\n", hz_error_message());
		HZ_CHECK(!"reading the fit back failed");
		free(json);
		return;
	}
	HZ_CHECK_EQ_STR(hz_fit_origin(back), "mem.json");
	check_same(fit, back);
	HZ_CHECK_EQ_INT(hz_fit_to_json(back, &again), 0);
	HZ_CHECK(again && !strcmp(json, again));
	free(json);
	free(again);
	hz_fit_free(back);
}

static void test_runs_other_percents(void)
{
	char runs[1024], dates[1024];
	const char *inputs[1] = { runs };
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;
	const hz_fit_agent *a;

	snprintf(runs, sizeof(runs), "%s/metr-2025-01/all_runs.jsonl", hz_test_metr_data());
	snprintf(dates, sizeof(dates), "%s/metr-2025-01/release_dates.yaml", hz_test_metr_data());
	o.release_dates = dates;
	o.bootstrap = 20;
	o.jobs = 2;
	o.nsuccess = 3;
	o.success_percents[0] = 50;
	o.success_percents[1] = 62.5;
	o.success_percents[2] = 90;
	o.weighting = HZ_FIT_WEIGHT_EQUAL;
	o.baseline_lengths_only = 1; /* a non-default value must round-trip too */
	HZ_CHECK_EQ_INT(hz_fit_runs(&fit, inputs, 1, &o), 0);
	if (!fit) {
		fprintf(stderr, "  %s\n", hz_error_message());
		return;
	}
	HZ_CHECK(hz_fit_nagents(fit) > 5);
	HZ_CHECK(hz_fit_trend_for(fit, 62.5) != NULL && hz_fit_trend_for(fit, 80) == NULL);
	a = hz_fit_agent_at(fit, 0);
	HZ_CHECK(a->nbins > 0 && hz_fit_agent_horizon(a, 90) != NULL && !hz_fit_agent_horizon(a, 80));
	/* The longest task swept lies in the agent's last bin; the fit's is the longest of all (METR's 23.2 h task). */
	HZ_CHECK(a->nbins > 0 && a->longest_task_minutes >= a->bins[a->nbins - 1].lo &&
		 a->longest_task_minutes < a->bins[a->nbins - 1].hi);
	for (size_t i = 0; i < hz_fit_nagents(fit); i++)
		HZ_CHECK(hz_fit_agent_at(fit, i)->longest_task_minutes <= hz_fit_longest_task(fit));
	CHECK_NUM(hz_fit_longest_task(fit), 1392.665);
	round_trip(fit);
	hz_fit_free(fit);
}

static void test_published(void)
{
	char path[1024];
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *fit = NULL;

	snprintf(path, sizeof(path), "%s/tests/data/fit/published_mini.yaml", hz_test_source_dir());
	HZ_CHECK_EQ_INT(hz_fit_published(&fit, path, &o), 0);
	if (!fit)
		return;
	HZ_CHECK_EQ_STR(hz_fit_origin(fit), path);
	HZ_CHECK(isnan(hz_fit_longest_task(fit))); /* a results file has no task lengths */
	round_trip(fit);
	hz_fit_free(fit);
}

/* A file made by hand reads, and reads back the same after a write. */
static void test_fixture(void)
{
	char path[1024];
	hz_fit *fit = NULL;

	snprintf(path, sizeof(path), "%s/tests/data/fit/format-fixture.json", hz_test_source_dir());
	HZ_CHECK_EQ_INT(hz_fit_read_json(&fit, path), 0);
	if (!fit)
		return;
	HZ_CHECK_EQ_STR(hz_fit_origin(fit), path);
	round_trip(fit);
	hz_fit_free(fit);
}

static void test_errors(void)
{
	static const struct {
		const char *json, *msg;
	} cases[] = {
		{ "{\"agents\": [], \"params\": {\"success_percents\": [50, 120]}}",
		  "t.json: params: 'success_percents' must hold numbers between 0 and 100" },
		{ "{\"agents\": [{\"alias\": \"x\", \"status\": \"great\"}]}",
		  "t.json: agents[0] 'x': 'status' must be ok, no_success, all_success or published" },
		{ "{\"agents\": [{\"alias\": \"x\", \"runs\": 2.5}]}",
		  "t.json: agents[0] 'x': 'runs' must be a non-negative whole number or null" },
		{ "{\"agents\": [], \"source\": \"published\"}",
		  "t.json: published: 'published' must be an object when source is \"published\"" },
		{ "{\"agents\": [], \"params\": {\"weighting\": \"heavy\"}}",
		  "t.json: params: 'weighting' must be invsqrt, equal or none" },
	};
	hz_fit *fit = NULL;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		HZ_CHECK_EQ_INT(hz_fit_from_json(&fit, cases[i].json, strlen(cases[i].json), "t.json"), HZ_EINVALID);
		HZ_CHECK(fit == NULL);
		HZ_CHECK_EQ_STR(hz_error_message(), cases[i].msg);
	}
	/* A minimal file: defaults everywhere, 50% and 80% */
	{
		const char *min = "{\"agents\": [{\"alias\": \"a\"}]}";
		HZ_CHECK_EQ_INT(hz_fit_from_json(&fit, min, strlen(min), "m.json"), 0);
	}
	if (fit) {
		HZ_CHECK_EQ_INT(hz_fit_npercents(fit), 2);
		HZ_CHECK(isnan(hz_fit_agent_horizon(hz_fit_agent_at(fit, 0), 80)->estimate));
		HZ_CHECK(hz_fit_trend_for(fit, 50) == NULL);
		hz_fit_free(fit);
	}
	HZ_CHECK_EQ_INT(hz_fit_read_json(&fit, "/nonexistent/fit.json"), HZ_ENOTFOUND);
	HZ_CHECK(strstr(hz_error_message(), "/nonexistent/fit.json") != NULL);
}

HZ_TEST_MAIN(HZ_TEST(test_runs_other_percents), HZ_TEST(test_published), HZ_TEST(test_fixture),
	     HZ_TEST(test_errors))
