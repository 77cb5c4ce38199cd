/* Agents files (YAML and JSON) and the run engine's built-in backends' settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "horizon/agents.h"
#include "horizon/agent.h"
#include "horizon/error.h"
#include "hz_test.h"

static char *write_tmp(const char *name, const char *text)
{
	char *p = hz_path_join("/tmp", name);

	HZ_CHECK_EQ_INT(hz_fs_write_atomic(p, text, strlen(text)), 0);
	return p;
}

static void free_cfgs(hz_agent_config *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hz_agent_config_release(&c[i]);
	free(c);
}

static void test_yaml(void)
{
	char *p = write_tmp("hz_test_agents.yaml", "- alias: gpt-4o\n"
						      "  backend: openai\n"
						      "  model: gpt-4o-2024-08-06\n"
						      "  release_date: 2024-08-06\n"
						      "  price_in: 2.5\n"
						      "  price_out: 10\n"
						      "  temperature: 0\n"
						      "- spec: sim,h50=30,slope=0.8\n"
						      "  alias: sim-30\n");
	hz_agent_config *c = NULL;
	size_t n = 0;

	HZ_CHECK_EQ_INT(hz_agents_file_load(p, &c, &n), 0);
	HZ_CHECK_EQ_INT(n, 2);
	if (n == 2) {
		HZ_CHECK_EQ_STR(c[0].alias, "gpt-4o");
		HZ_CHECK_EQ_STR(c[0].backend, "openai");
		HZ_CHECK_EQ_STR(c[0].model, "gpt-4o-2024-08-06");
		HZ_CHECK_EQ_STR(c[0].release_date, "2024-08-06");
		HZ_CHECK_NEAR(c[0].price_in, 2.5, 1e-12);
		HZ_CHECK_NEAR(c[0].price_out, 10, 1e-12);
		HZ_CHECK_EQ_STR(hz_agent_config_param(&c[0], "temperature"), "0");
		HZ_CHECK_EQ_STR(c[1].alias, "sim-30");
		HZ_CHECK_EQ_STR(c[1].backend, "sim");
		HZ_CHECK_EQ_STR(hz_agent_config_param(&c[1], "h50"), "30");
	}
	free_cfgs(c, n);
	unlink(p);
	free(p);
}

static void test_json(void)
{
	char *p = write_tmp("hz_test_agents.json",
			    "{\"agents\": [{\"backend\": \"oracle\"}, {\"backend\": \"null\", \"alias\": \"nothing\"}]}");
	hz_agent_config *c = NULL;
	size_t n = 0;

	HZ_CHECK_EQ_INT(hz_agents_file_load(p, &c, &n), 0);
	HZ_CHECK_EQ_INT(n, 2);
	if (n == 2) {
		HZ_CHECK_EQ_STR(c[0].alias, "oracle");
		HZ_CHECK_EQ_STR(c[1].alias, "nothing");
	}
	free_cfgs(c, n);
	unlink(p);
	free(p);
}

static void test_errors(void)
{
	char *p = write_tmp("hz_test_agents_bad.yaml", "- alias: x\n  backend: openai\n  release_date: soon\n");
	hz_agent_config *c = NULL;
	size_t n = 0;

	HZ_CHECK_EQ_INT(hz_agents_file_load(p, &c, &n), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "hz_test_agents_bad.yaml:3: 'release_date' must be a date") != NULL);
	unlink(p);
	free(p);
	p = write_tmp("hz_test_agents_bad.yaml", "alias: [unclosed\n");
	HZ_CHECK_EQ_INT(hz_agents_file_load(p, &c, &n), HZ_EINVALID);
	HZ_CHECK(strstr(hz_error_message(), "hz_test_agents_bad.yaml:") != NULL);
	unlink(p);
	free(p);
	HZ_CHECK_EQ_INT(hz_agents_file_load("/nonexistent/agents.yaml", &c, &n), HZ_ENOTFOUND);
}

static void test_backend_settings(void)
{
	hz_agent *a = NULL;

	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "sim,h50=30,slope=0.8,seed=3"), 0);
	HZ_CHECK_EQ_STR(a ? hz_agent_backend(a) : NULL, "sim");
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "sim"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "sim,h50=-1"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "cmd"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "cmd,command=true,net=wifi"), HZ_EINVALID);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "cmd,command=true,net=host,mount=/opt"), 0);
	hz_agent_free(a);
	HZ_CHECK_EQ_INT(hz_agent_new_from_spec(&a, "oracle"), 0);
	hz_agent_free(a);
}

HZ_TEST_MAIN(HZ_TEST(test_yaml), HZ_TEST(test_json), HZ_TEST(test_errors), HZ_TEST(test_backend_settings))
