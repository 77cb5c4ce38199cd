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

HZ_TEST_MAIN(HZ_TEST(test_deterministic), HZ_TEST(test_fewer_runs_and_coverage), HZ_TEST(test_sim_model))
