/*
 * Provider presets: base URL, key variable and default settings for every
 * API horizon knows how to reach, and how a preset fills an agent config.
 */
#include <string.h>

#include "horizon/error.h"
#include "horizon/llm.h"
#include "llm_settings.h"

static const hz_llm_preset presets[] = {
	{ "openai", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "max_tokens_field=max_completion_tokens",
	  "OpenAI chat completions (gpt-4o, gpt-5, o3, ...)" },
	{ "openai-responses", "openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "api=responses",
	  "OpenAI Responses API (POST /responses; gpt-5, o3, codex models)" },
	{ "anthropic", "anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", NULL,
	  "Anthropic Messages API (claude-*)" },
	{ "deepseek", "openai", "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY", NULL,
	  "DeepSeek (deepseek-chat, deepseek-reasoner)" },
	{ "qwen", "openai", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY", NULL,
	  "Qwen, DashScope compatible mode, international (Singapore)" },
	{ "qwen-cn", "openai", "https://dashscope.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY", NULL,
	  "Qwen, DashScope compatible mode, mainland China (Beijing)" },
	{ "kimi", "openai", "https://api.moonshot.ai/v1", "MOONSHOT_API_KEY", "keep_reasoning=1",
	  "Moonshot AI / Kimi, international" },
	{ "kimi-cn", "openai", "https://api.moonshot.cn/v1", "MOONSHOT_API_KEY", "keep_reasoning=1",
	  "Moonshot AI / Kimi, mainland China" },
	{ "glm", "openai", "https://open.bigmodel.cn/api/paas/v4", "ZHIPUAI_API_KEY", NULL,
	  "Zhipu AI / GLM (BigModel, mainland China)" },
	{ "glm-intl", "openai", "https://api.z.ai/api/paas/v4", "ZAI_API_KEY", NULL,
	  "Zhipu AI / GLM, international (Z.ai)" },
	{ "openrouter", "openai", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY", NULL,
	  "OpenRouter (model ids like anthropic/claude-sonnet-4.5)" },
	{ "gemini", "openai", "https://generativelanguage.googleapis.com/v1beta/openai", "GEMINI_API_KEY", NULL,
	  "Google Gemini, OpenAI-compatible endpoint" },
	{ "vllm", "openai", "http://127.0.0.1:8000/v1", NULL, "context_window=auto",
	  "local vLLM server (vllm serve); key only with --api-key" },
	{ "ollama", "openai", "http://127.0.0.1:11434/v1", NULL, NULL,
	  "local Ollama server; models without tools fall back to JSON-in-text" },
	{ "llamacpp", "openai", "http://127.0.0.1:8080/v1", NULL, "context_window=auto",
	  "local llama.cpp server (llama-server; --jinja for tool calls)" },
};

#define NPRESETS (sizeof(presets) / sizeof(presets[0]))

const hz_llm_preset *hz_llm_presets(size_t *n)
{
	*n = NPRESETS;
	return presets;
}

const hz_llm_preset *hz_llm_preset_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < NPRESETS; i++)
		if (!strcmp(presets[i].name, name))
			return &presets[i];
	return NULL;
}

const char *hz_llm_preset_backend(const char *name)
{
	const hz_llm_preset *p = hz_llm_preset_find(name);

	return p ? p->backend : NULL;
}

/* Apply "k=v,k=v" defaults that the config does not already set. */
static int apply_params(hz_agent_config *cfg, const char *params)
{
	char item[128];
	const char *p = params;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *eq;
		int rc;

		if (n >= sizeof(item))
			return hz_error_set(HZ_EINVALID, "preset setting too long");
		memcpy(item, p, n);
		item[n] = '\0';
		if ((eq = strchr(item, '=')) != NULL) {
			*eq = '\0';
			if (!hz_agent_config_param(cfg, item) && (rc = hz_agent_config_set_param(cfg, item, eq + 1)) != 0)
				return rc;
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static int set_default(char **field, const char *value)
{
	if (*field || !value)
		return 0;
	if (!(*field = strdup(value)))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	return 0;
}

int llm_preset_apply(hz_agent_config *cfg)
{
	const char *name = hz_agent_config_param(cfg, "preset");
	const hz_llm_preset *p;
	int rc;

	if (!name)
		name = cfg->backend;
	p = hz_llm_preset_find(name);
	if (!p && hz_agent_config_param(cfg, "preset"))
		return hz_error_set(HZ_EINVALID, "agent '%s': unknown preset '%s' (see 'horizon agents list')",
				    cfg->alias ? cfg->alias : "", name);
	if (p) {
		if (strcmp(p->backend, hz_llm_preset_backend(cfg->backend) ? hz_llm_preset_backend(cfg->backend)
									  : cfg->backend))
			return hz_error_set(HZ_EINVALID, "agent '%s': preset '%s' speaks the %s protocol, not %s",
					    cfg->alias ? cfg->alias : "", p->name, p->backend, cfg->backend);
		/*
		 * The preset's key variable and defaults go with its own URL only:
		 * a user-given base_url must name its key variable itself, so an
		 * OpenAI key is never sent to some other host by default.
		 */
		if (cfg->base_url)
			return 0;
		if ((rc = set_default(&cfg->base_url, p->base_url)) != 0 ||
		    (rc = set_default(&cfg->api_key_env, p->api_key_env)) != 0)
			return rc;
		return apply_params(cfg, p->params);
	}
	return 0;
}
