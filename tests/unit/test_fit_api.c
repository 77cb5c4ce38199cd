/*
 * The fitter through its public API on small synthetic logs: de-duplication
 * by run_id and exclusion of error records, agents with no success or no
 * failure reported (never dropped), results independent of the thread count,
 * release dates from the records, the trend.
 */
#include <math.h>
#include <stdint.h>
#include <unistd.h>

#include "fit/fit_table.h"
#include "horizon/error.h"
#include "horizon/fit.h"
#include "hz_test.h"

static char dir[] = "/tmp/hz_fit_api_XXXXXX";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	HZ_CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

#define REC(id, alias, task, fam, min, y, extra)                                                  \
	"{\"run_id\":\"" id "\",\"alias\":\"" alias "\",\"task_id\":\"" task "\",\"task_family\":\"" fam \
	"\",\"human_minutes\":" #min ",\"score_binarized\":" #y extra "}\n"

static void test_dedup_and_errors(void)
{
	char path[256];
	fit_table t = { 0 };

	snprintf(path, sizeof(path), "%s/dedup.jsonl", dir);
	write_file(path, REC("r1", "A", "t1", "f1", 2, 1, "") REC("r2", "A", "t2", "f1", 8, 0, ",\"status\":\"error\"")
		   REC("r3", "A", "t3", "f2", 30, 0, ",\"status\":\"error\"")
		   REC("r2", "A", "t2", "f1", 8, 1, ",\"status\":\"success\"")
		   REC("r1", "A", "t1", "f1", 2, 0, ",\"status\":\"failure\"")
		   REC("r4", "A", "t2", "f1", 8, 0, "")
		   REC("r4", "A", "t2", "f1", 8, 0, ",\"status\":\"error\""));
	t.score_col = "score_binarized";
	HZ_CHECK_EQ_INT(fit_table_load_file(&t, path), 0);
	HZ_CHECK_EQ_INT(fit_table_finish(&t), 0);
	/* kept: r2 (retry, success), r1 (last record: failure), r4 (the error after it is ignored) */
	HZ_CHECK_EQ_INT(t.n, 3);
	HZ_CHECK_EQ_INT(t.n_error, 1);      /* r3: an error never retried */
	HZ_CHECK_EQ_INT(t.n_superseded, 3); /* r2's error, r1's first record, r4's error */
	HZ_CHECK(t.y[0] == 1.0 && t.y[1] == 0.0 && t.y[2] == 0.0);
	HZ_CHECK_EQ_INT(t.missing_weights, 1);
	fit_table_release(&t);
}

/* A synthetic log: three dated agents of growing skill, one that never succeeds, and a human. */
static void write_synthetic(const char *path)
{
	static const char *agents[] = { "old", "mid", "new", "hopeless", "human" };
	static const char *dates[] = { "2022-01-01", "2023-01-01", "2024-01-01", "2023-06-01", NULL };
	static const double h50[] = { 2, 8, 32, 0, 200 };
	FILE *f = fopen(path, "w");
	uint64_t s = 99;
	int id = 0;

	if (!f)
		return;
	for (int a = 0; a < 5; a++)
		for (int task = 0; task < 24; task++)
			for (int rep = 0; rep < 3; rep++) {
				double minutes = pow(2.0, task / 3.0), p, u;
				int y;
				s = s * 6364136223846793005ULL + 1442695040888963407ULL;
				u = (double)(s >> 11) / 9007199254740992.0;
				p = h50[a] > 0 ? 1 / (1 + exp(0.9 * (log2(minutes) - log2(h50[a])))) : 0;
				y = u < p;
				fprintf(f, "{\"run_id\":\"s%d\",\"alias\":\"%s\",\"task_id\":\"fam%d/t%d\",\"task_family\":"
					"\"fam%d\",\"human_minutes\":%.6f,\"score_binarized\":%d,\"status\":\"%s\","
					"\"release_date\":%s%s%s,\"total_tokens\":100,\"dollar_equivalent\":0.5}\n",
					id++, agents[a], task / 2, task, task / 2, minutes, y, y ? "success" : "failure",
					dates[a] ? "\"" : "", dates[a] ? dates[a] : "null", dates[a] ? "\"" : "");
			}
	fclose(f);
}

static void test_fit_and_jobs(void)
{
	char path[256], *j1 = NULL, *j3 = NULL;
	const char *inputs[1] = { path };
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *f1 = NULL, *f3 = NULL;

	snprintf(path, sizeof(path), "%s/synthetic.jsonl", dir);
	write_synthetic(path);
	o.bootstrap = 60;
	o.jobs = 1;
	HZ_CHECK_EQ_INT(hz_fit_runs(&f1, inputs, 1, &o), 0);
	if (!f1) {
		fprintf(stderr, "%s\n", hz_error_message());
		return;
	}
	o.jobs = 3;
	HZ_CHECK_EQ_INT(hz_fit_runs(&f3, inputs, 1, &o), 0);
	HZ_CHECK_EQ_INT(hz_fit_to_json(f1, &j1), 0);
	HZ_CHECK_EQ_INT(hz_fit_to_json(f3, &j3), 0);
	HZ_CHECK(j1 && j3 && !strcmp(j1, j3));
	HZ_CHECK_EQ_INT(hz_fit_nagents(f1), 5);
	HZ_CHECK_EQ_INT(hz_fit_nruns(f1), 5 * 24 * 3);
	for (size_t i = 0; i < hz_fit_nagents(f1); i++) {
		const hz_fit_agent *ag = hz_fit_agent_at(f1, i);
		const hz_fit_horizon *h = &ag->horizons[0];
		HZ_CHECK_EQ_INT(ag->runs, 72);
		HZ_CHECK_NEAR(ag->total_tokens, 7200, 1e-12);
		HZ_CHECK_NEAR(ag->cost_usd, 36, 1e-12);
		if (!strcmp(ag->alias, "hopeless")) {
			HZ_CHECK_EQ_INT(ag->status, HZ_FIT_NO_SUCCESS);
			HZ_CHECK(h->estimate == 0 && ag->note != NULL);
			HZ_CHECK(!ag->in_trend);
			continue;
		}
		HZ_CHECK_EQ_INT(ag->status, HZ_FIT_OK);
		HZ_CHECK(h->ci_low <= h->estimate && h->estimate <= h->ci_high);
		HZ_CHECK(ag->horizons[1].estimate < h->estimate); /* p80 below p50 */
		if (!strcmp(ag->alias, "human"))
			HZ_CHECK(ag->is_human && !ag->release_date && !ag->in_trend);
	}
	/* agents are ordered by release date, the human last */
	HZ_CHECK_EQ_STR(hz_fit_agent_at(f1, 0)->alias, "old");
	HZ_CHECK_EQ_STR(hz_fit_agent_at(f1, 4)->alias, "human");
	{
		const hz_fit_trend *tr = hz_fit_trend_at(f1, 0);
		HZ_CHECK(tr != NULL);
		if (tr) {
			/* true horizons double every 365/2 days (2 -> 8 -> 32 minutes per year) */
			HZ_CHECK_EQ_INT(tr->nagents, 3);
			HZ_CHECK(tr->doubling_days > 120 && tr->doubling_days < 280);
			HZ_CHECK(tr->bootstrap_n > 0 && tr->ci_low < tr->ci_high);
		}
	}
	free(j1);
	free(j3);
	hz_fit_free(f1);
	hz_fit_free(f3);
}

static void test_missing_release_date(void)
{
	char path[256];
	const char *inputs[1] = { path };
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *f = NULL;

	snprintf(path, sizeof(path), "%s/nodate.jsonl", dir);
	write_file(path, REC("a1", "X", "t1", "f1", 2, 1, "") REC("a2", "X", "t2", "f1", 60, 0, ""));
	o.bootstrap = 0;
	HZ_CHECK(hz_fit_runs(&f, inputs, 1, &o) == HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "nodate.jsonl:1: 'release_date'") != NULL);
	o.trend = 0;
	HZ_CHECK_EQ_INT(hz_fit_runs(&f, inputs, 1, &o), 0);
	hz_fit_free(f);
}

static void test_all_success(void)
{
	char path[256];
	const char *inputs[1] = { path };
	hz_fit_opts o = HZ_FIT_OPTS_INIT;
	hz_fit *f = NULL;

	snprintf(path, sizeof(path), "%s/allok.jsonl", dir);
	write_file(path, REC("a1", "X", "t1", "f1", 2, 1, "") REC("a2", "X", "t2", "f1", 60, 1, ""));
	o.bootstrap = 10;
	o.trend = 0;
	HZ_CHECK_EQ_INT(hz_fit_runs(&f, inputs, 1, &o), 0);
	if (f) {
		const hz_fit_agent *ag = hz_fit_agent_at(f, 0);
		HZ_CHECK_EQ_INT(ag->status, HZ_FIT_ALL_SUCCESS);
		HZ_CHECK(isnan(ag->horizons[0].estimate) && ag->note);
	}
	hz_fit_free(f);
}

static void setup(void)
{
	HZ_CHECK(mkdtemp(dir) != NULL);
}

static void cleanup(void)
{
	static const char *names[] = { "dedup.jsonl", "synthetic.jsonl", "nodate.jsonl", "allok.jsonl" };
	char p[256];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

HZ_TEST_MAIN(HZ_TEST(setup), HZ_TEST(test_dedup_and_errors), HZ_TEST(test_fit_and_jobs),
	     HZ_TEST(test_missing_release_date), HZ_TEST(test_all_success), HZ_TEST(cleanup))
