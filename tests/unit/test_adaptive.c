/*
 * The adaptive design: the selection rule is deterministic for a seed, the
 * in-process sim outcomes are the sim agent's, and on a sim agent the
 * adaptive sweep reaches the target interval with fewer runs than a full
 * sweep over the same tasks; the profile-likelihood interval covers the truth.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "horizon/adaptive.h"
#include "horizon/error.h"
#include "horizon/run.h"
#include "hz_test.h"

#define NT 40

static char ids[NT][32], fams[NT][16];
static hz_adaptive_task tasks[NT];

static void make_tasks(void)
{
	for (int i = 0; i < NT; i++) {
		snprintf(ids[i], sizeof(ids[i]), "fam%d/task%d", i % 8, i);
		snprintf(fams[i], sizeof(fams[i]), "fam%d", i % 8);
		tasks[i].id = ids[i];
		tasks[i].family = fams[i];
		tasks[i].minutes = exp2(-2 + 14.0 * i / (NT - 1)); /* 15 s to 16 h */
		tasks[i].max_repeats = 0;
	}
}

typedef struct simctx {
	hz_sim_model m;
	uint64_t seed;
} simctx;

static int sim_outcome(void *ud, size_t task, int repeat, double *score, double *cost)
{
	simctx *c = ud;

	*score = hz_sim_success(&c->m, "sim", c->seed, tasks[task].id, tasks[task].minutes, repeat);
	*cost = 0;
	return 0;
}

static char *run_design(uint64_t seed, hz_adaptive_state *st)
{
	hz_adaptive_opts o = HZ_ADAPTIVE_OPTS_INIT;
	simctx c = { { 30, 0.8, 0 }, seed };
	hz_adaptive *ad = NULL;
	char *json = NULL;

	o.seed = seed;
	o.target_ci = 3;
	o.calibrate = 0; /* the plain intervals: test_calibrated checks the replays */
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
	HZ_CHECK(hz_adaptive_drive(ad, sim_outcome, &c) == 0);
	hz_adaptive_get_state(ad, st);
	HZ_CHECK(hz_adaptive_design_json(ad, &json) == 0);
	hz_adaptive_free(ad);
	return json;
}

static void test_deterministic(void)
{
	hz_adaptive_state a, b, c;
	char *ja, *jb, *jc;

	make_tasks();
	ja = run_design(7, &a);
	jb = run_design(7, &b);
	jc = run_design(8, &c);
	HZ_CHECK(ja && jb && jc);
	HZ_CHECK_EQ_STR(ja, jb);
	HZ_CHECK(strcmp(ja, jc) != 0);
	HZ_CHECK_EQ_INT((int)a.runs, (int)b.runs);
	HZ_CHECK(a.stop != NULL);
	free(ja);
	free(jb);
	free(jc);
}

/* Over 200 simulated sweeps: fewer runs than the full sweep, and ~95% coverage of the truth. */
static void test_fewer_runs_and_coverage(void)
{
	size_t covered = 0, reached = 0, runs = 0, nsweeps = 200;

	make_tasks();
	for (size_t s = 0; s < nsweeps; s++) {
		hz_adaptive_state st;
		char *j = run_design(1000 + s, &st);
		free(j);
		runs += st.runs;
		if (st.stop && !strcmp(st.stop, "target"))
			reached++;
		if (st.p50.low <= 30 && 30 <= st.p50.high)
			covered++;
	}
	fprintf(stderr, "adaptive: mean runs %.1f of %d, reached %zu/%zu, covered %zu/%zu\n",
		(double)runs / (double)nsweeps, NT * 5, reached, nsweeps, covered, nsweeps);
	HZ_CHECK(reached >= nsweeps * 9 / 10);
	HZ_CHECK((double)runs / (double)nsweeps < NT * 5);
	HZ_CHECK(covered >= nsweeps * 88 / 100);
}

/* Budget, run cap and lost runs: each stops or goes on as documented; the JSON says so. */
static void test_stops_and_lost(void)
{
	hz_adaptive_opts o = HZ_ADAPTIVE_OPTS_INIT;
	hz_adaptive *ad = NULL;
	hz_adaptive_state st;
	const hz_adaptive_pick *p;
	size_t n;
	char *json = NULL;

	make_tasks();
	o.target_ci = 1.01; /* never reached */
	o.budget_usd = 10;
	o.initial = 12;
	o.batch = 8;
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
	HZ_CHECK(hz_adaptive_next(ad, &p, &n) == 0 && n == 12);
	{
		const hz_adaptive_pick *q;
		size_t m;
		HZ_CHECK(hz_adaptive_next(ad, &q, &m) == HZ_EUSAGE); /* outcomes first */
	}
	HZ_CHECK(hz_adaptive_record(ad, p[0].task, 1.5, 0) == HZ_EINVALID);
	for (size_t i = 0; i < 11; i++)
		HZ_CHECK(hz_adaptive_record(ad, p[i].task, tasks[p[i].task].minutes < 30, 0.5) == 0);
	HZ_CHECK(hz_adaptive_lost(ad, p[11].task, 0.5) == 0);
	HZ_CHECK(hz_adaptive_lost(ad, p[11].task, 0.5) == HZ_EUSAGE); /* settled already */
	hz_adaptive_get_state(ad, &st);
	HZ_CHECK_EQ_INT((int)st.runs, 12);
	HZ_CHECK_EQ_INT((int)st.lost, 1);
	HZ_CHECK_NEAR(st.cost_usd, 6, 1e-12);
	/* $4 left at $0.50 a run: a batch of 8 */
	HZ_CHECK(hz_adaptive_next(ad, &p, &n) == 0 && n == 8);
	for (size_t i = 0; i < n; i++)
		HZ_CHECK(hz_adaptive_record(ad, p[i].task, 0, 0.5) == 0);
	HZ_CHECK(hz_adaptive_next(ad, &p, &n) == 0 && n == 0);
	hz_adaptive_get_state(ad, &st);
	HZ_CHECK_EQ_STR(st.stop, "budget");
	HZ_CHECK(hz_adaptive_design_json(ad, &json) == 0);
	HZ_CHECK(strstr(json, "\"lost\": true") != NULL);
	HZ_CHECK(strstr(json, "\"stop\": \"budget\"") != NULL);
	free(json);
	hz_adaptive_free(ad);

	o = (hz_adaptive_opts)HZ_ADAPTIVE_OPTS_INIT;
	o.target_ci = 1.01;
	o.max_runs = 30;
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
	{
		simctx c = { { 30, 0.8, 0 }, 3 };
		HZ_CHECK(hz_adaptive_drive(ad, sim_outcome, &c) == 0);
	}
	hz_adaptive_get_state(ad, &st);
	HZ_CHECK_EQ_INT((int)st.runs, 30);
	HZ_CHECK_EQ_STR(st.stop, "max-runs");
	hz_adaptive_free(ad);
	o.target_ci = 0.5;
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == HZ_EUSAGE);
}

/* The same outcomes fed to a new design, the way a resumed sweep replays the log, give the same design. */
static void test_replay_same_design(void)
{
	hz_adaptive_state st;
	hz_adaptive_opts o = HZ_ADAPTIVE_OPTS_INIT;
	hz_adaptive *ad = NULL;
	simctx c = { { 30, 0.8, 0 }, 11 };
	char *whole = run_design(11, &st), *again = NULL;
	size_t stop_after = st.runs / 2, seen = 0;
	const hz_adaptive_pick *p;
	size_t n;

	/* a first process records half the runs and dies; the second replays from the start */
	o.seed = 11;
	o.target_ci = 3;
	o.calibrate = 0;
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
	while (seen < stop_after && hz_adaptive_next(ad, &p, &n) == 0 && n)
		for (size_t i = 0; i < n; i++, seen++) {
			double y, cost;
			sim_outcome(&c, p[i].task, p[i].repeat, &y, &cost);
			HZ_CHECK(hz_adaptive_record(ad, p[i].task, y, cost) == 0);
		}
	hz_adaptive_free(ad);
	HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
	HZ_CHECK(hz_adaptive_drive(ad, sim_outcome, &c) == 0);
	HZ_CHECK(hz_adaptive_design_json(ad, &again) == 0);
	HZ_CHECK(whole && again && !strcmp(whole, again));
	free(whole);
	free(again);
	hz_adaptive_free(ad);
}

/*
 * The simulator: on a sim agent, with each sweep's target the full sweep's
 * own interval ratio, the adaptive sweep reaches it with fewer runs; and a
 * replay of a full-sweep log never asks for a run the log does not have.
 */
static void test_simulator(void)
{
	hz_adaptive_sim_opts so = { HZ_ADAPTIVE_OPTS_INIT, 40, 5, 0 };
	hz_adaptive_sim_row row;
	hz_sim_model m = { 30, 0.8, 0 };
	hz_fit_run runs[NT * 3];
	size_t nr = 0;

	make_tasks();
	so.design.calibrate = 0;
	so.design.target_ci = 3;
	HZ_CHECK(hz_adaptive_sim_agent(&m, "sim", tasks, NT, &so, &row) == 0);
	fprintf(stderr, "sim: full %.0f runs (ratio %.2f), adaptive %.1f (ratio %.2f, reached %.0f%%), covers truth "
		"%.0f%% (full %.0f%%)\n", row.full_runs, row.full_ratio, row.runs_mean, row.ratio_median,
		100 * row.reached, 100 * row.cover_truth, 100 * row.cover_truth_full);
	HZ_CHECK_EQ_INT((int)row.sweeps, 40);
	HZ_CHECK(row.is_sim && row.truth == 30);
	HZ_CHECK(row.full_runs == NT * 5);
	HZ_CHECK(row.reached >= 0.9);
	HZ_CHECK(row.runs_mean < 0.5 * row.full_runs);
	HZ_CHECK(row.ratio_median <= 3);
	HZ_CHECK(row.cover_truth >= 0.75 && row.cover_truth <= 1);
	free(row.agent);

	for (size_t t = 0; t < NT; t++)
		for (int r = 1; r <= 3; r++)
			runs[nr++] = (hz_fit_run){ tasks[t].id, tasks[t].family, tasks[t].minutes,
						   hz_sim_success(&m, "sim", 5, tasks[t].id, tasks[t].minutes, r) };
	so.match_full = 0;
	so.design.target_ci = 4;
	so.sweeps = 20;
	HZ_CHECK(hz_adaptive_sim_replay("sim", runs, nr, &so, &row) == 0);
	HZ_CHECK(!row.is_sim && isnan(row.truth) && isnan(row.cover_truth));
	HZ_CHECK(row.full_runs == NT * 3 && row.ntasks == NT);
	HZ_CHECK(row.runs_mean <= row.full_runs);
	HZ_CHECK(row.cover_full >= 0.8);
	free(row.agent);
	HZ_CHECK(hz_adaptive_sim_replay("one", runs, 3, &so, &row) == HZ_EUSAGE); /* a single task */
	free(row.agent);
}

/* Once stopped, the reported intervals sit at the replays' level: never narrower than the plain ones; deterministic. */
static void test_calibrated(void)
{
	hz_adaptive_opts o = HZ_ADAPTIVE_OPTS_INIT;
	simctx c = { { 30, 0.8, 0 }, 21 };
	hz_adaptive_state a, b;
	hz_adaptive *ad = NULL;

	make_tasks();
	o.seed = 21;
	o.target_ci = 3;
	o.calibrate = 20;
	for (int k = 0; k < 2; k++) {
		hz_adaptive_state *st = k ? &b : &a;
		HZ_CHECK(hz_adaptive_new(&ad, tasks, NT, &o) == 0);
		HZ_CHECK(hz_adaptive_drive(ad, sim_outcome, &c) == 0);
		hz_adaptive_get_state(ad, st);
		hz_adaptive_free(ad);
	}
	HZ_CHECK_EQ_STR(a.stop, "target");
	HZ_CHECK_EQ_INT((int)a.calibrated, 20);
	HZ_CHECK(a.crit50 >= 3.841 && a.crit80 >= 3.841);
	HZ_CHECK(a.p50.low <= a.p50_lr.low && a.p50.high >= a.p50_lr.high);
	HZ_CHECK(a.p50_lr.high / a.p50_lr.low <= 3); /* the stop looked at the plain one */
	HZ_CHECK_NEAR(a.p50.estimate, a.p50_lr.estimate, 1e-9);
	HZ_CHECK(a.crit50 == b.crit50 && a.p50.low == b.p50.low && a.p80.high == b.p80.high);
}

static void test_sim_model(void)
{
	hz_agent_config cfg;
	hz_sim_model m;

	memset(&cfg, 0, sizeof(cfg));
	HZ_CHECK(hz_agent_config_parse(&cfg, "sim,h50=8,slope=0.5") == 0);
	HZ_CHECK(hz_sim_model_from_config(&m, &cfg) == 0);
	HZ_CHECK_NEAR(hz_sim_probability(&m, 8), 0.5, 1e-12);
	HZ_CHECK_NEAR(hz_sim_probability(&m, 32), 1 / (1 + exp(1.0)), 1e-12);
	hz_agent_config_release(&cfg);
}

HZ_TEST_MAIN(HZ_TEST(test_deterministic), HZ_TEST(test_fewer_runs_and_coverage), HZ_TEST(test_stops_and_lost),
	     HZ_TEST(test_replay_same_design), HZ_TEST(test_simulator), HZ_TEST(test_calibrated), HZ_TEST(test_sim_model))
