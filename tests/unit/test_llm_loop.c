/*
 * The LLM tool loop end to end through the real libcurl code against the
 * scripted mock servers (tests/mock/llm_mock.py): a fixture task solved
 * through tool calls on both protocols and scored by the task's own tests;
 * runs ended by the token and cost limits; the JSON-in-text fallback.
 */
#include <pthread.h>

#include "hz_test.h"
#include "llm_mock.h"

static mock_server M;

#define OA "openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"
#define AN "anthropic:%s,base_url=http://127.0.0.1:%%d,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"

/* Run model `model` through `proto_fmt` plus extra settings. */
static void run_model(const char *proto_fmt, const char *model, const char *extra, mock_llm_run *run)
{
	llm_run_model(&M, proto_fmt, model, extra, run);
}

static void check_solved(const char *proto_fmt, const char *model, const char *extra)
{
	mock_llm_run run;
	json_t *reqs;

	run_model(proto_fmt, model, extra, &run);
	HZ_CHECK_EQ_INT(run.rc, 0);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_STR(run.out.answer, "fixed: add.sh now adds");
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(run.out.input_tokens, 300);
	HZ_CHECK_EQ_INT(run.out.output_tokens, 60);
	HZ_CHECK(run.out.wait_s < 0.05);
	HZ_CHECK_EQ_INT(mock_problems(&M, model), 0);
	reqs = mock_requests(&M, model);
	HZ_CHECK_EQ_INT(json_array_size(reqs), 3);
	/* One connection for the whole run: the easy handle is reused across turns. */
	HZ_CHECK(json_integer_value(json_object_get(json_array_get(reqs, 0), "port")) ==
		 json_integer_value(json_object_get(json_array_get(reqs, 2), "port")));
	json_decref(reqs);
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "assistant"), 3);
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "tool"), 2);
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "end"), 1);
	hz_agent_outcome_release(&run.out);
}

static void test_solve_openai(void)
{
	check_solved(OA, "fix-add#oa", NULL);
}

static void test_solve_anthropic(void)
{
	json_t *reqs;
	size_t i;
	json_t *e;

	check_solved(AN, "fix-add#an", NULL);
	/* Prompt caching: the system prompt and the last message carry a breakpoint. */
	reqs = mock_requests(&M, "fix-add#an");
	json_array_foreach(reqs, i, e)
		HZ_CHECK_EQ_INT(json_integer_value(json_object_get(e, "cache_breakpoints")), 2);
	json_decref(reqs);
	check_solved(AN, "fix-add#an-nocache", ",prompt_cache=0");
	reqs = mock_requests(&M, "fix-add#an-nocache");
	HZ_CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(reqs, 2), "cache_breakpoints")), 0);
	json_decref(reqs);
}

static void test_json_mode(void)
{
	json_t *reqs;

	check_solved(OA, "fix-add#oa-json", ",tool_mode=json");
	check_solved(AN, "fix-add#an-json", ",tool_mode=json");
	reqs = mock_requests(&M, "fix-add#an-json");
	HZ_CHECK(json_is_false(json_object_get(json_array_get(reqs, 0), "tools")));
	json_decref(reqs);
}

/* reasoning_content goes back only with keep_reasoning=1 (Kimi's thinking models want it; DeepSeek's refuse it). */
static void test_keep_reasoning(void)
{
	json_t *reqs;

	check_solved(OA, "fix-add-reasoning#drop", NULL);
	reqs = mock_requests(&M, "fix-add-reasoning#drop");
	HZ_CHECK(json_is_false(json_object_get(json_array_get(reqs, 2), "reasoning_sent")));
	json_decref(reqs);
	check_solved(OA, "fix-add-reasoning#keep", ",keep_reasoning=1");
	reqs = mock_requests(&M, "fix-add-reasoning#keep");
	HZ_CHECK(json_is_false(json_object_get(json_array_get(reqs, 0), "reasoning_sent")));
	HZ_CHECK(json_is_true(json_object_get(json_array_get(reqs, 2), "reasoning_sent")));
	json_decref(reqs);
}

/* A server that refuses tool definitions: the first 400 switches the run to JSON-in-text. */
static void test_fallback_without_tools(void)
{
	mock_llm_run run;
	json_t *reqs;

	run_model(OA, "no-tools#oa", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK(run.scored_success);
	reqs = mock_requests(&M, "no-tools#oa");
	HZ_CHECK_EQ_INT(json_array_size(reqs), 4);
	HZ_CHECK(json_is_true(json_object_get(json_array_get(reqs, 0), "tools")));
	HZ_CHECK(json_is_false(json_object_get(json_array_get(reqs, 1), "tools")));
	json_decref(reqs);
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "fallback"), 1);
	HZ_CHECK_EQ_INT(mock_problems(&M, "no-tools#oa"), 0);
	hz_agent_outcome_release(&run.out);
}

static void test_token_limit(void)
{
	mock_llm_run run;

	run_model(OA, "token-limit#oa", ",max_total_tokens=100000", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "token_limit");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK_EQ_INT(run.out.turns, 2);
	HZ_CHECK_EQ_INT(run.out.input_tokens + run.out.output_tokens, 122000);
	HZ_CHECK(!run.scored_success);
	hz_agent_outcome_release(&run.out);
	run_model(AN, "token-limit#an", ",max_total_tokens=100000", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "token_limit");
	HZ_CHECK_EQ_INT(run.out.turns, 2);
	hz_agent_outcome_release(&run.out);
}

static void test_cost_limit(void)
{
	mock_llm_run run;

	run_model(AN, "cost-limit#an", ",price_in=2,price_out=10,max_cost_usd=3", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "cost_limit");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK_EQ_INT(run.out.turns, 2);
	HZ_CHECK_NEAR(run.out.cost_usd, 4.0, 1e-9);
	hz_agent_outcome_release(&run.out);
	run_model(OA, "cost-limit#oa", ",price_in=2,max_cost_usd=3", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "cost_limit");
	HZ_CHECK_NEAR(run.out.cost_usd, 4.0, 1e-9);
	hz_agent_outcome_release(&run.out);
}

static void test_turn_limit(void)
{
	mock_llm_run run;

	run_model(OA, "fix-add#turns", ",max_turns=2", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "turn_limit");
	HZ_CHECK_EQ_INT(run.out.turns, 2);
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	hz_agent_outcome_release(&run.out);
}

typedef struct thread_run {
	const char *model;
	mock_llm_run run;
} thread_run;

static void *run_thread(void *arg)
{
	thread_run *t = arg;

	run_model(OA, t->model, ",concurrency=1", &t->run);
	return NULL;
}

/*
 * Two runs at once against one host with concurrency=1: their requests
 * (0.25 s each) take turns, and the time spent queueing is wait time.
 */
static void test_host_concurrency(void)
{
	thread_run a, b;
	pthread_t ta, tb;
	double t0 = hz_clock_now(), wall;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.model = "fix-add-slow#c1";
	b.model = "fix-add-slow#c2";

	HZ_CHECK_EQ_INT(pthread_create(&ta, NULL, run_thread, &a), 0);
	HZ_CHECK_EQ_INT(pthread_create(&tb, NULL, run_thread, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	wall = hz_clock_now() - t0;
	HZ_CHECK_EQ_STR(a.run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_STR(b.run.out.exit_reason, "submitted");
	HZ_CHECK(a.run.scored_success && b.run.scored_success);
	HZ_CHECK(wall >= 6 * 0.25);
	HZ_CHECK(a.run.out.wait_s + b.run.out.wait_s >= 0.5);
	HZ_CHECK(a.run.out.wait_s < a.run.wall_s && b.run.out.wait_s < b.run.wall_s);
	hz_agent_outcome_release(&a.run.out);
	hz_agent_outcome_release(&b.run.out);
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_solve_openai), HZ_TEST(test_solve_anthropic), HZ_TEST(test_json_mode), HZ_TEST(test_keep_reasoning),
		HZ_TEST(test_fallback_without_tools), HZ_TEST(test_token_limit), HZ_TEST(test_cost_limit),
		HZ_TEST(test_turn_limit), HZ_TEST(test_host_concurrency), /* last: it lowers the host's limit */
	};

	if (mock_start(&M) != 0) {
		fprintf(stderr, "cannot start the mock server (python3 tests/mock/llm_mock.py)\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int before = hz_test_failures;
		cases[i].fn();
		printf("%s %s\n", hz_test_failures == before ? "ok" : "FAIL", cases[i].name);
	}
	mock_stop(&M);
	printf("%d checks, %d failed\n", hz_test_checks, hz_test_failures);
	return hz_test_failures ? 1 : 0;
}
