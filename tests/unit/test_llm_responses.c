/*
 * The Responses API backend (openai with api=responses, or the
 * openai-responses preset) through the real libcurl code against the mock:
 * fix-add solved streamed and not, with usage counted; reasoning items sent
 * back encrypted, ids never (store=false); JSON-in-text fallback; calls
 * without call_id; stream faults retried; a small context window managed.
 */
#include "hz_test.h"
#include "llm/llm_settings.h"
#include "llm_mock.h"

static mock_server M;

#define RS "openai:%s,api=responses,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50," \
	   "stall_timeout_s=1"

static void run_model(const char *model, const char *extra, mock_llm_run *run)
{
	llm_run_model(&M, RS, model, extra, run);
}

static json_t *reqs_of(const char *model)
{
	return mock_requests(&M, model);
}

static void check_solved(const char *model, const char *extra, size_t requests, int streamed)
{
	mock_llm_run run;
	json_t *reqs, *e;
	size_t i, nstream = 0;

	run_model(model, extra, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(run.out.input_tokens, 300);
	HZ_CHECK_EQ_INT(run.out.output_tokens, 60);
	HZ_CHECK_EQ_INT(mock_problems(&M, model), 0);
	reqs = reqs_of(model);
	HZ_CHECK_EQ_INT(json_array_size(reqs), requests);
	json_array_foreach(reqs, i, e) {
		HZ_CHECK_EQ_STR(json_string_value(json_object_get(e, "protocol")), "responses");
		nstream += json_is_true(json_object_get(e, "stream"));
	}
	HZ_CHECK_EQ_INT(nstream, streamed ? requests : 0);
	json_decref(reqs);
	hz_agent_outcome_release(&run.out);
}

static void test_solve(void)
{
	check_solved("fix-add#rs", NULL, 3, 1);
	check_solved("fix-add#rs0", ",stream=0", 3, 0);
	check_solved("weird-text#rs", NULL, 3, 1); /* NUL, surrogates, bad UTF-8; calls without call_id */
	check_solved("weird-text#rs0", ",stream=0", 3, 0);
}

static void test_reasoning_sent_back(void)
{
	json_t *reqs;

	check_solved("fix-add-reasoning#rs", ",reasoning_effort=low", 3, 1);
	reqs = reqs_of("fix-add-reasoning#rs");
	HZ_CHECK(json_is_false(json_object_get(json_array_get(reqs, 0), "reasoning_sent")));
	HZ_CHECK(json_is_true(json_object_get(json_array_get(reqs, 2), "reasoning_sent")));
	json_decref(reqs);
}

static void test_json_fallback(void)
{
	mock_llm_run run;

	run_model("no-tools#rs", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "fallback"), 1);
	HZ_CHECK_EQ_INT(mock_problems(&M, "no-tools#rs"), 0);
	hz_agent_outcome_release(&run.out);
}

static void test_faults(void)
{
	check_solved("stream-stall#rs", NULL, 4, 1);
	check_solved("stream-drop#rs", NULL, 4, 1);
	check_solved("stream-bad#rs", NULL, 4, 1);
	check_solved("stream-overloaded#rs", NULL, 4, 1);
	check_solved("burst#rs", NULL, 9, 1);
}

static void test_context(void)
{
	mock_llm_run run;

	run_model("long-task#rs", ",context_window=12000", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.turns, 15);
	HZ_CHECK(transcript_count(run.transcript, "context") >= 1);
	HZ_CHECK_EQ_INT(mock_problems(&M, "long-task#rs"), 0);
	hz_agent_outcome_release(&run.out);
	run_model("long-task#rsoff", ",context_window=0", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "context_limit");
	hz_agent_outcome_release(&run.out);
}

/* The preset spells the same thing. */
static void test_preset(void)
{
	hz_agent *a = NULL;

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai-responses:gpt-5"), 0);
	HZ_CHECK_EQ_STR(hz_agent_backend(a), "openai");
	HZ_CHECK_EQ_INT(((llm_settings *)a->state)->responses_api, 1);
	HZ_CHECK_EQ_INT(((llm_settings *)a->state)->context_window, 400000);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:gpt-5,api=assistants"), HZ_EINVALID);
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_solve),  HZ_TEST(test_reasoning_sent_back), HZ_TEST(test_json_fallback),
		HZ_TEST(test_faults), HZ_TEST(test_context),             HZ_TEST(test_preset),
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
