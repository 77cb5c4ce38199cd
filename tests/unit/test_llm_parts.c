/*
 * Unit tests of the LLM backends' parts that need no server: presets and
 * spec resolution, settings validation, back-off, Retry-After, the per-host
 * concurrency limit, JSON-in-text actions, output clipping, both wire
 * formats' reply parsing, and key redaction.
 */
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "horizon/llm.h"
#include "hz_test.h"
#include "fsutil.h"
#include "llm/llm_loop.h"
#include "strutil.h"

static void test_presets(void)
{
	hz_agent *a = NULL;
	const hz_agent_config *c;
	const hz_llm_preset *p;
	size_t n;

	p = hz_llm_presets(&n);
	HZ_CHECK(n >= 12);
	for (size_t i = 0; i < n; i++)
		HZ_CHECK(!strcmp(p[i].backend, "openai") || !strcmp(p[i].backend, "anthropic"));
	HZ_CHECK_EQ_STR(hz_llm_preset_backend("qwen-cn"), "openai");
	HZ_CHECK(hz_llm_preset_find("nonesuch") == NULL);

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "deepseek:deepseek-chat,temperature=0"), 0);
	HZ_CHECK_EQ_STR(hz_agent_backend(a), "openai");
	c = hz_agent_get_config(a);
	HZ_CHECK_EQ_STR(c->base_url, "https://api.deepseek.com/v1");
	HZ_CHECK_EQ_STR(c->api_key_env, "DEEPSEEK_API_KEY");
	HZ_CHECK_EQ_STR(c->model, "deepseek-chat");
	hz_agent_free(a);

	/* The openai preset brings its own default params. */
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:gpt-4o"), 0);
	HZ_CHECK_EQ_STR(hz_agent_config_param(hz_agent_get_config(a), "max_tokens_field"), "max_completion_tokens");
	HZ_CHECK_EQ_STR(hz_agent_get_config(a)->api_key_env, "OPENAI_API_KEY");
	hz_agent_free(a);

	/* A custom URL never inherits the preset's key variable. */
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,base_url=http://10.0.0.1:8000/v1"), 0);
	HZ_CHECK(hz_agent_get_config(a)->api_key_env == NULL);
	HZ_CHECK(hz_agent_config_param(hz_agent_get_config(a), "max_tokens_field") == NULL);
	hz_agent_free(a);

	/* preset= with the protocol's backend, and keyless local servers. */
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:qwen-max,preset=qwen"), 0);
	HZ_CHECK_EQ_STR(hz_agent_get_config(a)->base_url, "https://dashscope-intl.aliyuncs.com/compatible-mode/v1");
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "ollama:qwen3:8b"), 0);
	HZ_CHECK_EQ_STR(hz_agent_get_config(a)->model, "qwen3:8b");
	HZ_CHECK(hz_agent_get_config(a)->api_key_env == NULL);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "anthropic:claude-sonnet-4-5,preset=deepseek"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "openai protocol") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,preset=nonesuch"), HZ_EINVALID);
}

static void test_settings_errors(void)
{
	hz_agent *a = NULL;

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "needs a model") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,temprature=0"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "unknown setting 'temprature'") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "anthropic:m,max_turns=-1"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "'max_turns' must be") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,tool_mode=xml"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,base_url=ftp://x"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,base_url=http://user:pw@host/v1"), HZ_EINVALID);
	HZ_CHECK(a == NULL);
}

static void test_backoff_and_retry_after(void)
{
	llm_settings s;
	unsigned long long rng = 7;

	memset(&s, 0, sizeof(s));
	s.retry_base_s = 0.1;
	s.retry_max_s = 1.0;
	for (int i = 0; i < 50; i++) {
		double d1 = llm_backoff(&s, 1, &rng), d3 = llm_backoff(&s, 3, &rng), d9 = llm_backoff(&s, 9, &rng);
		HZ_CHECK(d1 >= 0.05 && d1 <= 0.1);
		HZ_CHECK(d3 >= 0.2 && d3 <= 0.4);
		HZ_CHECK(d9 >= 0.5 && d9 <= 1.0);
	}
	HZ_CHECK_NEAR(llm_parse_retry_after("7"), 7, 1e-12);
	HZ_CHECK_NEAR(llm_parse_retry_after("0.5"), 0.5, 1e-12);
	HZ_CHECK(llm_parse_retry_after("soon") < 0);
	HZ_CHECK(llm_parse_retry_after("-3") < 0);
	HZ_CHECK_EQ_INT((long)llm_parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), 0); /* in the past */
}

static void test_host_limit(void)
{
	llm_host *h = llm_host_get("limit.test:443", 8);

	HZ_CHECK(h == llm_host_get("limit.test:443", 8));
	HZ_CHECK_NEAR(llm_host_limit(h), 8, 1e-12);
	llm_host_acquire(h, hz_clock_now() + 10);
	llm_host_release(h, 1);
	HZ_CHECK_NEAR(llm_host_limit(h), 4, 1e-12);
	llm_host_acquire(h, hz_clock_now() + 10);
	llm_host_release(h, 1);
	llm_host_acquire(h, hz_clock_now() + 10);
	llm_host_release(h, 1);
	llm_host_acquire(h, hz_clock_now() + 10);
	llm_host_release(h, 1);
	HZ_CHECK_NEAR(llm_host_limit(h), 1, 1e-12); /* never below one */
	for (int i = 0; i < 3; i++) {
		llm_host_acquire(h, hz_clock_now() + 10);
		llm_host_release(h, 0);
	}
	HZ_CHECK(llm_host_limit(h) > 2 && llm_host_limit(h) < 3); /* slow recovery */
	for (int i = 0; i < 200; i++) {
		llm_host_acquire(h, hz_clock_now() + 10);
		llm_host_release(h, 0);
	}
	HZ_CHECK_NEAR(llm_host_limit(h), 8, 1e-12);
	/* A full host: a waiter gives up at its deadline. */
	h = llm_host_get("full.test:443", 1);
	HZ_CHECK(llm_host_acquire(h, hz_clock_now() + 10) >= 0);
	{
		double t0 = hz_clock_now();
		HZ_CHECK(llm_host_acquire(h, t0 + 0.2) < 0);
		HZ_CHECK(hz_clock_now() - t0 >= 0.19);
	}
	llm_host_release(h, 0);
	HZ_CHECK(llm_host_acquire(h, hz_clock_now() + 10) >= 0);
	llm_host_release(h, 0);
}

static void test_text_actions(void)
{
	llm_toolcall c;

	HZ_CHECK_EQ_INT(llm_parse_text_action("I will look.\n```json\n{\"tool\": \"bash\", \"command\": \"ls {a,b}\"}\n```", &c), 0);
	HZ_CHECK_EQ_STR(c.name, "bash");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(c.args, "command")), "ls {a,b}");
	llm_toolcall_release(&c);
	HZ_CHECK_EQ_INT(llm_parse_text_action("set {x} then {\"tool\":\"submit\",\"answer\":\"42\"} done", &c), 0);
	HZ_CHECK_EQ_STR(c.name, "submit");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(c.args, "answer")), "42");
	llm_toolcall_release(&c);
	HZ_CHECK_EQ_INT(llm_parse_text_action("no action {\"command\": \"ls\"}", &c), HZ_ENOTFOUND);
	HZ_CHECK_EQ_INT(llm_parse_text_action("", &c), HZ_ENOTFOUND);
}

static void test_clip(void)
{
	hz_buf b = HZ_BUF_INIT;
	char big[5000];

	memset(big, 'x', sizeof(big));
	big[0] = 'H';
	big[sizeof(big) - 1] = 'T';
	HZ_CHECK_EQ_INT(llm_clip_output(&b, big, sizeof(big), 1000, 0), 0);
	HZ_CHECK(b.ptr[0] == 'H' && b.ptr[b.len - 1] == 'T');
	HZ_CHECK(strstr(b.ptr, "[... output truncated: 4000 bytes omitted ...]") != NULL);
	hz_buf_clear(&b);
	HZ_CHECK_EQ_INT(llm_clip_output(&b, "ok\xff\xfe\0z", 6, 1000, 1), 0);
	{
		json_t *js = json_string(b.ptr); /* NULL unless valid UTF-8 */
		HZ_CHECK(js != NULL);
		json_decref(js);
	}
	HZ_CHECK(strncmp(b.ptr, "ok\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz", 12) == 0);
	HZ_CHECK(strstr(b.ptr, "[output truncated") != NULL);
	hz_buf_release(&b);
}

static llm_conv parse_conv;

static void test_wire_parse(void)
{
	llm_reply r;
	const char *oa = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"hm\","
			 "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"bash\","
			 "\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
			 "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":5}}";
	const char *an = "{\"content\":[{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"s\"},{\"type\":\"text\","
			 "\"text\":\"Run.\"},{\"type\":\"tool_use\",\"id\":\"tu1\",\"name\":\"submit\",\"input\":{\"answer\":\"a\"}}],"
			 "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":3,\"cache_read_input_tokens\":4,\"output_tokens\":2}}";

	HZ_CHECK_EQ_INT(llm_wire_openai.parse(&parse_conv, oa, strlen(oa), &r), 0);
	HZ_CHECK_EQ_INT(r.ncalls, 1);
	HZ_CHECK_EQ_STR(r.calls[0].id, "c1");
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(r.calls[0].args, "command")), "ls");
	HZ_CHECK_EQ_INT(r.input_tokens, 11);
	HZ_CHECK_EQ_STR(r.stop, "tool_calls");
	/* reasoning_content stays in the parsed message; the loop drops it unless keep_reasoning=1. */
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(r.message, "reasoning_content")), "hm");
	llm_reply_release(&r);
	HZ_CHECK_EQ_INT(llm_wire_anthropic.parse(&parse_conv, an, strlen(an), &r), 0);
	HZ_CHECK_EQ_INT(r.ncalls, 1);
	HZ_CHECK_EQ_STR(r.text, "Run.");
	HZ_CHECK_EQ_INT(r.input_tokens, 7);
	HZ_CHECK_EQ_INT(r.cache_read_tokens, 4);
	HZ_CHECK_EQ_INT(json_array_size(json_object_get(r.message, "content")), 3); /* thinking kept */
	llm_reply_release(&r);
	HZ_CHECK_EQ_INT(llm_wire_openai.parse(&parse_conv, "{\"choices\":[]}", 14, &r), HZ_EINVALID);
	HZ_CHECK_EQ_INT(llm_wire_anthropic.parse(&parse_conv, "{\"content\":", 11, &r), HZ_EINVALID);
	HZ_CHECK_EQ_INT(llm_wire_anthropic.parse(&parse_conv, "{\"error\":{}}", 12, &r), HZ_EINVALID);
}

/* Cached input tokens are billed at the cache prices, which default to the input price. */
static void test_cost(void)
{
	hz_agent *a = NULL;
	llm_reply r;
	const char *oa = "{\"choices\":[{\"message\":{\"content\":\"hi\"}}],\"usage\":{\"prompt_tokens\":1000000,"
			 "\"completion_tokens\":100000,\"prompt_tokens_details\":{\"cached_tokens\":600000}}}";

	HZ_CHECK_EQ_INT(llm_wire_openai.parse(&parse_conv, oa, strlen(oa), &r), 0);
	HZ_CHECK_EQ_INT(r.cache_read_tokens, 600000);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,price_in=2,price_out=8"), 0);
	HZ_CHECK_NEAR(llm_reply_cost(a->state, &r), 2 + 0.8, 1e-12);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,price_in=2,price_out=8,price_cache_read=0.5"), 0);
	HZ_CHECK_NEAR(llm_reply_cost(a->state, &r), 0.4 * 2 + 0.6 * 0.5 + 0.8, 1e-12);
	hz_agent_free(a);
	llm_reply_release(&r);
}

/* body.KEY settings reach the request body as JSON values (or strings). */
static void test_extra_body(void)
{
	hz_agent *a = NULL;
	llm_conv conv;
	hz_buf body = HZ_BUF_INIT;
	json_t *req;

	memset(&conv, 0, sizeof(conv));

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "qwen:qwen3-32b,body.enable_thinking=false,body.top_k=20,body.tag=x y"), 0);
	conv.system = "sys";
	conv.messages = json_pack("[{s:s, s:s}]", "role", "user", "content", "hi");
	hz_buf_init(&body, 1 << 20);
	HZ_CHECK_EQ_INT(llm_wire_openai.build(a->state, &conv, 1, &body), 0);
	req = json_loads(hz_buf_cstr(&body), 0, NULL);
	HZ_CHECK(json_is_false(json_object_get(req, "enable_thinking")));
	HZ_CHECK_EQ_INT(json_integer_value(json_object_get(req, "top_k")), 20);
	HZ_CHECK_EQ_STR(json_string_value(json_object_get(req, "tag")), "x y");
	HZ_CHECK_EQ_INT(json_array_size(json_object_get(req, "messages")), 2);
	json_decref(req);
	hz_agent_free(a);
	hz_buf_release(&body);
	hz_buf_release(&conv.cache);
	json_decref(conv.messages);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "openai:m,body.messages=[]"), HZ_EINVALID);
}

static void test_redact(void)
{
	char s[] = "key sk-abc and sk-abc again";
	char *e = llm_error_text("{\"error\":{\"message\":\"Incorrect API key\"}}", 41);

	llm_redact(s, "sk-abc");
	HZ_CHECK_EQ_STR(s, "key ****** and ****** again");
	llm_redact(s, "");
	HZ_CHECK_EQ_STR(e, "Incorrect API key");
	free(e);
}

/* The agents file of docs/agents.md: every entry builds, presets resolve, and the docs match the file. */
static void test_agents_example(void)
{
	char path[1024], docs[1024], *text = NULL, *doc = NULL;
	hz_agent_config *cfgs = NULL;
	size_t n = 0, found = 0;

	snprintf(path, sizeof(path), "%s/tests/data/llm/agents-example.yaml", hz_test_source_dir());
	snprintf(docs, sizeof(docs), "%s/docs/agents.md", hz_test_source_dir());
	HZ_CHECK_EQ_INT(hz_agents_file_load(path, &cfgs, &n), 0);
	HZ_CHECK_EQ_INT(n, 15);
	for (size_t i = 0; i < n; i++) {
		hz_agent *a = NULL;
		const hz_agent_config *c;
		if (hz_agent_new(&a, &cfgs[i]) != 0) {
			fprintf(stderr, "%s: %s\n", cfgs[i].alias, hz_error_message());
			HZ_CHECK(0);
			continue;
		}
		c = hz_agent_get_config(a);
		HZ_CHECK(!strcmp(hz_agent_backend(a), "openai") || !strcmp(hz_agent_backend(a), "anthropic"));
		HZ_CHECK(c->base_url != NULL);
		if (!strcmp(c->alias, "Qwen-Plus (mainland)") && ++found)
			HZ_CHECK_EQ_STR(c->base_url, "https://dashscope.aliyuncs.com/compatible-mode/v1");
		if (!strcmp(c->alias, "my gateway") && ++found)
			HZ_CHECK_EQ_STR(c->api_key_env, "GATEWAY_KEY");
		if (!strcmp(c->alias, "Qwen3 8B (Ollama)") && ++found)
			HZ_CHECK(c->api_key_env == NULL && !strcmp(c->model, "qwen3:8b"));
		if (!strcmp(c->alias, "Claude Sonnet 4.5") && ++found)
			HZ_CHECK(!strcmp(c->api_key_env, "ANTHROPIC_API_KEY") && c->price_out == 15);
		hz_agent_free(a);
	}
	HZ_CHECK_EQ_INT(found, 4);
	for (size_t i = 0; i < n; i++)
		hz_agent_config_release(&cfgs[i]);
	free(cfgs);
	HZ_CHECK_EQ_INT(hz_fs_read(path, 1 << 20, &text, NULL), 0);
	HZ_CHECK_EQ_INT(hz_fs_read(docs, 1 << 20, &doc, NULL), 0);
	HZ_CHECK(text && doc && strstr(doc, text) != NULL); /* docs/agents.md shows this very file */
	free(text);
	free(doc);
}

HZ_TEST_MAIN(HZ_TEST(test_presets), HZ_TEST(test_agents_example), HZ_TEST(test_settings_errors), HZ_TEST(test_backoff_and_retry_after),
	     HZ_TEST(test_host_limit), HZ_TEST(test_text_actions), HZ_TEST(test_clip), HZ_TEST(test_wire_parse), HZ_TEST(test_cost), HZ_TEST(test_extra_body),
	     HZ_TEST(test_redact))
