/*
 * Context management against a mock model whose context is small (12000
 * tokens, len/4 per request): a 15-turn task whose commands print 6 KB each
 * overflows it without management (context_limit, a failure of the model)
 * and fits with context_window set, by eliding old tool outputs, on both
 * protocols and in JSON-in-text mode; context_window=auto asks the server.
 * The shortening itself: the task and the recent turns stay, a tool call
 * never loses its result.
 */
#include "hz_test.h"
#include "llm/llm_wire.h"
#include "llm_mock.h"

static mock_server M;

#define OA "openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"
#define AN "anthropic:%s,base_url=http://127.0.0.1:%%d,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50"

static void run_model(const char *proto_fmt, const char *model, const char *extra, mock_llm_run *run)
{
	llm_run_model(&M, proto_fmt, model, extra, run);
}

/* Requests for a model, refused ones, and the largest number of elided outputs in one. */
static size_t requests(const char *model, size_t *refused, long *elided)
{
	json_t *r = mock_requests(&M, model), *e;
	size_t n = json_array_size(r), i;

	*refused = 0;
	*elided = 0;
	json_array_foreach(r, i, e) {
		const char *f = json_string_value(json_object_get(e, "fault"));
		*refused += f && !strcmp(f, "context_limit");
		if (json_integer_value(json_object_get(e, "elided")) > *elided)
			*elided = (long)json_integer_value(json_object_get(e, "elided"));
	}
	json_decref(r);
	return n;
}

static void test_defaults(void)
{
	const char props[] = "{\"default_generation_settings\":{\"n_ctx\":8192},\"total_slots\":1}";
	const char models[] = "{\"data\":[{\"id\":\"q\",\"max_model_len\":32768}]}";
	hz_agent *a = NULL;

	HZ_CHECK_EQ_INT(llm_context_default("openai", "gpt-4o-mini"), 128000);
	HZ_CHECK_EQ_INT(llm_context_default("openai", "gpt-4.1-mini"), 1047576);
	HZ_CHECK_EQ_INT(llm_context_default("openrouter", "anthropic/claude-sonnet-4.5"), 200000);
	HZ_CHECK_EQ_INT(llm_context_default("deepseek", "deepseek-chat"), 131072);
	HZ_CHECK_EQ_INT(llm_context_default("openai", "my-finetune"), 0);
	HZ_CHECK_EQ_INT(llm_context_from_server(props, sizeof(props) - 1), 8192);
	HZ_CHECK_EQ_INT(llm_context_from_server(models, sizeof(models) - 1), 32768);
	HZ_CHECK_EQ_INT(llm_context_from_server("{}", 2), 0);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "anthropic:claude-sonnet-4-5"), 0);
	HZ_CHECK_EQ_INT(((llm_settings *)a->state)->context_window, 200000);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "llamacpp:qwen3"), 0);
	HZ_CHECK_EQ_INT(((llm_settings *)a->state)->context_probe, 1);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:gpt-4o,context_window=lots"), HZ_EINVALID);
}

/* An openai-format history: task, then 6 turns of (assistant call, tool result). */
static void test_shorten(void)
{
	llm_conv conv;
	llm_shortening sh;
	char big[2001];

	memset(&conv, 0, sizeof(conv));
	memset(big, 'x', 2000);
	big[2000] = '\0';
	conv.messages = json_array();
	json_array_append_new(conv.messages, json_pack("{s:s, s:s}", "role", "user", "content", big));
	for (int t = 0; t < 6; t++) {
		char id[16];
		json_t *m;
		snprintf(id, sizeof(id), "c%d", t);
		m = json_pack("{s:s, s:n, s:[{s:s, s:s, s:{s:s, s:s}}]}", "role", "assistant", "content", "tool_calls",
			      "id", id, "type", "function", "function", "name", "bash", "arguments", "{}");
		HZ_CHECK_EQ_INT(llm_conv_add_reply(&conv, m), 0);
		json_decref(m);
		json_array_append_new(conv.messages, json_pack("{s:s, s:s, s:s}", "role", "tool", "tool_call_id", id,
							       "content", big));
	}
	/* Enough for three outputs: the three oldest go, the task and the last 2 turns stay. */
	HZ_CHECK_EQ_INT(llm_context_shorten(&conv, 5000, 5000, 2, &sh), 0);
	HZ_CHECK_EQ_INT(sh.outputs, 3);
	HZ_CHECK_EQ_INT(sh.turns_dropped, 0);
	HZ_CHECK(sh.enough);
	HZ_CHECK_EQ_INT(json_array_size(sh.elided), 3);
	json_decref(sh.elided);
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(conv.messages, 0), "content")), big);
	HZ_CHECK(!strncmp(json_string_value(json_object_get(json_array_get(conv.messages, 2), "content")),
			  "[elided to fit the context window", 33));
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(conv.messages, 12), "content")), big);
	/* More than all old outputs: whole old turns go, a call always with its result. */
	HZ_CHECK_EQ_INT(llm_context_shorten(&conv, 100000, 100000, 2, &sh), 0);
	json_decref(sh.elided);
	HZ_CHECK(!sh.enough);
	HZ_CHECK_EQ_INT(sh.turns_dropped, 4);
	HZ_CHECK_EQ_INT(json_array_size(conv.messages), 5);
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(conv.messages, 1), "role")), "assistant");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(conv.messages, 2), "tool_call_id")), "c4");
	HZ_CHECK_EQ_INT(conv.nturns, 2);
	HZ_CHECK_EQ_INT(conv.turns[0], 1);
	llm_conv_release(&conv);
}

static void check_fits(const char *proto, const char *model, const char *extra)
{
	mock_llm_run run;
	size_t refused;
	long elided;

	run_model(proto, model, extra, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.turns, 15);
	HZ_CHECK_EQ_INT(requests(model, &refused, &elided), 15);
	HZ_CHECK_EQ_INT(refused, 0);
	HZ_CHECK(elided >= 3);
	HZ_CHECK(transcript_count(run.transcript, "context") >= 1);
	HZ_CHECK_EQ_INT(mock_problems(&M, model), 0);
	hz_agent_outcome_release(&run.out);
}

static void test_long_task_fits(void)
{
	check_fits(OA, "long-task#oa", ",context_window=12000");
	check_fits(AN, "long-task#an", ",context_window=12000");
	check_fits(OA, "long-task#json", ",context_window=12000,tool_mode=json");
	check_fits(OA, "long-task#auto", ",context_window=auto");
}

/* Without a budget the same task hits the model's limit: context_limit, the model's failure, not an error. */
static void test_long_task_overflows(void)
{
	mock_llm_run run;
	size_t refused;
	long elided;

	run_model(OA, "long-task#off", ",context_window=0", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "context_limit");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK(run.out.turns > 3 && run.out.turns < 14);
	requests("long-task#off", &refused, &elided);
	HZ_CHECK_EQ_INT(refused, 1);
	HZ_CHECK_EQ_INT(elided, 0);
	hz_agent_outcome_release(&run.out);
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_defaults), HZ_TEST(test_shorten), HZ_TEST(test_long_task_fits),
		HZ_TEST(test_long_task_overflows),
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
