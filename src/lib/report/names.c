/*
 * Display names for chart labels: the user's map (--names FILE) first, then
 * the names of the models behind the keys of METR's published results files
 * (benchmark_results 1.0 and 1.1), else the alias itself.
 */
#include <string.h>

#include "plot_internal.h"

static const char *const metr_names[][2] = {
	{ "gpt2", "GPT-2" },
	{ "davinci_002", "davinci-002 (GPT-3)" },
	{ "gpt_3_5_turbo_instruct", "GPT-3.5 Turbo Instruct" },
	{ "gpt_4", "GPT-4" },
	{ "gpt_4_0125", "GPT-4 0125" },
	{ "gpt_4_1106", "GPT-4 1106" },
	{ "gpt_4_1106_inspect", "GPT-4 1106" },
	{ "gpt_4_turbo", "GPT-4 Turbo" },
	{ "gpt_4_turbo_inspect", "GPT-4 Turbo" },
	{ "gpt_4o", "GPT-4o" },
	{ "gpt_4o_inspect", "GPT-4o" },
	{ "o1_preview", "o1-preview" },
	{ "o1_elicited", "o1" },
	{ "o1_inspect", "o1" },
	{ "o3", "o3" },
	{ "o3_inspect", "o3" },
	{ "gpt_5", "GPT-5" },
	{ "gpt_5_2025_08_07_inspect", "GPT-5" },
	{ "gpt_5_1_codex_max", "GPT-5.1-Codex-Max" },
	{ "gpt_5_1_codex_max_inspect", "GPT-5.1-Codex-Max" },
	{ "gpt_5_2", "GPT-5.2" },
	{ "gpt_5_3_codex", "GPT-5.3-Codex" },
	{ "gpt_5_4", "GPT-5.4" },
	{ "claude_3_opus", "Claude 3 Opus" },
	{ "claude_3_opus_inspect", "Claude 3 Opus" },
	{ "claude_3_5_sonnet", "Claude 3.5 Sonnet (Jun 2024)" },
	{ "claude_3_5_sonnet_20240620_inspect", "Claude 3.5 Sonnet (Jun 2024)" },
	{ "claude_3_5_sonnet_20241022", "Claude 3.5 Sonnet (Oct 2024)" },
	{ "claude_3_5_sonnet_20241022_inspect", "Claude 3.5 Sonnet (Oct 2024)" },
	{ "claude_3_7_sonnet", "Claude 3.7 Sonnet" },
	{ "claude_3_7_sonnet_inspect", "Claude 3.7 Sonnet" },
	{ "claude_4_opus", "Claude Opus 4" },
	{ "claude_4_opus_inspect", "Claude Opus 4" },
	{ "claude_4_sonnet", "Claude Sonnet 4" },
	{ "claude_4_1_opus", "Claude Opus 4.1" },
	{ "claude_4_1_opus_inspect", "Claude Opus 4.1" },
	{ "claude_sonnet_4_5", "Claude Sonnet 4.5" },
	{ "claude_opus_4_5", "Claude Opus 4.5" },
	{ "claude_opus_4_5_inspect", "Claude Opus 4.5" },
	{ "claude_opus_4_6_inspect", "Claude Opus 4.6" },
	{ "gemini_2_5_pro_preview", "Gemini 2.5 Pro (preview)" },
	{ "gemini_3_pro", "Gemini 3 Pro" },
	{ "gemini_3_1_pro", "Gemini 3.1 Pro" },
	{ "deepseek_v3", "DeepSeek-V3" },
	{ "deepseek_v3_0324", "DeepSeek-V3 0324" },
	{ "deepseek_r1", "DeepSeek-R1" },
	{ "deepseek_r1_0528", "DeepSeek-R1 0528" },
	{ "grok_4", "Grok 4" },
	{ "kimi_k2_thinking", "Kimi K2 Thinking" },
	{ "qwen_2_72b", "Qwen2 72B" },
	{ "qwen_2_5_72b", "Qwen2.5 72B" },
};

const char *rp_display_name(const hz_plot_opts *opts, const char *alias)
{
	for (size_t i = 0; opts && i < opts->nnames; i++)
		if (!strcmp(opts->names[2 * i], alias))
			return opts->names[2 * i + 1];
	for (size_t i = 0; i < sizeof(metr_names) / sizeof(metr_names[0]); i++)
		if (!strcmp(metr_names[i][0], alias))
			return metr_names[i][1];
	return alias;
}
