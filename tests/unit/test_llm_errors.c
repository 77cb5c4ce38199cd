/*
 * Provider faults classified by their real wording, through the real
 * libcurl code against the mock: context overflow (whatever the status) ends
 * the run as context_limit, an exhausted quota as quota_error without
 * retries, a 400 not about tools keeps native tool calls; replies with
 * \u0000, lone surrogates and invalid UTF-8 are read (U+FFFD), and ids made
 * up for tool calls without one are unique in the conversation.
 */
#include "hz_test.h"
#include "llm/llm_wire.h"
#include "llm_mock.h"

static mock_server M;

#define OA "openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"
#define AN "anthropic:%s,base_url=http://127.0.0.1:%%d,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"

static void run_model(const char *proto_fmt, const char *model, mock_llm_run *run)
{
	llm_run_model(&M, proto_fmt, model, NULL, run);
}

static size_t nrequests(const char *model)
{
	json_t *r = mock_requests(&M, model);
	size_t n = json_array_size(r);

	json_decref(r);
	return n;
}

static void test_classify(void)
{
	static const struct {
		long status;
		const char *body;
		llm_error_class want;
	} cases[] = {
		{ 400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. However, your "
		       "messages resulted in 130001 tokens.\",\"code\":\"context_length_exceeded\"}}", LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"message\":\"Your input exceeds the context window of this model.\"}}", LLM_ERR_CONTEXT },
		{ 400, "{\"type\":\"error\",\"error\":{\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}",
		  LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"message\":\"input length and `max_tokens` exceed context limit: 197202 + 21333 > 200000\"}}",
		  LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"message\":\"Range of input length should be [1, 30720]\"}}", LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"message\":\"Invalid request: Your request exceeded model token limit: 262144\"}}",
		  LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"code\":\"1261\",\"message\":\"Prompt \\u8d85\\u957f\"}}", LLM_ERR_CONTEXT },
		{ 400, "{\"message\":\"The decoder prompt (length 9000) is longer than the maximum model length of 8192.\"}",
		  LLM_ERR_CONTEXT },
		{ 500, "{\"error\":{\"code\":500,\"message\":\"Context size has been exceeded.\"}}", LLM_ERR_CONTEXT },
		{ 400, "{\"error\":{\"message\":\"the request exceeds the available context size, try increasing it\"}}",
		  LLM_ERR_CONTEXT },
		{ 500, "{\"error\":\"the input length exceeds the context length\"}", LLM_ERR_CONTEXT },
		{ 400, "not json: prompt too long; exceeded max context length by 10 tokens", LLM_ERR_CONTEXT },
		{ 429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}",
		  LLM_ERR_QUOTA },
		{ 400, "{\"error\":{\"message\":\"Your credit balance is too low to access the Anthropic API.\"}}",
		  LLM_ERR_QUOTA },
		{ 402, "{\"error\":{\"message\":\"Insufficient Balance\"}}", LLM_ERR_QUOTA },
		{ 402, "", LLM_ERR_QUOTA },
		{ 429, "{\"error\":{\"code\":\"1113\",\"message\":\"\\u4f59\\u989d\\u4e0d\\u8db3\"}}", LLM_ERR_QUOTA },
		{ 400, "{\"error\":{\"code\":\"Arrearage\",\"message\":\"Access denied\"}}", LLM_ERR_QUOTA },
		{ 429, "{\"error\":{\"message\":\"Rate limit reached for requests\",\"code\":\"rate_limit_exceeded\"}}",
		  LLM_ERR_OTHER },
		{ 400, "{\"error\":\"registry.ollama.ai/library/gemma:2b does not support tools\"}", LLM_ERR_TOOLS },
		{ 400, "{\"error\":{\"message\":\"tools param requires --jinja flag\"}}", LLM_ERR_TOOLS },
		{ 400, "{\"error\":{\"message\":\"This model only support stream mode\"}}", LLM_ERR_OTHER },
		{ 500, "{\"error\":{\"message\":\"internal error\"}}", LLM_ERR_OTHER },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		llm_error_class c = llm_classify_error(cases[i].status, cases[i].body, strlen(cases[i].body));
		if (c != cases[i].want)
			fprintf(stderr, "case %zu: %s -> %d\n", i, cases[i].body, (int)c);
		HZ_CHECK_EQ_INT(c, cases[i].want);
	}
}

static void test_decode(void)
{
	/* \u0000, a lone high and a lone low surrogate, a raw invalid byte: all read, as U+FFFD. */
	const char body[] = "{\"a\":\"x\\u0000y\",\"b\":\"\\ud83d!\",\"c\":\"\\udc00\",\"d\":\"\xff\",\"e\":\"\\ud83d\\ude00\"}";
	json_t *v = llm_json_load(body, sizeof(body) - 1);
	char *t;

	HZ_CHECK(v != NULL);
	t = llm_json_text(json_object_get(v, "a"));
	HZ_CHECK_EQ_STR(t, "x\xef\xbf\xbdy");
	free(t);
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(v, "b")), "\xef\xbf\xbd!");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(v, "c")), "\xef\xbf\xbd");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(v, "d")), "\xef\xbf\xbd");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(v, "e")), "\xf0\x9f\x98\x80"); /* a valid pair stays */
	json_decref(v);
	HZ_CHECK(llm_json_load("{\"a\":", 5) == NULL);
	HZ_CHECK(llm_json_load("<html>", 6) == NULL);
}

/* Replies with NUL escapes, lone surrogates and invalid UTF-8, tool calls without ids. */
static void test_weird_replies(void)
{
	mock_llm_run run;
	char *text = NULL;

	run_model(OA, "weird-text#oa", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(nrequests("weird-text#oa"), 3); /* nothing retried */
	HZ_CHECK_EQ_INT(mock_problems(&M, "weird-text#oa"), 0); /* ids unique across the conversation */
	HZ_CHECK_EQ_INT(hz_fs_read(run.transcript, (size_t)16 << 20, &text, NULL), 0);
	HZ_CHECK(text && strstr(text, "Look\xef\xbf\xbd here\xef\xbf\xbd and\xef\xbf\xbd\xef\xbf\xbd"));
	HZ_CHECK(text && strstr(text, "\"id\":\"call_hz1\"") && strstr(text, "\"id\":\"call_hz2\""));
	free(text);
	hz_agent_outcome_release(&run.out);
}

static void check_end(const char *proto, const char *model, const char *reason, int infra)
{
	mock_llm_run run;

	run_model(proto, model, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, reason);
	HZ_CHECK_EQ_INT(run.out.infra_error, infra);
	HZ_CHECK_EQ_INT(nrequests(model), 1); /* never retried */
	HZ_CHECK_EQ_INT(transcript_count(run.transcript, "fallback"), 0);
	hz_agent_outcome_release(&run.out);
}

static void test_context_overflow(void)
{
	check_end(OA, "ctx-llamacpp#oa", "context_limit", 0);
	check_end(OA, "ctx-llamacpp-new#oa", "context_limit", 0);
	check_end(OA, "ctx-dashscope#oa", "context_limit", 0);
	check_end(AN, "ctx-anthropic#an", "context_limit", 0);
}

static void test_quota(void)
{
	check_end(OA, "quota-openai#oa", "quota_error", 1);
	check_end(OA, "quota-deepseek#oa", "quota_error", 1);
}

/* A first-request 400 that is not about tools is an api_error, not a switch to JSON-in-text. */
static void test_400_not_tools(void)
{
	check_end(OA, "stream-only#oa", "api_error", 1);
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_classify), HZ_TEST(test_decode), HZ_TEST(test_weird_replies),
		HZ_TEST(test_context_overflow), HZ_TEST(test_quota), HZ_TEST(test_400_not_tools),
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
