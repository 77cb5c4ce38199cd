/* Unit tests for agent spec parsing and the backend registry. */
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "hz_test.h"

static void test_spec_parse(void)
{
	hz_agent_config cfg;

	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "openai:gpt-4o,temperature=0,alias=GPT-4o,release=2024-05-13"), 0);
	HZ_CHECK_EQ_STR(cfg.backend, "openai");
	HZ_CHECK_EQ_STR(cfg.model, "gpt-4o");
	HZ_CHECK_EQ_STR(cfg.alias, "GPT-4o");
	HZ_CHECK_EQ_STR(cfg.release_date, "2024-05-13");
	HZ_CHECK_EQ_STR(hz_agent_config_param(&cfg, "temperature"), "0");
	hz_agent_config_release(&cfg);

	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "null"), 0);
	HZ_CHECK_EQ_STR(cfg.alias, "null");
	HZ_CHECK(cfg.model == NULL);
	hz_agent_config_release(&cfg);

	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "sim,h50"), HZ_EUSAGE);
	HZ_CHECK(strstr(hz_error_message(), "'h50' is not key=value") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "sim,release=2024-13-01"), HZ_EINVALID);

	/* An empty setting is malformed, wherever it is. */
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "sim,,h50=1"), HZ_EUSAGE);
	HZ_CHECK(strstr(hz_error_message(), "empty setting") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "sim,h50=1,"), HZ_EUSAGE);
}

/* The default alias is BACKEND[:MODEL]: settings and metadata (release, prices) are not part of it. */
static void test_default_alias(void)
{
	hz_agent_config cfg;

	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "deepseek:deepseek-chat,release=2024-12-26,price_in=0.27"), 0);
	HZ_CHECK_EQ_STR(cfg.alias, "deepseek:deepseek-chat");
	hz_agent_config_release(&cfg);
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "ollama:qwen3:8b,temperature=0"), 0);
	HZ_CHECK_EQ_STR(cfg.alias, "ollama:qwen3:8b");
	hz_agent_config_release(&cfg);
	HZ_CHECK_EQ_INT(hz_agent_config_parse(&cfg, "sim,h50=2,slope=0.9,release=2023-01-01"), 0);
	HZ_CHECK_EQ_STR(cfg.alias, "sim");
	hz_agent_config_release(&cfg);
}

/* Built-in backends reject an unknown setting, naming it, like the LLM backends do. */
static void test_unknown_settings(void)
{
	static const char *const bad[] = { "sim,h50=1,slpoe=2", "cmd,command=true,nett=host", "oracle,h50=1",
					   "null,x=1", NULL };
	hz_agent *a = NULL;

	for (size_t i = 0; bad[i]; i++) {
		HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, bad[i]), HZ_EINVALID);
		HZ_CHECK(a == NULL);
		HZ_CHECK(strstr(hz_error_message(), "unknown setting") != NULL);
	}
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "sim,h50=1,slpoe=2"), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "'slpoe'") != NULL);
	HZ_CHECK(strstr(hz_error_message(), "h50, slope, seed") != NULL);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "sim,h50=1,slope=2,seed=4,release=2024-01-01,price_in=1"), 0);
	hz_agent_free(a);
}

static void test_registry(void)
{
	hz_agent *a = NULL;
	hz_agent_outcome out;

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "null,alias=nothing"), 0);
	HZ_CHECK_EQ_STR(hz_agent_alias(a), "nothing");
	HZ_CHECK_EQ_STR(hz_agent_backend(a), "null");
	HZ_CHECK_EQ_INT(hz_agent_run(a, NULL, &out), 0);
	HZ_CHECK_EQ_STR(out.exit_reason, "agent_exit");
	hz_agent_outcome_release(&out);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "nonesuch:model"), HZ_ENOTFOUND);
	HZ_CHECK(a == NULL);
}

HZ_TEST_MAIN(HZ_TEST(test_spec_parse), HZ_TEST(test_default_alias), HZ_TEST(test_unknown_settings),
	     HZ_TEST(test_registry))
