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

HZ_TEST_MAIN(HZ_TEST(test_spec_parse), HZ_TEST(test_registry))
