/* Fuzz agents files (`run --agents`): hz_agents_file_load, then each config as the registry would see it. */
#include "fuzz.h"
#include "horizon/agent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hz_agent_config *cfgs = NULL;
	size_t n = 0;
	int rc = hz_agents_file_load(fuzz_write(0, "agents.yaml", data, size), &cfgs, &n);

	fuzz_check_error(rc);
	for (size_t i = 0; i < n; i++) {
		hz_agent_config copy;
		if (!cfgs[i].alias || !cfgs[i].backend)
			abort(); /* the loader promises both */
		if (hz_agent_config_copy(&copy, &cfgs[i]) == 0)
			hz_agent_config_release(&copy);
		hz_agent_config_release(&cfgs[i]);
	}
	free(cfgs);
	return 0;
}
