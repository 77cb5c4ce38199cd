/*
 * Streaming (server-sent events) through the real libcurl code against the
 * mock on both protocols: a streamed run solves fix-add with its usage
 * recorded; a stream that stalls mid-way, a connection dropped mid-event, a
 * malformed event and an error event are retried; an error event saying
 * the prompt is too long ends the run as context_limit; stream=0 asks for
 * no stream.  The SSE parser is also fed byte by byte.
 */
#include "hz_test.h"
#include "llm/llm_wire.h"
#include "llm_mock.h"

static mock_server M;

#define OA "openai:%s,base_url=http://127.0.0.1:%%d/v1,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50,stall_timeout_s=1"
#define AN "anthropic:%s,base_url=http://127.0.0.1:%%d,api_key_env=HZ_TEST_LLM_KEY,retry_base_ms=50,stall_timeout_s=1"

static void run_model(const char *proto_fmt, const char *model, const char *extra, mock_llm_run *run)
{
	llm_run_model(&M, proto_fmt, model, extra, run);
}

/* Requests logged for a model, and how many of them asked for a stream (with usage). */
static size_t nrequests(const char *model, size_t *streamed, size_t *with_usage)
{
	json_t *r = mock_requests(&M, model), *e;
	size_t n = json_array_size(r), i;

	*streamed = *with_usage = 0;
	json_array_foreach(r, i, e) {
		*streamed += json_is_true(json_object_get(e, "stream"));
		*with_usage += json_is_true(json_object_get(e, "include_usage"));
	}
	json_decref(r);
	return n;
}

static void check_solved(const char *proto, const char *model, size_t requests, int openai)
{
	mock_llm_run run;
	size_t streamed, usage;

	run_model(proto, model, NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(run.out.turns, 3);
	HZ_CHECK_EQ_INT(run.out.input_tokens, 300); /* usage from the stream's last chunk / message_delta */
	HZ_CHECK_EQ_INT(run.out.output_tokens, 60);
	HZ_CHECK_EQ_INT(mock_problems(&M, model), 0);
	HZ_CHECK_EQ_INT(nrequests(model, &streamed, &usage), requests);
	HZ_CHECK_EQ_INT(streamed, requests);
	if (openai)
		HZ_CHECK_EQ_INT(usage, requests);
	hz_agent_outcome_release(&run.out);
}

static void test_streamed_runs(void)
{
	check_solved(OA, "fix-add#soa", 3, 1);
	check_solved(AN, "fix-add#san", 3, 0);
}

static void test_stream_faults(void)
{
	check_solved(OA, "stream-stall#oa", 4, 1);
	check_solved(AN, "stream-stall#an", 4, 0);
	check_solved(OA, "stream-drop#oa", 4, 1);
	check_solved(AN, "stream-drop#an", 4, 0);
	check_solved(OA, "stream-bad#oa", 4, 1);
	check_solved(AN, "stream-bad#an", 4, 0);
	check_solved(AN, "stream-overloaded#an", 4, 0);
}

static void test_stream_context_error(void)
{
	mock_llm_run run;
	size_t streamed, usage;

	run_model(AN, "stream-ctx#an", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "context_limit");
	HZ_CHECK_EQ_INT(run.out.infra_error, 0);
	HZ_CHECK_EQ_INT(nrequests("stream-ctx#an", &streamed, &usage), 1);
	hz_agent_outcome_release(&run.out);
}

static void test_stream_off(void)
{
	mock_llm_run run;
	size_t streamed, usage;

	run_model(OA, "fix-add#nostream", ",stream=0", &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK_EQ_INT(nrequests("fix-add#nostream", &streamed, &usage), 3);
	HZ_CHECK_EQ_INT(streamed, 0);
	hz_agent_outcome_release(&run.out);
}

/* NUL escapes, lone surrogates and invalid UTF-8 inside streamed deltas; calls without ids. */
static void test_stream_weird_text(void)
{
	mock_llm_run run;

	run_model(OA, "weird-text#soa", NULL, &run);
	HZ_CHECK_EQ_STR(run.out.exit_reason, "submitted");
	HZ_CHECK(run.scored_success);
	HZ_CHECK_EQ_INT(mock_problems(&M, "weird-text#soa"), 0);
	hz_agent_outcome_release(&run.out);
}

/* The parser on its own: pieces of any size, CRLF, comments, multi-line data, limits. */
static void test_sse_parser(void)
{
	const char stream[] = ": hello\r\nevent: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
			      "{\"input_tokens\":5}}}\r\n\r\nevent: content_block_start\ndata: {\"type\":\"content_block_start\","
			      "\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\ndata: {\"type\":\"content_block_delta\","
			      "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi \\u0000\"}}\n\ndata: {\"type\":\n"
			      "data: \"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\n"
			      "data: {\"type\":\"message_stop\"}\n\n";
	llm_sse sse;
	hz_buf body = HZ_BUF_INIT;
	llm_reply r;
	llm_conv conv;

	memset(&sse, 0, sizeof(sse));
	memset(&conv, 0, sizeof(conv));
	for (size_t step = 1; step <= 7; step += 3) {
		HZ_CHECK_EQ_INT(llm_sse_begin(&sse, &llm_stream_anthropic, 1 << 20), 0);
		for (size_t i = 0; i < sizeof(stream) - 1; i += step)
			HZ_CHECK_EQ_INT(llm_sse_feed(&sse, stream + i, i + step < sizeof(stream) - 1 ? step : sizeof(stream) - 1 - i), 0);
		hz_buf_init(&body, 1 << 20);
		HZ_CHECK_EQ_INT(llm_sse_end(&sse, &body), 0);
		HZ_CHECK_EQ_INT(llm_wire_anthropic.parse(&conv, body.ptr, body.len, &r), 0);
		HZ_CHECK_EQ_STR(r.text, "hi \xef\xbf\xbd");
		HZ_CHECK_EQ_STR(r.stop, "end_turn");
		HZ_CHECK_EQ_INT(r.input_tokens, 5);
		HZ_CHECK_EQ_INT(r.output_tokens, 2);
		llm_reply_release(&r);
		hz_buf_release(&body);
	}
	/* A stream cut before message_stop is incomplete; an oversized line is refused. */
	HZ_CHECK_EQ_INT(llm_sse_begin(&sse, &llm_stream_anthropic, 64), 0);
	HZ_CHECK(llm_sse_feed(&sse, stream, 100) != 0);
	HZ_CHECK(strstr(sse.problem, "larger than") != NULL);
	HZ_CHECK_EQ_INT(llm_sse_begin(&sse, &llm_stream_openai, 1 << 20), 0);
	HZ_CHECK_EQ_INT(llm_sse_feed(&sse, "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n", 47), 0);
	hz_buf_init(&body, 1 << 20);
	HZ_CHECK_EQ_INT(llm_sse_end(&sse, &body), HZ_EINVALID);
	hz_buf_release(&body);
	llm_sse_release(&sse);
}

int main(void)
{
	static const hz_test_case cases[] = {
		HZ_TEST(test_sse_parser),          HZ_TEST(test_streamed_runs), HZ_TEST(test_stream_faults),
		HZ_TEST(test_stream_context_error), HZ_TEST(test_stream_off),   HZ_TEST(test_stream_weird_text),
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
